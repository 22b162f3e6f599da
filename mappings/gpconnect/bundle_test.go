package gpconnect

import (
	"slices"
	"strings"
	"testing"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
	"google.golang.org/protobuf/proto"
)

func TestSearchsetBundleRules(t *testing.T) {
	pr := richPractice()
	tests := []struct {
		name      string
		id        string
		resources []*rpb.ContainedResource
		wantTypes []string
	}{
		{"empty search is an empty bundle", "", nil, nil},
		{"nil entries skipped", "b1", []*rpb.ContainedResource{nil, Contain(Patient(&pr.Patients[0], pr)), nil}, []string{"Patient"}},
		{"foundations", "b2", []*rpb.ContainedResource{
			Contain(Patient(&pr.Patients[0], pr)),
			Contain(Organization(&pr.Organisation)),
			Contain(Practitioner(&pr.Practitioners[0])),
			Contain(Location(&pr.Locations[0])),
		}, []string{"Patient", "Organization", "Practitioner", "Location"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := wire(t, SearchsetBundle(tc.id, tc.resources...))
			if res["type"] != "searchset" {
				t.Errorf("type = %v, want searchset", res["type"])
			}
			if got := profiles(res); !slices.Equal(got, []string{ProfileSearchsetBundle}) {
				t.Errorf("meta.profile = %v", got)
			}
			for _, k := range []string{"total", "link", "signature", "identifier"} {
				if _, ok := res[k]; ok {
					t.Errorf("Bundle.%s present", k)
				}
			}
			if got, _ := res["id"].(string); got != tc.id {
				t.Errorf("id = %q, want %q", got, tc.id)
			}
			var types []string
			for _, e := range objs(res["entry"]) {
				for k := range e {
					if k != "resource" {
						t.Errorf("entry.%s present; only resource is allowed", k)
					}
				}
				types = append(types, obj(e["resource"])["resourceType"].(string))
			}
			if !slices.Equal(types, tc.wantTypes) {
				t.Errorf("entries = %v, want %v", types, tc.wantTypes)
			}
		})
	}
}

func TestContain(t *testing.T) {
	msgs := []proto.Message{&rpb.Patient{}, &rpb.Organization{}, &rpb.Practitioner{}, &rpb.PractitionerRole{},
		&rpb.Location{}, &rpb.OperationOutcome{}, &rpb.Bundle{}, &rpb.Slot{}, &rpb.Schedule{}, &rpb.Appointment{}}
	for _, m := range msgs {
		cr := Contain(m)
		got := cr.ProtoReflect().WhichOneof(cr.ProtoReflect().Descriptor().Oneofs().Get(0))
		if got == nil || got.Message().FullName() != m.ProtoReflect().Descriptor().FullName() {
			t.Errorf("Contain(%T) set %v", m, got)
		}
	}
	p := &rpb.Patient{}
	if Contain(p).GetPatient() != p {
		t.Error("Contain copied the resource; it must wrap it")
	}
	cr := Contain(p)
	if Contain(cr) != cr {
		t.Error("Contain of a ContainedResource must return it unchanged")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "not an STU3 resource") {
			t.Errorf("Contain(datatype) recovered %v, want a panic naming the type", r)
		}
	}()
	Contain(&dpb.HumanName{})
}

