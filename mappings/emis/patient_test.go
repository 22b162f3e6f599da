package emis

import (
	"bytes"
	"encoding/xml"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

const (
	practiceID = "5E496953-065B-41F2-9577-BE8F2FBD0757"
	gpID       = "6D340A1B-BC15-4D4E-93CF-BBCB5B74DF73"
	mainSiteID = "EB3994A6-5A87-4B53-A414-913137072F57"
)

// fullPatient holds every field the format carries.
func fullPatient() record.Patient {
	return record.Patient{
		ID:              "55D2363D-57A2-48F4-9A74-5B2E03F5E93D",
		NHSNumber:       "9465698679",
		NHSNumberStatus: record.NHSNumberVerified,
		Name:            record.HumanName{Use: "official", Family: "GAINSFORD", Given: []string{"Ivor", "Kennedy"}, Prefix: []string{"Mr"}},
		OtherNames: []record.HumanName{
			{Use: "usual", Family: "GAINSFORD", Given: []string{"Ken"}},
			{Use: "old", Family: "SMITH", Given: []string{"Ivor", "Kennedy"}},
			{Use: "old", Family: "JONES"},
		},
		BirthDate:     record.DateOf(1942, time.February, 15),
		Gender:        record.GenderMale,
		MultipleBirth: true,
		Addresses: []record.Address{{
			Use: "home", Lines: []string{"Flat 3", "12 Micklefield Lane", "Rawdon, Upper Green"},
			City: "Leeds", District: "West Yorkshire", PostalCode: "LS19 6BA",
		}},
		Telecom: []record.ContactPoint{
			{System: "phone", Value: "01632 960001", Use: "home"},
			{System: "phone", Value: "01632 960002", Use: "work"},
			{System: "phone", Value: "07700 900001", Use: "mobile"},
			{System: "email", Value: "ivor@example.org", Use: "home"},
		},
		Communication: &record.Communication{
			Language:            record.Code{System: SystemHumanLanguage, Code: "gd", Display: "Gaelic; Scottish Gaelic"},
			Preferred:           true,
			InterpreterRequired: true,
		},
		Registration: record.Registration{
			Type:              record.RegistrationRegular,
			Period:            record.Period{Start: record.DateOf(2010, time.May, 4)},
			Active:            true,
			OrganisationID:    practiceID,
			UsualGPID:         gpID,
			PreferredBranchID: mainSiteID,
		},
		Consent:      record.ConsentGiven,
		LastModified: fixtureTime,
	}
}

func TestPatientRoundTrip(t *testing.T) {
	practice := testPractice()
	tests := []struct {
		name     string
		practice *record.Practice
		p        record.Patient
	}{
		{"every field", practice, fullPatient()},
		{"no NHS number, numeric id", practice, record.Patient{
			ID:     "1001",
			Name:   record.HumanName{Use: "official", Family: "Doe", Given: []string{"Jo"}},
			Gender: record.GenderUnknown,
			Registration: record.Registration{
				Type: record.RegistrationRegular, Period: record.Period{Start: record.DateOf(2020, time.January, 2)},
				Active: true, OrganisationID: practiceID,
			},
		}},
		{"deceased and deducted", practice, record.Patient{
			ID: "D1", NHSNumber: "9000000009", NHSNumberStatus: record.NHSNumberVerified,
			Name:      record.HumanName{Use: "official", Family: "Hale", Given: []string{"Arthur"}, Prefix: []string{"Mr"}},
			BirthDate: record.DateOf(1931, time.June, 30),
			Gender:    record.GenderMale,
			Deceased:  record.DateOf(2023, time.November, 2),
			Registration: record.Registration{
				Type:           record.RegistrationRegular,
				Period:         record.Period{Start: record.DateOf(1960, time.March, 1), End: record.DateOf(2023, time.November, 2)},
				OrganisationID: practiceID,
			},
			LastModified: fixtureTime,
		}},
		{"temporary resident with home and temporary address", practice, record.Patient{
			ID: "T1", NHSNumber: "9449304289", NHSNumberStatus: record.NHSNumberVerified,
			Name:   record.HumanName{Use: "official", Family: "Visitor", Given: []string{"Tam"}},
			Gender: record.GenderOther,
			Addresses: []record.Address{
				{Use: "home", Lines: []string{"1 Far Road"}, City: "Inverness", PostalCode: "IV1 1AA"},
				{Use: "temp", Lines: []string{"Caravan 7", "Lakeside Park"}, City: "Penrith", PostalCode: "CA10 2XX"},
			},
			Registration: record.Registration{
				Type:           record.RegistrationTemporary,
				Period:         record.Period{Start: record.DateOf(2024, time.July, 1), End: record.DateOf(2024, time.September, 30)},
				Active:         true,
				OrganisationID: practiceID,
			},
			LastModified: fixtureTime,
		}},
		{"dissent dated by registration", practice, record.Patient{
			ID: "X1", NHSNumber: "9434765919", NHSNumberStatus: record.NHSNumberVerified,
			Name:   record.HumanName{Use: "official", Family: "Private", Given: []string{"Pat"}},
			Gender: record.GenderFemale,
			Registration: record.Registration{
				Type: record.RegistrationRegular, Period: record.Period{Start: record.DateOf(2001, time.August, 8)},
				Active: true, OrganisationID: practiceID, UsualGPID: gpID,
			},
			Consent: record.ConsentDissent,
		}},
		{"only an id, no practice", nil, record.Patient{ID: "M1"}},
		{"unicode names and address", practice, record.Patient{
			ID:         "U1",
			Name:       record.HumanName{Use: "official", Family: "Ó Súilleabháin-Łukasiewicz", Given: []string{"Zoë", "Þórunn"}, Prefix: []string{"Ms"}},
			OtherNames: []record.HumanName{{Use: "usual", Family: "Ó Súilleabháin-Łukasiewicz", Given: []string{"Zoë"}}},
			Gender:     record.GenderFemale,
			Addresses:  []record.Address{{Use: "home", Lines: []string{"Tŷ Gwyn", "Heol y Frenhines"}, City: "Caerdydd", PostalCode: "CF10 1AA"}},
			Registration: record.Registration{
				Type: record.RegistrationEmergency, Active: true, OrganisationID: practiceID,
			},
		}},
		{"partial dates, record in transit, spine flags", practice, record.Patient{
			ID: "P1", NHSNumber: "9465699926", NHSNumberStatus: record.NHSNumberNotTraced,
			Name:      record.HumanName{Use: "official", Family: "Partial"},
			BirthDate: record.Date{Time: time.Date(1950, time.March, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth},
			Deceased:  record.Date{Time: time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear},
			Spine:     record.SpineStatus{Sensitive: true, Superseded: true, NotOnSpine: true},
			Registration: record.Registration{
				Type: "IN",
				// Minute precision in summer: written as UK local time, read back as the same instant.
				Period:         record.Period{Start: record.Date{Time: time.Date(2024, time.July, 1, 14, 5, 0, 0, time.UTC), Precision: record.PrecisionMinute}},
				OrganisationID: practiceID,
			},
			RecordInTransit: true,
			Communication:   &record.Communication{InterpreterRequired: true},
			LastModified:    time.Date(2024, time.December, 24, 23, 59, 59, 0, time.UTC),
		}},
		{"usual GP outside the practice directory", nil, record.Patient{
			ID: "G1",
			Registration: record.Registration{
				Type: "P", Active: true, OrganisationID: "SOMEWHERE-ELSE", UsualGPID: "UNKNOWN-GP", PreferredBranchID: "UNKNOWN-SITE",
			},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := EncodePatient(&buf, tc.practice, &tc.p); err != nil {
				t.Fatalf("EncodePatient: %v", err)
			}
			MustValidate(t, "patient.xml", buf.Bytes())
			got, err := DecodePatient(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("DecodePatient: %v\n%s", err, buf.Bytes())
			}
			if !reflect.DeepEqual(got, tc.p) {
				t.Errorf("DecodePatient(EncodePatient(p)) =\n%#v\nwant\n%#v\n%s", got, tc.p, buf.Bytes())
			}
		})
	}
}

// TestEncodePatientEmbedsDirectory checks that a patient file carries the
// directory entries it refers to, with the practice file's RefIDs, so that
// the file reads on its own.
func TestEncodePatientEmbedsDirectory(t *testing.T) {
	practice := testPractice()
	p := fullPatient()
	var buf bytes.Buffer
	if err := EncodePatient(&buf, practice, &p); err != nil {
		t.Fatal(err)
	}
	embedded, err := DecodePractice(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("DecodePractice(patient file): %v", err)
	}
	if !reflect.DeepEqual(embedded.Organisation, practice.Organisation) {
		t.Errorf("embedded practice = %#v, want %#v", embedded.Organisation, practice.Organisation)
	}
	if len(embedded.Practitioners) != 1 || !reflect.DeepEqual(embedded.Practitioners[0], practice.Practitioners[0]) {
		t.Errorf("embedded practitioners = %#v, want the usual GP only", embedded.Practitioners)
	}
	if len(embedded.Locations) != 1 || embedded.Locations[0].ID != mainSiteID {
		t.Errorf("embedded locations = %#v, want the preferred branch only", embedded.Locations)
	}
	// The GP's second role is at the branch organisation B1: it comes along.
	if len(embedded.Organisations) != 1 || embedded.Organisations[0].ID != "B1" {
		t.Errorf("embedded organisations = %#v, want B1", embedded.Organisations)
	}
	var mr MedicalRecordType
	if err := xml.Unmarshal(buf.Bytes(), &mr); err != nil {
		t.Fatal(err)
	}
	if got := *mr.Registration.UsualGpID.RefID; got != 1 {
		t.Errorf("UsualGpID/RefID = %d, want 1 (the GP's RefID in the practice file)", got)
	}
	if got := *mr.Originator.Organisation.RefID; got != 1 {
		t.Errorf("Originator/Organisation/RefID = %d, want 1", got)
	}
}

func TestEncodePatientErrors(t *testing.T) {
	tests := []struct {
		name string
		p    *record.Patient
	}{
		{"nil", nil},
		{"no id", &record.Patient{Name: record.HumanName{Family: "x"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := EncodePatient(&bytes.Buffer{}, testPractice(), tc.p); err == nil {
				t.Error("EncodePatient succeeded, want error")
			}
		})
	}
}

// TestDecodePatientFile reads the hand-written EMIS-shaped record: RefID-only
// references, a spaced NHS number, consent entries in two code systems at
// different precisions, clinical lists the demographics ignore.
func TestDecodePatientFile(t *testing.T) {
	doc, err := os.ReadFile("testdata/patient.xml")
	if err != nil {
		t.Fatal(err)
	}
	MustValidate(t, "patient.xml", doc)
	p, err := DecodePatient(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("DecodePatient: %v", err)
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"ID", p.ID, "2C9A4B3E-1D6F-4A8B-9C7E-5F3A2B1C0D9E"},
		{"NHSNumber", p.NHSNumber, record.NHSNumber("9434765919")},
		{"NHSNumberStatus (schema has none: verified)", p.NHSNumberStatus, record.NHSNumberVerified},
		{"Name", p.Name, record.HumanName{Use: "official", Family: "SANDERSON", Given: []string{"Ethel", "Margaret"}, Prefix: []string{"Mrs"}}},
		{"OtherNames", p.OtherNames, []record.HumanName{
			{Use: "usual", Family: "SANDERSON", Given: []string{"Peggy"}},
			{Use: "old", Family: "HODGSON", Given: []string{"Ethel", "Margaret"}},
		}},
		{"BirthDate", p.BirthDate, record.DateOf(1938, time.September, 27)},
		{"Gender", p.Gender, record.GenderFemale},
		{"Deceased", p.Deceased, record.Date{}},
		{"Addresses", p.Addresses, []record.Address{{
			Use: "home", Lines: []string{"2 Rose Cottages", "Front Street", "Kirkby Thore"},
			City: "Penrith", District: "Cumbria", PostalCode: "CA10 1UD",
		}}},
		{"Telecom", p.Telecom, []record.ContactPoint{
			{System: "phone", Value: "01768 361999", Use: "home"},
			{System: "phone", Value: "07700 900999", Use: "mobile"},
			{System: "email", Value: "peggy.sanderson@example.org", Use: "home"},
		}},
		{"Communication", p.Communication, &record.Communication{
			Language: record.Code{System: SystemHumanLanguage, Code: "cy", Display: "Welsh"}, Preferred: true,
		}},
		{"Registration", p.Registration, record.Registration{
			Type:              record.RegistrationRegular,
			Period:            record.Period{Start: record.DateOf(1999, time.April, 12)},
			Active:            true,
			OrganisationID:    "7A4E1C52-0D3B-4F55-9E1A-2B6C0F8D9A01",
			UsualGPID:         "B2C41F0E-8E55-4C8A-A0F4-6A1D2E3F4B50",
			PreferredBranchID: "F7E6D5C4-B3A2-4190-8F7E-6D5C4B3A2910",
		}},
		// 03/2021 (SNOMED, month precision) is later than 01/02/2015 (Read v2).
		{"Consent", p.Consent, record.ConsentDissent},
		{"RecordInTransit", p.RecordInTransit, false},
		{"LastModified", p.LastModified, time.Date(2024, time.May, 14, 10, 2, 37, 0, time.UTC)},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
}

// TestClinicalTypesKeepContent decodes the hand-written record into the
// schema types, writes it back, and checks that nothing modelled is lost and
// that the output still validates — the types' field order is the schema's.
func TestClinicalTypesKeepContent(t *testing.T) {
	doc, err := os.ReadFile("testdata/patient.xml")
	if err != nil {
		t.Fatal(err)
	}
	var first MedicalRecordType
	if err := xml.Unmarshal(doc, &first); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeMedicalRecord(&buf, &first); err != nil {
		t.Fatal(err)
	}
	MustValidate(t, "rewritten.xml", buf.Bytes())
	var second MedicalRecordType
	if err := xml.Unmarshal(buf.Bytes(), &second); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, second) {
		t.Errorf("schema types lost content on rewrite:\n%s", buf.Bytes())
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"EventList events", len(first.EventList.Event), 3},
		{"BP value", *first.EventList.Event[1].NumericValue.Value, 142.0},
		{"BP SNOMED map", first.EventList.Event[1].Code.MapCode, "163030003"},
		{"consultation element event", first.ConsultationList.Consultation[0].ElementList.ConsultationElement[0].Event.Code.Value, "171.."},
		{"consultation problem status", *first.ConsultationList.Consultation[0].ElementList.ConsultationElement[0].Event.Problem.ProblemStatus, int64(1)},
		{"consultation medication", first.ConsultationList.Consultation[0].ElementList.ConsultationElement[1].Medication.Drug.PreparationID.Term, "Amoxicillin 500mg capsules"},
		{"allergy drug group", first.AllergyList.Allergy[0].Codes.Value, "PENICILLINS"},
		{"allergy date part", *first.AllergyList.Allergy[0].DatePart, int64(datePartYear)},
		{"medication type", first.MedicationList.Medication[0].PrescriptionType, "REPEAT"},
		{"medication quantity", *first.MedicationList.Medication[0].Quantity, 28.0},
		{"issue course link", first.IssueList.Issue[0].MedicationLink.GUID, first.MedicationList.Medication[0].GUID},
		{"issue cost", *first.IssueList.Issue[0].EstimatedCost, 1.03},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
}

func TestConsentLatestWins(t *testing.T) {
	event := func(value, scheme, mapCode, mapScheme, date string, part int64) EventType {
		var e EventType
		e.AssignedDate, e.DatePart = date, int64p(part)
		e.Code = &StringCodeType{Value: value, Scheme: scheme, MapCode: mapCode, MapScheme: mapScheme}
		return e
	}
	tests := []struct {
		name   string
		events []EventType
		want   record.Consent
	}{
		{"none", nil, record.ConsentUnknown},
		{"unrelated code", []EventType{event("2469.", "READ2", "", "", "01/01/2020", 0)}, record.ConsentUnknown},
		{"read dissent", []EventType{event("9Nd1.", "READ2", "", "", "01/01/2020", 0)}, record.ConsentDissent},
		{"read without padding", []EventType{event("9Nd7", "READ2", "", "", "01/01/2020", 0)}, record.ConsentGiven},
		{"snomed via map", []EventType{event("EMISNQXX1", "EMISCLINICAL", snomedDissent, "SNOMED", "01/01/2020", 0)}, record.ConsentDissent},
		{"later consent beats earlier dissent", []EventType{
			event(snomedConsent, "SNOMED", "", "", "02/01/2020", 0),
			event(snomedDissent, "SNOMED", "", "", "01/01/2020", 0),
		}, record.ConsentGiven},
		{"dated beats undated", []EventType{
			event(readDissent, "READ2", "", "", "2019", 2),
			event(readConsent, "READ2", "", "", "", 3),
		}, record.ConsentDissent},
		{"same date: later entry wins", []EventType{
			event(readDissent, "READ2", "", "", "01/01/2020", 0),
			event(readConsent, "READ2", "", "", "01/01/2020", 0),
		}, record.ConsentGiven},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mr := &MedicalRecordType{EventList: &EventListType{Event: tc.events}}
			got, err := consentFromRecord(mr)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("consentFromRecord = %v, want %v", got, tc.want)
			}
		})
	}
}

