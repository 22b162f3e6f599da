package emis

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"im1fhir/record"
)

// schemaPath is a copy of the public EMIS Open MedicalRecord v3.8 schema
// (see testdata/README.md), kept here so CI does not depend on /work/shared.
const schemaPath = "testdata/EomMedicalRecord38.xsd"

// MustValidate runs xmllint against the schema. It skips when xmllint is
// not installed locally, and fails in CI (CI=true), where it must be.
func MustValidate(tb testing.TB, name string, doc []byte) {
	tb.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("xmllint not on PATH in CI: install libxml2-utils")
		}
		tb.Skip("xmllint not on PATH: install libxml2-utils to validate against the EMIS schema")
	}
	f := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(f, doc, 0o600); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", schemaPath, f).CombinedOutput()
	if err != nil {
		tb.Fatalf("xmllint %s: %v\n%s\n--- document ---\n%s", name, err, out, doc)
	}
}

var fixtureTime = time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC)

// testPractice is a practice exercising every directory field the format
// carries: the practice, an unrelated organisation, a branch organisation,
// a main and a suspended branch site, a GP with two roles, a nurse with none.
func testPractice() *record.Practice {
	return &record.Practice{
		Supplier:     Supplier,
		LastModified: fixtureTime,
		Organisation: record.Organisation{
			ID:      "5E496953-065B-41F2-9577-BE8F2FBD0757",
			ODSCode: "A82038",
			Name:    "TEMPLE SOWERBY MEDICAL PRACTICE",
			Type:    "gp-practice",
			Telecom: []record.ContactPoint{
				{System: "phone", Value: "01133800000", Use: "work"},
				{System: "phone", Value: "01133800001", Use: "work"},
				{System: "fax", Value: "01133800002", Use: "work"},
				{System: "email", Value: "temple.sowerby@nhs.net", Use: "work"},
			},
			Addresses: []record.Address{{
				Use:        "work",
				Lines:      []string{"Fulford Grange", "Micklefield Lane", "Rawdon"},
				City:       "Leeds",
				District:   "West Yorkshire",
				PostalCode: "LS19 6BA",
			}},
			LastModified: fixtureTime,
		},
		Organisations: []record.Organisation{
			{
				ID:           "R1A14",
				ODSCode:      "R1A14",
				Name:         "WORCESTERSHIRE ACUTE HOSPITALS NHS TRUST",
				Telecom:      []record.ContactPoint{{System: "phone", Value: "01905 763333", Use: "work"}},
				Addresses:    []record.Address{{Use: "work", Lines: []string{"Charles Hastings Way"}, City: "Worcester", PostalCode: "WR5 1DD"}},
				LastModified: fixtureTime,
			},
			{
				ID:           "B1",
				ODSCode:      "A82038-B",
				Name:         "Temple Sowerby Branch Practice",
				Type:         "urgent-care",
				PartOfID:     "5E496953-065B-41F2-9577-BE8F2FBD0757",
				LastModified: fixtureTime,
			},
		},
		Locations: []record.Location{
			{
				ID:                     "EB3994A6-5A87-4B53-A414-913137072F57",
				SiteODSCode:            "A82038",
				Name:                   "EMIS Test Practice Location",
				Status:                 "active",
				Address:                record.Address{Use: "work", Lines: []string{"Fulford Grange", "Micklefield Lane"}, City: "Leeds", PostalCode: "LS19 6BA"},
				Telecom:                []record.ContactPoint{{System: "phone", Value: "01133800000", Use: "work"}},
				ManagingOrganisationID: "5E496953-065B-41F2-9577-BE8F2FBD0757",
				LastModified:           fixtureTime,
			},
			{
				ID:                     "L2",
				SiteODSCode:            "Z26556",
				Name:                   "Appleby Branch Surgery",
				Status:                 "suspended",
				ManagingOrganisationID: "5E496953-065B-41F2-9577-BE8F2FBD0757",
				LastModified:           fixtureTime,
			},
		},
		Practitioners: []record.Practitioner{
			{
				ID:                "6D340A1B-BC15-4D4E-93CF-BBCB5B74DF73",
				SDSUserID:         "555079033108",
				SDSRoleProfileIDs: []string{"555079046103", "555079046104"},
				LocalUserID:       "DMCA",
				Name:              record.HumanName{Use: "official", Family: "McAvenue", Given: []string{"David", "John"}, Prefix: []string{"Dr"}},
				Gender:            record.GenderMale,
				Telecom: []record.ContactPoint{
					{System: "phone", Value: "01133800010", Use: "work"},
					{System: "phone", Value: "07700900123", Use: "mobile"},
					{System: "email", Value: "d.mcavenue@nhs.net", Use: "work"},
				},
				Roles: []record.PractitionerRole{
					{ID: "R-GP-1", OrganisationID: "5E496953-065B-41F2-9577-BE8F2FBD0757", JobRole: record.Code{System: SystemSDSJobRole, Code: "R0260", Display: "General Medical Practitioner"}},
					{ID: "R-GP-2", OrganisationID: "B1", JobRole: record.Code{System: SystemSDSJobRole, Code: "R8000", Display: "Clinical Practitioner Access Role"}},
				},
				LastModified: fixtureTime,
			},
			{
				ID:           "3F436932-4DBA-489C-82CB-2AFABC933AB0",
				Name:         record.HumanName{Use: "official", Family: "Ní Bhriain", Given: []string{"Siobhán"}},
				Gender:       record.GenderFemale,
				LastModified: fixtureTime,
			},
		},
	}
}

func TestPracticeRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		p    *record.Practice
	}{
		{"full directory", testPractice()},
		{"practice only", &record.Practice{
			Supplier:     Supplier,
			Organisation: record.Organisation{ID: "P1", ODSCode: "GPC001", Name: "GP Connect Demonstrator", Type: "gp-practice"},
		}},
		{"untyped practice found through Originator", &record.Practice{
			Supplier:     Supplier,
			Organisation: record.Organisation{ID: "P1", Name: "Nameless"},
			Organisations: []record.Organisation{
				{ID: "P2", ODSCode: "X1", Type: "gp-practice"},
			},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := EncodePractice(&buf, tc.p); err != nil {
				t.Fatalf("EncodePractice: %v", err)
			}
			MustValidate(t, "practice.xml", buf.Bytes())
			got, err := DecodePractice(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("DecodePractice: %v\n%s", err, buf.Bytes())
			}
			if !reflect.DeepEqual(got, tc.p) {
				t.Errorf("DecodePractice(EncodePractice(p)) =\n%#v\nwant\n%#v", got, tc.p)
			}
		})
	}
}

func TestEncodePracticeErrors(t *testing.T) {
	tests := []struct {
		name string
		p    *record.Practice
	}{
		{"nil", nil},
		{"no organisation id", &record.Practice{Organisation: record.Organisation{Name: "x"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := EncodePractice(&bytes.Buffer{}, tc.p); err == nil {
				t.Error("EncodePractice succeeded, want error")
			}
		})
	}
}

// TestDecodePracticeFile reads the hand-written directory file, shaped like
// an EMIS Open export (RefIDs alongside GUIDs, one Person per user role,
// extra fields the mapping ignores).
func TestDecodePracticeFile(t *testing.T) {
	doc, err := os.ReadFile("testdata/practice.xml")
	if err != nil {
		t.Fatal(err)
	}
	MustValidate(t, "practice.xml", doc)
	p, err := DecodePractice(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("DecodePractice: %v", err)
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"Supplier", p.Supplier, "emis"},
		{"LastModified", p.LastModified, time.Date(2024, 6, 3, 7, 45, 0, 0, time.UTC)}, // 08:45 BST
		{"Organisation.ID", p.Organisation.ID, "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01"},
		{"Organisation.ODSCode", p.Organisation.ODSCode, "A82038"},
		{"Organisation.Name", p.Organisation.Name, "TEMPLE SOWERBY MEDICAL PRACTICE"},
		{"Organisation.Type", p.Organisation.Type, "gp-practice"},
		{"Organisation.Telecom", p.Organisation.Telecom, []record.ContactPoint{{System: "phone", Value: "01768 361232", Use: "work"}, {System: "fax", Value: "01768 361233", Use: "work"}}},
		{"Organisation.Addresses", p.Organisation.Addresses, []record.Address{{Use: "work", Lines: []string{"The Surgery", "Main Street"}, City: "Penrith", District: "Cumbria", PostalCode: "CA10 1RZ"}}},
		{"len(Organisations)", len(p.Organisations), 1},
		{"Organisations[0].ODSCode", p.Organisations[0].ODSCode, "RNLAY"},
		{"Organisations[0].Type", p.Organisations[0].Type, "NHS Trust"},
		{"Locations[1].ManagingOrganisationID (by RefID)", p.Locations[1].ManagingOrganisationID, "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01"},
		{"len(Locations)", len(p.Locations), 2},
		{"Locations[0].Name", p.Locations[0].Name, "Temple Sowerby Surgery"},
		{"Locations[0].Status", p.Locations[0].Status, "active"},
		{"Locations[0].ManagingOrganisationID", p.Locations[0].ManagingOrganisationID, "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01"},
		{"Locations[1].SiteODSCode", p.Locations[1].SiteODSCode, "Z26556"},
		{"Locations[1].Status", p.Locations[1].Status, "inactive"},
		{"len(Practitioners)", len(p.Practitioners), 2},
		{"Practitioners[0].ID", p.Practitioners[0].ID, "B2C41F0E-8E55-4C8A-A0F4-6A1D2E3F4B50"},
		{"Practitioners[0].Name", p.Practitioners[0].Name, record.HumanName{Use: "official", Family: "Whitcombe", Given: []string{"Peter"}, Prefix: []string{"Dr"}}},
		{"Practitioners[0].SDSUserID", p.Practitioners[0].SDSUserID, "555079033108"},
		{"Practitioners[0].SDSRoleProfileIDs", p.Practitioners[0].SDSRoleProfileIDs, []string{"555079046103"}},
		{"Practitioners[0].LocalUserID", p.Practitioners[0].LocalUserID, "PWHI"},
		{"Practitioners[0].Gender", p.Practitioners[0].Gender, record.GenderMale},
		{"Practitioners[0].Roles", p.Practitioners[0].Roles, []record.PractitionerRole{
			{ID: "C1D2E3F4-0000-4000-8000-000000000001", OrganisationID: "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01", JobRole: record.Code{System: SystemSDSJobRole, Code: "R0260", Display: "General Medical Practitioner"}},
			{ID: "C1D2E3F4-0000-4000-8000-000000000002", OrganisationID: "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01", JobRole: record.Code{System: SystemSDSJobRole, Code: "R8000", Display: "Clinical Practitioner Access Role"}},
		}},
		// The nurse's role points at the practice by RefID only.
		{"Practitioners[1].Roles[0].OrganisationID", p.Practitioners[1].Roles[0].OrganisationID, "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01"},
		{"Practitioners[1].Telecom", p.Practitioners[1].Telecom, []record.ContactPoint{{System: "phone", Value: "07700 900456", Use: "mobile"}}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
}

func BenchmarkDecodePractice(b *testing.B) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, testPractice()); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := DecodePractice(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodePractice(b *testing.B) {
	p := testPractice()
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodePractice(discard{}, p); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func utf8Valid(b []byte) bool { return utf8.Valid(b) }
