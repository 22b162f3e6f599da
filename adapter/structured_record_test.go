package adapter

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"im1fhir/conformance"
	"im1fhir/record"
	"im1fhir/source/sandbox"
)

// More fixture NHS numbers (valid modulus 11) for the structured tests.
const (
	nhsTemporary  = "9476719931"
	nhsUnverified = "9476719974" // on the spine, number not yet verified (02)
)

const structuredPath = structured + "/Patient/$gpc.getstructuredrecord"

// structuredPractice is the harness practice with a clinical record for the
// active patient (every area, an ended and a confidential allergy) and two
// more patients the structured record must refuse.
func structuredPractice() *record.Practice {
	pr := testPractice()
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	code := func(read, term, snomed, display string) record.Concept {
		return record.Concept{Codings: []record.Code{
			{System: record.SystemSNOMED, Code: snomed, Display: display},
			{System: record.SystemReadV2, Code: read, Display: display, DescriptionID: term},
		}}
	}
	item := func(id string, eff record.Date, c record.Concept) record.Item {
		return record.Item{ID: id, Effective: eff, Recorded: mod, AuthorID: "p1", Code: c, LastModified: mod}
	}
	for i := range pr.Patients {
		p := &pr.Patients[i]
		if p.ID != "1" {
			continue
		}
		p.Record = record.ClinicalRecord{
			Allergies: []record.Allergy{
				{Item: item("A1", record.DateOf(2015, 3, 1), code("14L..", "00", "294505008", "Amoxicillin allergy")), Category: "medication", ClinicalStatus: "active"},
				{Item: item("A2", record.DateOf(2001, 5, 1), code("SN5..", "00", "300913006", "Shellfish allergy")), Category: "environment",
					ClinicalStatus: "resolved", Ended: record.DateOf(2010, 1, 1), EndReason: "Resolved"},
				{Item: func() record.Item {
					it := item("A3", record.DateOf(2019, 1, 1), code("14L..", "00", "91936005", "Penicillin allergy"))
					it.Confidential = true
					return it
				}(), Category: "medication", ClinicalStatus: "active"},
			},
			Medications: []record.Medication{{
				Item:   item("M1", record.DateOf(2024, 1, 10), record.Concept{}),
				Drug:   record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: "322236009", Display: "Paracetamol 500mg tablets"}}},
				Dosage: "Two tablets four times a day", PrescriptionType: "repeat", Status: "active",
				Period:   record.Period{Start: record.DateOf(2024, 1, 10)},
				Quantity: record.Quantity{Value: 100, Unit: "tablet"},
				Issues:   []record.MedicationIssue{{ID: "M1-1", Issued: record.DateOf(2024, 1, 10), AuthorID: "p1", Quantity: record.Quantity{Value: 100, Unit: "tablet"}, DurationDays: 28, LastModified: mod}},
			}},
			Problems: []record.Problem{{Item: item("P1", record.DateOf(2012, 4, 4), code("G20..", "00", "38341003", "Hypertension")),
				Status: "active", Significance: "major", Period: record.Period{Start: record.DateOf(2012, 4, 4)}}},
			Observations: []record.Observation{{Item: item("O1", record.DateOf(2025, 6, 1), code("22K..", "00", "60621009", "Body mass index")),
				Value: &record.Quantity{Value: 24.1, Unit: "kg/m2"}}},
			Immunisations: []record.Immunisation{{Item: item("I1", record.DateOf(2025, 10, 1), code("65E..", "00", "86198006", "Influenza vaccination")),
				Vaccine: code("65E..", "00", "86198006", "Influenza vaccination"), Status: "completed"}},
			Referrals: []record.Referral{{Item: item("R1", record.DateOf(2023, 2, 2), code("8H4..", "00", "306206005", "Referral to service")),
				Status: "active", Priority: "routine"}},
			DiaryEntries: []record.DiaryEntry{{Item: item("D1", record.DateOf(2026, 11, 1), code("9N4..", "00", "185087000", "Recall")),
				Due: record.DateOf(2026, 12, 1), Status: "active"}},
		}
	}
	extra := pr.Patients[0]
	extra.Record = record.ClinicalRecord{}
	temp := extra
	temp.ID, temp.NHSNumber = "30", nhsTemporary
	temp.Registration.Type = record.RegistrationTemporary
	unverified := extra
	unverified.ID, unverified.NHSNumber = "31", nhsUnverified
	unverified.NHSNumberStatus = "02"
	pr.Patients = append(pr.Patients, temp, unverified)
	return pr
}

func mustStructuredServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	src, err := sandbox.FromPractices(testPDS(), structuredPractice())
	if err != nil {
		tb.Fatal(err)
	}
	return mustServer(tb, func(c *Config) { c.Source = src })
}

func structuredReq(body string) gpcReq {
	return gpcReq{method: http.MethodPost, path: structuredPath, interaction: conformance.IDGetStructuredRecord, body: body,
		header: map[string]string{"Content-Type": "application/fhir+json"}}
}

// TestStructuredParameterRules sends every refusal rule of the parameter
// parser through the real server: status and Spine code must reach the
// consumer unchanged.
func TestStructuredParameterRules(t *testing.T) {
	ts := mustStructuredServer(t)
	for _, c := range paramRejections() {
		t.Run(c.name, func(t *testing.T) {
			wantOutcome(t, structuredReq(c.body).do(t, ts), c.status, c.code)
		})
	}
}

// TestStructuredPatientStates: only a disclosable, regular-GMS patient with
// a verified NHS number gets a record; dissent is 403 (gpconnect.md §5.1).
func TestStructuredPatientStates(t *testing.T) {
	ts := mustStructuredServer(t)
	cases := []struct {
		name   string
		nhs    string
		status int
		code   conformance.SpineCode
	}{
		{"unknown", nhsUnknown, 404, conformance.PatientNotFound},
		{"sensitive", nhsSensitive, 404, conformance.PatientNotFound},
		{"deceased", nhsDeceased, 404, conformance.PatientNotFound},
		{"inactive", nhsInactive, 404, conformance.PatientNotFound},
		{"not on the spine, number unverified", nhsNotOnSpine, 404, conformance.PatientNotFound},
		{"number not verified (02)", nhsUnverified, 404, conformance.PatientNotFound},
		{"temporary registration", nhsTemporary, 404, conformance.PatientNotFound},
		{"dissent", nhsDissent, 403, conformance.NoPatientConsent},
		{"active", nhsActive, 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := paramsBody(nhsParam("https://fhir.nhs.uk/Id/nhs-number", c.nhs), pAllergies)
			resp := structuredReq(body).do(t, ts)
			if c.status == 200 {
				wantOK(t, resp, "Bundle")
				return
			}
			oo := wantOutcome(t, resp, c.status, c.code)
			if diag := oo["issue"].([]any)[0].(map[string]any)["diagnostics"].(string); strings.Contains(diag, c.nhs) {
				t.Errorf("diagnostics %q carry the NHS number", diag)
			}
		})
	}
}

// entries groups a Bundle's entry resources by resourceType.
func entries(t testing.TB, bundle map[string]any) map[string][]map[string]any {
	t.Helper()
	out := map[string][]map[string]any{}
	es, _ := bundle["entry"].([]any)
	for _, e := range es {
		r := e.(map[string]any)["resource"].(map[string]any)
		rt := r["resourceType"].(string)
		out[rt] = append(out[rt], r)
	}
	return out
}

func listTitles(lists []map[string]any) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l["title"].(string))
	}
	return out
}

