package adapter

import (
	"net/http"
	"strings"
	"testing"

	"im1fhir/conformance"
)

var patientSearch = gpcReq{path: foundations + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhsActive,
	interaction: conformance.IDPatientSearch}

// TestSSPHeaders covers gpconnect.md §1.2: each Spine header is required,
// Ssp-To must be ours, the interaction must match verb and path.
func TestSSPHeaders(t *testing.T) {
	ts := mustServer(t)
	cases := []struct {
		name   string
		header map[string]string
		path   string
		id     string
		status int
		code   conformance.SpineCode
	}{
		{"no Ssp-TraceID", map[string]string{"Ssp-TraceID": ""}, "", "", 400, conformance.BadRequest},
		{"no Ssp-From", map[string]string{"Ssp-From": ""}, "", "", 400, conformance.BadRequest},
		{"no Ssp-To", map[string]string{"Ssp-To": ""}, "", "", 400, conformance.BadRequest},
		{"no Ssp-InteractionID", map[string]string{"Ssp-InteractionID": ""}, "", "", 400, conformance.BadRequest},
		{"blank Ssp-From", map[string]string{"Ssp-From": "  "}, "", "", 400, conformance.BadRequest},
		{"Ssp-To not our ASID", map[string]string{"Ssp-To": "123456789012"}, "", "", 400, conformance.BadRequest},
		{"unknown interaction", nil, "", "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-9", 400, conformance.BadRequest},
		{"interaction of another path", nil, "", conformance.IDPatientRead, 400, conformance.BadRequest},
		{"interaction of another root", nil, "", conformance.IDStructuredMetadata, 400, conformance.BadRequest},
		{"unknown practice", nil, "/INVOC1/STU3/1/gpconnect/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhsActive, "", 404, conformance.NoRecordFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := patientSearch
			r.header = c.header
			if c.path != "" {
				r.path = c.path
			}
			if c.id != "" {
				r.interaction = c.id
				r.scope = "patient/*.read"
			}
			wantOutcome(t, r.do(t, ts), c.status, c.code)
		})
	}
}

func TestInteractionHeaderCaseInsensitive(t *testing.T) {
	ts := mustServer(t)
	r := patientSearch
	// The assurance suite literally sends Ssp-InteractionId (lower-case d).
	r.header = map[string]string{"Ssp-InteractionID": ""}
	r.rawHeader = map[string]string{"Ssp-InteractionId": conformance.IDPatientSearch}
	wantOK(t, r.do(t, ts), "Bundle")
}

