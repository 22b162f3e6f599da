package adapter

import (
	"testing"

	"im1fhir/conformance"
	"im1fhir/source"
	"im1fhir/source/sandbox"
)

// TestCapabilityDisabled: a practice that has not switched a GP Connect
// capability on answers 403 ACCESS DENIED (with the space) for its
// interactions, after the request itself has been validated.
func TestCapabilityDisabled(t *testing.T) {
	src, err := sandbox.FromPractices(testPDS(), testPractice())
	if err != nil {
		t.Fatal(err)
	}
	src.Disable("GPC001", source.CapabilityFoundations)
	ts := mustServer(t, func(c *Config) { c.Source = src })
	wantOutcome(t, patientSearch.do(t, ts), 403, conformance.AccessDenied)
	wantOutcome(t, gpcReq{path: foundations + "/metadata", interaction: conformance.IDMetadata}.do(t, ts), 403, conformance.AccessDenied)
	// A malformed request is still a malformed request.
	bad := patientSearch
	bad.header = map[string]string{"Ssp-To": "1"}
	wantOutcome(t, bad.do(t, ts), 400, conformance.BadRequest)
	// Other capabilities are unaffected.
	wantOK(t, gpcReq{path: structured + "/metadata", interaction: conformance.IDStructuredMetadata}.do(t, ts), "CapabilityStatement")
}
