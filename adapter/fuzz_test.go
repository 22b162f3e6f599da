package adapter

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"im1fhir/conformance"
)

// FuzzJWT: any Authorization value gives claims or a GP Connect error of
// 400 or 422 — never a panic, never another status.
func FuzzJWT(f *testing.F) {
	in, _ := conformance.Lookup(conformance.IDPatientRead)
	f.Add("Bearer " + unsignedJWT(claims("patient/*.read")))
	f.Add("Bearer " + unsignedJWT(map[string]any{"requested_scope": " "}))
	f.Add("Bearer a.b.")
	f.Add("Bearer ..")
	f.Add("bearer e30.e30.")
	jc, err := newJWTChecker(func() time.Time { return testNow })
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, auth string) {
		h := http.Header{}
		h.Set("Authorization", auth)
		cl, err := jc.check(h, in)
		if err == nil {
			if cl == nil || cl.scope != in.Scope {
				t.Fatalf("accepted %q without the interaction's scope", auth)
			}
			return
		}
		ge, ok := conformance.As(err)
		if !ok || (ge.Status != 400 && ge.Status != 422) {
			t.Fatalf("check(%q) = %v, want a 400/422 GP Connect error", auth, err)
		}
	})
}

// FuzzSearchQuery: any raw query string on the Patient, Organization and
// Practitioner searches gives 200, 400 or 422 with a well-formed body.
func FuzzSearchQuery(f *testing.F) {
	s := benchServerFor(f)
	f.Add("identifier=https://fhir.nhs.uk/Id/nhs-number|9476719915", 0)
	f.Add("identifier=%zz", 1)
	f.Add("identifier=|&identifier=x", 2)
	f.Add("_format=xml&identifier=a|b", 0)
	paths := []struct{ path, id string }{
		{foundations + "/Patient", conformance.IDPatientSearch},
		{foundations + "/Organization", conformance.IDOrganizationSearch},
		{foundations + "/Practitioner", conformance.IDPractitionerSearch},
	}
	f.Fuzz(func(t *testing.T, query string, which int) {
		p := paths[(which%3+3)%3]
		req := benchRequestTB(t, p.path, p.id)
		req.URL.RawQuery = query
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		switch w.Code {
		case 200, 400, 415, 422:
		default:
			t.Fatalf("query %q on %s: status %d: %s", query, p.path, w.Code, w.Body)
		}
		var body map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || body["resourceType"] == nil {
			t.Fatalf("query %q: body is not a FHIR resource: %s", query, w.Body)
		}
	})
}

// FuzzNegotiation: any Accept / _format / Content-Type combination is served
// as JSON or refused with 415 — nothing else.
func FuzzNegotiation(f *testing.F) {
	s := benchServerFor(f)
	f.Add("application/fhir+json", "", "")
	f.Add("", "xml", "")
	f.Add("text/html;q=0.1, */*", "", "application/fhir+xml")
	f.Fuzz(func(t *testing.T, accept, format, contentType string) {
		req := benchRequestTB(t, foundations+"/metadata", conformance.IDMetadata)
		q := req.URL.Query()
		if format != "" {
			q.Set("_format", format)
		}
		req.URL.RawQuery = q.Encode()
		req.Header.Set("Accept", accept)
		req.Header.Set("Content-Type", contentType)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 && w.Code != 415 {
			t.Fatalf("Accept %q _format %q Content-Type %q: status %d", accept, format, contentType, w.Code)
		}
	})
}
