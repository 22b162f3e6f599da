package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// diaryProcedureRequest renders a diary entry (a recall, a planned action) as
// a CareConnect-GPC-ProcedureRequest-1 with intent plan, the due date as
// occurrenceDateTime and the author as requester (GP Connect's "Patient
// recall administration" list holds these).
func (b *structured) diaryProcedureRequest(d *record.DiaryEntry) *rpb.ProcedureRequest {
	meta := newMeta(ProfileProcedureRequest, d.LastModified)
	status := requestStatusCode(d.Status)
	if d.Status == "" {
		status = cpb.RequestStatusCode_ACTIVE
	}
	out := &rpb.ProcedureRequest{
		Id:         id(d.ID),
		Meta:       meta,
		Identifier: b.identifiers(d.ID),
		Status:     &cpb.RequestStatusCode{Value: status},
		Intent:     &cpb.RequestIntentCode{Value: cpb.RequestIntentCode_PLAN},
		Code:       b.co.codeableConcept(d.Code),
		Subject:    b.patientRef(),
		Context:    b.encounterRef(d.ConsultationID),
		AuthoredOn: timeDateTime(d.Recorded),
		Note:       notes(d.Note),
	}
	if out.Code == nil {
		out.Code = textConcept("Diary entry")
	}
	due := d.Due
	if due.IsZero() {
		due = d.Effective
	}
	if dt := dateTime(due); dt != nil {
		out.Occurrence = &rpb.ProcedureRequest_Occurrence{Occurrence: &rpb.ProcedureRequest_Occurrence_DateTime{DateTime: dt}}
	}
	if ref := b.authorRef(&d.Item); ref != nil {
		out.Requester = &rpb.ProcedureRequest_Requester{Agent: ref}
	}
	seal(out, meta)
	return out
}
