package tpp

import (
	"strings"

	"im1fhir/record"
)

// A problem header is a ClinicalCode with a ProblemSeverity ("Major Episode"
// or "Minor Episode"; a response's "Major"/"Minor" reads the same) and, once
// ended, a ProblemEndDate (inactive). Its id is the Event's (a response's
// ProblemUID wins); its parent problem is its LinkedProblemUID. Related
// items are not listed on the header: they name the problem in their own
// LinkedProblemUID, and Problem.ItemIDs is rebuilt from those, in journal
// order. Qualifiers: sig and status when the elements do not say them,
// pstart when the period starts other than at the entry's date.

func (e *clinicalEncoder) problem(p *record.Problem) {
	ev, uid := e.itemEvent(&p.Item)
	cc := ClinicalCode{Code: conceptToTPP(p.Code), FreeText: p.Note, ProblemSeverity: "Minor Episode"}
	if p.Significance == "major" {
		cc.ProblemSeverity = "Major Episode"
	}
	if p.Significance != "major" && p.Significance != "minor" {
		uid.set("sig", p.Significance)
	}
	cc.ProblemEndDate = dateElem(&uid, "pend", p.Period.End)
	if p.Status != derivedProblemStatus(p.Period.End) {
		uid.set("status", p.Status)
	}
	if p.Period.Start != p.Effective {
		uid.setDate("pstart", p.Period.Start)
	}
	if p.ParentID != "" {
		cc.LinkedProblemUID = []string{p.ParentID}
	}
	var rc roleCodes
	rc.add(roleItem, cc)
	rc.apply(&ev, &uid)
	e.add(ev, uid)
}

func derivedProblemStatus(end record.Date) string {
	if end.IsZero() {
		return "active"
	}
	return "inactive"
}

func (d *clinicalDecoder) problem(e entry, cc ClinicalCode) error {
	p := record.Problem{Item: e.item}
	if id := strings.TrimSpace(cc.ProblemUID); id != "" {
		p.ID = id
	}
	p.ProblemIDs = nil
	p.Code = conceptFromTPP(cc.Code)
	p.Note = cc.FreeText
	if p.Note == "" {
		p.Note = e.text
	}
	sev := strings.ToLower(strings.TrimSpace(cc.ProblemSeverity))
	switch {
	case strings.HasPrefix(sev, "major"):
		p.Significance = "major"
	case strings.HasPrefix(sev, "minor"):
		p.Significance = "minor"
	}
	if v, ok := e.uid.get("sig"); ok {
		p.Significance = v
	}
	var err error
	if p.Period.End, err = dateFromElem(e.uid, "pend", cc.ProblemEndDate); err != nil {
		return err
	}
	p.Status = derivedProblemStatus(p.Period.End)
	if v, ok := e.uid.get("status"); ok {
		p.Status = v
	}
	p.Period.Start = p.Effective
	if dt, ok, err := e.uid.date("pstart"); ok {
		if err != nil {
			return err
		}
		p.Period.Start = dt
	}
	if links := append(uids(cc.LinkedProblemUID), e.item.ProblemIDs...); len(links) > 0 {
		p.ParentID = links[0]
	}
	d.link(p.Item)
	d.out.Problems = append(d.out.Problems, p)
	return nil
}
