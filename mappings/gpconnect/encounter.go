package gpconnect

import (
	"strconv"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// SNOMED codes of the consultation structure lists.
const (
	codeConsultationList = "325851000000107" // Consultation
	codeTopicList        = "25851000000105"  // Topic (EHR)
	codeHeadingList      = "24781000000107"  // Category (EHR)
)

// encounter renders a consultation as CareConnect-GPC-Encounter-1: status
// finished, the consultation type as text (plus its code when held), the
// author as primary performer and the recorder as REC participant, period,
// location and the practice (or recording organisation) as serviceProvider.
func (b *structured) encounter(c *record.Consultation) *rpb.Encounter {
	meta := newMeta(ProfileEncounter, c.LastModified)
	out := &rpb.Encounter{
		Id:         id(c.ID),
		Meta:       meta,
		Identifier: b.identifiers(c.ID),
		Status:     &cpb.EncounterStatusCode{Value: cpb.EncounterStatusCode_FINISHED},
		Subject:    b.patientRef(),
	}
	typ := b.co.codeableConcept(c.Code)
	if typ == nil {
		typ = textConcept(c.Type)
	} else if typ.Text == nil && c.Type != "" {
		typ.Text = str(c.Type)
	}
	if typ != nil {
		out.Type = []*dpb.CodeableConcept{typ}
	}
	if ref := b.practitionerRef(c.AuthorID); ref != nil {
		out.Participant = append(out.Participant, &rpb.Encounter_Participant{
			Type:       []*dpb.CodeableConcept{codingConcept(CodeSystemV3ParticipantType, "PPRF", "primary performer")},
			Individual: ref,
		})
	}
	if c.RecorderID != "" && c.RecorderID != c.AuthorID {
		if ref := b.practitionerRef(c.RecorderID); ref != nil {
			out.Participant = append(out.Participant, &rpb.Encounter_Participant{
				Type:       []*dpb.CodeableConcept{codingConcept(CodeSystemParticipantType, "REC", "recorder")},
				Individual: ref,
			})
		}
	}
	per := c.Period
	if per.Start.IsZero() {
		per.Start = c.Effective
	}
	out.Period = period(per)
	if ref := b.locationRef(c.LocationID); ref != nil {
		out.Location = []*rpb.Encounter_Location{{Location: ref}}
	}
	provider := c.OrganisationID
	if provider == "" && b.practice != nil {
		provider = b.practice.Organisation.ID
	}
	out.ServiceProvider = b.orgRef(provider)
	seal(out, meta)
	return out
}

// consultationLists renders GP Connect's consultation structure: one
// Consultation List (coded 325851000000107, titled with the consultation
// type) listing a Topic List per topic (25851000000105, linked to its
// problem by relatedProblemHeader), each listing a Heading List per heading
// (24781000000107, titled "History", "Examination"...) that lists the
// items. Items the Bundle does not hold (confidential ones) are left out.
func (b *structured) consultationLists(c *record.Consultation) []*rpb.List {
	encRef := func() *dpb.Reference { return resourceRef(kindConsultation, c.ID) }
	date := dateTime(c.Effective)
	if date == nil {
		date = timeDateTime(c.Recorded)
	}
	newList := func(listID, title, snomed, display string) *rpb.List {
		return &rpb.List{
			Id:        id(listID),
			Meta:      newMeta(ProfileList, c.LastModified),
			Status:    &cpb.ListStatusCode{Value: cpb.ListStatusCode_CURRENT},
			Mode:      &cpb.ListModeCode{Value: cpb.ListModeCode_SNAPSHOT},
			Title:     optStr(title),
			Code:      codingConcept(record.SystemSNOMED, snomed, display),
			Subject:   b.patientRef(),
			Encounter: encRef(),
			Date:      cloneDateTime(date),
			OrderedBy: codingConcept(CodeSystemListOrder, "system", "Sorted by System"),
		}
	}
	title := c.Type
	if title == "" {
		title = c.Code.Display()
	}
	if title == "" {
		title = "Consultation"
	}
	consList := newList(c.ID+"-LST", title, codeConsultationList, "Consultation")
	out := []*rpb.List{consList}
	for ti, t := range c.Topics {
		topicID := topicListID(c.ID, ti)
		topicTitle := t.Title
		if topicTitle == "" && t.ProblemID != "" {
			if pr := b.pl.problemRef(t.ProblemID); pr.item != nil && !pr.item.Confidential {
				topicTitle = pr.item.Code.Display()
			}
		}
		topic := newList(topicID, topicTitle, codeTopicList, "Topic (EHR)")
		if t.ProblemID != "" && b.pl.has(kindProblem, t.ProblemID) {
			topic.Extension = append(topic.Extension, extComplex(ExtRelatedProblemHeader,
				extReference("target", resourceRef(kindProblem, t.ProblemID))))
		}
		consList.Entry = append(consList.Entry, listEntry(&dpb.Reference{Reference: &dpb.Reference_ListId{ListId: &dpb.ReferenceId{Value: text(topicID)}}}))
		out = append(out, topic)
		for hi, h := range t.Headings {
			var refs []*dpb.Reference
			for _, iid := range h.ItemIDs {
				if ref := b.pl.reference(b.pl.itemByID(iid)); ref != nil {
					refs = append(refs, ref)
				}
			}
			if len(refs) == 0 {
				continue
			}
			headingID := topicID + "-HD" + strconv.Itoa(hi)
			heading := newList(headingID, h.Title, codeHeadingList, "Category (EHR)")
			for _, ref := range refs {
				heading.Entry = append(heading.Entry, listEntry(ref))
			}
			topic.Entry = append(topic.Entry, listEntry(&dpb.Reference{Reference: &dpb.Reference_ListId{ListId: &dpb.ReferenceId{Value: text(headingID)}}}))
			out = append(out, heading)
		}
	}
	return out
}

func cloneDateTime(dt *dpb.DateTime) *dpb.DateTime {
	if dt == nil {
		return nil
	}
	return &dpb.DateTime{ValueUs: dt.ValueUs, Timezone: dt.Timezone, Precision: dt.Precision}
}

// topicListID is the id of a consultation's ti-th Topic List.
func topicListID(consultationID string, ti int) string {
	return consultationID + "-TOP" + strconv.Itoa(ti)
}

func listEntry(ref *dpb.Reference) *rpb.List_Entry { return &rpb.List_Entry{Item: ref} }
