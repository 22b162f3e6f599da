package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// referralRequest renders an outbound referral as
// CareConnect-GPC-ReferralRequest-1: status, intent order, priority, the
// referrer as requester, the recipient Organization when the practice knows
// it (its name goes into a note otherwise), the service requested, and the
// reason — the referral's own clinical code first, then the stated reason.
func (b *structured) referralRequest(r *record.Referral) *rpb.ReferralRequest {
	meta := newMeta(ProfileReferralRequest, r.LastModified)
	out := &rpb.ReferralRequest{
		Id:         id(r.ID),
		Meta:       meta,
		Identifier: b.identifiers(r.ID),
		Status:     &cpb.RequestStatusCode{Value: requestStatusCode(r.Status)},
		Intent:     &cpb.RequestIntentCode{Value: cpb.RequestIntentCode_ORDER},
		Subject:    b.patientRef(),
		Context:    b.encounterRef(r.ConsultationID),
		AuthoredOn: dateTime(r.Effective),
	}
	if out.AuthoredOn == nil {
		out.AuthoredOn = timeDateTime(r.Recorded)
	}
	if v, ok := enumValue(cpb.RequestPriorityCode_Value_value, r.Priority); ok {
		out.Priority = &cpb.RequestPriorityCode{Value: cpb.RequestPriorityCode_Value(v)}
	}
	if ref := b.authorRef(&r.Item); ref != nil {
		out.Requester = &rpb.ReferralRequest_Requester{Agent: ref}
	}
	var recipientNote string
	if ref := b.orgRef(r.RecipientID); ref != nil {
		out.Recipient = []*dpb.Reference{ref}
	} else if r.Recipient != "" {
		recipientNote = "Recipient: " + r.Recipient
	}
	if svc := b.co.codeableConcept(r.Service); svc != nil {
		out.ServiceRequested = []*dpb.CodeableConcept{svc}
	}
	for _, c := range []record.Concept{r.Code, r.Reason} {
		if cc := b.co.codeableConcept(c); cc != nil {
			out.ReasonCode = append(out.ReasonCode, cc)
		}
	}
	out.Note = notes(r.Note, recipientNote)
	seal(out, meta)
	return out
}

// requestStatusCode maps a source status onto FHIR request-status; unknown
// values are "unknown" rather than a guess.
func requestStatusCode(s string) cpb.RequestStatusCode_Value {
	if v, ok := enumValue(cpb.RequestStatusCode_Value_value, s); ok {
		return cpb.RequestStatusCode_Value(v)
	}
	return cpb.RequestStatusCode_UNKNOWN
}