// hostile returns documents that must be rejected.
func hostile(t testing.TB) map[string]string {
	valid, err := os.ReadFile("testdata/patient.xml")
	if err != nil {
		t.Fatal(err)
	}
	reg := func(inner string) string {
		return `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID>` + inner + `</Registration></MedicalRecord>`
	}
	return map[string]string{
		"empty":               "",
		"not xml":             "this is not a record",
		"truncated":           string(valid[:len(valid)/2]),
		"wrong root":          `<PatientRecord xmlns="` + Namespace + `"/>`,
		"wrong namespace":     `<MedicalRecord xmlns="urn:other"><Registration><GUID>H1</GUID></Registration></MedicalRecord>`,
		"two roots":           `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID></Registration></MedicalRecord><MedicalRecord/>`,
		"entity expansion":    `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>&b;</GUID></Registration></MedicalRecord>`,
		"deeply nested":       `<MedicalRecord xmlns="` + Namespace + `">` + strings.Repeat("<EventList><Event>", 200000),
		"impossible date":     reg(`<DateOfBirth>31/02/2020</DateOfBirth>`),
		"iso date":            reg(`<DateOfBirth>2020-02-01T00:00</DateOfBirth>`),
		"garbage date":        reg(`<DateOfBirth>99/99/9999</DateOfBirth>`),
		"year zero":           reg(`<DateOfBirth>0000</DateOfBirth>`),
		"bad deducted date":   reg(`<DeductedDate>yesterday</DeductedDate>`),
		"bad NHS number":      reg(`<NhsNumber>1234567890</NhsNumber>`),
		"bad sex":             reg(`<Sex>X</Sex>`),
		"non-integer DBID":    `<MedicalRecord xmlns="` + Namespace + `"><Registration><DBID>abc</DBID></Registration></MedicalRecord>`,
		"bad NHS status":      reg(`<CustomRegistrationFields><CustomRegistrationEntry><FieldName>NHSNumberStatus</FieldName><FieldValue>09</FieldValue></CustomRegistrationEntry></CustomRegistrationFields>`),
		"no registration":     `<MedicalRecord xmlns="` + Namespace + `"/>`,
		"no patient id":       `<MedicalRecord xmlns="` + Namespace + `"><Registration><FamilyName>X</FamilyName></Registration></MedicalRecord>`,
		"bad consent date":    `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID></Registration><EventList><Event><AssignedDate>13/2020</AssignedDate><DatePart>1</DatePart><Code><Value>9Nd1.</Value><Scheme>READ2</Scheme></Code></Event></EventList></MedicalRecord>`,
		"bad date part":       `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID></Registration><EventList><Event><AssignedDate>01/01/2020</AssignedDate><DatePart>9</DatePart><Code><Value>9Nd1.</Value><Scheme>READ2</Scheme></Code></Event></EventList></MedicalRecord>`,
		"bad message date":    `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID></Registration><MessageInformation><DateCreated>2024</DateCreated></MessageInformation></MedicalRecord>`,
		"time without a date": `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID></Registration><MessageInformation><TimeCreated>10:00:00</TimeCreated></MessageInformation></MedicalRecord>`,
	}
}

