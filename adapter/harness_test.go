package adapter

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"im1fhir/conformance"
	"im1fhir/record"
	"im1fhir/source"
	"im1fhir/source/sandbox"
)

const (
	testASID     = "918999198738"
	testConsumer = "200000000359"
	foundations  = "/GPC001/STU3/1/gpconnect/fhir"
	structured   = "/GPC001/STU3/1/gpconnect/structured/fhir"
)

// Fixture NHS numbers (valid modulus 11) for the in-memory practice.
const (
	nhsActive     = "9476719915"
	nhsDissent    = "9476718951"
	nhsSensitive  = "9476718897"
	nhsDeceased   = "9973179641"
	nhsInactive   = "9000000009"
	nhsNotOnSpine = "9476718943"
	nhsUnknown    = "9999999999"
)

var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// testPractice is a small practice in record form, with one patient per
// disclosure trait.
func testPractice() *record.Practice {
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	org := record.Organisation{ID: "1", ODSCode: "GPC001", Name: "Test Practice", Type: "gp-practice", LastModified: mod}
	pt := func(id, nhs string, change func(*record.Patient)) record.Patient {
		p := record.Patient{ID: id, NHSNumber: record.NHSNumber(nhs), NHSNumberStatus: record.NHSNumberVerified,
			Name:      record.HumanName{Use: "official", Family: "Test" + id, Given: []string{"Pat"}, Prefix: []string{"Ms"}},
			BirthDate: record.DateOf(1980, 5, 17), Gender: record.GenderFemale,
			Registration: record.Registration{Type: "R", Active: true, OrganisationID: "1", UsualGPID: "p1",
				PreferredBranchID: "l1", Period: record.Period{Start: record.DateOf(2001, 1, 1)}},
			LastModified: mod}
		if change != nil {
			change(&p)
		}
		return p
	}
	return &record.Practice{
		Organisation:  org,
		Organisations: []record.Organisation{{ID: "2", ODSCode: "R1A14", Name: "Other Practice", LastModified: mod}},
		Locations:     []record.Location{{ID: "l1", Name: "Main Surgery", SiteODSCode: "Z26556", ManagingOrganisationID: "1", Status: "active", LastModified: mod}},
		Practitioners: []record.Practitioner{{ID: "p1", SDSUserID: "G13579135", Name: record.HumanName{Use: "official", Family: "Gilbert", Given: []string{"Nichole"}, Prefix: []string{"Dr"}},
			Gender: record.GenderFemale, LastModified: mod}},
		Patients: []record.Patient{
			pt("1", nhsActive, nil),
			pt("15", nhsDissent, func(p *record.Patient) { p.Consent = record.ConsentDissent }),
			pt("9", nhsSensitive, nil),
			pt("18", nhsDeceased, func(p *record.Patient) { p.Deceased = record.DateOf(2020, 2, 2) }),
			pt("21", nhsInactive, func(p *record.Patient) { p.Registration.Active = false }),
			pt("14", nhsNotOnSpine, func(p *record.Patient) { p.NHSNumberStatus = record.NHSNumberTraceRequired }),
		},
	}
}

func testPDS() map[record.NHSNumber]sandbox.PDSFlags {
	return map[record.NHSNumber]sandbox.PDSFlags{nhsSensitive: {Sensitive: true}, nhsNotOnSpine: {NotOnSpine: true}}
}

