package fhirapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"

	"im1fhir"
	"im1fhir/terminology"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func mustServer(tb testing.TB) (*httptest.Server, *terminology.Service) {
	tb.Helper()
	svc := terminology.NewService(terminology.Config{Logger: quiet})
	if _, err := svc.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(Config{Service: svc, Logger: quiet, Version: "test"}).Handler())
	tb.Cleanup(srv.Close)
	return srv, svc
}

const acceptSTU3 = "application/fhir+json; fhirVersion=3.0"

var unmarshallers = map[fhirVersion]*jsonformat.Unmarshaller{}

// mustValid parses body with google/fhir's validating unmarshaller for v.
func mustValid(t *testing.T, v fhirVersion, body []byte) {
	t.Helper()
	u := unmarshallers[v]
	if u == nil {
		ver := fhirversion.R4
		if v == stu3 {
			ver = fhirversion.STU3
		}
		var err error
		u, err = jsonformat.NewUnmarshaller("UTC", ver)
		if err != nil {
			t.Fatal(err)
		}
		unmarshallers[v] = u
	}
	if _, err := u.Unmarshal(body); err != nil {
		t.Fatalf("FHIR %s validation failed: %v\nbody: %s", v, err, body)
	}
}

func do(t *testing.T, method, u, accept string, body []byte, ctype string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

// params pulls name → values (valueString/valueCode/valueBoolean rendered as text).
func params(t *testing.T, body []byte) map[string][]string {
	t.Helper()
	var p parameters
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, pp := range p.Parameter {
		out[pp.Name] = append(out[pp.Name], valueText(pp))
		for _, part := range pp.Part {
			out[pp.Name+"."+part.Name] = append(out[pp.Name+"."+part.Name], valueText(part))
		}
		if pp.Name == "property" && len(pp.Part) == 2 {
			k := "property:" + valueText(pp.Part[0])
			out[k] = append(out[k], valueText(pp.Part[1]))
		}
	}
	return out
}

func valueText(p param) string {
	switch {
	case p.ValueString != nil:
		return *p.ValueString
	case p.ValueCode != nil:
		return *p.ValueCode
	case p.ValueBoolean != nil:
		if *p.ValueBoolean {
			return "true"
		}
		return "false"
	case p.ValueCoding != nil:
		return p.ValueCoding.System + "|" + p.ValueCoding.Code
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const (
	mono2 = "http://snomed.info/sct/83821000000107/version/20260311"
	mono1 = "http://snomed.info/sct/83821000000107/version/20251119"
)

func TestLookup(t *testing.T) {
	srv, _ := mustServer(t)
	tests := []struct {
		name        string
		query       string
		accept      string
		wantVersion string
		wantDisplay string
		want        map[string]string // extra name → value that must be present
	}{
		{"default version is the latest UK Monolith", "system=http://snomed.info/sct&code=195967001", "", mono2, "Asthma",
			map[string]string{"designation.value": "Asthma (disorder)", "property:parent": "64572001", "property:inactive": "false", "property:moduleId": "900000000000207008"}},
		{"STU3 adds abstract", "system=http://snomed.info/sct&code=195967001", acceptSTU3, mono2, "Asthma",
			map[string]string{"abstract": "false"}},
		{"old UK Edition alias normalised", "system=http://snomed.info/sct&code=44054006&version=http://snomed.info/sct/999000041000000102/version/20251119", "", mono1, "Type II diabetes mellitus", nil},
		{"bare date", "system=http://snomed.info/sct&code=44054006&version=20251119", "", mono1, "Type II diabetes mellitus", nil},
		{"ISO date", "system=http://snomed.info/sct&code=44054006&version=2026-03-11", "", mono2, "Type 2 diabetes mellitus", nil},
		{"edition-only URI gives its latest", "system=http://snomed.info/sct&code=44054006&version=http://snomed.info/sct/900000000000207008", "",
			"http://snomed.info/sct/900000000000207008/version/20260201", "Type 2 diabetes mellitus", nil},
		{"International history from a Full release", "system=http://snomed.info/sct&code=44054006&version=http://snomed.info/sct/900000000000207008/version/20251101", "",
			"http://snomed.info/sct/900000000000207008/version/20251101", "Type II diabetes mellitus", nil},
		{"edition URI as system (Snowstorm #111)", "system=http://snomed.info/sct/83821000000107&code=195967001", "", mono2, "Asthma", nil},
		{"UK Clinical edition falls back to its International dependency", "system=http://snomed.info/sct&code=195967001&version=http://snomed.info/sct/999000021000000109", "",
			"http://snomed.info/sct/999000021000000109/version/20260311", "Asthma", nil},
		{"pinned older version: concept still active", "system=http://snomed.info/sct&code=19999999103&version=" + mono1, "", mono1,
			"Synthetic asthma review using structured template", map[string]string{"property:inactive": "false"}},
		{"newer version: concept inactive and replaced", "system=http://snomed.info/sct&code=19999999103", "", mono2,
			"Synthetic asthma review using structured template", map[string]string{"property:inactive": "true", "property:replacedBy": "29999999105"}},
		{"GP Connect list code", "system=http://snomed.info/sct&code=886921000000105", "", mono2, "Allergies and adverse reactions", nil},
		{"coding parameter", "coding=http://snomed.info/sct|38341003", "", mono2, "Hypertension", map[string]string{"designation.value": "High blood pressure"}},
		{"property filter", "system=http://snomed.info/sct&code=73211009&property=child", "", mono2, "Diabetes mellitus", map[string]string{"property:child": "44054006"}},
		{"dm+d default week", "system=https://dmd.nhs.uk&code=318136009", "", "20210906", "Co-amilofruse 5mg/40mg tablets", map[string]string{"property:class": "VMP"}},
		{"dm+d code change: old code inactive, replaced", "system=https://dmd.nhs.uk&code=318135008", "", "20210906", "Co-amilofruse 2.5mg/20mg tablets",
			map[string]string{"property:inactive": "true"}},
		{"dm+d pinned to the real extract", "system=https://dmd.nhs.uk&code=37365911000001107&version=20210826", "", "20210826",
			"Co-amilofruse 5mg/40mg tablets (Mawdsley-Brooks & Company Ltd) 28 tablet", map[string]string{"property:inactive": "false"}},
		{"dm+d invalidated pack in the new week", "system=https://dmd.nhs.uk&code=37365911000001107", "", "20210906",
			"Co-amilofruse 5mg/40mg tablets (Mawdsley-Brooks & Company Ltd) 28 tablet", map[string]string{"property:inactive": "true"}},
		{"dm+d release-name version", "system=https://dmd.nhs.uk&code=" + "3019999999107" + "&version=9.0.0_20210906", "", "20210906", "Testamol 500mg tablets", nil},
		{"Read v2", "system=http://read.info/readv2&code=H33..", "", "20160401", "Asthma", map[string]string{"property:snomedMap": "http://snomed.info/sct|195967001"}},
		{"CTV3", "system=http://read.info/ctv3&code=X40J5", "", "20180401", "Type 2 diabetes mellitus", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, h := do(t, "GET", srv.URL+"/fhir/CodeSystem/$lookup?"+escapeQuery(tt.query), tt.accept, nil, "")
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			v := negotiate(tt.accept)
			mustValid(t, v, body)
			if h.Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control = %q", h.Get("Cache-Control"))
			}
			p := params(t, body)
			if got := p["version"]; len(got) != 1 || got[0] != tt.wantVersion {
				t.Errorf("version = %v, want %s", got, tt.wantVersion)
			}
			if got := p["display"]; len(got) != 1 || got[0] != tt.wantDisplay {
				t.Errorf("display = %v, want %q", got, tt.wantDisplay)
			}
			for k, want := range tt.want {
				if !contains(p[k], want) {
					t.Errorf("%s = %v, want it to contain %q", k, p[k], want)
				}
			}
			if v == r4 && p["abstract"] != nil {
				t.Errorf("R4 response carries STU3's abstract")
			}
		})
	}
}

// escapeQuery escapes values in a readable a=b&c=d test string.
func escapeQuery(q string) string {
	vals := url.Values{}
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		vals.Add(k, v)
	}
	return vals.Encode()
}

