package adapter

import (
	"io"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"

	"im1fhir/conformance"
)

// TestResponsesAreValidSTU3 parses responses with google/fhir's validating
// STU3 parser: the searchset is assembled from cached pieces, so this is what
// proves the splice produces a valid Bundle.
func TestResponsesAreValidSTU3(t *testing.T) {
	ts := mustServer(t)
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		req     gpcReq
		entries int
	}{
		{"patient searchset", searchPatient("identifier=" + nhsSystem + "|" + nhsActive), 1},
		{"empty searchset", searchPatient("identifier=" + nhsSystem + "|" + nhsUnknown), 0},
		{"patient read", gpcReq{path: foundations + "/Patient/1", interaction: conformance.IDPatientRead}, -1},
		{"organization search", gpcReq{path: foundations + "/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|GPC001", interaction: conformance.IDOrganizationSearch}, 1},
		{"metadata", gpcReq{path: foundations + "/metadata", interaction: conformance.IDMetadata}, -1},
		{"error", searchPatient("identifier=x"), -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := 0; i < 2; i++ { // twice: the second answer comes from the caches
				resp := c.req.do(t, ts)
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				cr, err := u.UnmarshalR3(b)
				if err != nil {
					t.Fatalf("not valid STU3: %v\n%s", err, b)
				}
				if c.entries >= 0 {
					if got := len(cr.GetBundle().GetEntry()); got != c.entries {
						t.Errorf("entries = %d, want %d", got, c.entries)
					}
				}
			}
		})
	}
}
