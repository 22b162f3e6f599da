package adapter

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/source/sandbox"
)

// benchRequest builds one valid GP Connect request for in-process benchmarks.
func benchRequest(b *testing.B, path, interaction string) *http.Request {
	return benchRequestTB(b, path, interaction)
}

func benchRequestTB(_ testing.TB, path, interaction string) *http.Request {
	in, _ := conformance.Lookup(interaction)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Ssp-TraceID", "09a01679-2564-0fb4-5129-aecc81ea2706")
	req.Header.Set("Ssp-From", testConsumer)
	req.Header.Set("Ssp-To", testASID)
	req.Header.Set("Ssp-InteractionID", interaction)
	req.Header.Set("Authorization", "Bearer "+unsignedJWT(claims(string(in.Scope))))
	req.Header.Set("Accept", "application/fhir+json")
	return req
}

func benchServer(b *testing.B) *Server { return benchServerFor(b) }

func benchServerFor(b testing.TB) *Server {
	src, err := sandbox.FromPractices(testPDS(), testPractice())
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Source: src, ASID: testASID, SoftwareName: "im1fhir", SoftwareVersion: "bench",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func runHandler(b *testing.B, h http.Handler, req *http.Request) {
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

// BenchmarkPatientSearch is the whole pipeline in process: SSP and JWT
// checks, source look-up, mapping, FHIR rendering, logging, tracing.
func BenchmarkPatientSearch(b *testing.B) {
	runHandler(b, benchServer(b), benchRequest(b, foundations+"/Patient?identifier="+nhsSystem+"|"+nhsActive, conformance.IDPatientSearch))
}

func BenchmarkPatientRead(b *testing.B) {
	runHandler(b, benchServer(b), benchRequest(b, foundations+"/Patient/1", conformance.IDPatientRead))
}

func BenchmarkMetadata(b *testing.B) {
	runHandler(b, benchServer(b), benchRequest(b, foundations+"/metadata", conformance.IDMetadata))
}

// BenchmarkBareEcho is the baseline: an Echo handler returning the same
// Patient JSON from memory, with nothing else.
func BenchmarkBareEcho(b *testing.B) {
	s := benchServer(b)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, benchRequest(b, foundations+"/Patient/1", conformance.IDPatientRead))
	body := w.Body.Bytes()
	e := echo.New()
	e.GET("/Patient/:id", func(c echo.Context) error { return c.Blob(http.StatusOK, contentTypeFHIRJSON, body) })
	runHandler(b, e, httptest.NewRequest(http.MethodGet, "/Patient/1", nil))
}