// TestJWT covers every rule of gpconnect.md §2 and the suite's choices (§9).
func TestJWT(t *testing.T) {
	ts := mustServer(t)
	del := func(k string) func(map[string]any) { return func(m map[string]any) { delete(m, k) } }
	set := func(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }
	cases := []struct {
		name   string
		auth   string
		claims func(map[string]any)
		status int
		code   conformance.SpineCode
	}{
		{"no Authorization", "-", nil, 400, conformance.BadRequest},
		{"not Bearer", "Basic abc", nil, 400, conformance.BadRequest},
		{"two parts", "Bearer " + b64(map[string]any{"alg": "none"}) + "." + b64(claims("patient/*.read")), nil, 400, conformance.BadRequest},
		{"not base64url", "Bearer !!!.@@@.", nil, 400, conformance.BadRequest},
		{"payload not JSON", "Bearer " + b64(map[string]any{"alg": "none", "typ": "JWT"}) + ".bm90IGpzb24.", nil, 400, conformance.BadRequest},
		{"alg HS256", "Bearer " + b64(map[string]any{"alg": "HS256", "typ": "JWT"}) + "." + b64(claims("patient/*.read")) + ".", nil, 400, conformance.BadRequest},
		{"typ not JWT", "Bearer " + b64(map[string]any{"alg": "none", "typ": "XYZ"}) + "." + b64(claims("patient/*.read")) + ".", nil, 400, conformance.BadRequest},
		{"extra header key", "Bearer " + b64(map[string]any{"alg": "none", "typ": "JWT", "kid": "x"}) + "." + b64(claims("patient/*.read")) + ".", nil, 400, conformance.BadRequest},
		{"signature present", "Bearer " + b64(map[string]any{"alg": "none", "typ": "JWT"}) + "." + b64(claims("patient/*.read")) + ".c2ln", nil, 400, conformance.BadRequest},
		{"exp = iat + 299", "", func(m map[string]any) { m["exp"] = m["iat"].(int64) + 299 }, 400, conformance.BadRequest},
		{"exp = iat + 301", "", func(m map[string]any) { m["exp"] = m["iat"].(int64) + 301 }, 400, conformance.BadRequest},
		{"exp before iat", "", func(m map[string]any) { m["exp"] = m["iat"].(int64) - 300 }, 400, conformance.BadRequest},
		{"expired", "", func(m map[string]any) { m["iat"] = testNow.Unix() - 400; m["exp"] = testNow.Unix() - 100 }, 400, conformance.BadRequest},
		{"exp not integer", "", set("exp", "soon"), 400, conformance.BadRequest},
		{"iat in the future is accepted", "", func(m map[string]any) { m["iat"] = testNow.Unix() + 200; m["exp"] = testNow.Unix() + 500 }, 200, ""},
		{"scope unknown", "", set("requested_scope", "patient/*.everything"), 400, conformance.BadRequest},
		{"write scope on a read", "", set("requested_scope", "patient/*.write"), 400, conformance.BadRequest},
		{"organization scope on a patient read", "", set("requested_scope", "organization/*.read"), 400, conformance.BadRequest},
		{"conf/R accepted", "", set("requested_scope", "patient/*.read conf/R"), 200, ""},
		{"bad confidentiality token", "", set("requested_scope", "patient/*.read conf/X"), 400, conformance.BadRequest},
		{"reason not directcare", "", set("reason_for_request", "secondaryuses"), 400, conformance.BadRequest},
		{"device with unknown element", "", func(m map[string]any) { m["requesting_device"].(map[string]any)["foo"] = 1 }, 422, conformance.InvalidResource},
		{"device wrong resourceType", "", func(m map[string]any) { m["requesting_device"].(map[string]any)["resourceType"] = "Patient" }, 422, conformance.InvalidResource},
		{"practitioner wrong resourceType", "", func(m map[string]any) { m["requesting_practitioner"].(map[string]any)["resourceType"] = "Patient" }, 422, conformance.InvalidResource},
		{"practitioner without sds-user-id", "", func(m map[string]any) {
			m["requesting_practitioner"].(map[string]any)["identifier"] = []any{}
		}, 422, conformance.InvalidResource},
		{"organization without ODS code", "", func(m map[string]any) { delete(m["requesting_organization"].(map[string]any), "identifier") }, 422, conformance.InvalidResource},
		{"sub differs from practitioner id", "", set("sub", "2"), 400, conformance.BadRequest},
		{"sds ids UNK accepted", "", func(m map[string]any) {
			m["requesting_practitioner"].(map[string]any)["identifier"] = []any{
				map[string]any{"system": "https://fhir.nhs.uk/Id/sds-user-id", "value": "UNK"},
				map[string]any{"system": "https://fhir.nhs.uk/Id/sds-role-profile-id", "value": "UNK"}}
		}, 200, ""},
		{"aud with legacy value accepted", "", set("aud", "https://authorize.fhir.nhs.net/token/"), 200, ""},
		{"aud null", "", set("aud", nil), 400, conformance.BadRequest},
	}
	for _, claim := range []string{"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
		"requesting_device", "requesting_organization", "requesting_practitioner"} {
		cases = append(cases, struct {
			name   string
			auth   string
			claims func(map[string]any)
			status int
			code   conformance.SpineCode
		}{"missing " + claim, "", del(claim), 400, conformance.BadRequest})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := patientSearch
			r.claims = c.claims
			switch c.auth {
			case "":
			case "-":
				r.header = map[string]string{"Authorization": ""}
			default:
				r.header = map[string]string{"Authorization": c.auth}
			}
			resp := r.do(t, ts)
			if c.status == 200 {
				wantOK(t, resp, "Bundle")
				return
			}
			wantOutcome(t, resp, c.status, c.code)
		})
	}
}