func TestDecodePatientHostile(t *testing.T) {
	for name, doc := range hostile(t) {
		t.Run(name, func(t *testing.T) {
			p, err := DecodePatient(strings.NewReader(doc))
			if err == nil {
				t.Fatalf("DecodePatient succeeded with %#v, want error", p)
			}
			if !strings.HasPrefix(err.Error(), "emis: patient") {
				t.Errorf("error %q lacks the emis: patient prefix", err)
			}
		})
	}
}

func TestDeadWithoutDateIsInactive(t *testing.T) {
	doc := `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID><Dead>1</Dead></Registration>` +
		`<RegistrationStatus><CurrentStatus><PracticeRegistered>1</PracticeRegistered></CurrentStatus></RegistrationStatus></MedicalRecord>`
	p, err := DecodePatient(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if p.Registration.Active {
		t.Error("Registration.Active = true for a patient marked Dead without a date, want false")
	}
}

// TestErrorsCarryNoPHI checks that failures name the patient by id only.
func TestErrorsCarryNoPHI(t *testing.T) {
	doc := `<MedicalRecord xmlns="` + Namespace + `"><Registration><GUID>H1</GUID><FamilyName>SECRETNAME</FamilyName>` +
		`<NhsNumber>9434765918</NhsNumber></Registration></MedicalRecord>`
	_, err := DecodePatient(strings.NewReader(doc))
	if err == nil {
		t.Fatal("DecodePatient accepted a bad check digit")
	}
	for _, phi := range []string{"SECRETNAME", "9434765918"} {
		if strings.Contains(err.Error(), phi) {
			t.Errorf("error %q contains %q", err, phi)
		}
	}
	if !strings.Contains(err.Error(), "H1") {
		t.Errorf("error %q does not name the patient id", err)
	}
}

// endless yields an opening tag and then text for ever.
type endless struct{ head string }

func (e *endless) Read(p []byte) (int, error) {
	if e.head != "" {
		n := copy(p, e.head)
		e.head = e.head[n:]
		return n, nil
	}
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestDecodeRejectsHugeDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MiB")
	}
	r := &endless{head: `<MedicalRecord xmlns="` + Namespace + `"><Registration><FamilyName>`}
	if _, err := DecodePatient(r); err == nil || !strings.Contains(err.Error(), "exceeds") {
		t.Errorf("DecodePatient(endless) = %v, want size error", err)
	}
}

