package vision

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

const samplePath = "testdata/vision-export.xml"

func mustReadSample(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// fullPatient exercises every field the format can hold.
func fullPatient() record.Patient {
	return record.Patient{
		ID:              "1001",
		NHSNumber:       "9000000009",
		NHSNumberStatus: record.NHSNumberVerified,
		Name:            record.HumanName{Use: "official", Prefix: []string{"Mrs"}, Given: []string{"Ann", "Marie", "Jo", "Lee"}, Family: "Smith"},
		OtherNames: []record.HumanName{
			{Use: "old", Family: "Jones"},
			{Use: "maiden", Family: "Brown"},
		},
		BirthDate: record.DateOf(1950, 3, 4),
		Gender:    record.GenderFemale,
		Addresses: []record.Address{{Use: "home", Lines: []string{"Flat 2", "1 High Street", "Oakley"}, City: "Leeds", District: "West Yorkshire", PostalCode: "LS1 1AA"}},
		Telecom: []record.ContactPoint{
			{System: "phone", Value: "0113 496 0000", Use: "home"},
			{System: "phone", Value: "0113 496 0001", Use: "work"},
			{System: "phone", Value: "07700 900000", Use: "mobile"},
			{System: "email", Value: "ann@example.org", Use: "home"},
		},
		Contacts: []record.Contact{
			{
				Relationship: "Next of kin",
				Name:         record.HumanName{Prefix: []string{"Mr"}, Given: []string{"Tom"}, Family: "Smith"},
				Telecom:      []record.ContactPoint{{System: "phone", Value: "0113 496 0002", Use: "home"}},
				Address:      record.Address{Lines: []string{"1 High Street"}, City: "Leeds", PostalCode: "LS1 1AA"},
				Gender:       record.GenderMale,
			},
			{Relationship: "Carer", Name: record.HumanName{Family: "Carers Ltd"}},
		},
		Communication: &record.Communication{
			Language:            record.Code{System: systemLanguage, Code: "de"},
			Preferred:           true,
			InterpreterRequired: true,
		},
		Registration: record.Registration{
			Type:              record.RegistrationRegular,
			Period:            record.Period{Start: record.DateOf(2011, 12, 6)},
			Active:            true,
			OrganisationID:    "G12345",
			UsualGPID:         "10",
			PreferredBranchID: "S1",
		},
		Consent:      record.ConsentGiven,
		LastModified: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
	}
}

func patientCases() []struct {
	name string
	p    record.Patient
} {
	noNHS := fullPatient()
	noNHS.NHSNumber, noNHS.NHSNumberStatus = "", "07"

	deceased := fullPatient()
	deceased.Deceased = record.DateOf(2020, 5, 1)
	deceased.Registration.Active = false
	deceased.Registration.Period.End = record.DateOf(2020, 5, 2)

	temporary := fullPatient()
	temporary.Registration.Type = record.RegistrationTemporary
	temporary.Registration.Period = record.Period{Start: record.DateOf(2024, 7, 1), End: record.DateOf(2024, 9, 30)}

	dissent := fullPatient()
	dissent.Consent = record.ConsentDissent

	dissentUndated := fullPatient()
	dissentUndated.Consent = record.ConsentDissent
	dissentUndated.LastModified = time.Time{}

	unverified := fullPatient()
	unverified.NHSNumberStatus = record.NHSNumberTraceRequired
	unverified.RecordInTransit = true

	unicode := fullPatient()
	unicode.Name = record.HumanName{Use: "official", Prefix: []string{"Dr"}, Given: []string{"Zoë", "Łukasz"}, Family: "Ó Súilleabháin-王"}
	unicode.Contacts[0].Name.Family = "Ñúñez <&> \"quoted\""

	partial := fullPatient()
	partial.BirthDate = record.Date{Time: time.Date(1930, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}
	partial.Registration.Period.Start = record.Date{Time: time.Date(1990, 6, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}
	partial.Deceased = record.Date{Time: time.Date(2001, 2, 3, 4, 5, 0, 0, time.UTC), Precision: record.PrecisionMinute}

	other := fullPatient()
	other.Gender = record.GenderOther
	other.Registration.Type = "IN"
	other.Communication = &record.Communication{InterpreterRequired: true}

	return []struct {
		name string
		p    record.Patient
	}{
		{"every field", fullPatient()},
		{"no NHS number", noNHS},
		{"deceased and deducted", deceased},
		{"temporary registration", temporary},
		{"dissent", dissent},
		{"dissent without a date", dissentUndated},
		{"unverified number, record in transit", unverified},
		{"unicode and markup in names", unicode},
		{"partial dates", partial},
		{"other gender, immediately necessary, interpreter only", other},
		{"missing optional elements", record.Patient{ID: "7"}},
		{"unknown gender only", record.Patient{ID: "8", Gender: record.GenderUnknown, Registration: record.Registration{Active: true}}},
	}
}

func TestPatientRoundTrip(t *testing.T) {
	for _, c := range patientCases() {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := EncodePatient(&buf, nil, &c.p); err != nil {
				t.Fatalf("EncodePatient: %v", err)
			}
			got, err := DecodePatient(&buf)
			if err != nil {
				t.Fatalf("DecodePatient: %v\n%s", err, buf.String())
			}
			if d := firstDiff(got, c.p); d != "" {
				t.Errorf("round trip: %s", d)
			}
		})
	}
}

// TestPatientLossyFields pins down what the format cannot hold, so a change
// in what is dropped is a visible decision.
func TestPatientLossyFields(t *testing.T) {
	p := record.Patient{
		ID:              "9",
		NHSNumber:       "9000000009",
		Name:            record.HumanName{Use: "official", Family: "Smith", Suffix: []string{"OBE"}},
		OtherNames:      []record.HumanName{{Use: "usual", Given: []string{"Annie"}}},
		Addresses:       []record.Address{{Use: "temp", Lines: []string{"a", "b", "c", "d"}}, {Use: "home", PostalCode: "LS1 1AA"}},
		Telecom:         []record.ContactPoint{{System: "phone", Value: "1"}, {System: "phone", Value: "2", Use: "home"}, {System: "fax", Value: "3"}},
		Communication:   &record.Communication{Language: record.Code{System: systemLanguage, Code: "fr", Display: "French"}},
		Registration:    record.Registration{Type: "R", Active: true},
		NHSNumberStatus: "",
	}
	var buf bytes.Buffer
	if err := EncodePatient(&buf, nil, &p); err != nil {
		t.Fatal(err)
	}
	got, err := DecodePatient(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := record.Patient{
		ID:              "9",
		NHSNumber:       "9000000009",
		NHSNumberStatus: record.NHSNumberVerified, // a held number with no status reads as verified
		Name:            record.HumanName{Use: "official", Family: "Smith"},
		Addresses:       []record.Address{{Use: "home", PostalCode: "LS1 1AA"}},
		Telecom:         []record.ContactPoint{{System: "phone", Value: "1", Use: "home"}},
		Communication:   &record.Communication{Language: record.Code{System: systemLanguage, Code: "fr"}, Preferred: true},
		Registration:    record.Registration{Type: "R", Active: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lossy round trip:\n got %#v\nwant %#v", got, want)
	}

	// Lines beyond address_3 are joined, not lost.
	p.Addresses = []record.Address{{Use: "home", Lines: []string{"a", "b", "c", "d"}}}
	buf.Reset()
	if err := EncodePatient(&buf, nil, &p); err != nil {
		t.Fatal(err)
	}
	if got, err = DecodePatient(&buf); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c, d"}; !reflect.DeepEqual(got.Addresses[0].Lines, want) {
		t.Errorf("four lines = %q, want %q", got.Addresses[0].Lines, want)
	}
}

func TestDecodePatientSample(t *testing.T) {
	got, err := DecodePatient(bytes.NewReader(mustReadSample(t)))
	if err != nil {
		t.Fatal(err)
	}
	want := record.Patient{
		ID:              "250",
		NHSNumber:       "4055053711",
		NHSNumberStatus: record.NHSNumberVerified,
		Name:            record.HumanName{Use: "official", Prefix: []string{"MS"}, Given: []string{"CAROLINE", "J"}, Family: "CHANTREY-JOWETT"},
		BirthDate:       record.DateOf(1942, 8, 9),
		Gender:          record.GenderFemale,
		Addresses:       []record.Address{{Use: "home", PostalCode: "Z99 9ZZ"}},
		Registration: record.Registration{
			Type:           record.RegistrationRegular,
			Period:         record.Period{Start: record.DateOf(2011, 12, 6)},
			Active:         true,
			OrganisationID: "G12345",
			UsualGPID:      "10",
		},
		LastModified: time.Date(2007, 3, 1, 15, 12, 2, 0, time.UTC),
	}
	// The clinical record is checked in TestDecodeSampleClinical.
	got.Record = record.ClinicalRecord{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DecodePatient(sample):\n got %#v\nwant %#v", got, want)
	}
}

// TestSampleRows checks the typed journal rows against values read from the
// sample by hand.
func TestSampleRows(t *testing.T) {
	var x Export
	if err := decodeXML(bytes.NewReader(mustReadSample(t)), &x); err != nil {
		t.Fatal(err)
	}
	if x.Created != "2015-08-12T15:02:14" || x.PatID != "250" {
		t.Errorf("header = created %q pat_id %q, want 2015-08-12T15:02:14, 250", x.Created, x.PatID)
	}
	if len(x.Clinical) != 254 {
		t.Fatalf("clinical rows = %d, want 254", len(x.Clinical))
	}
	count := map[EntityType]int{}
	for _, c := range x.Clinical {
		count[c.EntityTy]++
		if c.MasterID != "250" {
			t.Errorf("row %s master_id = %q, want 250", c.Identity, c.MasterID)
		}
	}
	for ty, want := range map[EntityType]int{EntityGeneral: 115, EntityMedicationIssue: 79, EntityReferral: 18, EntityImmunisation: 6, EntityBloodPressure: 6, EntityRepeatTemplate: 2} {
		if count[ty] != want {
			t.Errorf("rows of entity_ty %s = %d, want %d", ty, count[ty], want)
		}
	}
	first := x.Clinical[0]
	if first.Identity != "138194" || first.ReadCode != "912..00" || first.ReadTerm != "Registration:Registration Approved" ||
		first.EventDate != "1971-05-15T00:00:00" || first.EventDateF != "1" || first.Category != "SED006" || first.Episode != "EPI000" || first.Clinician != "8" {
		t.Errorf("first row = %+v", first)
	}
	byID := map[string]ClinicalRow{}
	for _, c := range x.Clinical {
		byID[c.Identity] = c
	}
	checks := []struct {
		id   string
		got  func(ClinicalRow) string
		want string
	}{
		{"138210", func(c ClinicalRow) string { return c.Systolic + "/" + c.Diastolic }, "120/80"},
		{"138208", func(c ClinicalRow) string { return c.WeightKg + " " + c.BMI }, "67.59 29.2"},
		{"138207", func(c ClinicalRow) string { return c.HeightCm }, "1.52"},
		{"15631", func(c ClinicalRow) string { return c.ImmsType + " " + c.Status + " " + c.ReadCode }, "FLU IMM001 65E..00"},
		{"11782", func(c ClinicalRow) string { return c.BaseType + " " + c.Urgency + " " + c.NHSSpec }, "RFL001 URG000 DEP000"},
		{"68903", func(c ClinicalRow) string {
			return c.DrugCode + " " + c.DrugName + " " + c.RepeatTy + " " + c.NumIssues + "/" + c.MaxIssues
		}, "08910001 Irbesartan 150mg / Hydrochlorothiazide 12.5mg tablets R 11/15"},
		{"20294", func(c ClinicalRow) string { return c.Name + "; " + c.Dosage + "; " + c.Quantity + "; " + c.IssueTy }, "Moduretic tablets; 2 OD; 60; A"},
	}
	for _, c := range checks {
		row, ok := byID[c.id]
		if !ok {
			t.Errorf("no row %s", c.id)
			continue
		}
		if got := c.got(row); got != c.want {
			t.Errorf("row %s = %q, want %q", c.id, got, c.want)
		}
	}
	if len(x.Patients) != 1 || x.Patients[0].Married != "MAR006" || x.Patients[0].RegStatus != "REG002" {
		t.Errorf("patient row = %+v", x.Patients)
	}
}

// TestSampleReencodesLosslessly shows the row types with their Other
// attributes hold the whole real export.
func TestSampleReencodesLosslessly(t *testing.T) {
	var x Export
	if err := decodeXML(bytes.NewReader(mustReadSample(t)), &x); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := encodeXML(&buf, &x); err != nil {
		t.Fatal(err)
	}
	var y Export
	if err := decodeXML(&buf, &y); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(x, y) {
		t.Error("sample re-encoded differs after decoding again")
	}
	if n := len(x.Patients[0].Other); n == 0 {
		t.Error("no undeclared patient attributes kept; want the sample's audit columns in Other")
	}
}

var (
	lookupKey   = regexp.MustCompile(`^[A-Z]{3}[0-9]{3}$`)
	visionDate  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$`)
	visionName  = regexp.MustCompile(`^_?[a-z][a-z0-9_]*$`)
	dateColumns = map[string]bool{"dob": true, "dod": true, "applied": true, "accept": true, "removed": true, "eventdate": true}
)

// TestEncodedPatientConventions re-parses encoder output generically and
// checks it keeps the real export's conventions (there is no XSD to run
// xmllint against).
func TestEncodedPatientConventions(t *testing.T) {
	p := fullPatient()
	p.Deceased = record.DateOf(2020, 5, 1)
	p.Registration.Period.End = record.DateOf(2020, 5, 2)
	var buf bytes.Buffer
	if err := EncodePatient(&buf, nil, &p); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&buf)
	var elements []string
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
				t.Errorf("text content %q: Vision puts every field in an attribute", cd)
			}
			continue
		}
		elements = append(elements, se.Name.Local)
		attrs := map[string]string{}
		for _, a := range se.Attr {
			attrs[a.Name.Local] = a.Value
			if !visionName.MatchString(a.Name.Local) {
				t.Errorf("<%s %s>: not a lower-case column name", se.Name.Local, a.Name.Local)
			}
		}
		for name, v := range attrs {
			switch {
			case name == "sex" || name == "reg_status" || name == "category" || name == "episode":
				if !lookupKey.MatchString(v) {
					t.Errorf("<%s %s=%q>: want a lookup key like SEX002", se.Name.Local, name, v)
				}
			case dateColumns[name]:
				if !visionDate.MatchString(v) {
					t.Errorf("<%s %s=%q>: want 2006-01-02T15:04:05", se.Name.Local, name, v)
				}
				if f := attrs["_"+name]; f < "1" || f > "5" || len(f) != 1 {
					t.Errorf("<%s %s>: precision flag _%s = %q, want 1..5", se.Name.Local, name, name, f)
				}
			case name == "created" || name == "sysdate":
				if !visionDate.MatchString(v) {
					t.Errorf("<%s %s=%q>: want 2006-01-02T15:04:05", se.Name.Local, name, v)
				}
			case name == "read_code":
				if len(v) != 7 {
					t.Errorf("read_code %q: want 5-character Read v2 code plus 2-character term code", v)
				}
			}
		}
		switch se.Name.Local {
		case "header":
			if attrs["pat_id"] != "1001" {
				t.Errorf("header pat_id = %q, want 1001", attrs["pat_id"])
			}
		case "patient":
			if attrs["sex"] != "SEX002" || attrs["nhs_no"] != "9000000009" || attrs["dob"] != "1950-03-04T00:00:00" || attrs["_dob"] != "1" {
				t.Errorf("patient row = %v", attrs)
			}
		case "clinical":
			if attrs["read_code"] != "9Nd7.00" || attrs["master_id"] != "1001" || attrs["entity_ty"] != "63" {
				t.Errorf("consent row = %v", attrs)
			}
		}
	}
	if want := []string{"header", "patient", "contact", "contact", "clinical"}; !reflect.DeepEqual(elements, want) {
		t.Errorf("elements = %q, want %q", elements, want)
	}
}

func TestConsentLatestWins(t *testing.T) {
	row := func(code, snomed, date string) string {
		return `<clinical entity_ty="63" read_code="` + code + `" snomed_code="` + snomed + `" eventdate="` + date + `" _eventdate="1"/>`
	}
	cases := []struct {
		name string
		rows string
		want record.Consent
	}{
		{"none", row("912..00", "", "2020-01-01T00:00:00"), record.ConsentUnknown},
		{"dissent", row("9Nd1.00", "", "2020-01-01T00:00:00"), record.ConsentDissent},
		{"later consent wins", row("9Nd1.00", "", "2020-01-01T00:00:00") + row("9Nd7.00", "", "2021-01-01T00:00:00"), record.ConsentGiven},
		{"later dissent wins though listed first", row("9Nd1.00", "", "2022-01-01T00:00:00") + row("9Nd7.00", "", "2021-01-01T00:00:00"), record.ConsentDissent},
		{"dated beats undated", row("9Nd7.00", "", "2021-01-01T00:00:00") + row("9Nd1.00", "", ""), record.ConsentGiven},
		{"snomed dissent", row("", "416308001", "2020-01-01T00:00:00"), record.ConsentDissent},
		{"snomed consent", row("", "425691002", "2020-01-01T00:00:00"), record.ConsentGiven},
		{"five-character read code", row("9Nd1.", "", "2020-01-01T00:00:00"), record.ConsentDissent},
	}
	for _, c := range cases {
		doc := `<header pat_id="1"><patient entity_id="1"/>` + c.rows + `</header>`
		p, err := DecodePatient(strings.NewReader(doc))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p.Consent != c.want {
			t.Errorf("%s: Consent = %v, want %v", c.name, p.Consent, c.want)
		}
	}
}

func TestDecodePatientHostile(t *testing.T) {
	sample := mustReadSample(t)
	patient := func(attrs string) string {
		return `<header pat_id="1"><patient entity_id="1" ` + attrs + `/></header>`
	}
	cases := []struct {
		name string
		r    io.Reader
		// secret must not appear in the error: it is patient data.
		secret string
	}{
		{"empty", strings.NewReader(""), ""},
		{"not XML", strings.NewReader("nhs_no,surname\n"), ""},
		{"truncated", bytes.NewReader(sample[:len(sample)/2]), ""},
		{"wrong root", strings.NewReader(`<MedicalRecord PatientID="1"/>`), ""},
		{"no patient row", strings.NewReader(`<header pat_id="1"></header>`), ""},
		{"two patient rows", strings.NewReader(`<header pat_id="1"><patient/><patient/></header>`), ""},
		{"no id", strings.NewReader(`<header><patient surname="X"/></header>`), ""},
		{"bad dob", strings.NewReader(patient(`dob="1942-13-45T00:00:00" _dob="1"`)), "1942-13-45"},
		{"bad dob flag", strings.NewReader(patient(`dob="1942-08-09T00:00:00" _dob="7"`)), "1942-08-09"},
		{"bad registration date", strings.NewReader(patient(`accept="yesterday"`)), ""},
		{"bad sysdate", strings.NewReader(patient(`sysdate="2007-03-01"`)), ""},
		{"invalid NHS number", strings.NewReader(patient(`nhs_no="4055053712"`)), "4055053712"},
		{"bad consent date", strings.NewReader(`<header pat_id="1"><patient entity_id="1"/><clinical read_code="9Nd1.00" eventdate="x"/></header>`), ""},
		{"trailing element", strings.NewReader(patient("") + `<header/>`), ""},
		{"unsupported encoding", strings.NewReader(`<?xml version="1.0" encoding="UTF-16"?>` + patient("")), ""},
		{"deeply nested", io.MultiReader(strings.NewReader(`<header pat_id="1"><patient entity_id="1"/>`), strings.NewReader(strings.Repeat("<a>", 100000))), ""},
		{"deeply nested in a row", io.MultiReader(strings.NewReader(`<header pat_id="1"><patient entity_id="1">`), strings.NewReader(strings.Repeat("<a>", 100000))), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodePatient(c.r)
			if err == nil {
				t.Fatal("DecodePatient succeeded, want an error")
			}
			if !strings.HasPrefix(err.Error(), "vision: patient") {
				t.Errorf("error %q lacks the vision: patient context", err)
			}
			t.Logf("error: %v", err)
			if c.secret != "" && strings.Contains(err.Error(), c.secret) {
				t.Errorf("error %q carries patient data", err)
			}
		})
	}
}

func TestDecodeLatin1(t *testing.T) {
	doc := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><header pat_id="1"><patient entity_id="1" surname="O'Ne` + "\xef" + `ll"/></header>`)
	p, err := DecodePatient(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name.Family != "O'Neïll" {
		t.Errorf("Family = %q, want O'Neïll", p.Name.Family)
	}
}

func TestDecodeLimitErrors(t *testing.T) {
	_, err := DecodePatient(io.MultiReader(strings.NewReader(`<header pat_id="1"><patient entity_id="1" surname="`), &repeatReader{b: 'A', n: maxFileBytes + 1}))
	if !errors.Is(err, errTooLarge) {
		t.Errorf("huge file: error %v, want errTooLarge", err)
	}
	_, err = DecodePatient(strings.NewReader(`<header pat_id="1">` + strings.Repeat("<a>", maxDepth+1)))
	if !errors.Is(err, errTooDeep) {
		t.Errorf("deep file: error %v, want errTooDeep", err)
	}
	_, err = DecodePatient(strings.NewReader(`<header pat_id="1"><patient entity_id="1"/>` + strings.Repeat("<clinical/>", maxElements)))
	if !errors.Is(err, errTooMany) {
		t.Errorf("long file: error %v, want errTooMany", err)
	}
}

// repeatReader yields n copies of b without holding them in memory.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	if len(p) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = r.b
	}
	r.n -= len(p)
	return len(p), nil
}

