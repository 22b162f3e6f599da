package vision

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

func readV2(code, term, display string) record.Code {
	return record.Code{System: record.SystemReadV2, Code: code, DescriptionID: term, Display: display}
}

func snomed(code, display string) record.Code {
	return record.Code{System: record.SystemSNOMED, Code: code, Display: display}
}

func TestDecodeSampleClinical(t *testing.T) {
	p, err := DecodePatient(bytes.NewReader(mustReadSample(t)))
	if err != nil {
		t.Fatal(err)
	}
	r := &p.Record
	counts := []struct {
		area      string
		got, want int
	}{
		{"problems", len(r.Problems), 1},
		{"immunisations", len(r.Immunisations), 6},
		{"referrals", len(r.Referrals), 18},
		{"investigations", len(r.Investigations), 3},
		// 254 rows less 79 issues, 2 templates, 18 referrals, 6
		// immunisations, 3 test results and the problem; plus the BMI
		// the weight row carries.
		{"observations", len(r.Observations), 146},
		{"allergies", len(r.Allergies), 0},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.area, c.got, c.want)
		}
	}
	issues := 0
	for _, m := range r.Medications {
		issues += len(m.Issues)
	}
	if issues != 79 {
		t.Errorf("medication issues = %d, want all 79 issue rows", issues)
	}

	obs := map[string]record.Observation{}
	for _, o := range r.Observations {
		obs[o.ID] = o
	}
	bp := obs["138210"]
	wantBP := []record.ObservationComponent{
		{Code: systolicConcept, Value: &record.Quantity{Value: 120, Unit: "mmHg"}},
		{Code: diastolicConcept, Value: &record.Quantity{Value: 80, Unit: "mmHg"}},
	}
	if !reflect.DeepEqual(bp.Components, wantBP) || bp.Value != nil {
		t.Errorf("BP 138210 = %+v, want 120/80 mmHg components", bp)
	}
	if want := (record.Concept{Codings: []record.Code{readV2("246..", "00", "O/E - blood pressure reading")}}); !reflect.DeepEqual(bp.Code, want) {
		t.Errorf("BP code = %+v, want %+v", bp.Code, want)
	}
	if bp.Effective != record.DateOf(1999, 8, 19) || bp.AuthorID != "5" || bp.ConsultationID != "64339" {
		t.Errorf("BP item = %+v", bp.Item)
	}
	if w := obs["138208"].Value; w == nil || *w != (record.Quantity{Value: 67.59, Unit: "kg"}) {
		t.Errorf("weight 138208 = %+v, want 67.59 kg", w)
	}
	if b := obs["138208-bmi"].Value; b == nil || *b != (record.Quantity{Value: 29.2, Unit: "kg/m2"}) {
		t.Errorf("BMI of weight row = %+v, want 29.2 kg/m2", b)
	}
	if h := obs["138207"].Value; h == nil || *h != (record.Quantity{Value: 1.52, Unit: "m"}) {
		t.Errorf("height 138207 = %+v, want 1.52 m", h)
	}
	if o := obs["138209"]; o.ValueText != "29.00 " {
		t.Errorf("BMI row text = %q, want the row's text", o.ValueText)
	}
	if s := obs["138218"].Value; s == nil || *s != (record.Quantity{Value: 7, Unit: "cigarettes/day"}) {
		t.Errorf("smoking 138218 = %+v, want 7 cigarettes/day", s)
	}

	flu := r.Immunisations[0]
	if flu.ID != "15631" || flu.Vaccine.Text != "FLU" || flu.NotGiven || flu.Status != "completed" || flu.Dose != 0 ||
		flu.Effective != record.DateOf(2001, 9, 9) || flu.ConsultationID != "64341" {
		t.Errorf("first immunisation = %+v", flu)
	}
	if want := (record.Concept{Codings: []record.Code{readV2("65E..", "00", "Influenza Immunisation:Stage 1")}}); !reflect.DeepEqual(flu.Code, want) {
		t.Errorf("flu code = %+v", flu.Code)
	}

	ref := r.Referrals[0]
	if ref.ID != "11782" || ref.AuthorID != "5" || ref.Effective != record.DateOf(1999, 2, 25) || ref.Priority != "" || ref.RecipientID != "" ||
		!reflect.DeepEqual(ref.Code, record.Concept{Codings: []record.Code{readV2("8H...", "00", "Referral")}}) {
		t.Errorf("first referral = %+v", ref)
	}

	var repeat, acute *record.Medication
	for i := range r.Medications {
		switch r.Medications[i].ID {
		case "68903":
			repeat = &r.Medications[i]
		case "20294-course":
			acute = &r.Medications[i]
		}
	}
	if repeat == nil || acute == nil {
		t.Fatalf("courses 68903 and 20294-course not both decoded")
	}
	wantDrug := record.Concept{Codings: []record.Code{readV2("bk5z.", "00", ""),
		{System: record.SystemMultilex, Code: "08910001", Display: "Irbesartan 150mg / Hydrochlorothiazide 12.5mg tablets"}}}
	if repeat.AuthorisedIssues != 15 || len(repeat.Issues) != 11 || repeat.PrescriptionType != "repeat" || repeat.Status != "active" ||
		repeat.Dosage != "take one once daily" || repeat.Quantity != (record.Quantity{Value: 56, Unit: "tablet"}) || repeat.QuantityText != "56 tablet" ||
		repeat.Period.Start != record.DateOf(2010, 5, 28) || repeat.Period.End != record.DateOf(2012, 3, 13) || !reflect.DeepEqual(repeat.Drug, wantDrug) {
		t.Errorf("repeat 68903 = %+v", repeat)
	}
	if repeat.Issues[0].ID != "20350" || repeat.Issues[10].ID != "20360" || repeat.Issues[10].Issued != record.DateOf(2011, 11, 8) {
		t.Errorf("repeat 68903 issues run %s..%s, want 20350..20360", repeat.Issues[0].ID, repeat.Issues[len(repeat.Issues)-1].ID)
	}
	if acute.PrescriptionType != "acute" || acute.Status != "completed" || len(acute.Issues) != 1 || acute.Issues[0].ID != "20294" ||
		acute.Issues[0].QuantityText != "60" || acute.Dosage != "2 OD" {
		t.Errorf("acute 20294-course = %+v", acute)
	}

	pr := r.Problems[0]
	if pr.ID != "138221" || pr.Significance != "major" || pr.Status != "active" || pr.Period.Start != record.DateOf(2000, 10, 4) ||
		!reflect.DeepEqual(pr.Code, record.Concept{Codings: []record.Code{readV2("G2...", "00", "Hypertensive disease")}}) {
		t.Errorf("problem = %+v", pr)
	}

	inv := r.Investigations[0]
	if inv.ID != "40216" || inv.Status != "final" || len(inv.Results) != 1 || inv.Results[0].ID != "40216-result" ||
		inv.Code.Codings[0].Code != "5372." {
		t.Errorf("first investigation = %+v", inv)
	}

	var k *record.Consultation
	for i := range r.Consultations {
		if r.Consultations[i].ID == "64339" {
			k = &r.Consultations[i]
		}
	}
	if k == nil {
		t.Fatal("no consultation 64339")
	}
	if k.Effective != record.DateOf(1999, 8, 19) || k.AuthorID != "5" || len(k.Topics) != 1 {
		t.Errorf("consultation 64339 = %+v", k.Item)
	}
	var exam []string
	for _, h := range k.Topics[0].Headings {
		if h.Title == "Examination" {
			exam = h.ItemIDs
		}
	}
	if want := []string{"138207", "138208", "138208-bmi", "138209", "138210", "138217", "138218"}; !reflect.DeepEqual(exam, want) {
		t.Errorf("consultation 64339 Examination = %q, want %q", exam, want)
	}
}