// TestNegotiation covers gpconnect.md §1.2: _format beats Accept, which
// beats Content-Type; XML is refused with 415 until it is served.
func TestNegotiation(t *testing.T) {
	ts := mustServer(t)
	cases := []struct {
		name   string
		query  string
		header map[string]string
		status int
	}{
		{"json by Accept", "", map[string]string{"Accept": "application/fhir+json"}, 200},
		{"no Accept", "", map[string]string{"Accept": ""}, 200},
		{"any", "", map[string]string{"Accept": "*/*"}, 200},
		{"xml by Accept", "", map[string]string{"Accept": "application/fhir+xml"}, 415},
		{"xml by _format", "&_format=xml", nil, 415},
		{"_format json beats Accept xml", "&_format=application/fhir%2Bjson", map[string]string{"Accept": "application/fhir+xml"}, 200},
		{"_format xml beats Accept json", "&_format=application/fhir%2Bxml", nil, 415},
		{"Content-Type xml without Accept", "", map[string]string{"Accept": "", "Content-Type": "application/fhir+xml"}, 415},
		{"unknown type", "", map[string]string{"Accept": "text/plain"}, 415},
		{"list with json", "", map[string]string{"Accept": "text/html, application/json;q=0.9"}, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := patientSearch
			r.path += c.query
			r.header = c.header
			resp := r.do(t, ts)
			if c.status == 200 {
				wantOK(t, resp, "Bundle")
				return
			}
			wantOutcome(t, resp, 415, conformance.UnsupportedMediaType)
		})
	}
}

func TestGzip(t *testing.T) {
	ts := mustServer(t)
	r := gpcReq{path: foundations + "/metadata", interaction: conformance.IDMetadata,
		header: map[string]string{"Accept-Encoding": "gzip"}}
	resp := r.do(t, ts)
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("Content-Encoding = %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	wantOK(t, resp, "CapabilityStatement")
}

func TestNoStoreOnEveryResponse(t *testing.T) {
	ts := mustServer(t)
	for _, path := range []string{"/", "/nope", foundations + "/Nothing", "/healthz", "/readyz"} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: Cache-Control = %q", path, cc)
		}
	}
}

func TestUnknownRouteIsOperationOutcome(t *testing.T) {
	ts := mustServer(t)
	resp, err := ts.Client().Get(ts.URL + foundations + "/Nothing/1")
	if err != nil {
		t.Fatal(err)
	}
	wantOutcome(t, resp, 404, conformance.NoRecordFound)
}

func TestNotImplementedInteraction(t *testing.T) {
	ts := mustServer(t)
	r := gpcReq{path: foundations + "/Slot?start=ge2026-11-26&end=le2026-11-30&status=free&_include=Slot:schedule", interaction: conformance.IDSlotSearch}
	wantOutcome(t, r.do(t, ts), 501, conformance.NotImplemented)
}

func TestPanicBecomes500(t *testing.T) {
	ts := mustServer(t, func(c *Config) { c.Source = panicSource{c.Source} })
	oo := wantOutcome(t, patientSearch.do(t, ts), 500, conformance.InternalServerError)
	diag := oo["issue"].([]any)[0].(map[string]any)["diagnostics"].(string)
	if !strings.Contains(diag, "trace id") || strings.Contains(diag, "boom") {
		t.Errorf("diagnostics = %q: want the trace id and no internal detail", diag)
	}
}

func TestBodyLimit(t *testing.T) {
	ts := mustServer(t, func(c *Config) { c.MaxBodyBytes = 1024 })
	r := gpcReq{method: http.MethodPost, path: structured + "/Patient/$gpc.getstructuredrecord",
		interaction: conformance.IDGetStructuredRecord, body: strings.Repeat("x", 4096),
		header: map[string]string{"Content-Type": "application/fhir+json"}}
	wantOutcome(t, r.do(t, ts), 413, conformance.BadRequest)
}