func TestLookupPOST(t *testing.T) {
	srv, _ := mustServer(t)
	body := `{"resourceType":"Parameters","parameter":[
		{"name":"coding","valueCoding":{"system":"http://snomed.info/sct","code":"91936005"}},
		{"name":"version","valueString":"` + mono1 + `"},
		{"name":"property","valueCode":"inactive"},
		{"name":"displayLanguage","valueCode":"en-GB"}]}`
	status, resp, _ := do(t, "POST", srv.URL+"/fhir/CodeSystem/$lookup", "", []byte(body), "application/fhir+json")
	if status != 200 {
		t.Fatalf("status %d: %s", status, resp)
	}
	mustValid(t, r4, resp)
	p := params(t, resp)
	if p["display"][0] != "Allergy to penicillin" || p["version"][0] != mono1 {
		t.Fatalf("got %v", p)
	}
	if len(p["property.code"]) != 1 || p["property.code"][0] != "inactive" {
		t.Errorf("properties = %v, want only inactive", p["property.code"])
	}
	// Form-encoded POST is a FHIR-allowed alternative.
	status, resp, _ = do(t, "POST", srv.URL+"/fhir/CodeSystem/$lookup", "", []byte("system=http://snomed.info/sct&code=38341003"), "application/x-www-form-urlencoded")
	if status != 200 || params(t, resp)["display"][0] != "Hypertension" {
		t.Fatalf("form POST: %d %s", status, resp)
	}
}

