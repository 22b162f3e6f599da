package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// condition renders a problem as a CareConnect-GPC-ProblemHeader-Condition-1
// with category problem-list-item, clinicalStatus active or inactive,
// significance (major/minor), the actualProblem (the item it heads, when the
// record holds an item with the problem's id, as EMIS problems do), its
// parent and children (relatedProblemHeader) and related clinical content —
// each reference only when the Bundle holds the target.
func (b *structured) condition(p *record.Problem) *rpb.Condition {
	meta := newMeta(ProfileProblemHeader, p.LastModified)
	out := &rpb.Condition{
		Id:           id(p.ID),
		Meta:         meta,
		Identifier:   b.identifiers(p.ID),
		Category:     []*dpb.CodeableConcept{codingConcept(CodeSystemConditionCategory, "problem-list-item", "Problem List Item")},
		Code:         b.co.codeableConcept(p.Code),
		Subject:      b.patientRef(),
		Context:      b.encounterRef(p.ConsultationID),
		AssertedDate: timeDateTime(p.Recorded),
		Asserter:     b.authorRef(&p.Item),
		Note:         notes(p.Note),
	}
	status := cpb.ConditionClinicalStatusCodesCode_ACTIVE
	if p.Status == "inactive" || p.Status == "resolved" || !p.Period.End.IsZero() {
		status = cpb.ConditionClinicalStatusCodesCode_INACTIVE
	}
	out.ClinicalStatus = &cpb.ConditionClinicalStatusCodesCode{Value: status}
	onset := p.Period.Start
	if onset.IsZero() {
		onset = p.Effective
	}
	if dt := dateTime(onset); dt != nil {
		out.Onset = &rpb.Condition_Onset{Onset: &rpb.Condition_Onset_DateTime{DateTime: dt}}
	}
	if dt := dateTime(p.Period.End); dt != nil {
		out.Abatement = &rpb.Condition_Abatement{Abatement: &rpb.Condition_Abatement_DateTime{DateTime: dt}}
	}

	if actual := b.pl.itemByID(p.ID); actual.item != nil {
		if ref := b.pl.reference(actual); ref != nil {
			out.Extension = append(out.Extension, extReference(ExtActualProblem, ref))
		}
	}
	if p.ParentID != "" && b.pl.has(kindProblem, p.ParentID) {
		out.Extension = append(out.Extension, relatedProblem("parent", p.ParentID))
	}
	for _, ch := range b.pl.ix.children[p.ID] {
		if b.pl.has(kindProblem, ch.ID) {
			out.Extension = append(out.Extension, relatedProblem("child", ch.ID))
		}
	}
	seen := map[itemKey]bool{{kindProblem, p.ID}: true}
	related := func(r itemRef) {
		if r.item == nil || seen[itemKey{r.kind, r.item.ID}] || r.item.ID == p.ID {
			return
		}
		seen[itemKey{r.kind, r.item.ID}] = true
		if ref := b.pl.reference(r); ref != nil {
			out.Extension = append(out.Extension, extReference(ExtRelatedClinicalContent, ref))
		}
	}
	for _, iid := range p.ItemIDs {
		related(b.pl.itemByID(iid))
	}
	for _, r := range b.pl.ix.problemsOf[p.ID] {
		related(r)
	}
	// The Topic Lists that discuss the problem in the returned
	// consultations (EMIS links them the same way).
	if b.sel.Query.Consultations != nil {
		for _, c := range b.sel.Consultations {
			if !b.pl.has(kindConsultation, c.ID) {
				continue
			}
			for ti, t := range c.Topics {
				if t.ProblemID == p.ID {
					out.Extension = append(out.Extension, extReference(ExtRelatedClinicalContent,
						&dpb.Reference{Reference: &dpb.Reference_ListId{ListId: &dpb.ReferenceId{Value: text(topicListID(c.ID, ti))}}}))
				}
			}
		}
	}
	if p.Significance == "major" || p.Significance == "minor" {
		out.Extension = append(out.Extension, extCode(ExtProblemSignificance, p.Significance))
	}
	seal(out, meta)
	return out
}

func relatedProblem(relation, problemID string) *dpb.Extension {
	return extComplex(ExtRelatedProblemHeader,
		extCode("type", relation),
		extReference("target", resourceRef(kindProblem, problemID)),
	)
}
