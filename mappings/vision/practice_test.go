package vision

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

func fullPractice() *record.Practice {
	lm := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	work := func(s string) []record.ContactPoint {
		return []record.ContactPoint{
			{System: "phone", Value: s + "0", Use: "work"},
			{System: "fax", Value: s + "1", Use: "work"},
			{System: "email", Value: "reception@" + s + ".example.org", Use: "work"},
		}
	}
	return &record.Practice{
		Supplier:     Supplier,
		LastModified: lm,
		Organisation: record.Organisation{
			ID: "G12345", ODSCode: "G12345", Name: "Oakley Surgery", Type: "gp-practice",
			Telecom:      work("0113 496 100"),
			Addresses:    []record.Address{{Use: "work", Lines: []string{"Oakley House", "1 High Street"}, City: "Leeds", District: "West Yorkshire", PostalCode: "LS1 1AA"}},
			LastModified: lm,
		},
		Organisations: []record.Organisation{
			{ID: "RR8", ODSCode: "RR8", Name: "Leeds Teaching Hospitals NHS Trust"},
			{ID: "B1", ODSCode: "Y01234", Name: "Oakley Branch", Type: "gp-practice", PartOfID: "G12345", Addresses: []record.Address{{Use: "work", PostalCode: "LS2 2BB"}}},
		},
		Locations: []record.Location{
			{ID: "S1", SiteODSCode: "Z26556", Name: "Main surgery", Status: "active", Address: record.Address{Use: "work", Lines: []string{"1 High Street"}, PostalCode: "LS1 1AA"}, Telecom: work("0113 496 200"), ManagingOrganisationID: "G12345", LastModified: lm},
			{ID: "S2", Name: "Closed branch", Status: "inactive"},
		},
		Practitioners: []record.Practitioner{
			{
				ID: "10", SDSUserID: "G13579135", SDSRoleProfileIDs: []string{"111111111111", "222222222222"}, LocalUserID: "jsmith",
				Name:    record.HumanName{Use: "official", Prefix: []string{"Dr"}, Given: []string{"Jane", "Ann"}, Family: "Smith"},
				Gender:  record.GenderFemale,
				Telecom: []record.ContactPoint{{System: "phone", Value: "0113 496 300", Use: "work"}, {System: "email", Value: "jane.smith@nhs.net", Use: "work"}},
				Roles: []record.PractitionerRole{
					{ID: "R1", OrganisationID: "G12345", JobRole: record.Code{System: systemSDSJobRole, Code: "R0260", Display: "General Medical Practitioner"}},
					{ID: "R2", OrganisationID: "B1", JobRole: record.Code{System: systemSDSJobRole, Code: "R0260", Display: "General Medical Practitioner"}},
				},
				LastModified: lm,
			},
			{ID: "11", Name: record.HumanName{Use: "official", Given: []string{"Siân"}, Family: "Øster-Łódź"}, Gender: record.GenderMale},
		},
	}
}

func TestPracticeRoundTrip(t *testing.T) {
	minimal := &record.Practice{Supplier: Supplier, Organisation: record.Organisation{ID: "P1", Type: "gp-practice"}}
	for _, c := range []struct {
		name string
		p    *record.Practice
	}{
		{"every field", fullPractice()},
		{"practice only", minimal},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := EncodePractice(&buf, c.p); err != nil {
				t.Fatal(err)
			}
			got, err := DecodePractice(&buf)
			if err != nil {
				t.Fatalf("DecodePractice: %v\n%s", err, buf.String())
			}
			if !reflect.DeepEqual(got, c.p) {
				t.Errorf("round trip:\n got %#v\nwant %#v", got, c.p)
			}
		})
	}
}

