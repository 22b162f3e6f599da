package vision

import (
	"errors"
	"fmt"

	"im1fhir/record"
)

// The journal: Vision's clinical rows mapped by entity type into the
// clinical record, and back. doc.go lists where each record field goes.

// journal is the state of decoding one export's clinical rows.
type journal struct {
	rec     record.ClinicalRecord
	codings map[conceptKey]record.Concept
	// filings are the items recorded in consultations, in file order, for
	// exports without consultation rows (a real Vision export).
	filings []filing
	// courses finds repeat templates by identity, for their issues.
	courses map[string]int
	// reports finds investigation reports by identity, for their parts.
	reports map[string]int
	// Rows resolved after the first pass, by position.
	issues, parts, results []int
	// owners are the identities of rows that own coding rows, which must
	// be unique for the coding rows to be theirs alone.
	owners map[string]bool
	// items finds decoded items by id, for rebuilt consultations.
	items map[string]*record.Item
}

// filing is one item's place in a consultation as its row gives it.
type filing struct{ consult, topic, category, item string }

// decodeClinical maps the journal, consultation, heading and coding rows
// into the clinical record.
func decodeClinical(x *Export) (record.ClinicalRecord, error) {
	j := &journal{codings: codingIndex(x.Codings), courses: map[string]int{}, reports: map[string]int{}, owners: map[string]bool{}}
	for i := range x.Clinical {
		if err := j.row(i, &x.Clinical[i]); err != nil {
			return record.ClinicalRecord{}, err
		}
	}
	if err := j.investigationParts(x.Clinical); err != nil {
		return record.ClinicalRecord{}, err
	}
	if err := j.medicationIssues(x.Clinical); err != nil {
		return record.ClinicalRecord{}, err
	}
	var err error
	if len(x.Consultations) > 0 {
		err = j.consultations(x.Consultations, x.Headings)
	} else {
		j.synthesiseConsultations()
	}
	if err != nil {
		return record.ClinicalRecord{}, err
	}
	if err := j.checkUnique(); err != nil {
		return record.ClinicalRecord{}, err
	}
	return j.rec, nil
}

// row maps one journal row by its entity type.
func (j *journal) row(i int, c *ClinicalRow) error {
	switch c.EntityTy {
	case EntityMedicationIssue:
		j.issues = append(j.issues, i)
		return nil
	case EntityRepeatTemplate:
		return j.template(i, c)
	case EntityReferral:
		return j.referral(i, c)
	case EntityImmunisation:
		return j.immunisation(i, c)
	case EntityAllergy:
		return j.allergy(i, c)
	case EntityReport:
		return j.report(i, c)
	case EntityDiary:
		return j.diaryEntry(i, c)
	case EntityDocument:
		return j.document(i, c)
	case EntityTestRequest, EntitySpecimen, EntityTestGroup:
		j.parts = append(j.parts, i)
		return nil
	case EntityTestResult, EntityScanResult, EntityScanResult2:
		if ref(c.ParentID) != "" || ref(c.SummaryID) != "" {
			j.results = append(j.results, i)
			return nil
		}
		return j.standaloneResult(i, c)
	case EntityGeneral, EntityDiagnosis:
		if isProblem(c) {
			return j.problem(i, c)
		}
	}
	return j.observation(i, c)
}

// file notes that a row's item was recorded in a consultation.
func (j *journal) file(c *ClinicalRow, itemID string) {
	if ref(c.ConsultID) == "" || itemID == "" {
		return
	}
	j.filings = append(j.filings, filing{consult: c.ConsultID, topic: c.Topic, category: c.Category, item: itemID})
}

var errDuplicateID = errors.New("duplicate identity")

// checkUnique refuses records whose links would be ambiguous: two courses,
// reports, test groups or consultations with one identity.
func (j *journal) checkUnique() error {
	check := func(what string, ids func(yield func(string) bool)) error {
		seen := map[string]bool{}
		for id := range ids {
			if seen[id] {
				return fmt.Errorf("%s: %w", what, errDuplicateID)
			}
			seen[id] = true
		}
		return nil
	}
	if err := check("medication course", func(yield func(string) bool) {
		for _, m := range j.rec.Medications {
			if !yield(m.ID) {
				return
			}
		}
	}); err != nil {
		return err
	}
	if err := check("investigation", func(yield func(string) bool) {
		for _, inv := range j.rec.Investigations {
			if !yield(inv.ID) {
				return
			}
			for _, g := range inv.TestGroups {
				if !yield(g.ID) {
					return
				}
			}
		}
	}); err != nil {
		return err
	}
	return check("consultation", func(yield func(string) bool) {
		for _, k := range j.rec.Consultations {
			if !yield(k.ID) {
				return
			}
		}
	})
}

// encoder lays a clinical record out as rows.
type encoder struct {
	pracID, patientID string
	// filed says where each item sits in its consultation, so its row can
	// carry Vision's topic number and record section.
	filed    map[string]filedAt
	clinical []ClinicalRow
	codings  []CodingRow
}

