package vision

import "im1fhir/record"

// Problems: a general (63) or diagnosis (81) row with priority 1 or 2. The
// sample's one problem is its "Hypertensive disease" row at priority 1,
// beside the diagnosis row of the same code at priority 3, Vision's
// priority for an ordinary entry; 1 reads as a major problem and 2 (ours)
// as a minor one. status, start_date and end_date hold the problem's status
// and period (start defaults to eventdate), parent_id its parent problem
// and links the items related to it.

const (
	priorityMajor = "1"
	priorityMinor = "2"
)

func isProblem(c *ClinicalRow) bool {
	return c.Priority == priorityMajor || c.Priority == priorityMinor
}

func (j *journal) problem(i int, c *ClinicalRow) error {
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	fail := func(field string, err error) error { return &fieldError{row: i + 1, field: field, err: err} }
	p := record.Problem{Item: it, Status: c.Status, Significance: "minor", ParentID: ref(c.ParentID), ItemIDs: idList(c.Links)}
	if c.Priority == priorityMajor {
		p.Significance = "major"
	}
	if p.Period.Start, err = parseDate(c.StartDate, c.StartDateF); err != nil {
		return fail("start_date", err)
	}
	if p.Period.Start.IsZero() {
		p.Period.Start = it.Effective
	}
	if p.Period.End, err = parseDate(c.EndDate, c.EndDateF); err != nil {
		return fail("end_date", err)
	}
	if p.Status == "" {
		p.Status = "active"
		if !p.Period.End.IsZero() {
			p.Status = "inactive"
		}
	}
	j.rec.Problems = append(j.rec.Problems, p)
	j.file(c, p.ID)
	return nil
}

func (e *encoder) problem(p *record.Problem) {
	row := e.rowOf(EntityGeneral, "SED003", &p.Item)
	row.Priority = priorityMinor
	if p.Significance == "major" {
		row.Priority = priorityMajor
	}
	row.Status = p.Status
	if !sameDate(p.Period.Start, p.Effective) {
		row.StartDate, row.StartDateF = formatDate(p.Period.Start)
	}
	row.EndDate, row.EndDateF = formatDate(p.Period.End)
	row.ParentID = p.ParentID
	row.Links = joinIDs(p.ItemIDs)
	e.clinical = append(e.clinical, row)
}