func TestEncodePatientRejects(t *testing.T) {
	if err := EncodePatient(io.Discard, nil, nil); err == nil {
		t.Error("EncodePatient(nil) succeeded")
	}
	if err := EncodePatient(io.Discard, nil, &record.Patient{}); err == nil {
		t.Error("EncodePatient(patient without ID) succeeded")
	}
}

// sampleHead is the sample cut after n journal rows: a seed small enough
// for the fuzzer to mutate quickly (the whole file re-encodes in
// TestSampleClinicalReencodes).
func sampleHead(tb testing.TB, n int) []byte {
	b := mustReadSample(tb)
	at := 0
	for range n + 1 {
		i := bytes.Index(b[at+1:], []byte("<clinical "))
		if i < 0 {
			return b
		}
		at += i + 1
	}
	return append(append([]byte{}, b[:at]...), "</header>"...)
}

func FuzzDecodePatient(f *testing.F) {
	f.Add(sampleHead(f, 40))
	f.Add(sampleHead(f, 3))
	for _, c := range patientCases() {
		var buf bytes.Buffer
		if err := EncodePatient(&buf, nil, &c.p); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	for _, c := range clinicalCases() {
		p := clinicalPatient(c.r)
		var buf bytes.Buffer
		if err := EncodePatient(&buf, nil, &p); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte(`<header pat_id="1"><patient entity_id="1" dob="1942-08-09T00:00:00" _dob="3"/><clinical read_code="9Nd1.00"/></header>`))
	// Real-export shapes the encoder never writes: unlinked repeat issues,
	// a template to claim them, a weight with its BMI, a lone test result.
	f.Add([]byte(`<header pat_id="1"><patient entity_id="1"/>` +
		`<clinical identity="1" entity_ty="40" drug_code="9" drugname="D" eventdate="2010-01-01T00:00:00" consult_id="5" topic="1" category="SED004"/>` +
		`<clinical identity="2" entity_ty="39" drug_code="9" name="D" issue_no="1" issue_ty="I" eventdate="2010-01-01T00:00:00" consult_id="6"/>` +
		`<clinical identity="3" entity_ty="39" drug_code="9" name="D" issue_no="1" issue_ty="I" eventdate="2009-01-01T00:00:00"/>` +
		`<clinical identity="4" entity_ty="39" drug_code="ZZZZZZZZ" name="C" issue_ty="A" quantity="60"/>` +
		`<clinical identity="5" entity_ty="79" weightkg="67.59" bmi="29.2" consult_id="5" category="SED002"/>` +
		`<clinical identity="6" entity_ty="204" read_code="5372.00" num_result="3" consult_id="5"/>` +
		`<clinical identity="7" entity_ty="63" priority="1" read_code="G2...00" consult_id="5" category="SED003"/></header>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePatient(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever decodes must survive the encoder unchanged: the
		// decoder only produces what the encoder can write.
		var buf bytes.Buffer
		if err := EncodePatient(&buf, nil, &p); err != nil {
			t.Fatalf("EncodePatient of a decoded patient: %v", err)
		}
		q, err := DecodePatient(&buf)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, buf.String())
		}
		if d := firstDiff(q, p); d != "" {
			t.Fatalf("re-decode differs: %s\n%s", d, buf.String())
		}
	})
}

func BenchmarkDecodePatient(b *testing.B) {
	sample := mustReadSample(b)
	b.SetBytes(int64(len(sample)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodePatient(bytes.NewReader(sample)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodePatient(b *testing.B) {
	p := fullPatient()
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodePatient(io.Discard, nil, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRowFieldsMatchEncodingXML checks the fast row decoder against
// encoding/xml's own attribute matching on the real sample.
func TestRowFieldsMatchEncodingXML(t *testing.T) {
	// Types with the same fields but no UnmarshalXML method.
	type plainClinical ClinicalRow
	type plainPatient PatientRow
	var slow struct {
		XMLName  xml.Name        `xml:"header"`
		Patients []plainPatient  `xml:"patient"`
		Clinical []plainClinical `xml:"clinical"`
	}
	sample := mustReadSample(t)
	if err := xml.Unmarshal(sample, &slow); err != nil {
		t.Fatal(err)
	}
	var fast Export
	if err := decodeXML(bytes.NewReader(sample), &fast); err != nil {
		t.Fatal(err)
	}
	if len(fast.Clinical) != len(slow.Clinical) || len(fast.Patients) != 1 || len(slow.Patients) != 1 {
		t.Fatalf("rows: fast %d/%d, encoding/xml %d/%d", len(fast.Patients), len(fast.Clinical), len(slow.Patients), len(slow.Clinical))
	}
	if !reflect.DeepEqual(fast.Patients[0], PatientRow(slow.Patients[0])) {
		t.Errorf("patient row:\n fast %+v\n  xml %+v", fast.Patients[0], slow.Patients[0])
	}
	for i := range fast.Clinical {
		if !reflect.DeepEqual(fast.Clinical[i], ClinicalRow(slow.Clinical[i])) {
			t.Errorf("clinical row %d:\n fast %+v\n  xml %+v", i, fast.Clinical[i], slow.Clinical[i])
		}
	}
}
