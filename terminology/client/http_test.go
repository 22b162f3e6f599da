package client

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"im1fhir"
	"im1fhir/terminology"
	"im1fhir/terminology/fhirapi"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func mustSidecar(tb testing.TB) (*terminology.Service, http.Handler) {
	tb.Helper()
	svc := terminology.NewService(terminology.Config{Logger: quiet})
	if _, err := svc.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
		tb.Fatal(err)
	}
	return svc, fhirapi.NewServer(fhirapi.Config{Service: svc, Logger: quiet}).Handler()
}

func mustClient(tb testing.TB, url string, cfg Config) *HTTP {
	tb.Helper()
	cfg.BaseURL = url
	c, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// TestSameAnswersAsInProcess runs one table against both implementations
// of terminology.Client: the adapter must not care which it has.
func TestSameAnswersAsInProcess(t *testing.T) {
	svc, h := mustSidecar(t)
	srv := httptest.NewServer(h)
	defer srv.Close()
	remote := mustClient(t, srv.URL, Config{})
	reqs := []terminology.LookupRequest{
		{System: terminology.SystemSNOMED, Code: "195967001"},
		{System: terminology.SystemSNOMED, Code: "19999999103"},
		{System: terminology.SystemSNOMED, Code: "19999999103", Version: "http://snomed.info/sct/83821000000107/version/20251119"},
		{System: terminology.SystemSNOMED, Code: "44054006", Version: "20251119", Properties: []string{"parent"}},
		{System: terminology.SystemDMD, Code: "37365911000001107"},
		{System: terminology.SystemReadV2, Code: "H33.."},
	}
	for _, req := range reqs {
		want, err := svc.Lookup(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		got, err := remote.Lookup(context.Background(), req)
		if err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v:\n HTTP       %+v\n in-process %+v", req, got, want)
		}
	}
	wantV, _ := svc.Versions(context.Background(), terminology.SystemSNOMED)
	gotV, err := remote.Versions(context.Background(), terminology.SystemSNOMED)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotV) != len(wantV) || gotV[0].Version != wantV[0].Version || !gotV[0].IsDefault {
		t.Errorf("Versions over HTTP = %d (first %+v), want %d", len(gotV), gotV[0], len(wantV))
	}
}

func TestErrorKinds(t *testing.T) {
	svc, h := mustSidecar(t)
	srv := httptest.NewServer(h)
	defer srv.Close()
	remote := mustClient(t, srv.URL, Config{})
	tests := []struct {
		name string
		req  terminology.LookupRequest
		want error
	}{
		{"unknown code", terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "999999999999999999"}, terminology.ErrNotFound},
		{"unknown version", terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "195967001", Version: "20000101"}, terminology.ErrUnknownVersion},
		{"unknown system", terminology.LookupRequest{System: "http://loinc.org", Code: "1"}, terminology.ErrUnknownSystem},
		{"invalid", terminology.LookupRequest{System: terminology.SystemSNOMED}, terminology.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, c := range map[string]terminology.Client{"in-process": svc, "http": remote} {
				_, err := c.Lookup(context.Background(), tt.req)
				if !errors.Is(err, tt.want) {
					t.Errorf("%s: err = %v, want %v", name, err, tt.want)
				}
			}
		})
	}
	_, err := remote.Lookup(context.Background(), terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "1", Version: "20000101"})
	var ve *terminology.VersionError
	if !errors.As(err, &ve) || len(ve.Valid) != 7 || ve.Version != "20000101" {
		t.Fatalf("VersionError over HTTP = %#v", err)
	}
}

func TestRetriesTransientFailures(t *testing.T) {
	_, h := mustSidecar(t)
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	remote := mustClient(t, srv.URL, Config{Backoff: time.Millisecond})
	res, err := remote.Lookup(context.Background(), terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "195967001"})
	if err != nil || res.Display != "Asthma" {
		t.Fatalf("after two 503s: %+v, %v", res, err)
	}
	if calls.Load() != 3 {
		t.Errorf("calls = %d, want 3", calls.Load())
	}
}

// TestSidecarDown: callers get ErrUnavailable quickly, the breaker stops
// further attempts, and a recovered sidecar is used again after the cool-down.
func TestSidecarDown(t *testing.T) {
	_, h := mustSidecar(t)
	var up atomic.Bool
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if !up.Load() {
			// Behave like a dead peer: drop the connection.
			hj, _ := w.(http.Hijacker)
			conn, _, _ := hj.Hijack()
			conn.Close()
			return
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	remote := mustClient(t, srv.URL, Config{Backoff: time.Millisecond, Retries: 1, BreakerThreshold: 3, BreakerCooldown: 100 * time.Millisecond})
	req := terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "195967001"}
	for i := 0; i < 3; i++ {
		if _, err := remote.Lookup(context.Background(), req); !errors.Is(err, terminology.ErrUnavailable) {
			t.Fatalf("call %d: err = %v, want ErrUnavailable", i, err)
		}
	}
	before := calls.Load()
	start := time.Now()
	_, err := remote.Lookup(context.Background(), req)
	if !errors.Is(err, terminology.ErrUnavailable) || calls.Load() != before {
		t.Fatalf("open breaker: err = %v, server calls %d → %d (want none)", err, before, calls.Load())
	}
	if d := time.Since(start); d > 10*time.Millisecond {
		t.Errorf("open breaker took %v to refuse", d)
	}
	up.Store(true)
	time.Sleep(120 * time.Millisecond)
	if res, err := remote.Lookup(context.Background(), req); err != nil || res.Display != "Asthma" {
		t.Fatalf("after recovery: %+v, %v", res, err)
	}
	if remote.br.open() {
		t.Error("breaker still open after a successful probe")
	}
}

func TestNoServerAtAll(t *testing.T) {
	l := httptest.NewServer(http.NotFoundHandler())
	url := l.URL
	l.Close() // nothing listens there now
	remote := mustClient(t, url, Config{Backoff: time.Millisecond, Timeout: 200 * time.Millisecond})
	_, err := remote.Versions(context.Background(), "")
	if !errors.Is(err, terminology.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
}

func BenchmarkLookupHTTP(b *testing.B) {
	_, h := mustSidecar(b)
	srv := httptest.NewServer(h)
	defer srv.Close()
	remote := mustClient(b, srv.URL, Config{})
	req := terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "195967001"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := remote.Lookup(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
