package gpconnect

import (
	"strconv"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// investigation renders a test report as GP Connect's investigation group:
// a CareConnect-GPC-DiagnosticReport-1 (code fixed to 721981007 Diagnostic
// studies report, the source's own code kept as text), a
// CareConnect-GPC-ProcedureRequest-1 for the test request (basedOn), a
// CareConnect-GPC-Specimen-1 per specimen, an Observation per test group
// whose related has-member entries are its results, and an Observation per
// result. The report's result[] lists the test groups and ungrouped results.
// Child ids the source leaves empty are derived from the report id.
func (b *structured) investigation(inv *record.Investigation) []*rpb.ContainedResource {
	var out []*rpb.ContainedResource
	meta := newMeta(ProfileDiagnosticReport, inv.LastModified)
	report := &rpb.DiagnosticReport{
		Id:         id(inv.ID),
		Meta:       meta,
		Identifier: b.identifiers(inv.ID),
		Status:     &cpb.DiagnosticReportStatusCode{Value: reportStatus(inv.Status)},
		Code:       codingConcept(record.SystemSNOMED, "721981007", "Diagnostic studies report"),
		Subject:    b.patientRef(),
		Context:    b.encounterRef(inv.ConsultationID),
		Issued:     instant(inv.Issued),
		Conclusion: optStr(inv.Note),
	}
	if d := inv.Code.Display(); d != "" {
		report.Code.Text = str(d)
	}
	if report.Issued == nil {
		report.Issued = instant(inv.Recorded)
	}
	if dt := dateTime(inv.Effective); dt != nil {
		report.Effective = &rpb.DiagnosticReport_Effective{Effective: &rpb.DiagnosticReport_Effective_DateTime{DateTime: dt}}
	}
	if rq := inv.Request; rq != nil {
		rqID := rq.ID
		if rqID == "" {
			rqID = inv.ID + "-REQ"
		}
		prMeta := newMeta(ProfileProcedureRequest, inv.LastModified)
		pr := &rpb.ProcedureRequest{
			Id:         id(rqID),
			Meta:       prMeta,
			Identifier: b.identifiers(rqID),
			Status:     &cpb.RequestStatusCode{Value: cpb.RequestStatusCode_COMPLETED},
			Intent:     &cpb.RequestIntentCode{Value: cpb.RequestIntentCode_ORDER},
			Code:       b.co.codeableConcept(rq.Code),
			Subject:    b.patientRef(),
			AuthoredOn: dateTime(rq.Date),
		}
		if pr.Code == nil {
			pr.Code = textConcept("Test request")
		}
		if ref := b.practitionerRef(rq.AuthorID); ref != nil {
			pr.Requester = &rpb.ProcedureRequest_Requester{Agent: ref}
		}
		seal(pr, prMeta)
		out = append(out, Contain(pr))
		report.BasedOn = []*dpb.Reference{{Reference: &dpb.Reference_ProcedureRequestId{ProcedureRequestId: &dpb.ReferenceId{Value: text(rqID)}}}}
	}
	var firstSpecimen string
	for i, sp := range inv.Specimens {
		spID := sp.ID
		if spID == "" {
			spID = inv.ID + "-SPEC-" + strconv.Itoa(i)
		}
		if firstSpecimen == "" {
			firstSpecimen = spID
		}
		spMeta := newMeta(ProfileSpecimen, inv.LastModified)
		s := &rpb.Specimen{
			Id:         id(spID),
			Meta:       spMeta,
			Identifier: b.identifiers(spID),
			Type:       b.co.codeableConcept(sp.Type),
			Subject:    b.patientRef(),
			Note:       notes(sp.Note),
		}
		if dt := dateTime(sp.Collected); dt != nil {
			s.Collection = &rpb.Specimen_Collection{Collected: &rpb.Specimen_Collection_Collected{
				Collected: &rpb.Specimen_Collection_Collected_DateTime{DateTime: dt}}}
		}
		seal(s, spMeta)
		out = append(out, Contain(s))
		report.Specimen = append(report.Specimen, &dpb.Reference{Reference: &dpb.Reference_SpecimenId{SpecimenId: &dpb.ReferenceId{Value: text(spID)}}})
	}
	specimenRef := func() *dpb.Reference {
		if firstSpecimen == "" {
			return nil
		}
		return &dpb.Reference{Reference: &dpb.Reference_SpecimenId{SpecimenId: &dpb.ReferenceId{Value: text(firstSpecimen)}}}
	}
	result := func(o record.Observation, n string) *rpb.Observation {
		if o.ID == "" {
			o.ID = inv.ID + "-RES-" + n
		}
		if o.LastModified.IsZero() {
			o.LastModified = inv.LastModified
		}
		if o.AuthorID == "" {
			o.AuthorID = inv.AuthorID
		}
		obs := b.observation(&o, true)
		obs.Specimen = specimenRef()
		if obs.Specimen != nil {
			seal(obs, obs.Meta) // re-seal: the specimen is content too
		}
		return obs
	}
	for gi, g := range inv.TestGroups {
		gID := g.ID
		if gID == "" {
			gID = inv.ID + "-TG-" + strconv.Itoa(gi)
		}
		gMeta := newMeta(ProfileObservation, inv.LastModified)
		group := &rpb.Observation{
			Id:         id(gID),
			Meta:       gMeta,
			Identifier: b.identifiers(gID),
			Status:     &cpb.ObservationStatusCode{Value: cpb.ObservationStatusCode_FINAL},
			Code:       b.co.codeableConcept(g.Code),
			Subject:    b.patientRef(),
			Issued:     instant(inv.Issued),
			Specimen:   specimenRef(),
		}
		if group.Issued == nil {
			group.Issued = instant(inv.Recorded)
		}
		if group.Code == nil {
			group.Code = textConcept("Test group")
		}
		if ref := b.practitionerRef(inv.AuthorID); ref != nil {
			group.Performer = []*dpb.Reference{ref}
		}
		var results []*rpb.ContainedResource
		for ri, r := range g.Results {
			obs := result(r, strconv.Itoa(gi)+"-"+strconv.Itoa(ri))
			group.Related = append(group.Related, &rpb.Observation_Related{
				Type:   &cpb.ObservationRelationshipTypeCode{Value: cpb.ObservationRelationshipTypeCode_HAS_MEMBER},
				Target: &dpb.Reference{Reference: &dpb.Reference_ObservationId{ObservationId: &dpb.ReferenceId{Value: obs.Id.Value}}},
			})
			results = append(results, Contain(obs))
		}
		seal(group, gMeta)
		out = append(out, Contain(group))
		out = append(out, results...)
		report.Result = append(report.Result, &dpb.Reference{Reference: &dpb.Reference_ObservationId{ObservationId: &dpb.ReferenceId{Value: text(gID)}}})
	}
	for ri, r := range inv.Results {
		obs := result(r, strconv.Itoa(ri))
		report.Result = append(report.Result, &dpb.Reference{Reference: &dpb.Reference_ObservationId{ObservationId: &dpb.ReferenceId{Value: obs.Id.Value}}})
		out = append(out, Contain(obs))
	}
	seal(report, meta)
	return append([]*rpb.ContainedResource{Contain(report)}, out...)
}

func reportStatus(s string) cpb.DiagnosticReportStatusCode_Value {
	if v, ok := enumValue(cpb.DiagnosticReportStatusCode_Value_value, s); ok {
		return cpb.DiagnosticReportStatusCode_Value(v)
	}
	return cpb.DiagnosticReportStatusCode_UNKNOWN
}
