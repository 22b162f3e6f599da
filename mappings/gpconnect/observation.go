package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

var interpretationDisplay = map[string]string{
	"H": "High", "L": "Low", "N": "Normal", "A": "Abnormal", "HH": "Critically high", "LL": "Critically low",
}

// observation renders an uncategorised item or a test result as
// CareConnect-GPC-Observation-1: status final, the code, effective date,
// issued (when entered), performer, the value (quantity or text), reference
// range, interpretation (HL7 v2 0078 when it is one of its flags, else text),
// the clinician's note as comment and components for compound values such
// as a blood-pressure pair. lab marks a result from an investigation.
func (b *structured) observation(o *record.Observation, lab bool) *rpb.Observation {
	meta := newMeta(ProfileObservation, o.LastModified)
	out := &rpb.Observation{
		Id:         id(o.ID),
		Meta:       meta,
		Identifier: b.identifiers(o.ID),
		Status:     &cpb.ObservationStatusCode{Value: cpb.ObservationStatusCode_FINAL},
		Code:       b.co.codeableConcept(o.Code),
		Subject:    b.patientRef(),
		Context:    b.encounterRef(o.ConsultationID),
		Issued:     instant(o.Recorded),
		Comment:    optStr(o.Note),
	}
	if out.Code == nil {
		out.Code = textConcept("Unknown")
	}
	if lab {
		out.Category = []*dpb.CodeableConcept{codingConcept(CodeSystemObservationCat, "laboratory", "Laboratory")}
	}
	if ref := b.authorRef(&o.Item); ref != nil {
		out.Performer = []*dpb.Reference{ref}
	}
	if dt := dateTime(o.Effective); dt != nil {
		out.Effective = &rpb.Observation_Effective{Effective: &rpb.Observation_Effective_DateTime{DateTime: dt}}
	}
	switch {
	case o.Value != nil:
		out.Value = &rpb.Observation_Value{Value: &rpb.Observation_Value_Quantity{Quantity: quantity(o.Value)}}
	case o.ValueText != "":
		out.Value = &rpb.Observation_Value{Value: &rpb.Observation_Value_StringValue{StringValue: str(o.ValueText)}}
	}
	if o.Range != nil {
		rr := &rpb.Observation_ReferenceRange{Text: optStr(o.Range.Text)}
		if o.Range.Low != nil {
			rr.Low = simpleQuantity(*o.Range.Low, "")
		}
		if o.Range.High != nil {
			rr.High = simpleQuantity(*o.Range.High, "")
		}
		if rr.Low != nil || rr.High != nil || rr.Text != nil {
			out.ReferenceRange = []*rpb.Observation_ReferenceRange{rr}
		}
	}
	if o.Interpretation != "" {
		if d, ok := interpretationDisplay[o.Interpretation]; ok {
			out.Interpretation = codingConcept(CodeSystemV2Interpretation, o.Interpretation, d)
		} else {
			out.Interpretation = textConcept(o.Interpretation)
		}
	}
	for _, c := range o.Components {
		cc := b.co.codeableConcept(c.Code)
		if cc == nil {
			continue // component.code is required
		}
		fc := &rpb.Observation_Component{Code: cc}
		if c.Value != nil {
			fc.Value = &rpb.Observation_Component_Value{Value: &rpb.Observation_Component_Value_Quantity{Quantity: quantity(c.Value)}}
		}
		out.Component = append(out.Component, fc)
	}
	seal(out, meta)
	return out
}
