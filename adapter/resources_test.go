package adapter

import (
	"net/http"
	"strings"
	"testing"

	"im1fhir/conformance"
)

const nhsSystem = "https://fhir.nhs.uk/Id/nhs-number"

func searchPatient(query string) gpcReq {
	return gpcReq{path: foundations + "/Patient?" + query, interaction: conformance.IDPatientSearch}
}

// TestPatientSearchErrors covers gpconnect.md §4.1 and §9.10.
func TestPatientSearchErrors(t *testing.T) {
	ts := mustServer(t)
	cases := []struct {
		name   string
		query  string
		status int
		code   conformance.SpineCode
	}{
		{"no identifier", "", 400, conformance.BadRequest},
		{"mis-cased Identifier", "Identifier=" + nhsSystem + "|" + nhsActive, 400, conformance.BadRequest},
		{"identifier twice", "identifier=" + nhsSystem + "|" + nhsActive + "&identifier=" + nhsSystem + "|" + nhsActive, 400, conformance.BadRequest},
		{"no pipe", "identifier=" + nhsActive, 422, conformance.InvalidParameter},
		{"blank system", "identifier=|" + nhsActive, 422, conformance.InvalidParameter},
		{"blank value", "identifier=" + nhsSystem + "|", 422, conformance.InvalidParameter},
		{"unknown system", "identifier=https://fhir.nhs.uk/Id/other|" + nhsActive, 400, conformance.InvalidIdentifierSystem},
		{"malformed query", "identifier=%zz", 400, conformance.BadRequest},
	}
	for _, bad := range []string{"34555%23%234", "hello", "999999999", "9000000008", "90000000090"} {
		cases = append(cases, struct {
			name   string
			query  string
			status int
			code   conformance.SpineCode
		}{"invalid NHS number " + bad, "identifier=" + nhsSystem + "|" + bad, 400, conformance.InvalidNHSNumber})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantOutcome(t, searchPatient(c.query).do(t, ts), c.status, c.code)
		})
	}
}

// TestPatientSearchDisclosure: unknown, sensitive, deceased, inactive and
// unverifiable patients give an empty searchset; a dissenting patient is returned.
func TestPatientSearchDisclosure(t *testing.T) {
	ts := mustServer(t)
	cases := []struct {
		name, nhs string
		found     bool
	}{
		{"active", nhsActive, true},
		{"dissent is still returned", nhsDissent, true},
		{"unknown", nhsUnknown, false},
		{"sensitive", nhsSensitive, false},
		{"deceased", nhsDeceased, false},
		{"inactive", nhsInactive, false},
		{"unverified and not on spine", nhsNotOnSpine, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := wantOK(t, searchPatient("identifier="+nhsSystem+"|"+c.nhs+"&_count=5").do(t, ts), "Bundle")
			if b["type"] != "searchset" {
				t.Errorf("type = %v", b["type"])
			}
			for _, forbidden := range []string{"total", "link"} {
				if _, ok := b[forbidden]; ok {
					t.Errorf("searchset carries %s", forbidden)
				}
			}
			entries, _ := b["entry"].([]any)
			if got := len(entries) == 1; got != c.found {
				t.Fatalf("found = %v (%d entries), want %v", got, len(entries), c.found)
			}
			if c.found {
				e := entries[0].(map[string]any)
				if _, ok := e["fullUrl"]; ok {
					t.Errorf("entry carries fullUrl")
				}
				p := e["resource"].(map[string]any)
				if p["resourceType"] != "Patient" || !strings.Contains(toJSON(p["identifier"]), c.nhs) {
					t.Errorf("entry = %v", p)
				}
			}
		})
	}
}

func TestPatientRead(t *testing.T) {
	ts := mustServer(t)
	read := func(id string) *http.Response {
		return gpcReq{path: foundations + "/Patient/" + id, interaction: conformance.IDPatientRead}.do(t, ts)
	}
	resp := read("1")
	p := wantOK(t, resp, "Patient")
	vid := p["meta"].(map[string]any)["versionId"]
	if et := resp.Header.Get("ETag"); vid == nil || et != `W/"`+vid.(string)+`"` {
		t.Errorf("ETag = %q, versionId = %v", et, vid)
	}
	if mo := toJSON(p["managingOrganization"]); !strings.Contains(mo, "Organization/1") {
		t.Errorf("managingOrganization = %s", mo)
	}
	for _, id := range []string{"404", "9", "18", "21", "bad id!", strings.Repeat("a", 65)} {
		wantOutcome(t, read(id), 404, conformance.PatientNotFound)
	}
}