func TestOperationOutcomeRules(t *testing.T) {
	tests := []struct {
		name         string
		issues       []Issue
		wantSeverity []string
		wantCode     []string
		wantSpine    []string
	}{
		{"not found", []Issue{{Severity: "error", Code: "not-found", SpineCode: "PATIENT_NOT_FOUND", SpineDisplay: "Patient not found"}},
			[]string{"error"}, []string{"not-found"}, []string{"PATIENT_NOT_FOUND"}},
		{"business rule and duplicate", []Issue{
			{Severity: "error", Code: "business-rule", SpineCode: "INVALID_PATIENT_DEMOGRAPHICS", SpineDisplay: "Invalid patient demographics"},
			{Severity: "warning", Code: "duplicate", SpineCode: "DUPLICATE_REJECTED", SpineDisplay: "Create would lead to creation of a duplicate resource"},
		}, []string{"error", "warning"}, []string{"business-rule", "duplicate"}, []string{"INVALID_PATIENT_DEMOGRAPHICS", "DUPLICATE_REJECTED"}},
		{"space in spine code kept", []Issue{{Severity: "error", Code: "forbidden", SpineCode: "ACCESS DENIED", SpineDisplay: "Access has been denied to process this request"}},
			[]string{"error"}, []string{"forbidden"}, []string{"ACCESS DENIED"}},
		{"unknown severity and code fall back", []Issue{{Severity: "bad", Code: "nonsense", SpineCode: "BAD_REQUEST", SpineDisplay: "Bad request"}},
			[]string{"error"}, []string{"processing"}, []string{"BAD_REQUEST"}},
		{"no issues is an internal error", nil, []string{"error"}, []string{"processing"}, []string{"INTERNAL_SERVER_ERROR"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := wire(t, OperationOutcome(tc.issues...))
			if got := profiles(res); !slices.Equal(got, []string{ProfileOperationOutcome}) {
				t.Errorf("meta.profile = %v", got)
			}
			var sev, code, spine []string
			for _, is := range objs(res["issue"]) {
				sev = append(sev, is["severity"].(string))
				code = append(code, is["code"].(string))
				c := singleCoding(t, obj(is["details"]))
				if c["system"] != CodeSystemSpineErrorOrWarning || c["code"] == nil || c["display"] == nil {
					t.Errorf("details.coding = %v", c)
				}
				for _, k := range []string{"version", "userSelected"} {
					if _, ok := c[k]; ok {
						t.Errorf("details.coding.%s present", k)
					}
				}
				spine = append(spine, c["code"].(string))
			}
			if !slices.Equal(sev, tc.wantSeverity) || !slices.Equal(code, tc.wantCode) || !slices.Equal(spine, tc.wantSpine) {
				t.Errorf("issues = %v %v %v, want %v %v %v", sev, code, spine, tc.wantSeverity, tc.wantCode, tc.wantSpine)
			}
		})
	}
}

func TestProfileLists(t *testing.T) {
	for name, list := range map[string][]string{"foundations": FoundationsProfiles(), "structured": StructuredProfiles()} {
		seen := map[string]bool{}
		for _, p := range list {
			if seen[p] {
				t.Errorf("%s lists %s twice", name, p)
			}
			seen[p] = true
			if !strings.HasPrefix(p, "https://fhir.nhs.uk/STU3/StructureDefinition/") && !strings.HasPrefix(p, "https://fhir.hl7.org.uk/STU3/StructureDefinition/") {
				t.Errorf("%s: %s is not an STU3 StructureDefinition URL", name, p)
			}
		}
	}
	for _, p := range FoundationsProfiles() {
		if strings.Contains(p, "/_history/") {
			t.Errorf("foundations profile %s carries a version; the suite matches unversioned URLs", p)
		}
	}
	for _, p := range StructuredProfiles() {
		if !strings.Contains(p, "/_history/") {
			t.Errorf("structured profile %s lacks /_history/x.y", p)
		}
	}
	// The resources this package renders must be advertised by both roots.
	for _, want := range []string{ProfilePatient, ProfileOrganization, ProfilePractitioner, ProfilePractitionerRole, ProfileOperationOutcome} {
		if !slices.Contains(FoundationsProfiles(), want) {
			t.Errorf("foundations lacks %s", want)
		}
		if !slices.ContainsFunc(StructuredProfiles(), func(p string) bool { return strings.HasPrefix(p, want+"/_history/") }) {
			t.Errorf("structured lacks %s", want)
		}
	}
	for _, want := range []string{ProfileLocation, ProfileSearchsetBundle, ProfileSlot, ProfileSchedule, ProfileAppointment} {
		if !slices.Contains(FoundationsProfiles(), want) {
			t.Errorf("foundations lacks %s", want)
		}
	}
}