// clinicalPatient is a patient carrying r.
func clinicalPatient(r record.ClinicalRecord) record.Patient {
	return record.Patient{ID: "42", Registration: record.Registration{Active: true, OrganisationID: "G12345"}, Record: r}
}

var (
	t0      = time.Date(2024, 3, 5, 10, 30, 0, 0, time.UTC)
	hyperCd = record.Concept{Codings: []record.Code{snomed("59621000", "Essential hypertension"), readV2("G20..", "00", "Essential hypertension"),
		{System: record.SystemCTV3, Code: "XE0Ub", Display: "Hypertension"}}}
)

func item(id string) record.Item {
	return record.Item{ID: id, Effective: record.DateOf(2024, 3, 5), Recorded: t0, AuthorID: "1", RecorderID: "2",
		Code: record.Concept{Codings: []record.Code{snomed("163020007", "O/E - blood pressure reading")}}, LastModified: t0.Add(time.Hour)}
}

func clinicalCases() []struct {
	name string
	r    record.ClinicalRecord
} {
	obs := func(id string, f func(o *record.Observation)) record.Observation {
		o := record.Observation{Item: item(id)}
		f(&o)
		return o
	}
	return []struct {
		name string
		r    record.ClinicalRecord
	}{
		{"empty", record.ClinicalRecord{}},
		{"partial dates and free text", record.ClinicalRecord{Observations: []record.Observation{
			obs("y", func(o *record.Observation) {
				o.Effective = record.Date{Time: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}
				o.Note = "Ñúñez <&> \"quoted\" 王"
				o.Code = record.Concept{Text: "Free text only"}
			}),
			obs("m", func(o *record.Observation) {
				o.Effective = record.Date{Time: time.Date(2001, 6, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}
				o.Code = record.Concept{Codings: []record.Code{readV2("G20", "", "short Read code"), {System: record.SystemCTV3, Code: "X40J5"}}, Text: "rubric"}
			}),
			obs("s", func(o *record.Observation) {
				o.Effective = record.Date{Time: time.Date(2001, 6, 1, 9, 8, 7, 0, time.UTC), Precision: record.PrecisionSecond}
				o.Code = record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: "1", DescriptionID: "12345011"}}}
				o.Confidential, o.OrganisationID = true, "RR8"
			}),
		}}},
		{"values, ranges and measurements", record.ClinicalRecord{Observations: []record.Observation{
			obs("v1", func(o *record.Observation) {
				o.Value = &record.Quantity{Value: 5.5, Comparator: "<", Unit: "mmol/L"}
				o.Range = &record.Range{Low: &record.Quantity{Value: 3, Unit: "mmol/L"}, High: &record.Quantity{Value: 5, Unit: "mmol/L"}, Text: "3-5"}
				o.Interpretation = "H"
				o.ValueText = "slightly raised"
			}),
			obs("v2", func(o *record.Observation) { o.Range = &record.Range{Text: "see report"} }),
			obs("bp", func(o *record.Observation) {
				o.Components = []record.ObservationComponent{{Code: systolicConcept, Value: &record.Quantity{Value: 131, Unit: "mmHg"}}}
			}),
			obs("bp2", func(o *record.Observation) {
				o.Components = []record.ObservationComponent{{Code: diastolicConcept, Value: &record.Quantity{Value: 79.5, Unit: "mmHg"}}}
			}),
			obs("kg", func(o *record.Observation) { o.Value = &record.Quantity{Value: 80.25, Unit: "kg"} }),
			obs("m", func(o *record.Observation) { o.Value = &record.Quantity{Value: 1.8, Unit: "m"} }),
			obs("cm", func(o *record.Observation) { o.Value = &record.Quantity{Value: 180, Unit: "cm"} }),
			obs("zero", func(o *record.Observation) { o.Value = &record.Quantity{} }),
		}, NoKnownAllergies: &record.Observation{Item: record.Item{ID: "nka", Code: record.Concept{Codings: []record.Code{snomed(snomedNoKnownAllergy, "No known allergy")}}}}}},
		{"problems", record.ClinicalRecord{Problems: []record.Problem{
			{Item: item("p1"), Status: "active", Significance: "major", Period: record.Period{Start: record.DateOf(2020, 1, 1)}, ItemIDs: []string{"x", "y"}},
			{Item: item("p2"), Status: "inactive", Significance: "minor", ParentID: "p1",
				Period: record.Period{Start: record.DateOf(2024, 3, 5), End: record.DateOf(2024, 6, 1)}},
		}}},
		{"medications", record.ClinicalRecord{Medications: []record.Medication{
			{Item: record.Item{ID: "m1", Effective: record.DateOf(2024, 1, 2), LastModified: t0, ProblemIDs: []string{"p1", "p2"}},
				Drug:   record.Concept{Codings: []record.Code{snomed("319283006", "Amlodipine 5mg tablets"), readV2("blb1.", "00", "Amlodipine"), {System: record.SystemMultilex, Code: "13009001", Display: "Amlodipine 5mg tablets"}}},
				Dosage: "One daily", Quantity: record.Quantity{Value: 28, Unit: "tablet"}, QuantityText: "28 tablet",
				PrescriptionType: "repeat-dispensing", Status: "stopped", StopReason: "Ankle swelling", AuthorisedIssues: 6,
				Period: record.Period{Start: record.DateOf(2024, 1, 1), End: record.DateOf(2024, 5, 1)},
				Issues: []record.MedicationIssue{
					{ID: "i1", Issued: record.DateOf(2024, 1, 2), AuthorID: "1", Quantity: record.Quantity{Value: 28, Unit: "tablet"}, QuantityText: "twenty-eight", DurationDays: 28, LastModified: t0},
					{ID: "i2", Issued: record.DateOf(2024, 2, 2), LastModified: t0},
				}},
			{Item: record.Item{ID: "m2"}, Drug: record.Concept{Text: "Converted drug"}, PrescriptionType: "acute", Status: "completed", QuantityText: ""},
		}}},
		{"allergy, immunisation, referral", record.ClinicalRecord{
			Allergies: []record.Allergy{{Item: item("a1"), Category: "medication", ClinicalStatus: "resolved", Ended: record.DateOf(2024, 4, 1), EndReason: "Resolved",
				Reactions: []record.Reaction{{Manifestation: record.Concept{Codings: []record.Code{snomed("126485001", "Urticaria")}, Text: "hives"}, Severity: "severe", Note: "on the arms"}}}},
			Immunisations: []record.Immunisation{{Item: item("im1"), Vaccine: record.Concept{Codings: []record.Code{snomed("39114911000001105", "Fluenz")}, Text: "Influenza vaccine"},
				NotGiven: true, Reason: record.Concept{Codings: []record.Code{snomed("591000119102", "Vaccine refused")}, Text: "refused"}, Dose: 2, Batch: "AB1234",
				Site: record.Concept{Codings: []record.Code{snomed("368208006", "Left upper arm structure")}}, Route: record.Concept{Text: "intramuscular"}, Status: "entered-in-error"}},
			Referrals: []record.Referral{{Item: item("r1"), Status: "completed", Priority: "asap", Recipient: "Leeds Teaching Hospitals", RecipientID: "RR8",
				Service: record.Concept{Text: "Cardiology"}, Reason: hyperCd}},
		}},
		{"investigation", record.ClinicalRecord{Investigations: []record.Investigation{{Item: item("inv"), Status: "final", Issued: t0.Add(26 * time.Hour), Filed: true,
			Request:    &record.TestRequest{ID: "rq", Code: record.Concept{Codings: []record.Code{snomed("26604007", "Full blood count")}}, Date: record.DateOf(2024, 3, 4), AuthorID: "1"},
			Specimens:  []record.Specimen{{ID: "sp", Type: record.Concept{Codings: []record.Code{snomed("119297000", "Blood specimen")}}, Collected: record.DateOf(2024, 3, 5), Note: "haemolysed"}, {ID: "sp2"}},
			TestGroups: []record.TestGroup{{ID: "g", Code: record.Concept{Text: "FBC"}, Results: []record.Observation{obs("g1", func(o *record.Observation) { o.Value = &record.Quantity{Value: 4.2, Unit: "10*9/L"} })}}},
			Results:    []record.Observation{obs("u1", func(o *record.Observation) { o.Value = &record.Quantity{Value: 140, Unit: "mmol/L"} })},
		}}}},
		{"consultation, diary and document", record.ClinicalRecord{
			Observations: []record.Observation{obs("o1", func(o *record.Observation) { o.ConsultationID = "k1" })},
			DiaryEntries: []record.DiaryEntry{{Item: item("d1"), Due: record.Date{Time: time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}, Status: "active"}},
			Documents:    []record.Document{{Item: record.Item{ID: "doc", Code: record.Concept{Text: "Discharge summary"}, OrganisationID: "RR8"}, Title: "Discharge", ContentType: "application/pdf", Size: 5<<20 + 1, URL: "https://example.org/d"}},
			Consultations: []record.Consultation{{Item: record.Item{ID: "k1", Effective: record.Date{Time: t0, Precision: record.PrecisionMinute}, AuthorID: "1", LastModified: t0},
				Type: "Telephone consultation", LocationID: "3",
				Period: record.Period{Start: record.Date{Time: t0.Add(-time.Minute), Precision: record.PrecisionMinute}, End: record.Date{Time: t0.Add(10 * time.Minute), Precision: record.PrecisionMinute}},
				Topics: []record.ConsultationTopic{
					{Title: "Hypertension", ProblemID: "p1", Headings: []record.ConsultationHeading{
						{Title: "Examination", ItemIDs: []string{"o1", "d1"}},
						{Title: "Investigations", Code: record.Concept{Codings: []record.Code{snomed("386053000", "Evaluation procedure")}}, ItemIDs: []string{"doc"}},
						{Title: "", ItemIDs: nil},
					}},
					{Title: "Empty topic"},
				}}},
		}},
	}
}

