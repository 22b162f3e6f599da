package vision

import "im1fhir/record"

// Allergies are our entity type 900: allergy_ty is the GP Connect category
// (medication, environment), status the clinical status, end_date and
// reasontxt when and why it ended. One reaction has a place: severity and
// reac_note on the row, its manifestation in coding rows.

func (j *journal) allergy(i int, c *ClinicalRow) error {
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	if err := j.own(i, it.ID); err != nil {
		return err
	}
	a := record.Allergy{Item: it, Category: c.AllergyTy, ClinicalStatus: c.Status, EndReason: c.ReasonTxt}
	if a.Ended, err = parseDate(c.EndDate, c.EndDateF); err != nil {
		return &fieldError{row: i + 1, field: "end_date", err: err}
	}
	man, ok := j.codings[conceptKey{it.ID, slotReaction}]
	if ok || c.Severity != "" || c.ReacNote != "" {
		a.Reactions = []record.Reaction{{Manifestation: man, Severity: c.Severity, Note: c.ReacNote}}
	}
	j.rec.Allergies = append(j.rec.Allergies, a)
	j.file(c, a.ID)
	return nil
}

func (e *encoder) allergy(a *record.Allergy) {
	row := e.rowOf(EntityAllergy, "", &a.Item)
	row.AllergyTy, row.Status, row.ReasonTxt = a.Category, a.ClinicalStatus, a.EndReason
	row.EndDate, row.EndDateF = formatDate(a.Ended)
	if len(a.Reactions) > 0 {
		r := a.Reactions[0]
		row.Severity, row.ReacNote = r.Severity, r.Note
		e.codings = append(e.codings, codingRows(a.ID, slotReaction, r.Manifestation, true)...)
	}
	e.clinical = append(e.clinical, row)
}
