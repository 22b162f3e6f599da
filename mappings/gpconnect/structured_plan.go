package gpconnect

import (
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"

	"im1fhir/record"
)

// This file decides which clinical items a structured Bundle holds before
// any resource is built: the primary items of each requested area, the items
// pulled in through consultations and problems (secondary lists), and the
// problems linked to any of them. Building only afterwards lets every
// reference be checked against what the Bundle really holds, so no
// reference dangles.

// kind is the type of a clinical item, which fixes its FHIR resource type.
type kind uint8

const (
	kindAllergy kind = iota + 1
	kindMedication
	kindProblem
	kindConsultation
	kindObservation
	kindImmunisation
	kindInvestigation
	kindReferral
	kindDiary
	kindDocument
	kindCount
)

// kindInfo is what lists and references need per kind: the resource a
// reference points at, and the phrases of the secondary-list codes.
var kindInfo = [kindCount]struct {
	resource string
	// inConsultations and relatedToProblems are the middle words of the
	// GPConnect-SecondaryListValues-1 codes; "" when GP Connect has none.
	inConsultations   string
	relatedToProblems string
}{
	kindAllergy:       {"AllergyIntolerance", "allergies contained in consultations", "allergies related to problems"},
	kindMedication:    {"MedicationStatement", "medications contained in consultations", "medications related to problems"},
	kindProblem:       {"Condition", "problems contained in consultations", ""},
	kindConsultation:  {"Encounter", "", "consultations related to problems"},
	kindObservation:   {"Observation", "uncategorised data contained in consultations", "uncategorised data related to problems"},
	kindImmunisation:  {"Immunization", "immunisations contained in consultations", "immunisations related to problems"},
	kindInvestigation: {"DiagnosticReport", "investigations contained in consultations", "investigations related to problems"},
	kindReferral:      {"ReferralRequest", "outbound referrals in consultations", "outbound referrals related to problems"},
	kindDiary:         {"ProcedureRequest", "diary entries contained in consultations", "diary entries related to problems"},
	kindDocument:      {"DocumentReference", "documents contained in consultations", "documents related to problems"},
}

// itemRef is one clinical item of the patient's record.
type itemRef struct {
	kind kind
	item *record.Item
	ptr  any // *record.Allergy, *record.Medication, ...
}

type itemKey struct {
	kind kind
	id   string
}

// recordIndex finds items of the whole record by id. Problems have their own
// map because GP systems often give a problem header the id of the item it
// heads (EMIS does), and a Condition and an Observation may share an id.
type recordIndex struct {
	items    map[string]itemRef
	problems map[string]*record.Problem
	// problemsOf lists, per problem id, the items that name it in ProblemIDs.
	problemsOf map[string][]itemRef
	// children lists, per problem id, the problems whose ParentID it is.
	children map[string][]*record.Problem
}

func indexRecord(cr *record.ClinicalRecord) *recordIndex {
	ix := &recordIndex{
		items:      map[string]itemRef{},
		problems:   map[string]*record.Problem{},
		problemsOf: map[string][]itemRef{},
		children:   map[string][]*record.Problem{},
	}
	if cr == nil {
		return ix
	}
	add := func(r itemRef) {
		if r.item.ID == "" {
			return
		}
		if _, dup := ix.items[r.item.ID]; !dup {
			ix.items[r.item.ID] = r
		}
		for _, pid := range r.item.ProblemIDs {
			ix.problemsOf[pid] = append(ix.problemsOf[pid], r)
		}
	}
	for i := range cr.Allergies {
		add(itemRef{kindAllergy, &cr.Allergies[i].Item, &cr.Allergies[i]})
	}
	for i := range cr.Medications {
		add(itemRef{kindMedication, &cr.Medications[i].Item, &cr.Medications[i]})
	}
	for i := range cr.Consultations {
		add(itemRef{kindConsultation, &cr.Consultations[i].Item, &cr.Consultations[i]})
	}
	for i := range cr.Observations {
		add(itemRef{kindObservation, &cr.Observations[i].Item, &cr.Observations[i]})
	}
	for i := range cr.Immunisations {
		add(itemRef{kindImmunisation, &cr.Immunisations[i].Item, &cr.Immunisations[i]})
	}
	for i := range cr.Investigations {
		add(itemRef{kindInvestigation, &cr.Investigations[i].Item, &cr.Investigations[i]})
	}
	for i := range cr.Referrals {
		add(itemRef{kindReferral, &cr.Referrals[i].Item, &cr.Referrals[i]})
	}
	for i := range cr.DiaryEntries {
		add(itemRef{kindDiary, &cr.DiaryEntries[i].Item, &cr.DiaryEntries[i]})
	}
	for i := range cr.Documents {
		add(itemRef{kindDocument, &cr.Documents[i].Item, &cr.Documents[i]})
	}
	for i := range cr.Problems {
		p := &cr.Problems[i]
		if p.ID == "" {
			continue
		}
		if _, dup := ix.problems[p.ID]; !dup {
			ix.problems[p.ID] = p
		}
		if p.ParentID != "" {
			ix.children[p.ParentID] = append(ix.children[p.ParentID], p)
		}
		for _, pid := range p.ProblemIDs {
			ix.problemsOf[pid] = append(ix.problemsOf[pid], itemRef{kindProblem, &p.Item, p})
		}
	}
	return ix
}

