package tpp

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

const samplePath = "../../../shared/samples/tpp/GetPatientRecord-response.xml"
const xsdPath = "../../../shared/samples/tpp/TppPatientRecord.xsd"

// testPractice is the directory the round-trip patients refer to. Its ids
// are TPP keys (ODS code, user names), the canonical form after decoding.
func testPractice() *record.Practice {
	return &record.Practice{
		Organisation: record.Organisation{ID: "A12345", ODSCode: "A12345", Name: "Leeds Road Surgery", Type: "gp-practice"},
		Locations: []record.Location{{
			ID: "branch-1", SiteODSCode: "Z26556", Name: "Leeds Road Branch", Status: "active",
			ManagingOrganisationID: "A12345",
			Address:                record.Address{Use: "work", Lines: []string{"1 Leeds Road"}, City: "Leeds", PostalCode: "LS1 1AA"},
		}},
		Practitioners: []record.Practitioner{{
			ID: "drjones", LocalUserID: "drjones",
			Name:   record.HumanName{Use: "official", Prefix: []string{"Dr"}, Given: []string{"Ann"}, Family: "Jones"},
			Gender: record.GenderFemale,
		}},
	}
}

func basePatient() record.Patient {
	return record.Patient{
		ID:              "p1",
		NHSNumber:       "9476719915",
		NHSNumberStatus: record.NHSNumberVerified,
		Name:            record.HumanName{Use: "official", Prefix: []string{"Mr"}, Given: []string{"John", "Paul"}, Family: "Smith"},
		BirthDate:       record.DateOf(1970, time.March, 4),
		Gender:          record.GenderMale,
		Registration: record.Registration{
			Type:           record.RegistrationRegular,
			Period:         record.Period{Start: record.DateOf(2001, time.May, 6)},
			Active:         true,
			OrganisationID: "A12345",
		},
		LastModified: time.Date(2024, 5, 1, 10, 30, 15, 0, time.UTC),
	}
}

func roundTripCases() []struct {
	name string
	p    func(*record.Patient)
	// schemaInvalid explains why the encoded file cannot validate.
	schemaInvalid string
} {
	return []struct {
		name          string
		p             func(*record.Patient)
		schemaInvalid string
	}{
		{name: "minimal", p: func(*record.Patient) {}},
		{name: "every field", p: func(p *record.Patient) {
			p.OtherNames = []record.HumanName{{Use: "nickname", Given: []string{"Jack"}, Family: "Smith"}}
			p.Addresses = []record.Address{{Use: "home", Lines: []string{"Flat 2", "10 High Street", "Headingley"}, City: "Leeds", District: "West Yorkshire", PostalCode: "LS6 3AB"}}
			p.Telecom = []record.ContactPoint{
				{System: "phone", Value: "0113 000 0001", Use: "home"},
				{System: "phone", Value: "0113 000 0002", Use: "work"},
				{System: "phone", Value: "07700 900001", Use: "mobile"},
				{System: "phone", Value: "0113 000 0003"},
				{System: "email", Value: "john@example.org", Use: "home"},
			}
			p.Contacts = []record.Contact{
				{Relationship: "Wife", Name: record.HumanName{Use: "official", Prefix: []string{"Mrs"}, Given: []string{"Jane"}, Family: "Smith"},
					Telecom: []record.ContactPoint{{System: "phone", Value: "0113 000 0004", Use: "home"}, {System: "phone", Value: "0113 000 0005", Use: "work"}},
					Address: record.Address{Use: "home", Lines: []string{"10 High Street"}, City: "Leeds", PostalCode: "LS6 3AB"}},
				{Relationship: "Next of kin (informal)", Name: record.HumanName{Use: "official", Given: []string{"Sam"}, Family: "Brown"}},
			}
			p.Communication = &record.Communication{Language: record.Code{Code: "en", Display: "English"}, Preferred: true}
			p.Registration.UsualGPID = "drjones"
			p.Registration.PreferredBranchID = "branch-1"
			p.Consent = record.ConsentGiven
		}},
		{name: "no NHS number", p: func(p *record.Patient) { p.NHSNumber, p.NHSNumberStatus = "", "" }},
		{name: "deceased", p: func(p *record.Patient) {
			p.Deceased = record.DateOf(2020, time.January, 31)
			p.Registration.Period.End = record.DateOf(2020, time.February, 3)
			p.Registration.Active = false
		}},
		{name: "temporary registration", p: func(p *record.Patient) {
			p.Registration.Type = record.RegistrationTemporary
			p.Registration.Period = record.Period{Start: record.DateOf(2024, time.January, 2), End: record.DateOf(2024, time.April, 1)}
			p.Registration.Active = false
		}},
		{name: "immediately necessary", p: func(p *record.Patient) { p.Registration.Type = "IN" }},
		{name: "dissent", p: func(p *record.Patient) { p.Consent = record.ConsentDissent }},
		{name: "record in transit", p: func(p *record.Patient) { p.RecordInTransit = true }},
		{name: "interpreter, language held as SNOMED", p: func(p *record.Patient) {
			p.Communication = &record.Communication{
				Language:  record.Code{System: record.SystemSNOMED, Code: "408522002", Display: "Main spoken language Gaelic"},
				Preferred: true, InterpreterRequired: true,
			}
		}},
		{name: "interpreter, no language", p: func(p *record.Patient) {
			p.Communication = &record.Communication{InterpreterRequired: true}
		}},
		{name: "missing optional elements", p: func(p *record.Patient) {
			p.Name = record.HumanName{Use: "official", Family: "Nobody"}
			p.Registration.Type = ""
			p.Registration.OrganisationID = ""
			p.LastModified = time.Time{}
		}},
		{name: "unicode names", p: func(p *record.Patient) {
			p.Name = record.HumanName{Use: "official", Prefix: []string{"Fräulein"}, Given: []string{"Zoë", "Łucja"}, Family: "Ó Súilleabháin-<&>\""}
			p.Addresses = []record.Address{{Use: "home", Lines: []string{"Tŷ Newydd"}, City: "Llanelli", PostalCode: "SA15 1AA"}}
			p.Gender = record.GenderFemale
		}},
		{name: "unknown gender", p: func(p *record.Patient) { p.Gender = record.GenderUnknown },
			schemaInvalid: "the public XSD's Sex allows only M and F"},
		{name: "other gender", p: func(p *record.Patient) { p.Gender = record.GenderOther },
			schemaInvalid: "the public XSD's Sex allows only M and F"},
	}
}