// TestEncodedPracticeShape checks the documented row layout, since
// practice.xml is our own design and other code (the sandbox) writes it.
func TestEncodedPracticeShape(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&buf)
	var rows []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if cd, ok := tok.(xml.CharData); ok && len(bytes.TrimSpace(cd)) != 0 {
				t.Errorf("text content %q: every field belongs in an attribute", cd)
			}
			continue
		}
		attrs := map[string]string{}
		for _, a := range se.Attr {
			attrs[a.Name.Local] = a.Value
			if !visionName.MatchString(a.Name.Local) {
				t.Errorf("<%s %s>: not a lower-case column name", se.Name.Local, a.Name.Local)
			}
		}
		rows = append(rows, se.Name.Local+" "+attrs["id"])
		switch {
		case se.Name.Local == "practice":
			if attrs["identifier"] != "G12345" || attrs["address_1"] != "Oakley House" || attrs["address_4"] != "Leeds" || attrs["postcode"] != "LS1 1AA" || attrs["fax"] != "0113 496 1001" {
				t.Errorf("practice row = %v", attrs)
			}
		case se.Name.Local == "staff" && attrs["id"] == "10":
			if attrs["sex"] != "SEX002" || attrs["forename1"] != "Jane" || attrs["sds_roles"] != "111111111111 222222222222" {
				t.Errorf("staff row = %v", attrs)
			}
		case se.Name.Local == "staff_role" && attrs["id"] == "R1":
			if attrs["staff_id"] != "10" || attrs["service_id"] != "G12345" || attrs["role_code"] != "R0260" {
				t.Errorf("staff_role row = %v", attrs)
			}
		}
	}
	want := []string{"directory ", "practice G12345", "organisation RR8", "organisation B1", "site S1", "site S2", "staff 10", "staff 11", "staff_role R1", "staff_role R2"}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %q, want %q", rows, want)
	}
}

func TestDecodePracticeHostile(t *testing.T) {
	cases := []struct {
		name string
		r    io.Reader
	}{
		{"empty", strings.NewReader("")},
		{"truncated", strings.NewReader(`<directory><practice id="P1"/><staff id=`)},
		{"wrong root", strings.NewReader(`<header pat_id="1"><patient/></header>`)},
		{"no practice row", strings.NewReader(`<directory/>`)},
		{"two practice rows", strings.NewReader(`<directory><practice id="P1"/><practice id="P2"/></directory>`)},
		{"practice without id", strings.NewReader(`<directory><practice name="X"/></directory>`)},
		{"staff without id", strings.NewReader(`<directory><practice id="P1"/><staff surname="X"/></directory>`)},
		{"duplicate staff", strings.NewReader(`<directory><practice id="P1"/><staff id="1"/><staff id="1"/></directory>`)},
		{"role of unknown staff", strings.NewReader(`<directory><practice id="P1"/><staff_role staff_id="9"/></directory>`)},
		{"bad created", strings.NewReader(`<directory created="today"><practice id="P1"/></directory>`)},
		{"bad site sysdate", strings.NewReader(`<directory><practice id="P1"/><site id="S" sysdate="x"/></directory>`)},
		{"deeply nested", strings.NewReader(`<directory>` + strings.Repeat("<practice>", 100000))},
		{"huge", io.MultiReader(strings.NewReader(`<directory><practice id="P1" name="`), &repeatReader{b: 'x', n: maxFileBytes + 1})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := DecodePractice(c.r)
			if err == nil {
				t.Fatalf("DecodePractice succeeded with %+v, want an error", p)
			}
			if !strings.HasPrefix(err.Error(), "vision: practice") {
				t.Errorf("error %q lacks the vision: practice context", err)
			}
		})
	}
}

func TestEncodePracticeRejectsNil(t *testing.T) {
	if err := EncodePractice(io.Discard, nil); err == nil {
		t.Error("EncodePractice(nil) succeeded")
	}
}

func FuzzDecodePractice(f *testing.F) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`<directory created="2024-01-01T00:00:00"><practice id="P1"/><staff id="1" sex="SEX009"/><staff_role staff_id="1"/></directory>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePractice(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := EncodePractice(&buf, p); err != nil {
			t.Fatalf("EncodePractice of a decoded practice: %v", err)
		}
		q, err := DecodePractice(&buf)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("re-decode differs:\n got %#v\nwant %#v", q, p)
		}
	})
}

func BenchmarkDecodePractice(b *testing.B) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodePractice(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodePractice(b *testing.B) {
	p := fullPractice()
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodePractice(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}