func TestDirectoryReads(t *testing.T) {
	ts := mustServer(t)
	cases := []struct {
		name, path, interaction, resourceType string
		notFound                              conformance.SpineCode
	}{
		{"organization", "/Organization/", conformance.IDOrganizationRead, "Organization", conformance.OrganisationNotFound},
		{"practitioner", "/Practitioner/", conformance.IDPractitionerRead, "Practitioner", conformance.PractitionerNotFound},
		{"location", "/Location/", conformance.IDLocationRead, "Location", conformance.NoRecordFound},
	}
	ids := map[string]string{"Organization": "2", "Practitioner": "p1", "Location": "l1"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := gpcReq{path: foundations + c.path + ids[c.resourceType], interaction: c.interaction}.do(t, ts)
			if resp.Header.Get("ETag") == "" {
				t.Errorf("no ETag")
			}
			wantOK(t, resp, c.resourceType)
			wantOutcome(t, gpcReq{path: foundations + c.path + "nope", interaction: c.interaction}.do(t, ts), 404, c.notFound)
		})
	}
}

func TestDirectorySearches(t *testing.T) {
	ts := mustServer(t)
	cases := []struct {
		name, query, interaction string
		entries                  int
	}{
		{"organization by ODS", "/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|R1A14", conformance.IDOrganizationSearch, 1},
		{"organization unknown", "/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|INVOC1", conformance.IDOrganizationSearch, 0},
		{"practitioner by SDS id", "/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|G13579135", conformance.IDPractitionerSearch, 1},
		{"practitioner unknown", "/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|nobody", conformance.IDPractitionerSearch, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := wantOK(t, gpcReq{path: foundations + c.query, interaction: c.interaction}.do(t, ts), "Bundle")
			entries, _ := b["entry"].([]any)
			if len(entries) != c.entries {
				t.Errorf("entries = %d, want %d", len(entries), c.entries)
			}
		})
	}
	wantOutcome(t, gpcReq{path: foundations + "/Organization?identifier=https://fhir.nhs.uk/Id/sds-user-id|X",
		interaction: conformance.IDOrganizationSearch}.do(t, ts), 400, conformance.InvalidIdentifierSystem)
}

func TestMetadata(t *testing.T) {
	ts := mustServer(t)
	cs := wantOK(t, gpcReq{path: foundations + "/metadata", interaction: conformance.IDMetadata}.do(t, ts), "CapabilityStatement")
	if cs["fhirVersion"] != "3.0.1" || cs["kind"] != "capability" || cs["acceptUnknown"] != "both" || cs["version"] != specFoundations {
		t.Errorf("statement header = fhirVersion %v kind %v acceptUnknown %v version %v", cs["fhirVersion"], cs["kind"], cs["acceptUnknown"], cs["version"])
	}
	sw := cs["software"].(map[string]any)
	if sw["name"] == "" || sw["version"] == "" {
		t.Errorf("software = %v", sw)
	}
	seen := map[string]int{}
	for _, p := range cs["profile"].([]any) {
		seen[p.(map[string]any)["reference"].(string)]++
	}
	for p, n := range seen {
		if n != 1 {
			t.Errorf("profile %s listed %d times", p, n)
		}
	}
	if len(seen) == 0 {
		t.Errorf("no profiles listed")
	}
	rest := toJSON(cs["rest"])
	for _, want := range []string{`"type":"Patient"`, `"name":"identifier"`, `"type":"Organization"`, `"type":"Location"`, `"code":"search-type"`} {
		if !strings.Contains(rest, want) {
			t.Errorf("rest lacks %s", want)
		}
	}
	// Routed interactions only: Slot has no handler yet.
	if strings.Contains(rest, `"type":"Slot"`) {
		t.Errorf("Slot is listed but not routed")
	}
	st := wantOK(t, gpcReq{path: structured + "/metadata", interaction: conformance.IDStructuredMetadata}.do(t, ts), "CapabilityStatement")
	if st["version"] != specStructured {
		t.Errorf("structured version = %v", st["version"])
	}
}
