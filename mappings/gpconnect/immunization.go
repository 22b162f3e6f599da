package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// immunization renders an immunisation as CareConnect-GPC-Immunization-1.
// The clinical code (the vaccination procedure) goes in the
// vaccinationProcedure extension, the product in vaccineCode — or the
// NullFlavor UNK when the source names no product, since vaccineCode is
// required. primarySource is true unless another organisation recorded it.
// A dose number becomes vaccinationProtocol.doseSequence; its required
// targetDisease is NullFlavor UNK (GP systems do not hold it) and doseStatus
// "count".
func (b *structured) immunization(im *record.Immunisation) *rpb.Immunization {
	meta := newMeta(ProfileImmunization, im.LastModified)
	status := cpb.ImmunizationStatusCodesCode_COMPLETED
	if im.Status == "entered-in-error" {
		status = cpb.ImmunizationStatusCodesCode_ENTERED_IN_ERROR
	}
	out := &rpb.Immunization{
		Id:            id(im.ID),
		Meta:          meta,
		Identifier:    b.identifiers(im.ID),
		Status:        &cpb.ImmunizationStatusCodesCode{Value: status},
		NotGiven:      &dpb.Boolean{Value: im.NotGiven},
		VaccineCode:   b.co.codeableConcept(im.Vaccine),
		Patient:       b.patientRef(),
		Encounter:     b.encounterRef(im.ConsultationID),
		Date:          dateTime(im.Effective),
		PrimarySource: &dpb.Boolean{Value: im.OrganisationID == "" || (b.practice != nil && im.OrganisationID == b.practice.Organisation.ID)},
		LotNumber:     optStr(im.Batch),
		Site:          b.co.codeableConcept(im.Site),
		Route:         b.co.codeableConcept(im.Route),
		Note:          notes(im.Note),
	}
	if out.VaccineCode == nil {
		out.VaccineCode = codingConcept(CodeSystemNullFlavor, "UNK", "unknown")
	}
	if proc := b.co.codeableConcept(im.Code); proc != nil {
		out.Extension = append(out.Extension, extCodeableConcept(ExtVaccinationProcedure, proc))
	}
	if dt := timeDateTime(im.Recorded); dt != nil {
		out.Extension = append(out.Extension, extDateTime(ExtDateRecorded, dt))
	}
	if ref := b.authorRef(&im.Item); ref != nil {
		out.Practitioner = []*rpb.Immunization_Practitioner{{
			Role:  codingConcept("http://hl7.org/fhir/v2/0443", "AP", "Administering Provider"),
			Actor: ref,
		}}
	}
	if reason := b.co.codeableConcept(im.Reason); reason != nil {
		if im.NotGiven {
			out.Explanation = &rpb.Immunization_Explanation{ReasonNotGiven: []*dpb.CodeableConcept{reason}}
		} else {
			out.Explanation = &rpb.Immunization_Explanation{Reason: []*dpb.CodeableConcept{reason}}
		}
	}
	if im.Dose > 0 {
		out.VaccinationProtocol = []*rpb.Immunization_VaccinationProtocol{{
			DoseSequence:  &dpb.PositiveInt{Value: uint32(im.Dose)},
			TargetDisease: []*dpb.CodeableConcept{codingConcept(CodeSystemNullFlavor, "UNK", "unknown")},
			DoseStatus:    codingConcept(CodeSystemDoseStatus, "count", "Counts"),
		}}
	}
	seal(out, meta)
	return out
}
