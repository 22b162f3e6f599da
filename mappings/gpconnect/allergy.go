package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// allergyIntolerance renders an allergy as CareConnect-GPC-AllergyIntolerance-1.
// verificationStatus is always "unconfirmed": GP systems record no
// verification, and GP Connect fixes the value. A resolved allergy carries
// the allergyEnd extension (end date and reason). The category is
// medication or environment (GP Connect folds food and the rest into
// environment).
func (b *structured) allergyIntolerance(a *record.Allergy) *rpb.AllergyIntolerance {
	meta := newMeta(ProfileAllergyIntolerance, a.LastModified)
	out := &rpb.AllergyIntolerance{
		Id:                 id(a.ID),
		Meta:               meta,
		Identifier:         b.identifiers(a.ID),
		VerificationStatus: &cpb.AllergyIntoleranceVerificationStatusCode{Value: cpb.AllergyIntoleranceVerificationStatusCode_UNCONFIRMED},
		Code:               b.co.codeableConcept(a.Code),
		Patient:            b.patientRef(),
		AssertedDate:       timeDateTime(a.Recorded),
		Recorder:           b.recorderRef(&a.Item),
		Note:               notes(a.Note),
	}
	resolved := a.ClinicalStatus == "resolved" || !a.Ended.IsZero()
	if resolved {
		out.ClinicalStatus = &cpb.AllergyIntoleranceClinicalStatusCode{Value: cpb.AllergyIntoleranceClinicalStatusCode_RESOLVED}
	} else {
		out.ClinicalStatus = &cpb.AllergyIntoleranceClinicalStatusCode{Value: cpb.AllergyIntoleranceClinicalStatusCode_ACTIVE}
	}
	cat := cpb.AllergyIntoleranceCategoryCode_ENVIRONMENT
	if a.Category == "medication" {
		cat = cpb.AllergyIntoleranceCategoryCode_MEDICATION
	}
	out.Category = []*cpb.AllergyIntoleranceCategoryCode{{Value: cat}}
	if dt := dateTime(a.Effective); dt != nil {
		out.Onset = &rpb.AllergyIntolerance_Onset{Onset: &rpb.AllergyIntolerance_Onset_DateTime{DateTime: dt}}
	}
	if asserter := b.practitionerRef(a.AuthorID); asserter != nil && a.RecorderID != "" && a.RecorderID != a.AuthorID {
		out.Asserter = asserter
	}
	if enc := b.encounterRef(a.ConsultationID); enc != nil {
		out.Extension = append(out.Extension, extReference(ExtAssociatedEncounter, enc))
	}
	if resolved {
		reason := a.EndReason
		if reason == "" {
			// GP Connect requires a reason on an ended allergy; the record
			// holds none, so say so rather than invent one.
			reason = "No information available"
		}
		out.Extension = append(out.Extension, extComplex(ExtAllergyIntoleranceEnd,
			extDateTime("endDate", dateTime(a.Ended)),
			extString("reasonEnded", reason),
		))
	}
	for _, rx := range a.Reactions {
		cc := b.co.codeableConcept(rx.Manifestation)
		if cc == nil {
			continue // manifestation is required (1..*)
		}
		fr := &rpb.AllergyIntolerance_Reaction{
			Manifestation: []*dpb.CodeableConcept{cc},
			Description:   optStr(rx.Note),
		}
		if v, ok := enumValue(cpb.AllergyIntoleranceSeverityCode_Value_value, rx.Severity); ok {
			fr.Severity = &cpb.AllergyIntoleranceSeverityCode{Value: cpb.AllergyIntoleranceSeverityCode_Value(v)}
		}
		out.Reaction = append(out.Reaction, fr)
	}
	seal(out, meta)
	return out
}
