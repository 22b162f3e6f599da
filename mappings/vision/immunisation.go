package vision

import "im1fhir/record"

// Immunisations (91): status IMM001 (given, all six in the sample) or our
// IMM002 (not given); stage is the dose number (0: not recorded), batch the
// batch, compound the vaccine product's name (else the sample's immstype,
// such as FLU) and reasontxt the reason's text. Our imm_status holds a
// record status other than "completed". Codings of the vaccine and reason,
// and the site and route, are coding rows: the sample's site and method are
// only ever the "not recorded" keys ISI000 and IME000.

const (
	immGiven    = "IMM001"
	immNotGiven = "IMM002"
	immDone     = "completed"
)

func (j *journal) immunisation(i int, c *ClinicalRow) error {
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	if err := j.own(i, it.ID); err != nil {
		return err
	}
	im := record.Immunisation{Item: it, NotGiven: c.Status == immNotGiven, Batch: c.Batch, Status: c.ImmStatus,
		Vaccine: j.codings[conceptKey{it.ID, slotVaccine}], Reason: j.codings[conceptKey{it.ID, slotReason}],
		Site: j.codings[conceptKey{it.ID, slotSite}], Route: j.codings[conceptKey{it.ID, slotRoute}]}
	if im.Status == "" {
		im.Status = immDone
	}
	switch {
	case c.Compound != "":
		im.Vaccine.Text = c.Compound
	case im.Vaccine.Text == "":
		im.Vaccine.Text = c.ImmsType
	}
	if c.ReasonTxt != "" {
		im.Reason.Text = c.ReasonTxt
	}
	if im.Dose, err = parseCount(c.Stage); err != nil {
		return &fieldError{row: i + 1, field: "stage", err: err}
	}
	j.rec.Immunisations = append(j.rec.Immunisations, im)
	j.file(c, im.ID)
	return nil
}

func (e *encoder) immunisation(im *record.Immunisation) {
	row := e.rowOf(EntityImmunisation, "", &im.Item)
	row.Status = immGiven
	if im.NotGiven {
		row.Status = immNotGiven
	}
	if im.Status != immDone {
		row.ImmStatus = im.Status
	}
	row.Stage = formatCount(im.Dose)
	row.Batch = im.Batch
	row.Compound = im.Vaccine.Text
	row.ReasonTxt = im.Reason.Text
	e.codings = append(e.codings, codingRows(im.ID, slotVaccine, im.Vaccine, false)...)
	e.codings = append(e.codings, codingRows(im.ID, slotReason, im.Reason, false)...)
	e.codings = append(e.codings, codingRows(im.ID, slotSite, im.Site, true)...)
	e.codings = append(e.codings, codingRows(im.ID, slotRoute, im.Route, true)...)
	e.clinical = append(e.clinical, row)
}