func TestDecodePracticeHostile(t *testing.T) {
	docs := hostile(t)
	docs["no practice"] = `<MedicalRecord xmlns="` + Namespace + `"><LocationList><Location><GUID>L</GUID></Location></LocationList></MedicalRecord>`
	docs["location without id"] = `<MedicalRecord xmlns="` + Namespace + `"><LocationList><Location><LocationName>x</LocationName></Location></LocationList></MedicalRecord>`
	docs["person without id"] = `<MedicalRecord xmlns="` + Namespace + `"><PeopleList><Person><LastName>x</LastName></Person></PeopleList><LocationList><Location><GUID>L</GUID></Location></LocationList><Originator><Organisation><GUID>L</GUID></Organisation></Originator></MedicalRecord>`
	for name, doc := range docs {
		switch name {
		case "impossible date", "iso date", "garbage date", "year zero", "bad deducted date", "bad NHS number",
			"bad sex", "bad NHS status", "no registration", "no patient id", "bad consent date", "bad date part":
			continue // patient-only content: a directory reader ignores it
		}
		t.Run(name, func(t *testing.T) {
			if p, err := DecodePractice(strings.NewReader(doc)); err == nil {
				t.Fatalf("DecodePractice succeeded with %#v, want error", p)
			}
		})
	}
}

