package conformance

import (
	"strings"
	"testing"
	"time"

	"github.com/google/fhir/go/jsonformat/fhirvalidate"
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
)

// TestInteractionTable checks every interaction maps onto the FHIR enums the
// CapabilityStatement needs, and that IDs are unique.
func TestInteractionTable(t *testing.T) {
	seen := map[string]bool{}
	for _, in := range Interactions {
		if seen[in.ID] {
			t.Errorf("interaction %s listed twice", in.ID)
		}
		seen[in.ID] = true
		if in.Resource != "" && resourceType(in.Resource) == cpb.ResourceTypeCode_INVALID_UNINITIALIZED {
			t.Errorf("%s: resource %q has no ResourceTypeCode", in.ID, in.Resource)
		}
		if !KnownScope(in.Scope) || !strings.HasPrefix(in.Path, "/") {
			t.Errorf("%s: scope %q path %q", in.ID, in.Scope, in.Path)
		}
	}
}

func TestCapabilityStatementValidates(t *testing.T) {
	for _, root := range []Root{RootFoundations, RootStructured} {
		var routed []*Interaction
		for i := range Interactions {
			if Interactions[i].Root == root {
				routed = append(routed, &Interactions[i])
			}
		}
		cs := CapabilityStatement(CapabilityConfig{Root: root, SpecVersion: "1.2.7", SoftwareName: "im1fhir",
			SoftwareVersion: "test", Formats: []string{"application/fhir+json"}, Routed: routed, Date: time.Unix(0, 0)})
		if err := fhirvalidate.Validate(&rpb.ContainedResource{OneofResource: &rpb.ContainedResource_CapabilityStatement{CapabilityStatement: cs}}); err != nil {
			t.Errorf("%s: %v", root, err)
		}
	}
	if got := resourceType("CodeSystem"); got != cpb.ResourceTypeCode_CODE_SYSTEM {
		t.Errorf("resourceType(CodeSystem) = %v", got)
	}
}