// secondaryKey names a secondary list: the consultations or problems
// context and the kind of item it lists.
type secondaryKey struct {
	problems bool // false: consultations
	kind     kind
}

// plan is the set of items a Bundle will hold, in the order they were added.
type plan struct {
	ix          *recordIndex
	included    map[itemKey]bool
	order       []itemRef
	secondary   map[secondaryKey][]itemRef
	inSecondary map[secondaryItem]bool
	// secondaryWithheld marks secondary lists (and, with kindProblem under
	// problems, the linked-problems list) where a confidential item was left
	// out.
	secondaryWithheld map[secondaryKey]bool
	linkedProblems    []*record.Problem
	linkedWithheld    bool
}

type secondaryItem struct {
	list secondaryKey
	id   string
}

func newPlan(sel *record.Selection) *plan {
	pl := &plan{
		ix:                indexRecord(sel.Record),
		included:          map[itemKey]bool{},
		secondary:         map[secondaryKey][]itemRef{},
		inSecondary:       map[secondaryItem]bool{},
		secondaryWithheld: map[secondaryKey]bool{},
	}
	q := sel.Query
	// Primary items, area by area.
	if q.Allergies != nil {
		// Ended allergies are contained in their own list, not planned as
		// entries; one that something else links to becomes an entry too.
		for _, a := range sel.Allergies {
			pl.add(itemRef{kindAllergy, &a.Item, a})
		}
	}
	if q.Medications != nil {
		for _, m := range sel.Medications {
			pl.add(itemRef{kindMedication, &m.Item, m})
		}
	}
	if q.Problems != nil {
		for _, p := range sel.Problems {
			pl.add(itemRef{kindProblem, &p.Item, p})
		}
	}
	if q.Consultations != nil {
		for _, c := range sel.Consultations {
			pl.add(itemRef{kindConsultation, &c.Item, c})
		}
	}
	if q.Immunisations != nil {
		for _, im := range sel.Immunisations {
			pl.add(itemRef{kindImmunisation, &im.Item, im})
		}
	}
	if q.Uncategorised != nil {
		for _, o := range sel.Observations {
			pl.add(itemRef{kindObservation, &o.Item, o})
		}
	}
	if q.Investigations != nil {
		for _, inv := range sel.Investigations {
			pl.add(itemRef{kindInvestigation, &inv.Item, inv})
		}
	}
	if q.Referrals != nil {
		for _, r := range sel.Referrals {
			pl.add(itemRef{kindReferral, &r.Item, r})
		}
	}
	if q.Diary != nil {
		for _, d := range sel.DiaryEntries {
			pl.add(itemRef{kindDiary, &d.Item, d})
		}
	}
	primary := len(pl.order)

	// Consultations bring every item recorded in them.
	if q.Consultations != nil {
		for _, c := range sel.Consultations {
			for _, t := range c.Topics {
				if t.ProblemID != "" {
					pl.addSecondary(false, pl.problemRef(t.ProblemID))
				}
				for _, h := range t.Headings {
					for _, iid := range h.ItemIDs {
						pl.addSecondary(false, pl.itemByID(iid))
					}
				}
			}
		}
	}
	// Problems bring their related items, and their parent and children as
	// linked problems.
	if q.Problems != nil {
		for _, p := range sel.Problems {
			for _, iid := range p.ItemIDs {
				pl.addSecondary(true, pl.itemByID(iid))
			}
			for _, r := range pl.ix.problemsOf[p.ID] {
				pl.addSecondary(true, r)
			}
			if p.ParentID != "" {
				pl.linkProblem(p.ParentID)
			}
			for _, ch := range pl.ix.children[p.ID] {
				pl.linkProblem(ch.ID)
			}
		}
	}
	// Any item in the Bundle brings the problems it is linked to.
	for i := 0; i < len(pl.order); i++ {
		r := pl.order[i]
		if r.kind == kindProblem && i < primary {
			continue
		}
		for _, pid := range r.item.ProblemIDs {
			pl.linkProblem(pid)
		}
	}
	for _, a := range sel.EndedAllergies {
		for _, pid := range a.ProblemIDs {
			pl.linkProblem(pid)
		}
	}
	return pl
}