func TestLookupErrors(t *testing.T) {
	srv, _ := mustServer(t)
	tests := []struct {
		name       string
		query      string
		wantStatus int
		wantCode   string
		wantText   string
	}{
		{"unknown version lists valid ones", "system=http://snomed.info/sct&code=195967001&version=http://snomed.info/sct/83821000000107/version/20990101", 404, "not-found", "Valid versions: [" + mono2},
		{"unknown bare date", "system=http://snomed.info/sct&code=195967001&version=20200101", 404, "not-found", mono1},
		{"unknown code", "system=http://snomed.info/sct&code=999999999999999999", 404, "code-invalid", "not found"},
		{"not an SCTID (fails Verhoeff)", "system=http://snomed.info/sct&code=425689007", 404, "code-invalid", "425689007"},
		{"unknown system", "system=http://loinc.org&code=1234-5", 400, "not-supported", "loinc"},
		{"missing code", "system=http://snomed.info/sct", 400, "invalid", "code"},
		{"repeated code", "system=http://snomed.info/sct&code=1&code=2", 400, "invalid", "2 times"},
		{"date unsupported", "system=http://snomed.info/sct&code=195967001&date=2020-01-01", 400, "not-supported", "date"},
		{"xsct refused", "system=http://snomed.info/sct&code=195967001&version=http://snomed.info/xsct/83821000000107", 400, "invalid", "xsct"},
		{"coding disagrees", "system=http://snomed.info/sct&code=1&coding=http://snomed.info/sct|2", 400, "invalid", "disagrees"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, accept := range []string{"", acceptSTU3} {
				status, body, _ := do(t, "GET", srv.URL+"/fhir/CodeSystem/$lookup?"+escapeQuery(tt.query), accept, nil, "")
				if status != tt.wantStatus {
					t.Fatalf("status = %d, want %d: %s", status, tt.wantStatus, body)
				}
				mustValid(t, negotiate(accept), body)
				var oo operationOutcome
				_ = json.Unmarshal(body, &oo)
				if len(oo.Issue) != 1 || oo.Issue[0].Code != tt.wantCode || !strings.Contains(oo.Issue[0].Diagnostics, tt.wantText) {
					t.Fatalf("outcome = %s, want code %s containing %q", body, tt.wantCode, tt.wantText)
				}
			}
		})
	}
}

