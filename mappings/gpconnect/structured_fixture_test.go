package gpconnect

import (
	"fmt"
	"time"

	"im1fhir/record"
)

// Codings shaped as the sandbox generator holds them: Read v2 with its term
// code in DescriptionID, SNOMED with a real description id.
func readSNOMED(read, term, readDisplay, sct, descID, display string) record.Concept {
	return record.Concept{Codings: []record.Code{
		{System: record.SystemReadV2, Code: read, DescriptionID: term, Display: readDisplay},
		{System: record.SystemSNOMED, Code: sct, DescriptionID: descID, Display: display},
	}}
}

func snomed(sct, display string) record.Concept {
	return record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: sct, Display: display}}}
}

func day(y int, m time.Month, d int) record.Date { return record.DateOf(y, m, d) }

// richStructured is a patient whose record uses every clinical field the
// structured builders render, with links between areas (problems to items,
// consultations to items, an allergy to a problem outside the query),
// confidential items in several areas and ended allergies, plus a Selection
// of every area as the selector would make it (problems filtered to active).
func richStructured() (*record.Patient, *record.Practice, *record.Selection) {
	pr := richPractice()
	modified := time.Date(2024, 5, 1, 10, 30, 15, 0, time.UTC)
	recorded := time.Date(2023, 3, 7, 15, 52, 0, 0, time.UTC)
	pr.Practitioners = append(pr.Practitioners,
		record.Practitioner{ID: "2", SDSUserID: "N22222", Name: record.HumanName{Family: "Nurse", Given: []string{"Nina"}},
			Roles: []record.PractitionerRole{{OrganisationID: "1", JobRole: record.Code{Code: "R0690", Display: "Practice Nurse"}}}, LastModified: modified},
		record.Practitioner{ID: "3", Name: record.HumanName{Family: "Locum", Given: []string{"Larry"}, Prefix: []string{"Dr"}}, LastModified: modified},
	)
	pr.Organisations = append(pr.Organisations, record.Organisation{ID: "3", ODSCode: "RR8", Name: "Leeds Teaching Hospitals", LastModified: modified})

	item := func(id string, c record.Concept, eff record.Date) record.Item {
		return record.Item{ID: id, Code: c, Effective: eff, Recorded: recorded, AuthorID: "1", LastModified: modified}
	}
	cr := record.ClinicalRecord{}

	a1 := record.Allergy{Item: item("A1", readSNOMED("TJ00.", "00", "Adverse reaction to penicillin", "294505008", "434661017", "Allergy to penicillin"), day(2010, 12, 16)),
		Category: "medication", ClinicalStatus: "active",
		Reactions: []record.Reaction{{Manifestation: snomed("271807003", "Eruption of skin"), Severity: "moderate", Note: "Rash on arms"}}}
	a1.ConsultationID = "C1"
	a1.ProblemIDs = []string{"P4"}
	a1.RecorderID = "2"
	a1.Note = "Reported by patient"
	a2 := record.Allergy{Item: item("A2", snomed("91935009", "Allergy to peanut"), record.Date{Time: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}), Category: "food", ClinicalStatus: "active"}
	a3 := record.Allergy{Item: item("A3", snomed("300916003", "Latex allergy"), day(2005, 3, 1)), Category: "environment", ClinicalStatus: "resolved", Ended: day(2015, 6, 1), EndReason: "Resolved after desensitisation"}
	a4 := record.Allergy{Item: item("A4", snomed("419511003", "Propensity to adverse reactions to drug"), day(2006, 3, 1)), Category: "medication", ClinicalStatus: "resolved"}
	a5 := record.Allergy{Item: item("A5", snomed("418689008", "Allergy to grass pollen"), day(2012, 4, 1)), Category: "environment", ClinicalStatus: "active"}
	a5.Confidential = true
	cr.Allergies = []record.Allergy{a1, a2, a3, a4, a5}

	m1 := record.Medication{Item: item("M1", record.Concept{}, day(2023, 3, 7)),
		Drug: record.Concept{Codings: []record.Code{
			{System: record.SystemSNOMED, Code: "321945000", Display: "Fluvoxamine 50mg tablets"},
			{System: record.SystemEMISDrug, Code: "FLTA4941", Display: "Fluvoxamine 50mg tablets"},
		}},
		Dosage: "One tablet daily", Quantity: record.Quantity{Value: 28, Unit: "tablet"}, PrescriptionType: "repeat", Status: "active",
		Period: record.Period{Start: day(2023, 3, 7)}, AuthorisedIssues: 6,
		Issues: []record.MedicationIssue{
			{ID: "M1-I1", Issued: day(2023, 3, 7), AuthorID: "1", Quantity: record.Quantity{Value: 28, Unit: "tablet"}, DurationDays: 28, LastModified: modified},
			{Issued: day(2023, 4, 4), AuthorID: "3", QuantityText: "28 tablets", Quantity: record.Quantity{Value: 28}, DurationDays: 28},
		}}
	m1.ConsultationID = "C1"
	m1.ProblemIDs = []string{"P1"}
	m2 := record.Medication{Item: item("M2", record.Concept{}, day(2022, 1, 10)),
		Drug: snomed("322236009", "Paracetamol 500mg tablets"), Dosage: "Two tablets four times a day when required", QuantityText: "100 tablets",
		PrescriptionType: "acute", Status: "completed", Period: record.Period{Start: day(2022, 1, 10), End: day(2022, 2, 10)}}
	m2.OrganisationID = "3"
	m3 := record.Medication{Item: item("M3", record.Concept{}, day(2021, 5, 1)),
		Drug: snomed("318135000", "Lisinopril 10mg tablets"), Dosage: "One daily", PrescriptionType: "repeat", Status: "stopped",
		Period: record.Period{Start: day(2021, 5, 1), End: day(2021, 9, 1)}, StopReason: "Persistent cough", AuthorisedIssues: 3}
	cr.Medications = []record.Medication{m1, m2, m3}

	p1 := record.Problem{Item: item("O1", readSNOMED("G20..", "00", "Essential hypertension", "59621000", "99042012", "Essential hypertension"), day(2019, 2, 4)),
		Status: "active", Significance: "major", Period: record.Period{Start: day(2019, 2, 4)}, ItemIDs: []string{"M1", "O2", "C1"}}
	p1.Note = "Reviewed yearly"
	p2 := record.Problem{Item: item("P2", snomed("38341003", "Hypertensive disorder"), day(2018, 1, 1)), Status: "inactive", Significance: "minor",
		Period: record.Period{Start: day(2018, 1, 1), End: day(2019, 1, 1)}, ParentID: "O1"}
	p3 := record.Problem{Item: item("P3", snomed("35489007", "Depressive disorder"), day(2015, 1, 1)), Status: "active", Significance: "major"}
	p3.Confidential = true
	p4 := record.Problem{Item: item("P4", snomed("91936005", "Allergy to penicillin"), day(2010, 12, 16)), Status: "inactive", Significance: "minor",
		ItemIDs: []string{"A1", "O5"}}
	cr.Problems = []record.Problem{p1, p2, p3, p4}

	c1 := record.Consultation{Item: item("C1", record.Concept{}, record.Date{Time: time.Date(2023, 3, 7, 15, 30, 0, 0, time.UTC), Precision: record.PrecisionMinute}),
		Type: "Surgery consultation", LocationID: "1",
		Period: record.Period{Start: record.Date{Time: time.Date(2023, 3, 7, 15, 30, 0, 0, time.UTC), Precision: record.PrecisionMinute}, End: record.Date{Time: time.Date(2023, 3, 7, 15, 45, 0, 0, time.UTC), Precision: record.PrecisionMinute}},
		Topics: []record.ConsultationTopic{
			{Title: "Hypertension review", ProblemID: "O1", Headings: []record.ConsultationHeading{
				{Title: "History", ItemIDs: []string{"O2"}},
				{Title: "Examination", ItemIDs: []string{"O3", "O5"}},
				{Title: "Plan", ItemIDs: []string{"M1", "D1", "DOC1"}},
			}},
			{Title: "Allergy", Headings: []record.ConsultationHeading{{Title: "Allergy", ItemIDs: []string{"A1"}}, {Title: "Empty", ItemIDs: []string{"O5"}}}},
		}}
	c1.RecorderID = "2"
	c2 := record.Consultation{Item: item("C2", snomed("185317003", "Telephone encounter"), day(2023, 4, 4)), Type: "Telephone",
		Topics: []record.ConsultationTopic{{Headings: []record.ConsultationHeading{{Title: "Comment", ItemIDs: []string{"O4"}}}}}}
	c2.AuthorID = "3"
	cr.Consultations = []record.Consultation{c1, c2}

	o1 := record.Observation{Item: item("O1", readSNOMED("G20..", "00", "Essential hypertension", "59621000", "99042012", "Essential hypertension"), day(2019, 2, 4))}
	o2 := record.Observation{Item: item("O2", readSNOMED("136..", "00", "Alcohol consumption", "160573003", "247990016", "Alcohol intake"), day(2023, 3, 7)),
		Value: &record.Quantity{Value: 13, Unit: "{units}/wk"}, Range: &record.Range{High: &record.Quantity{Value: 21, Unit: "{units}/wk"}, Text: "< 21 {units}/wk"}, Interpretation: "N"}
	o2.ConsultationID, o2.ProblemIDs = "C1", []string{"O1"}
	o3 := record.Observation{Item: item("O3", readSNOMED("246..", "00", "O/E - blood pressure reading", "163020007", "254063019", "O/E - blood pressure reading"), record.Date{Time: time.Date(2023, 3, 7, 15, 35, 0, 0, time.UTC), Precision: record.PrecisionMinute}),
		Components: []record.ObservationComponent{
			{Code: readSNOMED("2469.", "00", "O/E - Systolic BP reading", "72313002", "120159016", "Systolic arterial pressure"), Value: &record.Quantity{Value: 130, Unit: "mm[Hg]"}},
			{Code: readSNOMED("246A.", "00", "O/E - Diastolic BP reading", "1091811000000102", "2734671000000117", "Diastolic arterial pressure"), Value: &record.Quantity{Value: 90, Unit: "mm[Hg]"}},
		}}
	o3.ConsultationID, o3.Note = "C1", "Seated, left arm"
	o4 := record.Observation{Item: item("O4", record.Concept{Codings: []record.Code{{System: record.SystemEMISLocal, Code: "EMISNQSM1", Display: "Smoking status"}}, Text: "Smoking status"}, day(2023, 4, 4)), ValueText: "Never smoked"}
	o4.ConsultationID = "C2"
	o5 := record.Observation{Item: item("O5", snomed("225390008", "Sensitive finding"), day(2023, 3, 7))}
	o5.Confidential = true
	o5.ConsultationID = "C1"
	cr.Observations = []record.Observation{o1, o2, o3, o4, o5}

	i1 := record.Immunisation{Item: item("I1", snomed("871751000000104", "Administration of first dose of influenza vaccine"), day(2022, 10, 1)),
		Vaccine: snomed("39114911000001105", "Influenza vaccine"), Dose: 1, Batch: "AB1234", Site: snomed("368208006", "Left upper arm structure"), Route: snomed("78421000", "Intramuscular route"), Status: "completed"}
	i2 := record.Immunisation{Item: item("I2", snomed("1324681000000101", "Administration of first dose of COVID-19 vaccine"), day(2021, 2, 1)), NotGiven: true,
		Reason: snomed("591000119102", "Vaccine refused by patient"), Status: "completed"}
	cr.Immunisations = []record.Immunisation{i1, i2}

	inv := record.Investigation{Item: item("INV1", snomed("26604007", "Full blood count"), day(2023, 2, 1)), Status: "final",
		Issued:    time.Date(2023, 2, 2, 9, 0, 0, 0, time.UTC),
		Request:   &record.TestRequest{ID: "REQ1", Code: snomed("26604007", "Full blood count"), Date: day(2023, 1, 30), AuthorID: "1"},
		Specimens: []record.Specimen{{Type: snomed("122555007", "Venous blood specimen"), Collected: day(2023, 2, 1), Note: "Fasting"}},
		TestGroups: []record.TestGroup{{ID: "TG1", Code: snomed("26604007", "Full blood count"), Results: []record.Observation{
			{Item: item("RES1", readSNOMED("42A..", "00", "Mean cell volume", "1022491000000106", "714901000006116", "MCV - Mean corpuscular volume"), day(2023, 2, 1)),
				Value: &record.Quantity{Value: 88.5, Unit: "fL"}, Range: &record.Range{Low: &record.Quantity{Value: 76, Unit: "fL"}, High: &record.Quantity{Value: 100, Unit: "fL"}}},
			{Item: record.Item{Code: snomed("1022451000000103", "Haemoglobin concentration")}, Value: &record.Quantity{Value: 99, Comparator: "<", Unit: "g/L"}, Interpretation: "L"},
		}}},
		Results: []record.Observation{{Item: item("RES3", snomed("1000731000000107", "Serum potassium level"), day(2023, 2, 1)), Value: &record.Quantity{Value: 4.1, Unit: "mmol/L"}}}}
	inv.Note = "Normal apart from low haemoglobin"
	cr.Investigations = []record.Investigation{inv}

	r1 := record.Referral{Item: item("R1", readSNOMED("8H...", "00", "Referral for further care", "183444007", "283512014", "Referral for further care"), day(2023, 3, 7)),
		Status: "active", Priority: "routine", RecipientID: "3", Service: snomed("310092000", "Cardiology service"), Reason: snomed("38341003", "Hypertensive disorder")}
	r1.ConsultationID = "C1"
	r2 := record.Referral{Item: item("R2", snomed("183545006", "Referral to physiotherapist"), day(2022, 6, 1)), Status: "completed", Priority: "urgent", Recipient: "Community physiotherapy"}
	cr.Referrals = []record.Referral{r1, r2}

	d1 := record.DiaryEntry{Item: item("D1", snomed("185087000", "Blood pressure recall"), record.Date{}), Due: day(2024, 3, 7), Status: "active"}
	d1.ConsultationID = "C1"
	cr.DiaryEntries = []record.DiaryEntry{d1}
	doc := record.Document{Item: item("DOC1", snomed("371530004", "Clinical consultation report"), day(2023, 3, 7)), Title: "Cardiology letter", ContentType: "application/pdf", Size: 5242881, URL: "https://example.org/Binary/DOC1"}
	doc.ConsultationID = "C1"
	cr.Documents = []record.Document{doc}

	p := &pr.Patients[0]
	p.Record = cr
	sel := selectAll(p, "active")
	return p, pr, sel
}

