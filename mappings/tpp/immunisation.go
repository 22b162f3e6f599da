package tpp

import (
	"strconv"
	"strings"

	"im1fhir/record"
)

// An immunisation is a Vaccination: BatchNumber, Notes (the note), Name (the
// vaccine product as text) and PartType (the dose: "1".."6"; a dose of 0,
// unknown, is written "Primary" and other doses with the dose qualifier).
// Its procedure code, a coded vaccine product, site, route and not-given
// reason are ClinicalCodes beside it in the roles code, vaccine, site, route
// and reason. Qualifiers: notgiven, status (other than "completed").

func (e *clinicalEncoder) immunisation(im *record.Immunisation) {
	ev, uid := e.itemEvent(&im.Item)
	v := Vaccination{BatchNumber: im.Batch, Notes: im.Note, Name: im.Vaccine.Display(), PartType: "Primary",
		LinkedProblemUID: im.ProblemIDs}
	switch {
	case im.Dose >= 1 && im.Dose <= 6:
		v.PartType = strconv.Itoa(im.Dose)
	case im.Dose != 0:
		uid.set("dose", strconv.Itoa(im.Dose))
	}
	if im.NotGiven {
		uid.set("notgiven", "1")
	}
	if im.Status != "completed" {
		uid.set("status", im.Status)
	}
	var rc roleCodes
	rc.addConcept(roleCode, im.Code)
	if len(im.Vaccine.Codings) > 0 {
		rc.addConcept(roleVaccine, im.Vaccine)
	}
	rc.addConcept(roleSite, im.Site)
	rc.addConcept(roleRoute, im.Route)
	rc.addConcept(roleReason, im.Reason)
	rc.apply(&ev, &uid)
	ev.Vaccination = []Vaccination{v}
	e.add(ev, uid)
}

func (d *clinicalDecoder) immunisation(e entry, v *Vaccination) error {
	im := record.Immunisation{Item: withLinks(e.item, v.LinkedProblemUID), Batch: strings.TrimSpace(v.BatchNumber), Status: "completed"}
	im.Note = v.Notes
	if im.Note == "" {
		im.Note = e.text
	}
	im.Code = e.role(roleCode)
	im.Vaccine = e.role(roleVaccine)
	if im.Vaccine.IsZero() {
		im.Vaccine = record.Concept{Text: strings.TrimSpace(v.Name)}
	}
	im.Site, im.Route, im.Reason = e.role(roleSite), e.role(roleRoute), e.role(roleReason)
	part := strings.TrimSpace(v.PartType)
	if n, err := strconv.Atoi(part); err == nil {
		im.Dose = n
	} else if part == "Single" {
		im.Dose = 1
	}
	if s, ok := e.uid.get("dose"); ok {
		im.Dose, _ = strconv.Atoi(s)
	}
	im.NotGiven = e.uid.has("notgiven")
	if s, ok := e.uid.get("status"); ok {
		im.Status = s
	}
	d.link(im.Item)
	d.out.Immunisations = append(d.out.Immunisations, im)
	return nil
}
