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

func snomed(code, display string) record.Concept {
	return record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: code, Display: display}}}
}

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// clinicalItem is a fully populated Item, so the edge cases start from
// every metadata field set.
func clinicalItem(id string, code record.Concept) record.Item {
	return record.Item{ID: id, Effective: record.DateOf(2023, time.March, 4), Recorded: at(2023, 3, 4, 10, 12),
		AuthorID: "drjones", RecorderID: "drjones", Code: code, LastModified: at(2023, 3, 5, 9, 0)}
}

func qty(v float64, unit string) *record.Quantity { return &record.Quantity{Value: v, Unit: unit} }

// clinicalCases are records at the edges of the mapping, each expected to
// come back unchanged.
func clinicalCases() []struct {
	name string
	rec  func() record.ClinicalRecord
} {
	bp := snomed("163020007", "O/E - blood pressure reading")
	return []struct {
		name string
		rec  func() record.ClinicalRecord
	}{
		{"empty", func() record.ClinicalRecord { return record.ClinicalRecord{} }},
		{"partial and odd dates", func() record.ClinicalRecord {
			a := record.Allergy{Item: clinicalItem("a1", snomed("91935009", "Allergy to peanuts")), Category: "environment", ClinicalStatus: "active"}
			a.Effective = record.Date{Time: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}
			o := record.Observation{Item: clinicalItem("o1", snomed("27113001", "Body weight")), Value: qty(71.4, "kg")}
			o.Effective = record.Date{Time: time.Date(2001, 6, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}
			o2 := record.Observation{Item: clinicalItem("o2", snomed("27113001", "Body weight")), Value: qty(70, "kg")}
			o2.Effective = record.Date{Time: time.Date(2020, 2, 3, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMinute} // midnight, minute
			o2.Recorded, o2.LastModified = time.Time{}, time.Time{}
			o3 := record.Observation{Item: clinicalItem("o3", snomed("27113001", "Body weight"))}
			o3.Effective = record.Date{Time: time.Date(2020, 2, 3, 10, 11, 12, 500, time.UTC), Precision: record.PrecisionSecond}
			undated := record.Observation{Item: record.Item{ID: "o4", Code: snomed("37331000000100", "Comment note")}, ValueText: "undated"}
			return record.ClinicalRecord{Allergies: []record.Allergy{a}, Observations: []record.Observation{o, o2, o3, undated}}
		}},
		{"metadata the elements lack", func() record.ClinicalRecord {
			o := record.Observation{Item: clinicalItem("o;1=x,%", snomed("77176002", "Smoker"))}
			o.Confidential, o.RecorderID, o.OrganisationID, o.ConsultationID = true, "nurse;2", "RR8", "c=1"
			o.Note, o.ValueText = "free; text = 100%, honest\nsecond line", "Smokes 10/day"
			return record.ClinicalRecord{Observations: []record.Observation{o}}
		}},
		{"observation values", func() record.ClinicalRecord {
			o := record.Observation{Item: clinicalItem("o1", snomed("1000731000000107", "Serum creatinine level")),
				Value: &record.Quantity{Value: 5, Comparator: "<", Unit: "umol/L"}, Interpretation: "L",
				Range: &record.Range{Low: qty(45, "umol/L"), High: qty(110, "umol/L"), Text: "45 - 110"}}
			bpObs := record.Observation{Item: clinicalItem("o2", bp), Components: []record.ObservationComponent{
				{Code: snomed("72313002", "Systolic arterial pressure"), Value: &record.Quantity{Value: 250, Comparator: ">", Unit: "mmHg"}},
				{Code: snomed("1091811000000102", "Diastolic arterial pressure"), Value: qty(98, "mmHg")},
				{Code: snomed("0", "no value")},
			}}
			unitless := record.Observation{Item: clinicalItem("o3", snomed("60621009", "Body mass index")), Value: qty(24.35, ""),
				Range: &record.Range{High: qty(25, "")}}
			return record.ClinicalRecord{Observations: []record.Observation{o, bpObs, unitless}}
		}},
		{"allergies", func() record.ClinicalRecord {
			drug := record.Allergy{Item: clinicalItem("a1", snomed("292954005", "Penicillin adverse reaction")), Category: "medication",
				ClinicalStatus: "resolved", Ended: record.DateOf(2024, 1, 2), EndReason: "Resolved on re-challenge",
				Reactions: []record.Reaction{{Manifestation: snomed("126485001", "Urticaria"), Severity: "severe", Note: "widespread"},
					{Manifestation: snomed("422587007", "Nausea")}}}
			odd := record.Allergy{Item: clinicalItem("a2", record.Concept{Text: "Cat dander"}), Category: "food", ClinicalStatus: "resolved"}
			return record.ClinicalRecord{Allergies: []record.Allergy{drug, odd}}
		}},
		{"problems", func() record.ClinicalRecord {
			parent := record.Problem{Item: clinicalItem("p1", snomed("59621000", "Essential hypertension")), Status: "active", Significance: "major",
				Period: record.Period{Start: record.DateOf(2023, 3, 4)}, ItemIDs: []string{"o1"}}
			child := record.Problem{Item: clinicalItem("p2", snomed("407645004", "Dizziness on standing up")), Status: "inactive",
				Significance: "minor", ParentID: "p1", Period: record.Period{Start: record.DateOf(2022, 1, 1), End: record.Date{Time: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}}}
			odd := record.Problem{Item: clinicalItem("p3", snomed("13645005", "COPD")), Status: "inactive", Period: record.Period{Start: record.DateOf(2023, 3, 4)}}
			o := record.Observation{Item: clinicalItem("o1", bp)}
			o.ProblemIDs = []string{"p1", "p-elsewhere"}
			return record.ClinicalRecord{Problems: []record.Problem{parent, child, odd}, Observations: []record.Observation{o}}
		}},
		{"consultations", func() record.ClinicalRecord {
			start := record.Date{Time: at(2023, 3, 4, 10, 30), Precision: record.PrecisionMinute}
			c := record.Consultation{Item: clinicalItem("c1", record.Concept{}), Type: "Telephone consultation", LocationID: "branch-1",
				Period: record.Period{Start: start, End: record.Date{Time: at(2023, 3, 4, 10, 42), Precision: record.PrecisionMinute}},
				Topics: []record.ConsultationTopic{
					{Title: "Hypertension / BP: review 100%", ProblemID: "p1", Headings: []record.ConsultationHeading{
						{Title: "History", ItemIDs: []string{"o1", "id with space"}}, {Title: "Plan"}}},
					{Title: "General"},
					{Title: "General", Headings: []record.ConsultationHeading{{Title: "Examination", ItemIDs: []string{"o2"}}}},
				}}
			c.Effective = start
			c.Note = "Seen with daughter"
			c.Code = snomed("185317003", "Telephone encounter")
			open := record.Consultation{Item: clinicalItem("c2", record.Concept{}), Type: "Home visit",
				Period: record.Period{Start: record.DateOf(2023, 3, 4)}}
			return record.ClinicalRecord{Consultations: []record.Consultation{c, open}}
		}},
		{"medications", func() record.ClinicalRecord {
			drug := snomed("323509004", "Amoxicillin 250mg capsules")
			acute := record.Medication{Item: clinicalItem("m1", record.Concept{}), Drug: drug, Dosage: "One three times a day",
				Quantity: record.Quantity{Value: 21, Unit: "capsule"}, QuantityText: "21 capsule", PrescriptionType: "acute", Status: "active",
				Period: record.Period{Start: record.DateOf(2023, 3, 4)}, AuthorisedIssues: 1,
				Issues: []record.MedicationIssue{{ID: "i1", Issued: record.DateOf(2023, 3, 4), AuthorID: "drjones",
					Quantity: record.Quantity{Value: 21, Unit: "capsule"}, QuantityText: "21 capsule", DurationDays: 7, LastModified: at(2023, 3, 4, 11, 0)}}}
			repeat := record.Medication{Item: clinicalItem("m2", record.Concept{}), Drug: record.Concept{Codings: []record.Code{{System: record.SystemMultilex, Code: "2007553", Display: "Omeprazole 20mg"}}},
				Dosage: "", Quantity: record.Quantity{Value: 28, Unit: "tablet"}, QuantityText: "twenty-eight", PrescriptionType: "repeat-dispensing",
				Status: "stopped", StopReason: "Side Effect", AuthorisedIssues: 6,
				Period: record.Period{Start: record.DateOf(2022, 1, 1), End: record.DateOf(2022, 6, 1)}}
			stopped := record.Medication{Item: clinicalItem("m3", record.Concept{}), Drug: drug, PrescriptionType: "repeat", Status: "stopped",
				StopReason: "Ankle swelling", Period: record.Period{Start: record.DateOf(2021, 1, 1), End: record.DateOf(2021, 2, 1)},
				Issues: []record.MedicationIssue{{ID: "i2", Issued: record.DateOf(2021, 1, 1), DurationDays: 28, QuantityText: "28 tablet",
					Quantity: record.Quantity{Value: 28, Unit: "tablet"}, LastModified: at(2021, 1, 1, 0, 0)},
					{ID: "i3", Issued: record.DateOf(2021, 1, 29), AuthorID: "other", DurationDays: 0}}}
			stopped.Item.ProblemIDs = []string{"p9"}
			acuteOdd := record.Medication{Item: clinicalItem("m4", snomed("1", "odd code on a course")), Drug: record.Concept{Text: "Unlisted cream"},
				PrescriptionType: "acute", Status: "completed", AuthorisedIssues: 3, Period: record.Period{Start: record.DateOf(2020, 1, 1), End: record.DateOf(2020, 2, 1)}}
			return record.ClinicalRecord{Medications: []record.Medication{acute, repeat, stopped, acuteOdd}}
		}},
		{"immunisations", func() record.ClinicalRecord {
			given := record.Immunisation{Item: clinicalItem("v1", snomed("86198006", "Influenza vaccination")), Vaccine: record.Concept{Text: "Influenza vaccine"},
				Dose: 2, Batch: "AB1234", Site: snomed("368208006", "Left upper arm structure"), Route: snomed("78421000", "Intramuscular route"), Status: "completed"}
			given.Note = "No reaction"
			notGiven := record.Immunisation{Item: clinicalItem("v2", snomed("86198006", "Influenza vaccination")), NotGiven: true,
				Reason: snomed("591000119102", "Vaccine refused by patient"), Vaccine: snomed("1", "coded vaccine"), Status: "entered-in-error"}
			booster := record.Immunisation{Item: clinicalItem("v3", record.Concept{}), Dose: 8, Status: "completed"}
			return record.ClinicalRecord{Immunisations: []record.Immunisation{given, notGiven, booster}}
		}},
		{"investigations", func() record.ClinicalRecord {
			fbc := snomed("26604007", "Full blood count")
			res := func(id string, v float64, interp string) record.Observation {
				return record.Observation{Item: clinicalItem(id, snomed("1022541000000102", "Total white cell count")), Value: qty(v, "10*9/L"),
					Range: &record.Range{Low: qty(4, "10*9/L"), High: qty(11, "10*9/L")}, Interpretation: interp}
			}
			full := record.Investigation{Item: clinicalItem("r1", fbc), Status: "final", Issued: at(2023, 3, 6, 12, 5), Filed: true,
				Request:    &record.TestRequest{ID: "rq1", Code: fbc, Date: record.DateOf(2023, 3, 4), AuthorID: "drjones"},
				Specimens:  []record.Specimen{{ID: "s1", Type: snomed("119297000", "Blood specimen"), Collected: record.DateOf(2023, 3, 5)}, {ID: "s2", Note: "haemolysed"}},
				TestGroups: []record.TestGroup{{ID: "g1", Code: fbc, Results: []record.Observation{res("x1", 14.3, "H"), res("x2", 6, "N")}}, {ID: "g2"}},
				Results:    []record.Observation{res("x3", 5, "")}}
			bare := record.Investigation{Item: clinicalItem("r2", record.Concept{Text: "Chest X-ray"}), Status: "partial"}
			return record.ClinicalRecord{Investigations: []record.Investigation{full, bare}}
		}},
		{"referrals, diary, documents", func() record.ClinicalRecord {
			ref := record.Referral{Item: clinicalItem("f1", snomed("183519002", "Referral to cardiology service")), Status: "completed", Priority: "urgent",
				Recipient: "Leeds Teaching Hospitals NHS Trust", RecipientID: "RR8", Service: record.Concept{Text: "Cardiology"}, Reason: snomed("49436004", "Atrial fibrillation")}
			bare := record.Referral{Item: clinicalItem("f2", record.Concept{}), Status: "active"}
			due := record.DiaryEntry{Item: clinicalItem("d1", snomed("182836005", "Review of medication")), Due: record.DateOf(2024, 1, 1), Status: "active"}
			due.Note = "Bring inhalers"
			cancelled := record.DiaryEntry{Item: clinicalItem("d2", snomed("86198006", "Influenza vaccination")), Due: record.DateOf(2024, 10, 1), Status: "cancelled"}
			odd := record.DiaryEntry{Item: clinicalItem("d3", record.Concept{Text: "Phone patient"}), Status: "overdue"}
			doc := record.Document{Item: clinicalItem("doc1", record.Concept{Text: "Hospital discharge summary"}), Title: "Discharge summary",
				ContentType: "application/pdf", Size: 5*1024*1024 + 1}
			doc.OrganisationID = "RR8"
			doc.Note = "Scanned"
			link := record.Document{Item: clinicalItem("doc2", record.Concept{}), URL: "https://example.org/letter.pdf"}
			return record.ClinicalRecord{Referrals: []record.Referral{ref, bare}, DiaryEntries: []record.DiaryEntry{due, cancelled, odd},
				Documents: []record.Document{doc, link}}
		}},
		{"no known allergies", func() record.ClinicalRecord {
			nka := record.Observation{Item: clinicalItem("n1", snomed(noKnownAllergySNOMED, "No known allergy"))}
			return record.ClinicalRecord{NoKnownAllergies: &nka}
		}},
	}
}

func TestClinicalRoundTrip(t *testing.T) {
	for _, tc := range clinicalCases() {
		t.Run(tc.name, func(t *testing.T) {
			p := basePatient()
			p.Record = tc.rec()
			var buf bytes.Buffer
			if err := EncodePatient(&buf, testPractice(), &p); err != nil {
				t.Fatal(err)
			}
			got, err := DecodePatient(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("DecodePatient: %v\n%s", err, buf.String())
			}
			if !reflect.DeepEqual(got.Record, p.Record) {
				t.Errorf("round trip:\n got %+v\nwant %+v\nXML:\n%s", got.Record, p.Record, buf.String())
			}
		})
	}
}

// TestClinicalLosses pins what the format cannot hold (doc.go lists it): if
// one of these starts to survive, or something else goes, this fails.
func TestClinicalLosses(t *testing.T) {
	read2 := record.Code{System: record.SystemReadV2, Code: "G20..", Display: "Essential hypertension", DescriptionID: "00"}
	ctv3 := record.Code{System: record.SystemCTV3, Code: "XE0Ub", Display: "Hypertension"}
	sct := record.Code{System: record.SystemSNOMED, Code: "38341003", Display: "Hypertensive disorder", Version: "http://snomed.info/sct/83821000000107/version/20240925", DescriptionID: "64176011"}
	for _, tc := range []struct {
		name     string
		in, want func() record.ClinicalRecord
	}{
		{"Read v2, a second coding, version, description id and coded text",
			func() record.ClinicalRecord {
				return record.ClinicalRecord{Observations: []record.Observation{{Item: clinicalItem("o1", record.Concept{Codings: []record.Code{read2, sct, ctv3}, Text: "HTN"})}}}
			},
			func() record.ClinicalRecord {
				return record.ClinicalRecord{Observations: []record.Observation{{Item: clinicalItem("o1", record.Concept{Codings: []record.Code{{System: sct.System, Code: sct.Code, Display: sct.Display}}})}}}
			}},
		{"Read v2 alone keeps only its text",
			func() record.ClinicalRecord {
				return record.ClinicalRecord{Observations: []record.Observation{{Item: clinicalItem("o1", record.Concept{Codings: []record.Code{read2}})}}}
			},
			func() record.ClinicalRecord {
				return record.ClinicalRecord{Observations: []record.Observation{{Item: clinicalItem("o1", record.Concept{Text: read2.Display})}}}
			}},
		{"heading codes, a problem's own links, item order on a problem",
			func() record.ClinicalRecord {
				p := record.Problem{Item: clinicalItem("p1", record.Concept{Codings: []record.Code{ctv3}}), Status: "active", Significance: "major",
					Period: record.Period{Start: record.DateOf(2023, 3, 4)}, ItemIDs: []string{"o2", "o1"}}
				p.ProblemIDs = []string{"p0"}
				o1, o2 := record.Observation{Item: clinicalItem("o1", snomed("1", "a"))}, record.Observation{Item: clinicalItem("o2", snomed("2", "b"))}
				o1.ProblemIDs, o2.ProblemIDs = []string{"p1"}, []string{"p1"}
				c := record.Consultation{Item: clinicalItem("c1", record.Concept{}), Period: record.Period{Start: record.DateOf(2023, 3, 4)},
					Topics: []record.ConsultationTopic{{Title: " padded ", Headings: []record.ConsultationHeading{{Title: "History", Code: snomed("3", "h")}}}}}
				return record.ClinicalRecord{Problems: []record.Problem{p}, Observations: []record.Observation{o1, o2}, Consultations: []record.Consultation{c}}
			},
			func() record.ClinicalRecord {
				p := record.Problem{Item: clinicalItem("p1", record.Concept{Codings: []record.Code{ctv3}}), Status: "active", Significance: "major",
					Period: record.Period{Start: record.DateOf(2023, 3, 4)}, ItemIDs: []string{"o1", "o2"}}
				o1, o2 := record.Observation{Item: clinicalItem("o1", snomed("1", "a"))}, record.Observation{Item: clinicalItem("o2", snomed("2", "b"))}
				o1.ProblemIDs, o2.ProblemIDs = []string{"p1"}, []string{"p1"}
				c := record.Consultation{Item: clinicalItem("c1", record.Concept{}), Period: record.Period{Start: record.DateOf(2023, 3, 4)},
					Topics: []record.ConsultationTopic{{Title: "padded", Headings: []record.ConsultationHeading{{Title: "History"}}}}}
				return record.ClinicalRecord{Problems: []record.Problem{p}, Observations: []record.Observation{o1, o2}, Consultations: []record.Consultation{c}}
			}},
		{"an undecorated observation coded no-known-allergy reads as the record's NKA",
			func() record.ClinicalRecord {
				o := record.Observation{Item: record.Item{ID: "o1", Code: snomed(noKnownAllergySNOMED, "No known allergy")}}
				return record.ClinicalRecord{Observations: []record.Observation{o}}
			},
			func() record.ClinicalRecord {
				o := record.Observation{Item: record.Item{ID: "o1", Code: snomed(noKnownAllergySNOMED, "No known allergy")}}
				return record.ClinicalRecord{NoKnownAllergies: &o}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := basePatient()
			p.Record = tc.in()
			var buf bytes.Buffer
			if err := EncodePatient(&buf, testPractice(), &p); err != nil {
				t.Fatal(err)
			}
			got, err := DecodePatient(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if want := tc.want(); !reflect.DeepEqual(got.Record, want) {
				t.Errorf("got  %+v\nwant %+v", got.Record, want)
			}
		})
	}
}

// TestDecodeRealSampleClinical reads the clinical part of the public
// SystmOne response.
func TestDecodeRealSampleClinical(t *testing.T) {
	f, err := os.Open(samplePath)
	if err != nil {
		t.Skipf("sample not available: %v", err)
	}
	defer f.Close()
	got, err := DecodePatient(f)
	if err != nil {
		t.Fatal(err)
	}
	rec := got.Record
	ctv3 := func(code, term string) record.Concept {
		return record.Concept{Codings: []record.Code{{System: record.SystemCTV3, Code: code, Display: term}}}
	}
	sec := func(y int, m time.Month, d, h, min, s int) record.Date {
		return record.Date{Time: time.Date(y, m, d, h, min, s, 0, time.UTC), Precision: record.PrecisionSecond}
	}
	// Six problem headers, with SystmOne's ProblemUIDs as ids.
	var problems []string
	for _, p := range rec.Problems {
		problems = append(problems, p.ID+" "+p.Code.Codings[0].Code+" "+p.Significance+" "+p.Status)
	}
	wantProblems := []string{"ed58000000000000 X3003 major active", "a8fa000000000000 XaBVJ major active",
		"58fa000000000000 621.. minor inactive", "b8fb000000000000 XE0Ub major active",
		"88fb000000000000 X3003 major active", "48fb000000000000 XE0aO major active"}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("problems = %q\nwant %q", problems, wantProblems)
	}
	gord := rec.Problems[0]
	if !reflect.DeepEqual(gord.Code, ctv3("X3003", "Gastro-oesophageal reflux disease")) || gord.Effective != sec(2015, 6, 10, 15, 17, 30) ||
		gord.AuthorID != "vcurcin2304" || gord.ConsultationID != "f7b1080000000000" {
		t.Errorf("GORD problem = %+v", gord)
	}
	if p := rec.Problems[2]; p.Period.End != record.DateOf(2017, time.August, 29) {
		t.Errorf("pregnancy problem end = %v, want 2017-08-29", p.Period.End)
	}
	// Two acute omeprazole courses (Multilex), each its own single issue.
	if len(rec.Medications) != 2 {
		t.Fatalf("medications = %d, want 2", len(rec.Medications))
	}
	om := rec.Medications[0]
	wantDrug := record.Concept{Codings: []record.Code{{System: record.SystemMultilex, Code: "2007553", Display: "Omeprazole 20mg dispersible gastro-resistant tablets"}}}
	if !reflect.DeepEqual(om.Drug, wantDrug) || om.Dosage != "take one daily" || om.Quantity != (record.Quantity{Value: 28, Unit: "tablet"}) ||
		om.PrescriptionType != "acute" || om.Status != "completed" ||
		om.Period != (record.Period{Start: record.DateOf(2015, time.June, 10), End: record.DateOf(2015, time.July, 8)}) {
		t.Errorf("omeprazole course = %+v", om)
	}
	if len(om.Issues) != 1 || om.Issues[0].Issued != record.DateOf(2015, time.June, 10) || om.Issues[0].DurationDays != 28 {
		t.Errorf("omeprazole issues = %+v", om.Issues)
	}
	// The first Event is a consultation: course, diagnosis code, problem header, narrative.
	if len(rec.Consultations) != 2 {
		t.Fatalf("consultations = %d, want 2", len(rec.Consultations))
	}
	c := rec.Consultations[0]
	var filed []string
	for _, h := range c.Topics[0].Headings {
		filed = append(filed, h.Title+":"+strings.Join(h.ItemIDs, ","))
	}
	wantFiled := []string{"Plan:f7b1080000000000-1", "History:f7b1080000000000-2,f7b1080000000000-4", "Problems:ed58000000000000"}
	if c.ID != "f7b1080000000000" || !reflect.DeepEqual(filed, wantFiled) {
		t.Errorf("consultation %s headings = %q, want %q", c.ID, filed, wantFiled)
	}
	// The raised-blood-pressure code with its narrative; narrative-only events are comment notes.
	var bp *record.Observation
	notes := 0
	for i := range rec.Observations {
		o := &rec.Observations[i]
		if cd, ok := o.Code.In(record.SystemCTV3); ok && cd.Code == "XM02V" {
			bp = o
		}
		if reflect.DeepEqual(o.Code, commentNote) {
			notes++
		}
	}
	if bp == nil || bp.ValueText != "H: Raised blood pressure (XM02V) D: Hypertension" || bp.ID != "2bbe0d0000000000" {
		t.Errorf("XM02V observation = %+v", bp)
	}
	if notes != 5 {
		t.Errorf("comment notes = %d, want 5 (four narrative events and the consultation's line)", notes)
	}
	if len(rec.Documents) != 1 || rec.Documents[0].Title != "TESTFILE1" || rec.Documents[0].ContentType != "text/html" || rec.Documents[0].ID != "b202680000000000" {
		t.Errorf("documents = %+v", rec.Documents)
	}
}

// TestClinicalCasesValidate runs xmllint over every clinical edge case.
func TestClinicalCasesValidate(t *testing.T) {
	xmllint := mustXmllint(t)
	dir := t.TempDir()
	args := []string{"--noout", "--schema", xsdPath}
	for i, tc := range clinicalCases() {
		p := basePatient()
		p.Record = tc.rec()
		path := filepath.Join(dir, fmt.Sprintf("clinical-%d.xml", i))
		if err := os.WriteFile(path, []byte(mustEncode(t, p)), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	if out, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
		t.Errorf("clinical edge cases do not validate: %v\n%s", err, out)
	}
}
