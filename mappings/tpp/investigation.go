package tpp

import (
	"strings"
	"time"

	"im1fhir/record"
)

// An investigation is a Report: BatteryHeaders (the report's name),
// IssueDate, Result (Abnormal when any result is interpreted outside its
// range, else Normal), Comments (the note), CollectionDate (the first
// specimen's), Type "Pathology" and a FollowUpAction ("No Further Action"
// once filed). Its code, the request's code, each specimen's type and each
// test group's code are ClinicalCodes beside it (roles code, request,
// specimen, group). Each result is an observation Event of its own whose
// EventUID names the report and test group ("report", "group"). Qualifiers:
// issued (the issue time), status (other than "final"), req/reqdate/reqby
// (the request), spec/coll/snote (specimen ids, collection dates, notes),
// grp (test group ids).

func (e *clinicalEncoder) investigation(inv *record.Investigation) {
	ev, uid := e.itemEvent(&inv.Item)
	issue := inv.Issued
	if issue.IsZero() {
		issue = inv.Effective.Time
	}
	r := Report{BatteryHeaders: inv.Code.Display(), Result: "Normal", Comments: inv.Note, Type: "Pathology",
		LinkedProblemUID: inv.ProblemIDs}
	if !issue.IsZero() {
		r.IssueDate = issue.UTC().Format("2006-01-02")
	}
	if back, _ := time.Parse("2006-01-02", r.IssueDate); !back.Equal(inv.Issued) || inv.Issued.IsZero() {
		uid.setTime("issued", inv.Issued)
	}
	if inv.Status != "final" {
		uid.set("status", inv.Status)
	}
	r.FollowUpActions.FollowUpAction.Action = "Need to speak to doctor"
	if inv.Filed {
		r.FollowUpActions.FollowUpAction.Action = "No Further Action"
	}
	var rc roleCodes
	rc.addConcept(roleCode, inv.Code)
	if rq := inv.Request; rq != nil {
		uid.set("req", rq.ID)
		if !rq.Date.IsZero() {
			uid.setDate("reqdate", rq.Date)
		}
		if rq.AuthorID != "" {
			uid.set("reqby", userName(e.practice, rq.AuthorID))
		}
		rc.addConcept(roleRequest, rq.Code)
	}
	if len(inv.Specimens) > 0 {
		var ids, coll, notes []string
		anyNote := false
		for _, s := range inv.Specimens {
			ids = append(ids, s.ID)
			coll = append(coll, formatDateQ(s.Collected))
			notes = append(notes, s.Note)
			anyNote = anyNote || s.Note != ""
			// Every specimen has a type code, empty or not, so that the
			// roles line up with the ids.
			rc.add(roleSpecimen, ClinicalCode{Code: conceptToTPP(s.Type)})
		}
		uid.setList("spec", ids)
		uid.setList("coll", coll)
		if anyNote {
			uid.setList("snote", notes)
		}
		r.CollectionDate = formatDate(inv.Specimens[0].Collected)
	}
	var groups []string
	for _, g := range inv.TestGroups {
		groups = append(groups, g.ID)
		rc.add(roleGroup, ClinicalCode{Code: conceptToTPP(g.Code)})
	}
	if len(groups) > 0 {
		uid.setList("grp", groups)
	}
	for _, o := range allResults(inv) {
		if abnormal(o.Interpretation) {
			r.Result = "Abnormal"
		}
	}
	rc.apply(&ev, &uid)
	ev.Report = []Report{r}
	e.add(ev, uid)
	for _, g := range inv.TestGroups {
		for i := range g.Results {
			e.result(inv.ID, g.ID, &g.Results[i])
		}
	}
	for i := range inv.Results {
		e.result(inv.ID, "", &inv.Results[i])
	}
}

func (e *clinicalEncoder) result(report, group string, o *record.Observation) {
	ev, uid := e.observation(o)
	uid.set("report", report)
	if group != "" {
		uid.set("group", group)
	}
	e.add(ev, uid)
}

func allResults(inv *record.Investigation) []record.Observation {
	out := append([]record.Observation(nil), inv.Results...)
	for _, g := range inv.TestGroups {
		out = append(out, g.Results...)
	}
	return out
}

// abnormal reports an HL7 v2 interpretation outside the normal range.
func abnormal(interp string) bool {
	switch interp {
	case "", "N":
		return false
	}
	return true
}

func (d *clinicalDecoder) investigation(e entry, r *Report) error {
	inv := record.Investigation{Item: withLinks(e.item, r.LinkedProblemUID), Status: "final"}
	inv.Code = e.role(roleCode)
	if inv.Code.IsZero() {
		inv.Code = record.Concept{Text: strings.TrimSpace(r.BatteryHeaders)}
	}
	inv.Note = r.Comments
	if inv.Note == "" {
		inv.Note = e.text
	}
	issued, err := parseDate(r.IssueDate)
	if err != nil {
		return err
	}
	inv.Issued = issued.Time
	if t, ok, err := e.uid.time("issued"); err != nil {
		return err
	} else if ok {
		inv.Issued = t
	}
	if s, ok := e.uid.get("status"); ok {
		inv.Status = s
	}
	inv.Filed = strings.TrimSpace(r.FollowUpActions.FollowUpAction.Action) == "No Further Action"
	if id, ok := e.uid.get("req"); ok {
		rq := &record.TestRequest{ID: id, Code: e.role(roleRequest)}
		if rq.Date, _, err = e.uid.date("reqdate"); err != nil {
			return err
		}
		rq.AuthorID, _ = e.uid.get("reqby")
		inv.Request = rq
	}
	specimenTypes := e.roles[roleSpecimen]
	coll, notes := e.uid.list("coll"), e.uid.list("snote")
	for i, id := range e.uid.list("spec") {
		s := record.Specimen{ID: id}
		if i < len(specimenTypes) {
			s.Type = conceptFromTPP(specimenTypes[i].Code)
		}
		if i < len(coll) {
			if s.Collected, err = parseDate(coll[i]); err != nil {
				return err
			}
		}
		if i < len(notes) {
			s.Note = notes[i]
		}
		inv.Specimens = append(inv.Specimens, s)
	}
	if !e.uid.has("spec") && strings.TrimSpace(r.CollectionDate) != "" {
		// A real report: its collection date is its one specimen's.
		collected, err := parseDate(r.CollectionDate)
		if err != nil {
			return err
		}
		inv.Specimens = []record.Specimen{{ID: inv.ID + "-specimen", Collected: collected}}
	}
	groupCodes := e.roles[roleGroup]
	for i, id := range e.uid.list("grp") {
		g := record.TestGroup{ID: id}
		if i < len(groupCodes) {
			g.Code = conceptFromTPP(groupCodes[i].Code)
		}
		inv.TestGroups = append(inv.TestGroups, g)
	}
	d.link(inv.Item)
	d.out.Investigations = append(d.out.Investigations, inv)
	return nil
}