type filedAt struct{ topic, category string }

var errEncodeID = errors.New("an id holds white space, or a course, report or test group has none")

// encodeClinical writes p's clinical record into x.
func encodeClinical(x *Export, p *record.Patient) error {
	r := &p.Record
	e := &encoder{pracID: p.Registration.OrganisationID, patientID: p.ID}
	if err := checkIDs(r); err != nil {
		return err
	}
	e.index(r.Consultations)
	for i := range r.Allergies {
		e.allergy(&r.Allergies[i])
	}
	if r.NoKnownAllergies != nil {
		e.clinical = append(e.clinical, e.observationRow(r.NoKnownAllergies, EntityGeneral, true))
	}
	for i := range r.Problems {
		e.problem(&r.Problems[i])
	}
	for i := range r.Observations {
		e.observation(&r.Observations[i])
	}
	for i := range r.Medications {
		e.medication(&r.Medications[i])
	}
	for i := range r.Immunisations {
		e.immunisation(&r.Immunisations[i])
	}
	for i := range r.Referrals {
		e.referral(&r.Referrals[i])
	}
	for i := range r.Investigations {
		e.investigation(&r.Investigations[i])
	}
	for i := range r.DiaryEntries {
		e.diaryEntry(&r.DiaryEntries[i])
	}
	for i := range r.Documents {
		e.document(&r.Documents[i])
	}
	x.Clinical = append(x.Clinical, e.clinical...)
	x.Consultations, x.Headings = e.consultations(r.Consultations)
	x.Codings = e.codings
	return nil
}

// checkIDs refuses ids that links could not carry.
func checkIDs(r *record.ClinicalRecord) error {
	ok := true
	see := func(it *record.Item) { ok = ok && validID(it.ID) && validID(it.ConsultationID) }
	for i := range r.Allergies {
		see(&r.Allergies[i].Item)
	}
	for i := range r.Medications {
		see(&r.Medications[i].Item)
		ok = ok && r.Medications[i].ID != ""
		for _, is := range r.Medications[i].Issues {
			ok = ok && validID(is.ID)
		}
	}
	for i := range r.Problems {
		see(&r.Problems[i].Item)
	}
	for i := range r.Consultations {
		see(&r.Consultations[i].Item)
	}
	for i := range r.Observations {
		see(&r.Observations[i].Item)
	}
	for i := range r.Immunisations {
		see(&r.Immunisations[i].Item)
	}
	for i := range r.Investigations {
		inv := &r.Investigations[i]
		see(&inv.Item)
		ok = ok && inv.ID != ""
		for j := range inv.TestGroups {
			ok = ok && validID(inv.TestGroups[j].ID) && inv.TestGroups[j].ID != ""
		}
	}
	for i := range r.Referrals {
		see(&r.Referrals[i].Item)
	}
	for i := range r.DiaryEntries {
		see(&r.DiaryEntries[i].Item)
	}
	for i := range r.Documents {
		see(&r.Documents[i].Item)
	}
	if r.NoKnownAllergies != nil {
		see(&r.NoKnownAllergies.Item)
	}
	if !ok {
		return errEncodeID
	}
	return nil
}

// Default record sections (category) of rows not filed in a consultation,
// following where the sample files each kind of entry.
var defaultCategory = map[EntityType]string{
	EntityAllergy:         "SED001",
	EntityGeneral:         "SED002",
	EntityBloodPressure:   "SED002",
	EntityWeight:          "SED002",
	EntityHeight:          "SED002",
	EntityTestResult:      "SED002",
	EntityReport:          "SED002",
	EntityTestRequest:     "SED002",
	EntitySpecimen:        "SED002",
	EntityTestGroup:       "SED002",
	EntityMedicationIssue: "SED004",
	EntityRepeatTemplate:  "SED004",
	EntityImmunisation:    "SED004",
	EntityReferral:        "SED004",
	EntityDiary:           "SED005",
	EntityDocument:        "SED006",
}

// file sets a row's topic number and record section: where its item sits
// in its consultation, else the entity type's usual section.
func (e *encoder) file(row *ClinicalRow, ty EntityType, category string) {
	if at, ok := e.filed[row.Identity]; ok && row.ConsultID != "" {
		row.Topic = at.topic
		if at.category != "" {
			row.Category = at.category
			return
		}
	}
	if category == "" {
		category = defaultCategory[ty]
	}
	row.Category = category
}

// own claims a row identity as the owner of coding rows.
func (j *journal) own(i int, id string) error {
	if j.owners[id] {
		return &fieldError{row: i + 1, field: "identity", err: errDuplicateID}
	}
	j.owners[id] = true
	return nil
}

// sameDate reports whether two dates are the same instant at the same
// precision.
func sameDate(a, b record.Date) bool { return a.Precision == b.Precision && a.Time.Equal(b.Time) }