// mustServer starts the adapter behind a real listener.
func mustServer(tb testing.TB, mutate ...func(*Config)) *httptest.Server {
	tb.Helper()
	src, err := sandbox.FromPractices(testPDS(), testPractice())
	if err != nil {
		tb.Fatal(err)
	}
	cfg := Config{Source: src, ASID: testASID, SoftwareName: "im1fhir", SoftwareVersion: "test",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }}
	for _, m := range mutate {
		m(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(s)
	tb.Cleanup(ts.Close)
	return ts
}

// claims returns the assurance suite's default JWT payload for a scope.
func claims(scope string) map[string]any {
	iat := testNow.Unix() - 2
	return map[string]any{
		"iss": "https://ConsumerSystemURL", "sub": "1", "aud": "https://authorize.fhir.nhs.net/token/",
		"exp": iat + 300, "iat": iat, "reason_for_request": "directcare", "requested_scope": scope,
		"requesting_device": map[string]any{"resourceType": "Device", "model": "v1", "version": "1.1",
			"identifier": []any{map[string]any{"system": "GPConnectTestSystem", "value": "Client"}}},
		"requesting_organization": map[string]any{"resourceType": "Organization", "name": "GP Connect Assurance",
			"identifier": []any{map[string]any{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "GPCA0001"}}},
		"requesting_practitioner": map[string]any{"resourceType": "Practitioner", "id": "1",
			"name": []any{map[string]any{"family": "Assurance", "given": []any{"Test"}, "prefix": []any{"Dr"}}},
			"identifier": []any{
				map[string]any{"system": "https://fhir.nhs.uk/Id/sds-user-id", "value": "GCASDS0001"},
				map[string]any{"system": "https://fhir.nhs.uk/Id/sds-role-profile-id", "value": "112233445566"},
			}},
	}
}

func b64(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// unsignedJWT builds a GP Connect token: {"alg":"none","typ":"JWT"}.payload.
func unsignedJWT(payload map[string]any) string {
	return b64(map[string]any{"alg": "none", "typ": "JWT"}) + "." + b64(payload) + "."
}

// gpcReq is one GP Connect request under test; zero fields get valid defaults.
type gpcReq struct {
	method, path, interaction, scope string
	body                             string
	header                           map[string]string // "" value deletes the header
	rawHeader                        map[string]string // sent with the name's case as written
	claims                           func(map[string]any)
}

func (r gpcReq) do(t testing.TB, ts *httptest.Server) *http.Response {
	t.Helper()
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, ts.URL+r.path, body)
	if err != nil {
		t.Fatal(err)
	}
	scope := r.scope
	if scope == "" {
		scope = "organization/*.read"
		if in, ok := conformance.Lookup(r.interaction); ok {
			scope = string(in.Scope)
		}
	}
	cl := claims(scope)
	if r.claims != nil {
		r.claims(cl)
	}
	h := req.Header
	h.Set("Ssp-TraceID", "09a01679-2564-0fb4-5129-aecc81ea2706")
	h.Set("Ssp-From", testConsumer)
	h.Set("Ssp-To", testASID)
	h.Set("Ssp-InteractionID", r.interaction)
	h.Set("Authorization", "Bearer "+unsignedJWT(cl))
	h.Set("Accept", "application/fhir+json")
	for k, v := range r.header {
		if v == "" {
			h.Del(k)
		} else {
			h.Set(k, v)
		}
	}
	for k, v := range r.rawHeader {
		h[k] = []string{v}
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// readJSON decodes a response body (gunzipping when needed).
func readJSON(t testing.TB, resp *http.Response) map[string]any {
	t.Helper()
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, b)
	}
	return m
}

// wantOutcome asserts a GP Connect error response: status, exactly one
// Spine coding with the given code, the OperationOutcome profile, no-store.
func wantOutcome(t testing.TB, resp *http.Response, status int, code conformance.SpineCode) map[string]any {
	t.Helper()
	oo := readJSON(t, resp)
	if resp.StatusCode != status {
		t.Errorf("status = %d, want %d (%v)", resp.StatusCode, status, oo)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", cc)
	}
	if oo["resourceType"] != "OperationOutcome" {
		t.Fatalf("resourceType = %v, want OperationOutcome", oo["resourceType"])
	}
	prof := oo["meta"].(map[string]any)["profile"].([]any)
	if len(prof) != 1 || prof[0] != "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1" {
		t.Errorf("meta.profile = %v", prof)
	}
	issues := oo["issue"].([]any)
	if len(issues) < 1 {
		t.Fatalf("no issues")
	}
	iss := issues[0].(map[string]any)
	codings := iss["details"].(map[string]any)["coding"].([]any)
	if len(codings) != 1 {
		t.Fatalf("details.coding has %d entries, want exactly 1", len(codings))
	}
	cd := codings[0].(map[string]any)
	if cd["system"] != "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1" || cd["code"] != string(code) || cd["display"] == "" {
		t.Errorf("coding = %v, want code %s", cd, code)
	}
	if iss["severity"] != "error" || iss["code"] == nil {
		t.Errorf("issue = %v", iss)
	}
	return oo
}

// wantOK asserts a 200 FHIR JSON response of a resource type.
func wantOK(t testing.TB, resp *http.Response, resourceType string) map[string]any {
	t.Helper()
	body := readJSON(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d, want 200: %v", resp.StatusCode, body)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", cc)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/fhir+json") {
		t.Errorf("Content-Type = %q", ct)
	}
	if body["resourceType"] != resourceType {
		t.Fatalf("resourceType = %v, want %s", body["resourceType"], resourceType)
	}
	return body
}

// panicSource panics on every patient look-up, to test recovery.
type panicSource struct{ source.Source }

func (panicSource) PatientByNHSNumber(context.Context, string, record.NHSNumber) (*record.Patient, error) {
	panic("boom")
}

var _ = bytes.NewReader
