package vision

import (
	"errors"

	"im1fhir/record"
)

// Investigations: the sample holds single test results (204, and the scan
// results 215 and 216) with no report around them; each becomes a report
// of one result, the report taking the row's identity (so consultations
// list it) and the result that identity with the suffix -result. Files we
// write hold the report as our entity type 901 (status, issued, filed),
// with its request (902), specimens (903: collected on eventdate, note in
// comment) and test groups (904) whose parent_id is the report, and result
// rows (204) whose parent_id is their test group or the report.

const resultSuffix = "-result"

var errNoReport = errors.New("no report with this identity")

func (j *journal) report(i int, c *ClinicalRow) error {
	if c.Identity == "" {
		return &fieldError{row: i + 1, field: "identity", err: errNoID}
	}
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	inv := record.Investigation{Item: it, Status: c.Status, Filed: boolFlag(c.Filed)}
	if inv.Issued, err = parseTimestamp(c.Issued); err != nil {
		return &fieldError{row: i + 1, field: "issued", err: err}
	}
	if _, dup := j.reports[inv.ID]; dup {
		return &fieldError{row: i + 1, field: "identity", err: errDuplicateID}
	}
	j.reports[inv.ID] = len(j.rec.Investigations)
	j.rec.Investigations = append(j.rec.Investigations, inv)
	j.file(c, inv.ID)
	return nil
}

// standaloneResult makes a report of one result row.
func (j *journal) standaloneResult(i int, c *ClinicalRow) error {
	if c.Identity == "" {
		return &fieldError{row: i + 1, field: "identity", err: errNoID}
	}
	o, _, err := observationOf(i, c)
	if err != nil {
		return err
	}
	inv := record.Investigation{Item: o.Item, Status: "final"}
	o.ID += resultSuffix
	o.ConsultationID, o.ProblemIDs = "", nil
	inv.Results = []record.Observation{o}
	j.rec.Investigations = append(j.rec.Investigations, inv)
	j.file(c, inv.ID)
	return nil
}

// investigationParts attaches requests, specimens, test groups and then
// results to their reports.
func (j *journal) investigationParts(rows []ClinicalRow) error {
	type groupAt struct{ report, group int }
	groups := map[string]groupAt{}
	for _, i := range j.parts {
		c := &rows[i]
		fail := func(field string, err error) error { return &fieldError{row: i + 1, field: field, err: err} }
		ri, ok := j.reports[ref(c.ParentID)]
		if !ok || ref(c.ParentID) == "" {
			return fail("parent_id", errNoReport)
		}
		if !validID(c.Identity) {
			return fail("identity", errBadID)
		}
		if c.Identity == "" && c.EntityTy == EntityTestGroup {
			return fail("identity", errNoID)
		}
		date, err := parseDate(c.EventDate, c.EventDateF)
		if err != nil {
			return fail("eventdate", err)
		}
		inv := &j.rec.Investigations[ri]
		switch c.EntityTy {
		case EntityTestRequest:
			if inv.Request != nil {
				return fail("parent_id", errDuplicateID)
			}
			inv.Request = &record.TestRequest{ID: c.Identity, Code: conceptOf(c), Date: date, AuthorID: ref(c.Clinician)}
		case EntitySpecimen:
			inv.Specimens = append(inv.Specimens, record.Specimen{ID: c.Identity, Type: conceptOf(c), Collected: date, Note: c.Comment})
		case EntityTestGroup:
			if _, dup := groups[c.Identity]; dup {
				return fail("identity", errDuplicateID)
			}
			if _, clash := j.reports[c.Identity]; clash {
				return fail("identity", errDuplicateID)
			}
			groups[c.Identity] = groupAt{ri, len(inv.TestGroups)}
			inv.TestGroups = append(inv.TestGroups, record.TestGroup{ID: c.Identity, Code: conceptOf(c)})
		}
	}
	for _, i := range j.results {
		c := &rows[i]
		parent := ref(c.ParentID)
		if parent == "" {
			parent = ref(c.SummaryID)
		}
		if g, ok := groups[parent]; ok {
			o, _, err := observationOf(i, c)
			if err != nil {
				return err
			}
			tg := &j.rec.Investigations[g.report].TestGroups[g.group]
			tg.Results = append(tg.Results, o)
			continue
		}
		if ri, ok := j.reports[parent]; ok {
			o, _, err := observationOf(i, c)
			if err != nil {
				return err
			}
			j.rec.Investigations[ri].Results = append(j.rec.Investigations[ri].Results, o)
			continue
		}
		// A result whose report is not in the file stands alone.
		if err := j.standaloneResult(i, c); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) investigation(inv *record.Investigation) {
	row := e.rowOf(EntityReport, "", &inv.Item)
	row.Status = inv.Status
	row.Issued = formatTimestamp(inv.Issued)
	row.Filed = flag(inv.Filed)
	e.clinical = append(e.clinical, row)
	part := func(ty EntityType, id string, code record.Concept, date record.Date) ClinicalRow {
		r := ClinicalRow{Identity: id, PracID: e.pracID, EntityTy: ty, MasterID: e.patientID, ParentID: inv.ID, Category: defaultCategory[ty]}
		r.EventDate, r.EventDateF = formatDate(date)
		setConcept(&r, code)
		return r
	}
	if rq := inv.Request; rq != nil {
		r := part(EntityTestRequest, rq.ID, rq.Code, rq.Date)
		r.Clinician = rq.AuthorID
		e.clinical = append(e.clinical, r)
	}
	for _, s := range inv.Specimens {
		r := part(EntitySpecimen, s.ID, s.Type, s.Collected)
		r.Comment = s.Note
		e.clinical = append(e.clinical, r)
	}
	result := func(o *record.Observation, parent string) {
		r := e.observationRow(o, EntityTestResult, true)
		r.ParentID = parent
		e.clinical = append(e.clinical, r)
	}
	for gi := range inv.TestGroups {
		g := &inv.TestGroups[gi]
		e.clinical = append(e.clinical, part(EntityTestGroup, g.ID, g.Code, record.Date{}))
		for k := range g.Results {
			result(&g.Results[k], g.ID)
		}
	}
	for k := range inv.Results {
		result(&inv.Results[k], inv.ID)
	}
}