func (pl *plan) has(k kind, itemID string) bool { return pl.included[itemKey{k, itemID}] }

// add includes an item unless it is confidential or already included.
func (pl *plan) add(r itemRef) bool {
	if r.item == nil || r.item.ID == "" || r.item.Confidential {
		return false
	}
	k := itemKey{r.kind, r.item.ID}
	if pl.included[k] {
		return false
	}
	pl.included[k] = true
	pl.order = append(pl.order, r)
	return true
}

// itemByID and problemRef return the zero itemRef when nothing has the id.
func (pl *plan) itemByID(itemID string) itemRef { return pl.ix.items[itemID] }

func (pl *plan) problemRef(problemID string) itemRef {
	p, ok := pl.ix.problems[problemID]
	if !ok {
		return itemRef{}
	}
	return itemRef{kindProblem, &p.Item, p}
}

// addSecondary records r in its secondary list (once) and includes it.
func (pl *plan) addSecondary(problems bool, r itemRef) {
	if r.item == nil {
		return
	}
	if problems && r.kind == kindProblem {
		return
	}
	key := secondaryKey{problems: problems, kind: r.kind}
	if r.item.Confidential {
		pl.secondaryWithheld[key] = true
		return
	}
	pl.add(r)
	if sk := (secondaryItem{key, r.item.ID}); !pl.inSecondary[sk] {
		pl.inSecondary[sk] = true
		pl.secondary[key] = append(pl.secondary[key], r)
	}
}

// linkProblem includes a problem that is not part of the primary query.
func (pl *plan) linkProblem(problemID string) {
	r := pl.problemRef(problemID)
	if r.item == nil {
		return
	}
	if r.item.Confidential {
		pl.linkedWithheld = true
		return
	}
	if pl.add(r) {
		pl.linkedProblems = append(pl.linkedProblems, r.ptr.(*record.Problem))
	}
}

// reference returns a reference to the resource an item becomes, or nil when
// the Bundle does not hold it.
func (pl *plan) reference(r itemRef) *dpb.Reference {
	if r.item == nil || !pl.has(r.kind, r.item.ID) {
		return nil
	}
	return resourceRef(r.kind, resourceID(r))
}

// resourceID is the FHIR id of the resource an item becomes (its primary
// resource: MedicationStatement for a medication).
func resourceID(r itemRef) string {
	if r.kind == kindMedication {
		return medicationStatementID(r.item.ID)
	}
	return r.item.ID
}

func resourceRef(k kind, resID string) *dpb.Reference {
	v := &dpb.ReferenceId{Value: text(resID)}
	ref := &dpb.Reference{}
	switch k {
	case kindAllergy:
		ref.Reference = &dpb.Reference_AllergyIntoleranceId{AllergyIntoleranceId: v}
	case kindMedication:
		ref.Reference = &dpb.Reference_MedicationStatementId{MedicationStatementId: v}
	case kindProblem:
		ref.Reference = &dpb.Reference_ConditionId{ConditionId: v}
	case kindConsultation:
		ref.Reference = &dpb.Reference_EncounterId{EncounterId: v}
	case kindObservation:
		ref.Reference = &dpb.Reference_ObservationId{ObservationId: v}
	case kindImmunisation:
		ref.Reference = &dpb.Reference_ImmunizationId{ImmunizationId: v}
	case kindInvestigation:
		ref.Reference = &dpb.Reference_DiagnosticReportId{DiagnosticReportId: v}
	case kindReferral:
		ref.Reference = &dpb.Reference_ReferralRequestId{ReferralRequestId: v}
	case kindDiary:
		ref.Reference = &dpb.Reference_ProcedureRequestId{ProcedureRequestId: v}
	case kindDocument:
		ref.Reference = &dpb.Reference_DocumentReferenceId{DocumentReferenceId: v}
	default:
		return nil
	}
	return ref
}