// TestStructuredRecord is the happy path: the Bundle envelope GP Connect
// fixes, the patient and practice, the requested lists only, confidential
// items left out with their warning, and no OperationOutcome.
func TestStructuredRecord(t *testing.T) {
	ts := mustStructuredServer(t)
	body := paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue)), area("includeMedication"))
	b := wantOK(t, structuredReq(body).do(t, ts), "Bundle")
	if b["id"] != "09a01679-2564-0fb4-5129-aecc81ea2706" {
		t.Errorf("Bundle.id = %v, want the Ssp-TraceID", b["id"])
	}
	if b["type"] != "collection" {
		t.Errorf("Bundle.type = %v, want collection", b["type"])
	}
	meta := b["meta"].(map[string]any)
	if prof := meta["profile"].([]any); len(prof) != 1 || prof[0] != "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1" {
		t.Errorf("meta.profile = %v", prof)
	}
	for _, k := range []string{"versionId", "lastUpdated"} {
		if _, ok := meta[k]; ok {
			t.Errorf("Bundle meta.%s must not be populated", k)
		}
	}
	for _, k := range []string{"total", "link"} {
		if _, ok := b[k]; ok {
			t.Errorf("Bundle.%s must not be populated", k)
		}
	}
	byType := entries(t, b)
	if len(byType["Patient"]) != 1 {
		t.Fatalf("%d Patients, want 1", len(byType["Patient"]))
	}
	if len(byType["Organization"]) == 0 || len(byType["Practitioner"]) == 0 {
		t.Errorf("no practice Organization or usual GP Practitioner: %v", keys(byType))
	}
	if _, ok := byType["OperationOutcome"]; ok {
		t.Errorf("an OperationOutcome entry without unrecognised parameters")
	}
	titles := strings.Join(listTitles(byType["List"]), "|")
	for _, want := range []string{"Allergies and adverse reactions", "Ended allergies", "Medications and medical devices"} {
		if !strings.Contains(titles, want) {
			t.Errorf("lists %q lack %q", titles, want)
		}
	}
	if strings.Contains(titles, "Problems") || strings.Contains(titles, "Immunisations") {
		t.Errorf("lists %q hold areas not requested", titles)
	}
	for _, a := range byType["AllergyIntolerance"] {
		if a["id"] == "A3" || strings.Contains(a["id"].(string), "A3") {
			t.Errorf("confidential allergy disclosed: %v", a["id"])
		}
	}
	if len(byType["AllergyIntolerance"]) != 1 {
		t.Errorf("%d AllergyIntolerance entries, want 1 (the active one; the ended one is contained in its list)", len(byType["AllergyIntolerance"]))
	}
	if len(byType["MedicationStatement"]) != 1 || len(byType["Medication"]) != 1 {
		t.Errorf("medication entries: %d statements, %d medications, want 1 and 1", len(byType["MedicationStatement"]), len(byType["Medication"]))
	}
	seen := map[string]bool{}
	for rt, rs := range byType {
		for _, r := range rs {
			id, _ := r["id"].(string)
			if id == "" {
				continue
			}
			if seen[rt+"/"+id] {
				t.Errorf("duplicate resource %s/%s", rt, id)
			}
			seen[rt+"/"+id] = true
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestStructuredUnrecognisedParameters: unknown parameters and parts are a
// 200 with ONE OperationOutcome entry, one warning issue per unknown item
// at the least granular level (gpconnect.md §5.1, §9.12).
func TestStructuredUnrecognisedParameters(t *testing.T) {
	ts := mustStructuredServer(t)
	body := paramsBody(pNHS,
		area("includeMadeUpParam", part("madeUpPartParam1", `"valueString":"a"`), part("madeUpPartParam2", `"valueString":"b"`)),
		area("includeAllergies", part("includeResolvedAllergies", vFalse), part("RubbishPartParameter", vTrue)),
		area("includeConsults"))
	b := wantOK(t, structuredReq(body).do(t, ts), "Bundle")
	oos := entries(t, b)["OperationOutcome"]
	if len(oos) != 1 {
		t.Fatalf("%d OperationOutcome entries, want 1", len(oos))
	}
	issues := oos[0]["issue"].([]any)
	want := []string{"includeMadeUpParam", "includeAllergies.RubbishPartParameter", "includeConsults"}
	if len(issues) != len(want) {
		t.Fatalf("%d issues, want %d: %v", len(issues), len(want), issues)
	}
	for i, w := range want {
		is := issues[i].(map[string]any)
		details := is["details"].(map[string]any)
		cd := details["coding"].([]any)
		if is["severity"] != "warning" || is["code"] != "not-supported" || is["diagnostics"] != w ||
			details["text"] != w+" is an unrecognised parameter" || len(cd) != 1 {
			t.Errorf("issue %d = %v", i, is)
			continue
		}
		c := cd[0].(map[string]any)
		if c["system"] != "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1" || c["code"] != "NOT_IMPLEMENTED" || c["display"] != "Not implemented" {
			t.Errorf("issue %d coding = %v", i, c)
		}
	}
}

// TestStructuredUnknownParameterDoesNotHideRefusals: a warning never turns
// a refused patient into a 200.
func TestStructuredUnknownParameterDoesNotHideRefusals(t *testing.T) {
	ts := mustStructuredServer(t)
	body := paramsBody(nhsParam("https://fhir.nhs.uk/Id/nhs-number", nhsSensitive), area("includeMadeUp"))
	wantOutcome(t, structuredReq(body).do(t, ts), 404, conformance.PatientNotFound)
}

// BenchmarkStructuredRecord is the whole operation in process: SSP and JWT
// checks, Parameters validation, look-up, selection, mapping and rendering
// of every area of the test patient.
func BenchmarkStructuredRecord(b *testing.B) {
	src, err := sandbox.FromPractices(testPDS(), structuredPractice())
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Source: src, ASID: testASID, SoftwareName: "im1fhir", SoftwareVersion: "bench",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }})
	if err != nil {
		b.Fatal(err)
	}
	body := paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue)), area("includeMedication"),
		area("includeProblems"), area("includeImmunisations"), area("includeUncategorisedData"), area("includeInvestigations"),
		area("includeReferrals"), area("includeDiaryEntries"))
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