func TestPatientRoundTrip(t *testing.T) {
	practice := testPractice()
	for _, tc := range roundTripCases() {
		t.Run(tc.name, func(t *testing.T) {
			want := basePatient()
			tc.p(&want)
			var buf bytes.Buffer
			if err := EncodePatient(&buf, practice, &want); err != nil {
				t.Fatalf("EncodePatient: %v", err)
			}
			got, err := DecodePatient(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("DecodePatient: %v\n%s", err, buf.String())
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip:\n got %#v\nwant %#v\nXML:\n%s", got, want, buf.String())
			}
		})
	}
}

// TestPatientReferencesResolved checks that record ids which are not TPP
// keys are translated through the practice and come back as TPP keys.
func TestPatientReferencesResolved(t *testing.T) {
	practice := &record.Practice{
		Organisation:  record.Organisation{ID: "org-1", ODSCode: "B81001"},
		Practitioners: []record.Practitioner{{ID: "pr-7", LocalUserID: "smithj"}},
	}
	p := basePatient()
	p.Registration.OrganisationID = "org-1"
	p.Registration.UsualGPID = "pr-7"
	var buf bytes.Buffer
	if err := EncodePatient(&buf, practice, &p); err != nil {
		t.Fatal(err)
	}
	got, err := DecodePatient(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Registration.OrganisationID != "B81001" || got.Registration.UsualGPID != "smithj" {
		t.Errorf("references = %q, %q; want B81001, smithj", got.Registration.OrganisationID, got.Registration.UsualGPID)
	}
}

func TestEncodePatientRefusesMissingRequired(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*record.Patient)
	}{
		{"no id", func(p *record.Patient) { p.ID = "" }},
		{"no birth date", func(p *record.Patient) { p.BirthDate = record.Date{} }},
		{"no registration start", func(p *record.Patient) { p.Registration.Period.Start = record.Date{} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := basePatient()
			tc.edit(&p)
			if err := EncodePatient(&bytes.Buffer{}, nil, &p); err == nil {
				t.Error("EncodePatient = nil error, want one")
			}
		})
	}
	if err := EncodePatient(&bytes.Buffer{}, nil, nil); err == nil {
		t.Error("EncodePatient(nil) = nil error")
	}
}