// selectAll selects every area of p's record the way the structured-record
// selector does for a request without search periods: confidential items
// left out (their areas marked Withheld), ended allergies apart, problems
// filtered by status when problemStatus is set.
func selectAll(p *record.Patient, problemStatus string) *record.Selection {
	cr := &p.Record
	sel := &record.Selection{
		Query: record.StructuredQuery{
			Allergies:      &record.AllergyQuery{IncludeResolved: true},
			Medications:    &record.MedicationQuery{IncludeIssues: true},
			Consultations:  &record.ConsultationQuery{},
			Problems:       &record.ProblemQuery{Status: problemStatus},
			Immunisations:  &record.ImmunisationQuery{IncludeNotGiven: true, IncludeStatus: true},
			Uncategorised:  &record.PeriodQuery{},
			Investigations: &record.PeriodQuery{},
			Referrals:      &record.PeriodQuery{},
			Diary:          &record.DiaryQuery{},
		},
		Record:       cr,
		Withheld:     map[record.Area]bool{},
		CodeVersions: map[string]string{record.SystemSNOMED: "http://snomed.info/sct/83821000000107/version/20240925"},
	}
	for i := range cr.Allergies {
		a := &cr.Allergies[i]
		switch {
		case a.Confidential:
			sel.Withheld[record.AreaAllergies] = true
		case a.ClinicalStatus == "resolved":
			sel.EndedAllergies = append(sel.EndedAllergies, a)
		default:
			sel.Allergies = append(sel.Allergies, a)
		}
	}
	pick := func(area record.Area, confidential bool) bool {
		if confidential {
			sel.Withheld[area] = true
		}
		return !confidential
	}
	for i := range cr.Medications {
		if pick(record.AreaMedications, cr.Medications[i].Confidential) {
			sel.Medications = append(sel.Medications, &cr.Medications[i])
		}
	}
	for i := range cr.Problems {
		pb := &cr.Problems[i]
		if pick(record.AreaProblems, pb.Confidential) && (problemStatus == "" || pb.Status == problemStatus) {
			sel.Problems = append(sel.Problems, pb)
		}
	}
	for i := range cr.Consultations {
		if pick(record.AreaConsultations, cr.Consultations[i].Confidential) {
			sel.Consultations = append(sel.Consultations, &cr.Consultations[i])
		}
	}
	for i := range cr.Immunisations {
		if pick(record.AreaImmunisations, cr.Immunisations[i].Confidential) {
			sel.Immunisations = append(sel.Immunisations, &cr.Immunisations[i])
		}
	}
	for i := range cr.Observations {
		if pick(record.AreaUncategorised, cr.Observations[i].Confidential) {
			sel.Observations = append(sel.Observations, &cr.Observations[i])
		}
	}
	for i := range cr.Investigations {
		if pick(record.AreaInvestigations, cr.Investigations[i].Confidential) {
			sel.Investigations = append(sel.Investigations, &cr.Investigations[i])
		}
	}
	for i := range cr.Referrals {
		if pick(record.AreaReferrals, cr.Referrals[i].Confidential) {
			sel.Referrals = append(sel.Referrals, &cr.Referrals[i])
		}
	}
	for i := range cr.DiaryEntries {
		if pick(record.AreaDiary, cr.DiaryEntries[i].Confidential) {
			sel.DiaryEntries = append(sel.DiaryEntries, &cr.DiaryEntries[i])
		}
	}
	return sel
}