func TestClinicalRoundTrip(t *testing.T) {
	for _, c := range clinicalCases() {
		t.Run(c.name, func(t *testing.T) {
			p := clinicalPatient(c.r)
			var buf bytes.Buffer
			if err := EncodePatient(&buf, nil, &p); err != nil {
				t.Fatalf("EncodePatient: %v", err)
			}
			got, err := DecodePatient(&buf)
			if err != nil {
				t.Fatalf("DecodePatient: %v\n%s", err, buf.String())
			}
			if d := firstDiff(got.Record, c.r); d != "" {
				t.Errorf("round trip: %s\n%s", d, buf.String())
			}
		})
	}
}

// TestClinicalLossyFields pins down what the format cannot hold, so a change
// in what is dropped is a visible decision. Each case says what comes back.
func TestClinicalLossyFields(t *testing.T) {
	readFirst := record.Concept{Codings: []record.Code{readV2("G20..", "00", "Essential hypertension"), snomed("59621000", "Essential hypertension")}}
	cases := []struct {
		name string
		in   record.ClinicalRecord
		want record.ClinicalRecord
	}{
		{"codings come back SNOMED, Read v2, CTV3; versions, other systems and repeats are dropped",
			record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "o", Code: record.Concept{Codings: append(readFirst.Codings,
				record.Code{System: record.SystemEMISLocal, Code: "EMISNQ1"}, snomed("38341003", "second SNOMED"))}}}}},
			record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "o", Code: record.Concept{Codings: []record.Code{readFirst.Codings[1], readFirst.Codings[0]}}}}}}},
		{"a Read term code beside a code that is not five characters",
			record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "o", Code: record.Concept{Codings: []record.Code{readV2("G2", "00", "x")}}}}}},
			record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "o", Code: record.Concept{Codings: []record.Code{readV2("G2", "", "x")}}}}}}},
		{"a course's own code, an empty quantity text and its second reaction-like extras",
			record.ClinicalRecord{Medications: []record.Medication{{Item: record.Item{ID: "m", Code: hyperCd}, Quantity: record.Quantity{Value: 2, Unit: "pack", Comparator: ">"}, Status: "active"}}},
			record.ClinicalRecord{Medications: []record.Medication{{Item: record.Item{ID: "m"}, Quantity: record.Quantity{Value: 2, Unit: "pack"}, QuantityText: "2 pack", Status: "active"}}}},
		{"unset statuses and significance read as the format's defaults; a zero start is the effective date",
			record.ClinicalRecord{
				Problems:      []record.Problem{{Item: record.Item{ID: "p", Effective: record.DateOf(2020, 1, 1)}}},
				Medications:   []record.Medication{{Item: record.Item{ID: "m"}}},
				Immunisations: []record.Immunisation{{Item: record.Item{ID: "i"}}},
				Referrals:     []record.Referral{{Item: record.Item{ID: "r"}, Priority: "stat"}},
			},
			record.ClinicalRecord{
				Problems:      []record.Problem{{Item: record.Item{ID: "p", Effective: record.DateOf(2020, 1, 1)}, Status: "active", Significance: "minor", Period: record.Period{Start: record.DateOf(2020, 1, 1)}}},
				Medications:   []record.Medication{{Item: record.Item{ID: "m"}, Status: "active"}},
				Immunisations: []record.Immunisation{{Item: record.Item{ID: "i"}, Status: "completed"}},
				Referrals:     []record.Referral{{Item: record.Item{ID: "r"}}},
			}},
		{"one reaction; components other than a BP pair; range units other than the value's",
			record.ClinicalRecord{
				Allergies: []record.Allergy{{Item: record.Item{ID: "a"}, Reactions: []record.Reaction{{Severity: "mild"}, {Severity: "severe"}}}},
				Observations: []record.Observation{{Item: record.Item{ID: "o"}, Value: &record.Quantity{Value: 1, Unit: "g/L"},
					Range:      &record.Range{High: &record.Quantity{Value: 2, Unit: "mg/L", Comparator: "<"}},
					Components: []record.ObservationComponent{{Code: record.Concept{Text: "part"}, Value: &record.Quantity{Value: 1}}}}},
			},
			record.ClinicalRecord{
				Allergies:    []record.Allergy{{Item: record.Item{ID: "a"}, Reactions: []record.Reaction{{Severity: "mild"}}}},
				Observations: []record.Observation{{Item: record.Item{ID: "o"}, Value: &record.Quantity{Value: 1, Unit: "g/L"}, Range: &record.Range{High: &record.Quantity{Value: 2, Unit: "g/L"}}}},
			}},
		{"an observation coded as record-sharing consent is the patient's consent, not an entry",
			record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "c", Code: record.Concept{Codings: []record.Code{snomed(snomedDissent, "")}}}}}},
			record.ClinicalRecord{}},
		{"a no-known-allergies observation among the observations is the record's NoKnownAllergies",
			record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "n", Code: record.Concept{Codings: []record.Code{snomed(snomedNoKnownAllergy, "")}}}}}},
			record.ClinicalRecord{NoKnownAllergies: &record.Observation{Item: record.Item{ID: "n", Code: record.Concept{Codings: []record.Code{snomed(snomedNoKnownAllergy, "")}}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := clinicalPatient(c.in)
			var buf bytes.Buffer
			if err := EncodePatient(&buf, nil, &p); err != nil {
				t.Fatal(err)
			}
			got, err := DecodePatient(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if d := firstDiff(got.Record, c.want); d != "" {
				t.Errorf("lossy round trip: %s\n%s", d, buf.String())
			}
		})
	}
}

