package gpconnect

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	"github.com/google/fhir/go/jsonformat/fhirvalidate"
	"google.golang.org/protobuf/proto"

	"im1fhir/record"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// goldenCase builds one resource afresh on every call, because marshalling
// consumes the message.
type goldenCase struct {
	name  string
	build func() proto.Message
}

func goldenCases() []goldenCase {
	pr := richPractice()
	return append([]goldenCase{
		{"patient_rich", func() proto.Message { return Patient(&pr.Patients[0], pr) }},
		{"patient_deceased_minimal", func() proto.Message { return Patient(deceasedPatient(), nil) }},
		{"organization_practice", func() proto.Message { return Organization(&pr.Organisation) }},
		{"organization_branch", func() proto.Message { return Organization(&pr.Organisations[0]) }},
		{"practitioner", func() proto.Message { return Practitioner(&pr.Practitioners[0]) }},
		{"practitionerrole_own_id", func() proto.Message { return PractitionerRoles(&pr.Practitioners[0])[0] }},
		{"practitionerrole_derived_id", func() proto.Message { return PractitionerRoles(&pr.Practitioners[0])[1] }},
		{"location", func() proto.Message { return Location(&pr.Locations[0]) }},
		{"searchset_foundations", func() proto.Message { return foundationsBundle(pr) }},
		{"searchset_empty", func() proto.Message { return SearchsetBundle("") }},
		{"operationoutcome_patient_not_found", func() proto.Message {
			return OperationOutcome(Issue{Severity: "error", Code: "not-found", SpineCode: "PATIENT_NOT_FOUND", SpineDisplay: "Patient not found", Diagnostics: "No active patient with that NHS number"})
		}},
		{"operationoutcome_warnings", func() proto.Message {
			return OperationOutcome(
				Issue{Severity: "warning", Code: "not-supported", SpineCode: "NOT_IMPLEMENTED", SpineDisplay: "Not implemented", Diagnostics: "includeFoo", DetailsText: "includeFoo is an unrecognised parameter"},
				Issue{Severity: "warning", Code: "not-supported", SpineCode: "NOT_IMPLEMENTED", SpineDisplay: "Not implemented", Diagnostics: "includeAllergies.bar", DetailsText: "includeAllergies.bar is an unrecognised parameter"},
			)
		}},
	}, structuredGoldenCases()...)
}

// foundationsBundle is the Patient+Organization+Practitioner+Location
// searchset used by the golden files and the benchmark.
func foundationsBundle(pr *record.Practice) proto.Message {
	return SearchsetBundle("7c5ba5fb-0b9e-4e3b-9d1c-4f5e2b6a9d10",
		Contain(Patient(&pr.Patients[0], pr)),
		Contain(Organization(&pr.Organisation)),
		Contain(Practitioner(&pr.Practitioners[0])),
		Contain(Location(&pr.Locations[0])),
	)
}

func mustRenderer(tb testing.TB) *Renderer {
	tb.Helper()
	r, err := NewRenderer()
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestGolden checks every builder's output three ways: it passes the FHIR
// library's validation (required fields, reference targets, primitive
// formats), it survives a round trip through the validating STU3 parser
// unchanged, and it matches the reviewed golden file.
func TestGolden(t *testing.T) {
	r := mustRenderer(t)
	parser, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			// Validate before marshalling: afterwards the typed references
			// are already rewritten and their target types go unchecked.
			if err := fhirvalidate.Validate(Contain(tc.build())); err != nil {
				t.Fatalf("fhirvalidate.Validate: %v", err)
			}
			got, err := r.JSON(tc.build())
			if err != nil {
				t.Fatalf("JSON: %v", err)
			}
			back, err := parser.UnmarshalR3(got)
			if err != nil {
				t.Fatalf("validating STU3 parse of our own output: %v\n%s", err, got)
			}
			again, err := r.JSON(back)
			if err != nil {
				t.Fatalf("JSON after round trip: %v", err)
			}
			if !bytes.Equal(again, got) {
				t.Errorf("round trip changed the JSON:\n got %s\nwant %s", again, got)
			}

			var pretty bytes.Buffer
			if err := json.Indent(&pretty, got, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			path := filepath.Join("testdata", "golden", tc.name+".json")
			if *update {
				if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("%s differs from golden (go test -update rewrites it; review the diff):\n%s", path, pretty.Bytes())
			}
		})
	}
}