func TestValidateCode(t *testing.T) {
	srv, _ := mustServer(t)
	tests := []struct {
		name, path, query string
		want              string
		wantMsg           string
	}{
		{"CodeSystem: known", "CodeSystem", "url=http://snomed.info/sct&code=195967001", "true", ""},
		{"CodeSystem: unknown", "CodeSystem", "url=http://snomed.info/sct&code=999999999999999999", "false", "Unknown code"},
		{"CodeSystem: right display", "CodeSystem", "system=http://snomed.info/sct&code=38341003&display=High blood pressure", "true", ""},
		{"CodeSystem: wrong display", "CodeSystem", "system=http://snomed.info/sct&code=38341003&display=Asthma", "false", "not a valid term"},
		{"CodeSystem: inactive is valid with a message", "CodeSystem", "system=http://snomed.info/sct&code=19999999103", "true", "inactive"},
		{"ValueSet: all of SNOMED", "ValueSet", "url=http://snomed.info/sct?fhir_vs&code=195967001", "true", ""},
		{"ValueSet: pinned version URI", "ValueSet", "url=" + mono1 + "?fhir_vs&code=29999999105", "false", "Unknown code"},
		{"ValueSet: isa", "ValueSet", "url=http://snomed.info/sct?fhir_vs=isa/64572001&code=44054006", "true", ""},
		{"ValueSet: not isa", "ValueSet", "url=http://snomed.info/sct?fhir_vs=isa/64572001&code=91936005", "false", "not an active descendant"},
		{"ValueSet: dm+d", "ValueSet", "url=https://dmd.nhs.uk?fhir_vs&code=318136009", "true", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := do(t, "GET", srv.URL+"/fhir/"+tt.path+"/$validate-code?"+escapeQuery(tt.query), "", nil, "")
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			mustValid(t, r4, body)
			p := params(t, body)
			if p["result"][0] != tt.want {
				t.Fatalf("result = %v, want %s (%s)", p["result"], tt.want, body)
			}
			if tt.wantMsg != "" && (len(p["message"]) == 0 || !strings.Contains(p["message"][0], tt.wantMsg)) {
				t.Errorf("message = %v, want it to contain %q", p["message"], tt.wantMsg)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	srv, svc := mustServer(t)
	for _, accept := range []string{"", acceptSTU3} {
		status, body, _ := do(t, "GET", srv.URL+"/fhir/metadata", accept, nil, "")
		if status != 200 {
			t.Fatalf("metadata %q: %d %s", accept, status, body)
		}
		mustValid(t, negotiate(accept), body)
	}
	status, body, _ := do(t, "GET", srv.URL+"/fhir/metadata?mode=terminology", "", nil, "")
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	mustValid(t, r4, body)
	var tc struct {
		CodeSystem []struct {
			URI       string `json:"uri"`
			Extension []struct {
				ValueCode string `json:"valueCode"`
			} `json:"extension"`
			Version []struct {
				Code      string `json:"code"`
				IsDefault bool   `json:"isDefault"`
			} `json:"version"`
		} `json:"codeSystem"`
	}
	if err := json.Unmarshal(body, &tc); err != nil {
		t.Fatal(err)
	}
	all, _ := svc.Versions(context.Background(), "")
	got := map[string]int{}
	defaults := map[string]string{}
	retired := map[string]bool{}
	for _, cs := range tc.CodeSystem {
		got[cs.URI] = len(cs.Version)
		for _, v := range cs.Version {
			if v.IsDefault {
				defaults[cs.URI] = v.Code
			}
		}
		retired[cs.URI] = len(cs.Extension) > 0 && cs.Extension[0].ValueCode == "retired"
	}
	want := map[string]int{}
	for _, v := range all {
		want[v.System]++
	}
	for sys, n := range want {
		if got[sys] != n {
			t.Errorf("%s: %d versions listed, want %d", sys, got[sys], n)
		}
	}
	if defaults[terminology.SystemSNOMED] != mono2 {
		t.Errorf("SNOMED default = %q, want %s", defaults[terminology.SystemSNOMED], mono2)
	}
	for _, sys := range []string{terminology.SystemReadV2, terminology.SystemCTV3, terminology.SystemEMISLocal} {
		if !retired[sys] {
			t.Errorf("%s not reported retired", sys)
		}
	}
	if retired[terminology.SystemSNOMED] {
		t.Error("SNOMED reported retired")
	}
	if status, _, _ := do(t, "GET", srv.URL+"/fhir/metadata?mode=terminology", acceptSTU3, nil, ""); status != 400 {
		t.Errorf("STU3 mode=terminology status = %d, want 400", status)
	}
}

func TestCodeSystemSearch(t *testing.T) {
	srv, _ := mustServer(t)
	tests := []struct {
		name      string
		query     string
		accept    string
		wantIDs   []string
		subsetted bool
	}{
		{"every SNOMED version", "url=http://snomed.info/sct", "", []string{"sct-83821000000107-20260311", "sct-999000021000000109-20260311", "sct-999000011000001104-20260311",
			"sct-900000000000207008-20260201", "sct-83821000000107-20251119", "sct-900000000000207008-20251101", "sct-999000011000001104-20190612"}, false},
		{"STU3 shape", "url=https://dmd.nhs.uk", acceptSTU3, []string{"dmd-20210906", "dmd-20210826"}, false},
		{"version alias", "url=http://snomed.info/sct&version=http://snomed.info/sct/999000041000000102/version/20251119", "", []string{"sct-83821000000107-20251119"}, false},
		{"edition URI as url", "url=http://snomed.info/sct/900000000000207008", "", []string{"sct-900000000000207008-20260201"}, false},
		{"_elements", "url=http://read.info/ctv3&_elements=url,version", "", []string{"ctv3-20180401"}, true},
		{"_elements STU3", "url=http://read.info/ctv3&_elements=url,version", acceptSTU3, []string{"ctv3-20180401"}, true},
		{"unknown version: empty", "url=http://snomed.info/sct&version=20000101", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := do(t, "GET", srv.URL+"/fhir/CodeSystem?"+escapeQuery(tt.query), tt.accept, nil, "")
			if status != 200 {
				t.Fatalf("%d %s", status, body)
			}
			mustValid(t, negotiate(tt.accept), body)
			var b struct {
				Total int `json:"total"`
				Entry []struct {
					Resource map[string]any `json:"resource"`
				} `json:"entry"`
			}
			_ = json.Unmarshal(body, &b)
			var ids []string
			for _, e := range b.Entry {
				ids = append(ids, e.Resource["id"].(string))
				_, hasTitle := e.Resource["title"]
				if tt.subsetted == hasTitle {
					t.Errorf("title present = %v with _elements subsetting = %v", hasTitle, tt.subsetted)
				}
				if e.Resource["content"] != "not-present" {
					t.Errorf("content = %v", e.Resource["content"])
				}
			}
			if strings.Join(ids, " ") != strings.Join(tt.wantIDs, " ") || b.Total != len(tt.wantIDs) {
				t.Fatalf("ids = %v (total %d), want %v", ids, b.Total, tt.wantIDs)
			}
		})
	}
	status, body, h := do(t, "GET", srv.URL+"/fhir/CodeSystem/readv2-20160401", "", nil, "")
	if status != 200 || h.Get("ETag") == "" {
		t.Fatalf("read: %d %s", status, body)
	}
	mustValid(t, r4, body)
	if !strings.Contains(string(body), `"status":"retired"`) {
		t.Errorf("Read v2 CodeSystem not retired: %s", body)
	}
}

func TestReleaseUpload(t *testing.T) {
	srv, svc := mustServer(t)
	data, err := fs.ReadFile(im1fhir.TerminologyFS(), "nhsbsa_dmd_9.0.0_20210906000001.zip")
	if err != nil {
		t.Fatal(err)
	}
	lookup := func() string {
		status, body, _ := do(t, "GET", srv.URL+"/fhir/CodeSystem/$lookup?system=https://dmd.nhs.uk&code=318136009", "", nil, "")
		if status != 200 {
			t.Fatalf("lookup: %d %s", status, body)
		}
		return params(t, body)["version"][0]
	}
	if v := lookup(); v != "20210906" { // also primes the rendered-response cache
		t.Fatalf("before upload: version %s", v)
	}
	// The same week's content under a later TRUD name: a new dm+d version.
	name := "nhsbsa_dmd_9.1.0_20210913000001.zip"
	status, body, _ := do(t, "POST", srv.URL+"/admin/releases?name="+name, "", data, "application/zip")
	if status != 201 {
		t.Fatalf("upload: %d %s", status, body)
	}
	v, err := svc.Resolve(terminology.SystemDMD, "")
	if err != nil || v.Version != "20210913" || v.ReleaseID != "9.1.0" {
		t.Fatalf("default dm+d after upload = %+v, %v", v, err)
	}
	if v := lookup(); v != "20210913" {
		t.Fatalf("after upload $lookup answered from version %s, want the new default 20210913", v)
	}
	if _, err := svc.Resolve(terminology.SystemDMD, "20210826"); err != nil {
		t.Fatalf("older version gone after a switch: %v", err)
	}
	status, body, _ = do(t, "POST", srv.URL+"/admin/releases?name=x.zip", "", []byte("not a zip"), "application/zip")
	if status != 400 {
		t.Fatalf("bad upload: %d %s", status, body)
	}
	mustValid(t, r4, body)
}
