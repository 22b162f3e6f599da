package fhirapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"im1fhir"
	"im1fhir/terminology"
)

func TestNegotiate(t *testing.T) {
	for accept, want := range map[string]fhirVersion{
		"":                                       r4,
		"application/fhir+json":                  r4,
		"application/fhir+json; fhirVersion=3.0": stu3,
		"application/fhir+json;fhirVersion=3.0.1":               stu3,
		"text/html, application/fhir+json; fhirVersion=\"3.0\"": stu3,
		"application/fhir+json; fhirVersion=4.0":                r4,
	} {
		if got := negotiate(accept); got != want {
			t.Errorf("negotiate(%q) = %v, want %v", accept, got, want)
		}
	}
}

func TestParseLookupLanguage(t *testing.T) {
	p, _ := paramsFromQuery(url.Values{"system": {"http://snomed.info/sct"}, "code": {"1"}})
	for header, want := range map[string]string{"en-US,en;q=0.9": "en-US", "*": "", "": "", "<script>": ""} {
		req, err := parseLookup(p, header)
		if err != nil || req.DisplayLanguage != want {
			t.Errorf("Accept-Language %q → %q, %v; want %q", header, req.DisplayLanguage, err, want)
		}
	}
	p, _ = paramsFromQuery(url.Values{"system": {"s"}, "code": {"1"}, "property": {"parent,child", "inactive"}})
	req, err := parseLookup(p, "")
	if err != nil || strings.Join(req.Properties, " ") != "parent child inactive" {
		t.Errorf("properties = %v, %v", req.Properties, err)
	}
}

// FuzzLookupQuery: any query string gives a request or a 4xx error, never
// a panic; a request always has a system and a code.
func FuzzLookupQuery(f *testing.F) {
	f.Add("system=http://snomed.info/sct&code=195967001&version=20251119&property=parent")
	f.Add("coding=http://snomed.info/sct|1|2&property=a,b&displayLanguage=en-GB")
	f.Add("code=&code=&coding=|")
	f.Fuzz(func(t *testing.T, q string) {
		vals, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		p, err := paramsFromQuery(vals)
		if err != nil {
			assertClientError(t, err)
			return
		}
		req, err := parseLookup(p, "")
		if err != nil {
			assertClientError(t, err)
			return
		}
		if req.System == "" || req.Code == "" {
			t.Fatalf("request without system or code: %+v from %q", req, q)
		}
	})
}

// FuzzLookupBody does the same for POSTed Parameters.
func FuzzLookupBody(f *testing.F) {
	f.Add([]byte(`{"resourceType":"Parameters","parameter":[{"name":"coding","valueCoding":{"system":"http://snomed.info/sct","code":"1"}},{"name":"property","valueCode":"parent"}]}`))
	f.Add([]byte(`{"resourceType":"Parameters","parameter":[{"name":"system","valueUri":"x"},{"name":"code","valueBoolean":true}]}`))
	f.Add([]byte(`{"resourceType":"Parameters","parameter":[{"name":"codeableConcept","valueCodeableConcept":{"coding":[{}]}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := paramsFromBody(body)
		if err != nil {
			assertClientError(t, err)
			return
		}
		if req, err := parseLookup(p, ""); err == nil && (req.System == "" || req.Code == "") {
			t.Fatalf("request without system or code: %+v", req)
		} else if err != nil {
			assertClientError(t, err)
		}
		if _, err := parseValidate(p, true); err != nil {
			assertClientError(t, err)
		}
	})
}

func assertClientError(t *testing.T, err error) {
	t.Helper()
	status, _ := toOutcome(err)
	if status < 400 || status >= 500 {
		t.Fatalf("parameter error %v maps to %d, want 4xx", err, status)
	}
}

func BenchmarkLookupHandler(b *testing.B) {
	svc := terminology.NewService(terminology.Config{Logger: quiet})
	if _, err := svc.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
		b.Fatal(err)
	}
	h := NewServer(Config{Service: svc, Logger: quiet}).Handler()
	for _, accept := range []string{"", acceptSTU3} {
		b.Run("fhirVersion="+negotiate(accept).String(), func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=195967001", nil)
			req.Header.Set("Accept", accept)
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