func TestEncodeClinicalRejectsUnlinkableIDs(t *testing.T) {
	p := clinicalPatient(record.ClinicalRecord{Observations: []record.Observation{{Item: record.Item{ID: "a b"}}}})
	if err := EncodePatient(&bytes.Buffer{}, nil, &p); !errors.Is(err, errEncodeID) {
		t.Errorf("EncodePatient(id with a space) = %v, want errEncodeID", err)
	}
}

func TestDecodeClinicalHostile(t *testing.T) {
	doc := func(rows string) string { return `<header pat_id="1"><patient entity_id="1"/>` + rows + `</header>` }
	cases := []struct {
		name, doc, secret string
		want              error
	}{
		{"bad eventdate", doc(`<clinical identity="1" entity_ty="63" eventdate="2001-02-30T00:00:00"/>`), "2001-02-30", errBadDate},
		{"bad eventdate flag", doc(`<clinical identity="1" entity_ty="63" eventdate="2001-02-03T00:00:00" _eventdate="9"/>`), "2001-02-03", errBadDate},
		{"bad weight", doc(`<clinical identity="1" entity_ty="79" weightkg="heavy67"/>`), "heavy67", errBadNumber},
		{"NaN value", doc(`<clinical identity="1" entity_ty="63" value1="NaN"/>`), "", errBadNumber},
		{"infinite value", doc(`<clinical identity="1" entity_ty="63" value1="1e999"/>`), "", errBadNumber},
		{"bad systolic", doc(`<clinical identity="1" entity_ty="56" systolic="12O"/>`), "12O", errBadNumber},
		{"bad issue number", doc(`<clinical identity="1" entity_ty="39" issue_ty="I" issue_no="x"/>`), "", errBadNumber},
		{"bad document size", doc(`<clinical identity="1" entity_ty="906" doc_size="5MB"/>`), "5MB", errBadNumber},
		{"identity with a space", doc(`<clinical identity="1 2" entity_ty="63"/>`), "", errBadID},
		{"two templates, one identity", doc(`<clinical identity="7" entity_ty="40"/><clinical identity="7" entity_ty="40"/>`), "", errDuplicateID},
		{"two consultations, one identity", doc(`<consultation identity="7"/><consultation identity="7"/>`), "", errDuplicateID},
		{"test group without its report", doc(`<clinical identity="7" entity_ty="904" parent_id="8"/>`), "", errNoReport},
		{"two referrals, one identity", doc(`<clinical identity="7" entity_ty="59"/><clinical identity="7" entity_ty="59"/>`), "", errDuplicateID},
		{"acute course id clashes with a template", doc(`<clinical identity="5-course" entity_ty="40"/><clinical identity="5" entity_ty="39" issue_ty="A"/>`), "", errDuplicateID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodePatient(strings.NewReader(c.doc))
			if !errors.Is(err, c.want) {
				t.Fatalf("DecodePatient = %v, want %v", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "vision: patient 1: journal: ") {
				t.Errorf("error %q lacks context", err)
			}
			if c.secret != "" && strings.Contains(err.Error(), c.secret) {
				t.Errorf("error %q carries the value", err)
			}
		})
	}
}

