package tpp

import (
	"strings"

	"im1fhir/record"
)

// An allergy is a ClinicalCode flagged IsAllergy. A DrugSensitivity beside it
// (Type "Drug") makes it a medication allergy; without one it is an
// environment allergy (GP Connect folds food and the rest into environment).
// The end date is the code's ProblemEndDate (the schema's only end date on a
// coded entry), the end reason the Event's Narrative. Each reaction is a
// further ClinicalCode for its manifestation, with its note as FreeText.
// Qualifiers: status and cat when they are not what the elements say, sev
// (the reactions' severities, in order).

func (e *clinicalEncoder) allergy(a *record.Allergy) {
	ev, uid := e.itemEvent(&a.Item)
	cc := ClinicalCode{Code: conceptToTPP(a.Code), FreeText: a.Note, LinkedProblemUID: a.ProblemIDs, IsAllergy: &Empty{}}
	cc.ProblemEndDate = dateElem(&uid, "ended", a.Ended)
	var rc roleCodes
	rc.add(roleItem, cc)
	var sev []string
	anySev := false
	for _, r := range a.Reactions {
		rc.add(roleReaction, ClinicalCode{Code: conceptToTPP(r.Manifestation), FreeText: r.Note})
		sev = append(sev, r.Severity)
		anySev = anySev || r.Severity != ""
	}
	if anySev {
		uid.setList("sev", sev)
	}
	if a.Category == "medication" {
		ev.DrugSensitivity = []DrugSensitivity{{Type: "Drug"}}
	}
	if a.Category != derivedAllergyCategory(a.Category == "medication") {
		uid.set("cat", a.Category)
	}
	if a.ClinicalStatus != derivedAllergyStatus(a.Ended) {
		uid.set("status", a.ClinicalStatus)
	}
	rc.apply(&ev, &uid)
	ev.Narrative = narrative(a.EndReason)
	e.add(ev, uid)
}

func derivedAllergyCategory(drug bool) string {
	if drug {
		return "medication"
	}
	return "environment"
}

func derivedAllergyStatus(ended record.Date) string {
	if ended.IsZero() {
		return "active"
	}
	return "resolved"
}

func (d *clinicalDecoder) allergy(e entry, cc ClinicalCode) error {
	a := record.Allergy{Item: withLinks(e.item, cc.LinkedProblemUID), EndReason: e.text}
	a.Code = conceptFromTPP(cc.Code)
	a.Note = cc.FreeText
	var err error
	if a.Ended, err = dateFromElem(e.uid, "ended", cc.ProblemEndDate); err != nil {
		return err
	}
	drug := false
	for _, s := range e.ev.DrugSensitivity {
		drug = drug || strings.EqualFold(strings.TrimSpace(s.Type), "Drug") || strings.EqualFold(strings.TrimSpace(s.Type), "Ingredient")
	}
	a.Category = derivedAllergyCategory(drug)
	if v, ok := e.uid.get("cat"); ok {
		a.Category = v
	}
	a.ClinicalStatus = derivedAllergyStatus(a.Ended)
	if v, ok := e.uid.get("status"); ok {
		a.ClinicalStatus = v
	}
	sev := e.uid.list("sev")
	for i, r := range e.roles[roleReaction] {
		re := record.Reaction{Manifestation: conceptFromTPP(r.Code), Note: r.FreeText}
		if i < len(sev) {
			re.Severity = sev[i]
		}
		a.Reactions = append(a.Reactions, re)
	}
	d.link(a.Item)
	d.out.Allergies = append(d.out.Allergies, a)
	return nil
}

// drugSensitivity reads a DrugSensitivity with no allergy code beside it
// (SystmOne's own sensitivity entry): the drug is the Event's Medication
// when there is one, else the free text.
func (d *clinicalDecoder) drugSensitivity(e entry, s *DrugSensitivity) error {
	a := record.Allergy{Item: withLinks(e.item, s.LinkedProblemUID), Category: "medication", ClinicalStatus: "active", EndReason: e.text}
	if len(e.ev.Medication) > 0 {
		a.Code = drugFromTPP(e.ev.Medication[0].Drug)
	} else {
		a.Code = record.Concept{Text: strings.TrimSpace(s.FreeText)}
	}
	a.Note = strings.TrimSpace(s.FreeText)
	d.link(a.Item)
	d.out.Allergies = append(d.out.Allergies, a)
	return nil
}