// TestPartialDates: the schema cannot hold partial dates, so the encoder
// widens them to the first day, while the decoder keeps the precision the
// text carries.
func TestPartialDates(t *testing.T) {
	p := basePatient()
	p.BirthDate = record.Date{Time: time.Date(1951, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}
	var buf bytes.Buffer
	if err := EncodePatient(&buf, nil, &p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "<DateOfBirth>1951-01-01</DateOfBirth>") {
		t.Errorf("year-precision birth date not widened to 1951-01-01:\n%s", buf.String())
	}
	for _, tc := range []struct {
		in   string
		want record.Date
	}{
		{"1951", record.Date{Time: time.Date(1951, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}},
		{"1951-06", record.Date{Time: time.Date(1951, 6, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}},
		{"1951-06-09", record.DateOf(1951, time.June, 9)},
		{"2015-06-10T15:17:30", record.Date{Time: time.Date(2015, 6, 10, 15, 17, 30, 0, time.UTC), Precision: record.PrecisionSecond}},
		{"2015-06-10T15:17", record.Date{Time: time.Date(2015, 6, 10, 15, 17, 0, 0, time.UTC), Precision: record.PrecisionMinute}},
		{"", record.Date{}},
	} {
		got, err := parseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"1951-13-01", "yesterday", "51", "1951-02-30", "2015-06-10T25:00:00"} {
		if _, err := parseDate(bad); err == nil {
			t.Errorf("parseDate(%q) = nil error, want one", bad)
		}
	}
}

func TestInvalidNHSNumber(t *testing.T) {
	doc := strings.Replace(mustEncode(t, basePatient()), "<NHSNumber>9476719915</NHSNumber>", "<NHSNumber>9476719916</NHSNumber>", 1)
	got, err := DecodePatient(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("DecodePatient: %v", err)
	}
	if got.ID != "p1" || got.NHSNumber != "" || got.NHSNumberStatus != record.NHSNumberTraceRequired {
		t.Errorf("invalid NHS number: ID %q number %q status %q; want p1, empty, 03", got.ID, got.NHSNumber, got.NHSNumberStatus)
	}
}

func TestConsentLatestDatedWins(t *testing.T) {
	ev := func(dt, code string) Event {
		return Event{DateTime: dt, ClinicalCode: []ClinicalCode{{Code: Code{Scheme: schemeSNOMED, Code: code}}}}
	}
	for _, tc := range []struct {
		name   string
		events []Event
		want   record.Consent
	}{
		{"none", nil, record.ConsentUnknown},
		{"later dissent", []Event{ev("2019-01-01T00:00:00", consentSNOMED), ev("2020-01-01T00:00:00", dissentSNOMED)}, record.ConsentDissent},
		{"later consent listed first", []Event{ev("2021-01-01T00:00:00", consentSNOMED), ev("2020-01-01T00:00:00", dissentSNOMED)}, record.ConsentGiven},
		{"undated loses to dated", []Event{ev("2020-01-01T00:00:00", consentSNOMED), ev("", dissentSNOMED)}, record.ConsentGiven},
		{"Read v2 under CTV3", []Event{{ClinicalCode: []ClinicalCode{{Code: Code{Scheme: schemeCTV3, Code: record.ReadV2SharingDissent}}}}}, record.ConsentDissent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := consentFromEvents(tc.events); got != tc.want {
				t.Errorf("consentFromEvents = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestDecodeRealSample reads the public SystmOne GetPatientRecord response.
func TestDecodeRealSample(t *testing.T) {
	f, err := os.Open(samplePath)
	if err != nil {
		t.Skipf("sample not available: %v", err)
	}
	defer f.Close()
	got, err := DecodePatient(f)
	if err != nil {
		t.Fatalf("DecodePatient: %v", err)
	}
	want := record.Patient{
		ID:              "246216",
		NHSNumber:       "4917111072",
		NHSNumberStatus: record.NHSNumberVerified,
		Name:            record.HumanName{Use: "official", Prefix: []string{"Miss"}, Given: []string{"Alice"}, Family: "Abbot"},
		BirthDate:       record.DateOf(1951, time.January, 1),
		Gender:          record.GenderFemale,
		Addresses:       []record.Address{{Use: "home", District: "No Fixed Abode", PostalCode: "ZZ99 3VZ"}},
		Registration: record.Registration{
			Type:      record.RegistrationRegular, // "Applied"
			Period:    record.Period{Start: record.DateOf(2015, time.June, 10)},
			Active:    true,
			UsualGPID: "andrewleece2204",
		},
		// ResponseUID 855DFE00-FBED-11E7-... is a version 1 UUID; Python's
		// uuid module gives the same instant for it.
		LastModified: time.Date(2018, time.January, 18, 1, 18, 42, 144000000, time.UTC),
	}
	got.Record = record.ClinicalRecord{} // TestDecodeRealSampleClinical
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sample:\n got %#v\nwant %#v", got, want)
	}
}

// TestEncodedPatientsValidate runs xmllint over every round-trip patient.
func TestEncodedPatientsValidate(t *testing.T) {
	xmllint := mustXmllint(t)
	dir := t.TempDir()
	practice := testPractice()
	for i, tc := range roundTripCases() {
		p := basePatient()
		tc.p(&p)
		var buf bytes.Buffer
		if err := EncodePatient(&buf, practice, &p); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("patient-%d.xml", i))
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", xsdPath, path).CombinedOutput()
		switch {
		case tc.schemaInvalid == "" && err != nil:
			t.Errorf("%s: does not validate: %v\n%s\n%s", tc.name, err, out, buf.String())
		case tc.schemaInvalid != "" && err == nil:
			t.Errorf("%s: validates, but was expected not to (%s)", tc.name, tc.schemaInvalid)
		}
	}
}

func mustXmllint(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		tb.Skip("xmllint not on PATH (apt-get install -y libxml2-utils): schema validation skipped")
	}
	if _, err := os.Stat(xsdPath); err != nil {
		tb.Skipf("XSD not available: %v", err)
	}
	return path
}

func mustEncode(tb testing.TB, p record.Patient) string {
	tb.Helper()
	var buf bytes.Buffer
	if err := EncodePatient(&buf, testPractice(), &p); err != nil {
		tb.Fatal(err)
	}
	return buf.String()
}

// TestSampleClinicalTypes checks that the Event types carry the sample's
// clinical content for the clinical-mapping issue, including the
// response-only spellings.
func TestSampleClinicalTypes(t *testing.T) {
	f, err := os.Open(samplePath)
	if err != nil {
		t.Skipf("sample not available: %v", err)
	}
	defer f.Close()
	_, resp, err := decodeRoot(f, true)
	if err != nil || resp == nil {
		t.Fatalf("decodeRoot = %v, %v", resp, err)
	}
	events := resp.Response.Clinical.Event
	var codes, meds, attachments int
	for _, ev := range events {
		codes += len(ev.ClinicalCode)
		meds += len(ev.Medication)
		attachments += len(ev.Attachment)
	}
	if len(events) != 12 || codes != 8 || meds != 2 || attachments != 1 {
		t.Errorf("events %d, codes %d, medications %d, attachments %d; want 12, 8, 2, 1", len(events), codes, meds, attachments)
	}
	first := events[0]
	if first.EventUID != "f7b1080000000000" || first.UserName != "vcurcin2304" || first.DoneAt != "Surgery" {
		t.Errorf("first event attributes = %+v", first)
	}
	med := first.Medication[0]
	if med.Drug.DisplayName() != "Omeprazole 20mg dispersible gastro-resistant tablets" || med.Drug.Scheme != "Multilex" ||
		med.Drug.ProductID != "2007553" || med.Dose != "take one daily" || med.Quantity != "28 tablet" {
		t.Errorf("medication = %+v", med)
	}
	problem := first.ClinicalCode[1]
	if problem.Code != (Code{Scheme: "CTV3", Code: "X3003", Term: "Gastro-oesophageal reflux disease"}) ||
		problem.ProblemUID != "ed58000000000000" || problem.ProblemSeverity != "Major" {
		t.Errorf("problem code = %+v", problem)
	}
	if a := events[1].Attachment[0]; a.FileName != "testfile1.htm" || a.DocumentUID != "62fd200000000000" {
		t.Errorf("attachment = %+v", a)
	}
	if tasks := resp.Response.NonClinical.Task; len(tasks) != 2 || tasks[0].TaskType != "Miscellaneous" || tasks[0].Status != "Not Started" {
		t.Errorf("tasks = %+v", tasks)
	}
	if resp.Response.RecordState != "Closed" {
		t.Errorf("RecordState = %q, want Closed", resp.Response.RecordState)
	}
}
