package adapter

import (
	"strings"
	"testing"

	"im1fhir/source/sandbox"
)

// snomedVersions returns the version of every SNOMED coding in the Bundle's
// AllergyIntolerance resources ("" where none is given).
func snomedVersions(t *testing.T, b map[string]any) []string {
	t.Helper()
	var out []string
	for _, ai := range entries(t, b)["AllergyIntolerance"] {
		for _, cd := range ai["code"].(map[string]any)["coding"].([]any) {
			c := cd.(map[string]any)
			if c["system"] == "http://snomed.info/sct" {
				v, _ := c["version"].(string)
				out = append(out, v)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no SNOMED-coded allergy in the Bundle")
	}
	return out
}

// TestStructuredCodesCarryTerminologyVersion: SNOMED codings in the
// structured record carry the version in use from the terminology service
// (IM1 im1_code_001); with the service down the record is still served,
// codes without versions.
func TestStructuredCodesCarryTerminologyVersion(t *testing.T) {
	body := paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue)))
	src := func() *sandbox.Sandbox {
		s, err := sandbox.FromPractices(testPDS(), structuredPractice())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	svc := inProcessTerminology(t)
	up := mustServer(t, func(c *Config) { c.Source = src(); c.Terminology = svc })
	for _, v := range snomedVersions(t, wantOK(t, structuredReq(body).do(t, up), "Bundle")) {
		if !strings.HasPrefix(v, "http://snomed.info/sct/83821000000107/version/") {
			t.Errorf("SNOMED coding version = %q, want the UK Monolith version in use", v)
		}
	}

	flaky := &flakyTerminology{Client: svc}
	flaky.down.Store(true)
	down := mustServer(t, func(c *Config) { c.Source = src(); c.Terminology = flaky })
	for _, v := range snomedVersions(t, wantOK(t, structuredReq(body).do(t, down), "Bundle")) {
		if v != "" {
			t.Errorf("with terminology down a coding carries version %q", v)
		}
	}
}
