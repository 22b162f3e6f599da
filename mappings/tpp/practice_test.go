package tpp

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

// fullPractice exercises every directory field in its canonical (decoded)
// form: organisation ids are ODS codes, practitioner ids user names.
func fullPractice() *record.Practice {
	return &record.Practice{
		Organisation: record.Organisation{
			ID: "GPC001", ODSCode: "GPC001", Name: "GP Connect Demonstrator", Type: "gp-practice",
			Telecom: []record.ContactPoint{
				{System: "phone", Value: "0300 303 5678", Use: "work"},
				{System: "fax", Value: "0300 303 5679", Use: "work"},
				{System: "email", Value: "gpc001@nhs.net", Use: "work"},
			},
			Addresses: []record.Address{{Use: "work", Lines: []string{"Trevelyan Square", "Boar Lane"}, City: "Leeds", District: "West Yorkshire", PostalCode: "LS1 6AE"}},
		},
		Organisations: []record.Organisation{
			{ID: "R1A14", ODSCode: "R1A14", Name: "Test GP Care Trust", Type: "gp-practice"},
			{ID: "R1A17", ODSCode: "R1A17", Name: "Branch; with = odd % chars", PartOfID: "R1A14"},
		},
		Locations: []record.Location{
			{ID: "1", SiteODSCode: "Z26556", Name: "Location 1", Status: "active", ManagingOrganisationID: "GPC001",
				Address: record.Address{Use: "work", Lines: []string{"1 Main Road"}, City: "Leeds", PostalCode: "LS1 1AA"},
				Telecom: []record.ContactPoint{{System: "phone", Value: "0113 111 1111", Use: "work"}}},
			{ID: "2", SiteODSCode: "Z33432", Name: "Location 2", Status: "inactive", ManagingOrganisationID: "R1A14"},
			{ID: "3", Name: "Ünïcode Surgery", Status: "suspended", ManagingOrganisationID: "GPC001"},
		},
		Practitioners: []record.Practitioner{
			{ID: "practitioner1", LocalUserID: "practitioner1",
				Name:   record.HumanName{Use: "official", Prefix: []string{"Dr"}, Given: []string{"Ann", "Marie"}, Family: "Jones"},
				Gender: record.GenderFemale},
			{ID: "practitioner2", LocalUserID: "practitioner2", SDSUserID: "G13579135",
				SDSRoleProfileIDs: []string{"PT1234"},
				Name:              record.HumanName{Use: "official", Given: []string{"Bob"}, Family: "Smith"},
				Gender:            record.GenderMale,
				Roles: []record.PractitionerRole{{ID: "practitioner2-role", OrganisationID: "GPC001",
					JobRole: record.Code{System: sdsJobRoleSystem, Code: "R0260", Display: "General Medical Practitioner"}}}},
			{ID: "practitioner3", LocalUserID: "practitioner3", SDSUserID: "G22222222",
				SDSRoleProfileIDs: []string{"PT2222", "PT3333"},
				Name:              record.HumanName{Use: "official", Given: []string{"Cy"}, Family: "Ng"},
				Gender:            record.GenderMale},
		},
		Supplier:     Supplier,
		LastModified: time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC),
	}
}

func TestPracticeRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    *record.Practice
	}{
		{"full", fullPractice()},
		{"organisation only", &record.Practice{
			Organisation: record.Organisation{ID: "B81001", ODSCode: "B81001", Type: "gp-practice"},
			Supplier:     Supplier,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := EncodePractice(&buf, tc.p); err != nil {
				t.Fatalf("EncodePractice: %v", err)
			}
			got, err := DecodePractice(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("DecodePractice: %v", err)
			}
			if !reflect.DeepEqual(got, tc.p) {
				t.Errorf("round trip:\n got %#v\nwant %#v\n%s", got, tc.p, buf.String())
			}
		})
	}
}

// TestPracticeRekeyed: a practice whose ids are not TPP keys comes back keyed
// by ODS code and user name, with every reference moved consistently.
func TestPracticeRekeyed(t *testing.T) {
	p := &record.Practice{
		Organisation:  record.Organisation{ID: "org-1", ODSCode: "GPC001"},
		Organisations: []record.Organisation{{ID: "org-2", ODSCode: "R1A14", PartOfID: "org-1"}},
		Locations:     []record.Location{{ID: "loc-1", Status: "active", ManagingOrganisationID: "org-2"}},
		Practitioners: []record.Practitioner{{ID: "pr-1", LocalUserID: "jbloggs", Gender: record.GenderMale}},
	}
	var buf bytes.Buffer
	if err := EncodePractice(&buf, p); err != nil {
		t.Fatal(err)
	}
	got, err := DecodePractice(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Organisation.ID != "GPC001" || got.Organisations[0].PartOfID != "GPC001" ||
		got.Locations[0].ManagingOrganisationID != "R1A14" || got.Practitioners[0].ID != "jbloggs" {
		t.Errorf("re-keyed practice = %+v", got)
	}
}

func TestPracticeFileIsNotAPatient(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodePatient(&buf); err == nil {
		t.Error("DecodePatient(practice.xml) = nil error, want one")
	}
}

func TestDecodePracticeRefusesResponse(t *testing.T) {
	f, err := os.Open(samplePath)
	if err != nil {
		t.Skipf("sample not available: %v", err)
	}
	defer f.Close()
	if _, err := DecodePractice(f); err == nil {
		t.Error("DecodePractice(GetPatientRecord response) = nil error, want one")
	}
}

func TestEncodedPracticeValidates(t *testing.T) {
	xmllint := mustXmllint(t)
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "practice.xml")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--schema", xsdPath, path).CombinedOutput(); err != nil {
		t.Errorf("practice.xml does not validate: %v\n%s\n%s", err, out, buf.String())
	}
}

func TestSiteIDRoundTrip(t *testing.T) {
	for _, id := range []siteID{
		{Key: "plain"},
		{Key: "GPC001", Kind: kindOrganisation, Type: "gp-practice"},
		{Key: "a;b=c%d", ODS: "Z1;", Org: "=", Status: "-", Type: "%3B", PartOf: "x"},
	} {
		if got := parseSiteID(id.String()); got != id {
			t.Errorf("parseSiteID(%q) = %+v, want %+v", id.String(), got, id)
		}
	}
	if got := parseSiteID("12345"); got != (siteID{Key: "12345"}) {
		t.Errorf("a real SystmOne site id parses as %+v", got)
	}
}

func TestMessageUID(t *testing.T) {
	at := time.Date(2024, 5, 1, 10, 30, 15, 123456700, time.UTC)
	uid := newMessageUID("p1", at)
	if got := messageUIDTime(uid); !got.Equal(at) {
		t.Errorf("messageUIDTime(newMessageUID(t)) = %v, want %v", got, at)
	}
	if got := messageUIDTime(newMessageUID("p1", time.Time{})); !got.IsZero() {
		t.Errorf("no-time UID decodes to %v, want zero", got)
	}
	for _, bad := range []string{"", "not-a-uuid", strings.Repeat("g", 36), "855DFE00-FBED-41E7-B949-99AB34D85A60"} {
		if got := messageUIDTime(bad); !got.IsZero() {
			t.Errorf("messageUIDTime(%q) = %v, want zero", bad, got)
		}
	}
}