func FuzzDecodePatient(f *testing.F) {
	practice := testPractice()
	p := fullPatient()
	var buf bytes.Buffer
	if err := EncodePatient(&buf, practice, &p); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	if doc, err := os.ReadFile("testdata/patient.xml"); err == nil {
		f.Add(doc)
	}
	for _, doc := range hostile(f) {
		if len(doc) < 4096 {
			f.Add([]byte(doc))
		}
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		p, err := DecodePatient(bytes.NewReader(doc))
		if err != nil {
			return
		}
		// Whatever decodes must encode, and read back the same.
		var out bytes.Buffer
		if err := EncodePatient(&out, nil, &p); err != nil {
			t.Fatalf("EncodePatient(decoded) = %v", err)
		}
		again, err := DecodePatient(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("DecodePatient(EncodePatient(decoded)) = %v\n%s", err, out.Bytes())
		}
		if utf8Valid(doc) && !reflect.DeepEqual(again, p) {
			t.Fatalf("re-decoded patient differs:\n%#v\nwant\n%#v", again, p)
		}
	})
}

func FuzzDecodePractice(f *testing.F) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, testPractice()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	if doc, err := os.ReadFile("testdata/practice.xml"); err == nil {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		p, err := DecodePractice(bytes.NewReader(doc))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := EncodePractice(&out, p); err != nil {
			t.Fatalf("EncodePractice(decoded) = %v", err)
		}
		again, err := DecodePractice(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("DecodePractice(EncodePractice(decoded)) = %v\n%s", err, out.Bytes())
		}
		if utf8Valid(doc) && !reflect.DeepEqual(again, p) {
			t.Fatalf("re-decoded practice differs:\n%#v\nwant\n%#v", again, p)
		}
	})
}

func BenchmarkDecodePatient(b *testing.B) {
	for _, src := range []string{"encoded", "testdata/patient.xml"} {
		b.Run(src, func(b *testing.B) {
			var doc []byte
			if src == "encoded" {
				var buf bytes.Buffer
				p := fullPatient()
				if err := EncodePatient(&buf, testPractice(), &p); err != nil {
					b.Fatal(err)
				}
				doc = buf.Bytes()
			} else {
				var err error
				if doc, err = os.ReadFile(src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				if _, err := DecodePatient(bytes.NewReader(doc)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncodePatient(b *testing.B) {
	practice := testPractice()
	p := fullPatient()
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodePatient(discard{}, practice, &p); err != nil {
			b.Fatal(err)
		}
	}
}