// bigStructured is a generated record of about n clinical items spread over
// every area, with consultation and problem links, for the benchmark.
func bigStructured(n int) (*record.Patient, *record.Practice, *record.Selection) {
	p, pr, _ := richStructured()
	modified := time.Date(2024, 5, 1, 10, 30, 15, 0, time.UTC)
	cr := record.ClinicalRecord{}
	per := n / 8
	for i := 0; i < per; i++ {
		it := func(prefix string) record.Item {
			return record.Item{ID: fmt.Sprintf("%s%d", prefix, i), Code: readSNOMED("246..", "00", "O/E - blood pressure reading", "163020007", "254063019", "O/E - blood pressure reading"),
				Effective: day(2000+i%24, time.Month(1+i%12), 1+i%28), Recorded: modified, AuthorID: "1", LastModified: modified,
				ConsultationID: fmt.Sprintf("C%d", i/4), ProblemIDs: []string{fmt.Sprintf("P%d", i/10)}}
		}
		cr.Observations = append(cr.Observations, record.Observation{Item: it("O"), Value: &record.Quantity{Value: float64(i), Unit: "mm[Hg]"},
			Components: []record.ObservationComponent{{Code: snomed("72313002", "Systolic arterial pressure"), Value: &record.Quantity{Value: 120, Unit: "mm[Hg]"}}}})
		cr.Allergies = append(cr.Allergies, record.Allergy{Item: it("A"), Category: "medication", ClinicalStatus: []string{"active", "resolved"}[i%2]})
		cr.Medications = append(cr.Medications, record.Medication{Item: it("M"), Drug: snomed("322236009", "Paracetamol 500mg tablets"), Dosage: "As directed",
			PrescriptionType: "repeat", Status: "active", Issues: []record.MedicationIssue{{Issued: day(2020, 1, 1), DurationDays: 28}}})
		cr.Immunisations = append(cr.Immunisations, record.Immunisation{Item: it("I"), Vaccine: snomed("39114911000001105", "Influenza vaccine")})
		cr.Referrals = append(cr.Referrals, record.Referral{Item: it("R"), Status: "active", Priority: "routine"})
		cr.DiaryEntries = append(cr.DiaryEntries, record.DiaryEntry{Item: it("D"), Due: day(2025, 1, 1)})
		cr.Investigations = append(cr.Investigations, record.Investigation{Item: it("INV"), Status: "final",
			TestGroups: []record.TestGroup{{Code: snomed("26604007", "Full blood count"), Results: []record.Observation{{Item: it("RES"), Value: &record.Quantity{Value: 5, Unit: "g/L"}}}}}})
		if i%10 == 0 {
			cr.Problems = append(cr.Problems, record.Problem{Item: record.Item{ID: fmt.Sprintf("P%d", i/10), Code: snomed("59621000", "Essential hypertension"), LastModified: modified},
				Status: "active", Significance: "major"})
		}
		if i%4 == 0 {
			cr.Consultations = append(cr.Consultations, record.Consultation{Item: record.Item{ID: fmt.Sprintf("C%d", i/4), Effective: day(2020, 1, 1), AuthorID: "1", LastModified: modified},
				Type: "Surgery consultation", Topics: []record.ConsultationTopic{{ProblemID: fmt.Sprintf("P%d", i/10), Headings: []record.ConsultationHeading{{Title: "Examination"}}}}})
		}
		last := &cr.Consultations[len(cr.Consultations)-1].Topics[0].Headings[0]
		last.ItemIDs = append(last.ItemIDs, fmt.Sprintf("O%d", i), fmt.Sprintf("M%d", i))
	}
	p.Record = cr
	return p, pr, selectAll(p, "")
}
