package adapter

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"im1fhir"
	"im1fhir/conformance"
	"im1fhir/source/sandbox"
)

// allAreas requests every clinical area with its defaults.
var allAreas = []string{area("includeAllergies", part("includeResolvedAllergies", vTrue)), area("includeMedication"),
	area("includeConsultations"), area("includeProblems"), area("includeImmunisations"), area("includeUncategorisedData"),
	area("includeInvestigations"), area("includeReferrals"), area("includeDiaryEntries")}

func mustShippedServer(tb testing.TB) (*httptest.Server, *sandbox.Sandbox) {
	tb.Helper()
	src, err := sandbox.Open(context.Background(), sandbox.Config{Data: im1fhir.SandboxFS()})
	if err != nil {
		tb.Fatal(err)
	}
	return mustServer(tb, func(c *Config) { c.Source = src }), src
}

// TestStructuredShippedFixtures asks the embedded sandbox for every area of
// each assurance fixture patient (spec/gpconnect-test-fixtures.md): the
// refusals the suite expects, and a Bundle for everyone else — never a 5xx
// from real supplier data.
func TestStructuredShippedFixtures(t *testing.T) {
	ts, _ := mustShippedServer(t)
	refused := map[string]conformance.SpineCode{
		"9476718897": conformance.PatientNotFound,  // patient9: sensitive
		"9476718900": conformance.PatientNotFound,  // patient10: sensitive
		"9476718951": conformance.NoPatientConsent, // patient15: dissent
		"9973179641": conformance.PatientNotFound,  // patient18: deceased
		"9999999999": conformance.PatientNotFound,  // not in the system
	}
	for _, nhs := range []string{"9476719915", "9476719931", "9476719974", "9476719958", "9476719966", "9476719923",
		"9476718870", "9476718889", "9476718897", "9476718900", "9476718927", "9476718935", "9476718943",
		"9476718951", "9006763985", "9226868522", "9973179641", "9999999999"} {
		t.Run(nhs, func(t *testing.T) {
			body := paramsBody(append([]string{nhsParam("https://fhir.nhs.uk/Id/nhs-number", nhs)}, allAreas...)...)
			resp := structuredReq(body).do(t, ts)
			if code, ok := refused[nhs]; ok {
				wantOutcome(t, resp, code.Status(), code)
				return
			}
			b := wantOK(t, resp, "Bundle")
			if len(entries(t, b)["List"]) < len(allAreas) {
				t.Errorf("%d Lists, want at least one per requested area (%d)", len(entries(t, b)["List"]), len(allAreas))
			}
		})
	}
}

// BenchmarkStructuredRichestFixture is the whole operation in process for
// the richest shipped fixture patient (patient2, every area).
func BenchmarkStructuredRichestFixture(b *testing.B) {
	src, err := sandbox.Open(context.Background(), sandbox.Config{Data: im1fhir.SandboxFS()})
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Source: src, ASID: testASID, SoftwareName: "im1fhir", SoftwareVersion: "bench",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }})
	if err != nil {
		b.Fatal(err)
	}
	body := paramsBody(append([]string{nhsParam("https://fhir.nhs.uk/Id/nhs-number", "9476719931")}, allAreas...)...)
	tmpl := benchRequestTB(b, structuredPath, conformance.IDGetStructuredRecord)
	b.ReportAllocs()
	for b.Loop() {
		req := tmpl.Clone(tmpl.Context())
		req.Method = http.MethodPost
		req.Body = io.NopCloser(strings.NewReader(body))
		req.Header.Set("Content-Type", "application/fhir+json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