// TestEncodedClinicalConventions checks the clinical rows we write keep the
// real export's conventions.
func TestEncodedClinicalConventions(t *testing.T) {
	var all record.ClinicalRecord
	for _, c := range clinicalCases() {
		all.Observations = append(all.Observations, c.r.Observations...)
		all.Medications = append(all.Medications, c.r.Medications...)
		all.Immunisations = append(all.Immunisations, c.r.Immunisations...)
		all.Investigations = append(all.Investigations, c.r.Investigations...)
	}
	p := clinicalPatient(all)
	x, err := exportOf(&p)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Clinical) < 20 {
		t.Fatalf("only %d clinical rows", len(x.Clinical))
	}
	for _, c := range x.Clinical {
		if c.MasterID != "42" || c.PracID != "G12345" || c.EntityTy == "" {
			t.Errorf("row %s: master_id %q prac_id %q entity_ty %q", c.Identity, c.MasterID, c.PracID, c.EntityTy)
		}
		if !lookupKey.MatchString(c.Category) {
			t.Errorf("row %s: category %q, want a SED key", c.Identity, c.Category)
		}
		if n := len(c.ReadCode); n != 0 && n != 7 && n != 3 {
			t.Errorf("row %s: read_code %q", c.Identity, c.ReadCode)
		}
		for _, d := range [][2]string{{c.EventDate, c.EventDateF}, {c.UntilDate, c.UntilDateF}, {c.EndDate, c.EndDateF}, {c.StartDate, c.StartDateF}, {c.DueDate, c.DueDateF}} {
			if d[0] != "" && (!visionDate.MatchString(d[0]) || d[1] == "") {
				t.Errorf("row %s: date %q flag %q", c.Identity, d[0], d[1])
			}
		}
		for _, ts := range []string{c.SysDate, c.Recorded, c.Issued} {
			if ts != "" && !visionDate.MatchString(ts) {
				t.Errorf("row %s: timestamp %q", c.Identity, ts)
			}
		}
		if c.EntityTy == EntityMedicationIssue && (c.RepeatID == "" || c.IssueNo == "" || (c.IssueTy != "A" && c.IssueTy != "I")) {
			t.Errorf("issue row %s: repeat_id %q issue_no %q issue_ty %q", c.Identity, c.RepeatID, c.IssueNo, c.IssueTy)
		}
	}
}

// TestSampleClinicalReencodes: whatever the real export decodes to, the
// encoder writes back exactly (the rebuilt consultations and courses
// included).
func TestSampleClinicalReencodes(t *testing.T) {
	p, err := DecodePatient(bytes.NewReader(mustReadSample(t)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := EncodePatient(&buf, nil, &p); err != nil {
		t.Fatal(err)
	}
	q, err := DecodePatient(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d := firstDiff(q, p); d != "" {
		t.Errorf("sample re-encoded differs: %s", d)
	}
	if len(p.Record.Consultations) != 76 {
		t.Errorf("sample rebuilt %d consultations, want 76: one per consult_id whose rows made an entry", len(p.Record.Consultations))
	}
}
