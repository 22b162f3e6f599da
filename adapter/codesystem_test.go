package adapter

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"im1fhir"
	"im1fhir/conformance"
	"im1fhir/terminology"
)

func inProcessTerminology(t *testing.T) *terminology.Service {
	t.Helper()
	svc := terminology.NewService(terminology.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if _, err := svc.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
		t.Fatal(err)
	}
	return svc
}

func codeSystemSearch(query string) gpcReq {
	return gpcReq{path: foundations + "/CodeSystem?" + query, interaction: conformance.IDCodeSystemSearch}
}

func TestCodeSystemSearch(t *testing.T) {
	svc := inProcessTerminology(t)
	ts := mustServer(t, func(c *Config) { c.Terminology = svc })
	b := wantOK(t, codeSystemSearch("url=http://snomed.info/sct").do(t, ts), "Bundle")
	entries, _ := b["entry"].([]any)
	if len(entries) < 2 {
		t.Fatalf("want every loaded SNOMED version, got %d entries", len(entries))
	}
	defaults := 0
	for _, e := range entries {
		cs := e.(map[string]any)["resource"].(map[string]any)
		if cs["url"] != "http://snomed.info/sct" || cs["content"] != "not-present" || !strings.HasPrefix(cs["version"].(string), "http://snomed.info/sct/") {
			t.Errorf("CodeSystem = %v", cs)
		}
		if strings.Contains(toJSON(cs), "codesystem-default-version") {
			defaults++
		}
	}
	if defaults == 0 {
		t.Errorf("no version marked as the default")
	}
	all := wantOK(t, codeSystemSearch("").do(t, ts), "Bundle")
	if n := len(all["entry"].([]any)); n <= len(entries) {
		t.Errorf("search without url lists %d versions, want more than SNOMED's %d", n, len(entries))
	}
	none := wantOK(t, codeSystemSearch("url=http://snomed.info/sct&version=19990101").do(t, ts), "Bundle")
	if _, ok := none["entry"]; ok {
		t.Errorf("unknown version matched: %v", none["entry"])
	}
}

// flakyTerminology fails while down is set.
type flakyTerminology struct {
	terminology.Client
	down  atomic.Bool
	calls atomic.Int32
}

func (f *flakyTerminology) Versions(ctx context.Context, system string) ([]terminology.CodeSystemVersion, error) {
	f.calls.Add(1)
	if f.down.Load() {
		return nil, errors.New("dial tcp: connection refused: " + terminology.ErrUnavailable.Error())
	}
	return f.Client.Versions(ctx, system)
}

func TestCodeSystemSearchWhenTerminologyIsDown(t *testing.T) {
	flaky := &flakyTerminology{Client: inProcessTerminology(t)}
	flaky.down.Store(true)
	var clock atomic.Int64 // unix nanos; atomic because the server reads it on its own goroutines
	clock.Store(testNow.UnixNano())
	advance := func() { clock.Add(int64(codeVersionsTTL + time.Second)) }
	ts := mustServer(t, func(c *Config) {
		c.Terminology = flaky
		c.Now = func() time.Time { return time.Unix(0, clock.Load()).UTC() }
	})
	resp := codeSystemSearch("url=http://snomed.info/sct").do(t, ts)
	if resp.Header.Get("Retry-After") == "" {
		t.Errorf("503 without Retry-After")
	}
	wantOutcome(t, resp, 503, conformance.InternalServerError)
	// Other interactions are unaffected.
	wantOK(t, patientSearch.do(t, ts), "Bundle")

	flaky.down.Store(false)
	advance()
	wantOK(t, codeSystemSearch("url=http://snomed.info/sct").do(t, ts), "Bundle")

	// Down again after a good fetch: the last list is served.
	flaky.down.Store(true)
	advance()
	wantOK(t, codeSystemSearch("url=http://snomed.info/sct").do(t, ts), "Bundle")
	calls := flaky.calls.Load()
	wantOK(t, codeSystemSearch("url=http://snomed.info/sct").do(t, ts), "Bundle")
	if flaky.calls.Load() != calls {
		t.Errorf("a failed refresh is retried on every request; want once per TTL")
	}
}