// TestStructuredSpans: the operation's stages are child spans of the
// server span, like every other handler's.
func TestStructuredSpans(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	prev := otel.GetTracerProvider()
	otel.SetTracerProvider(tp)
	// The package tracer delegates to whichever provider was installed
	// first in this test binary, so point it at this test's provider too.
	prevTracer := tracer
	tracer = tp.Tracer("im1fhir/adapter")
	t.Cleanup(func() { otel.SetTracerProvider(prev); tracer = prevTracer })
	ts := mustStructuredServer(t) // after the provider is set: otelhttp picks it up at construction

	wantOK(t, structuredReq(paramsBody(pNHS, pAllergies)).do(t, ts), "Bundle")
	byName := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range rec.Ended() {
		byName[s.Name()] = s
	}
	server, ok := byName["POST /:ods/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord"]
	if !ok {
		t.Fatalf("no server span named by route; spans: %v", keys(byName))
	}
	for _, child := range []string{"source.patient_by_nhs_number", "select", "mapping", "render"} {
		s, ok := byName[child]
		if !ok {
			t.Errorf("no %s span", child)
			continue
		}
		if s.Parent().SpanID() != server.SpanContext().SpanID() {
			t.Errorf("%s span is not a child of the server span", child)
		}
	}
}

// TestStructuredRecordCachedEntries: the second identical request is
// assembled from cached entry JSON and must be byte-identical to the first,
// rendered from scratch.
func TestStructuredRecordCachedEntries(t *testing.T) {
	ts := mustStructuredServer(t)
	body := paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue)), area("includeMedication"),
		area("includeProblems"), area("includeImmunisations"), area("includeDiaryEntries"), area("includeMadeUp"))
	read := func() string {
		resp := structuredReq(body).do(t, ts)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, %v", resp.StatusCode, err)
		}
		return string(b)
	}
	first, second := read(), read()
	if first != second {
		t.Errorf("cached rendering differs from the first:\n%s\n%s", first, second)
	}
}
