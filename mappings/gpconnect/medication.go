package gpconnect

import (
	"strconv"
	"time"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
	"google.golang.org/protobuf/proto"

	"im1fhir/record"
)

// Resource ids derived from a medication course's id. The authorisation
// MedicationRequest keeps the course id (as EMIS does); the statement and the
// drug get suffixes so the three never collide.
func medicationStatementID(courseID string) string { return courseID + "-MS" }
func medicationID(courseID string) string          { return courseID + "-MED" }

func issueID(courseID string, n int, is record.MedicationIssue) string {
	if is.ID != "" {
		return is.ID
	}
	return courseID + "-ISS-" + strconv.Itoa(n+1)
}

var prescriptionTypeDisplay = map[string]string{
	"acute":               "Acute",
	"repeat":              "Repeat",
	"repeat-dispensing":   "Repeat dispensing",
	"delayed-prescribing": "Delayed prescribing",
}

// medication renders a course as GP Connect's medication triple: a
// CareConnect-GPC-Medication-1 for the drug, a
// CareConnect-GPC-MedicationStatement-1 summarising the course (listed in
// "Medications and medical devices"), a CareConnect-GPC-MedicationRequest-1
// with intent plan for the authorisation and, when prescription issues are
// asked for (the default), one MedicationRequest with intent order per issue,
// basedOn the plan.
func (b *structured) medication(m *record.Medication) []*rpb.ContainedResource {
	drug := m.Drug
	if drug.IsZero() {
		drug = m.Code
	}
	medMeta := newMeta(ProfileMedication, m.LastModified)
	med := &rpb.Medication{Id: id(medicationID(m.ID)), Meta: medMeta, Code: b.co.codeableConcept(drug)}
	seal(med, medMeta)
	medRef := &dpb.Reference{Reference: &dpb.Reference_MedicationId{MedicationId: &dpb.ReferenceId{Value: text(medicationID(m.ID))}}}
	planRef := &dpb.Reference{Reference: &dpb.Reference_MedicationRequestId{MedicationRequestId: &dpb.ReferenceId{Value: text(m.ID)}}}

	includeIssues := b.sel.Query.Medications == nil || b.sel.Query.Medications.IncludeIssues
	var lastIssue record.Date
	for _, is := range m.Issues {
		if is.Issued.Time.After(lastIssue.Time) {
			lastIssue = is.Issued
		}
	}

	// MedicationStatement.
	msMeta := newMeta(ProfileMedicationStatement, m.LastModified)
	ms := &rpb.MedicationStatement{
		Id:           id(medicationStatementID(m.ID)),
		Meta:         msMeta,
		Identifier:   b.identifiers(medicationStatementID(m.ID)),
		BasedOn:      []*dpb.Reference{planRef},
		Context:      b.encounterRef(m.ConsultationID),
		Status:       &cpb.MedicationStatementStatusCode{Value: statementStatus(m.Status)},
		Medication:   &rpb.MedicationStatement_Medication{Medication: &rpb.MedicationStatement_Medication_Reference{Reference: cloneRef(medRef)}},
		DateAsserted: timeDateTime(m.Recorded),
		Subject:      b.patientRef(),
		Taken:        &cpb.MedicationStatementTakenCode{Value: cpb.MedicationStatementTakenCode_UNK},
		Note:         notes(m.Note),
		Dosage:       dosage(m.Dosage),
	}
	if p := b.medicationPeriod(m); p != nil {
		ms.Effective = &rpb.MedicationStatement_Effective{Effective: &rpb.MedicationStatement_Effective_Period{Period: p}}
	}
	agency, agencyDisplay := "prescribed-at-gp-practice", "Prescribed at GP practice"
	if m.OrganisationID != "" && (b.practice == nil || m.OrganisationID != b.practice.Organisation.ID) {
		agency, agencyDisplay = "prescribed-by-another-organisation", "Prescribed by another organisation"
	}
	ms.Extension = exts(
		extCodeableConcept(ExtPrescribingAgency, codingConcept(CodeSystemPrescribingAgency, agency, agencyDisplay)),
		extDateTime(ExtMedicationLastIssueDate, dateTime(lastIssue)),
	)
	seal(ms, msMeta)

	// The authorisation.
	planMeta := newMeta(ProfileMedicationRequest, m.LastModified)
	plan := &rpb.MedicationRequest{
		Id:                id(m.ID),
		Meta:              planMeta,
		Identifier:        b.identifiers(m.ID),
		GroupIdentifier:   &dpb.Identifier{Value: str(m.ID)},
		Status:            &cpb.MedicationRequestStatusCode{Value: requestStatus(m.Status)},
		Intent:            &cpb.MedicationRequestIntentCode{Value: cpb.MedicationRequestIntentCode_PLAN},
		Medication:        &rpb.MedicationRequest_Medication{Medication: &rpb.MedicationRequest_Medication_Reference{Reference: cloneRef(medRef)}},
		Subject:           b.patientRef(),
		Context:           b.encounterRef(m.ConsultationID),
		AuthoredOn:        timeDateTime(m.Recorded),
		Recorder:          b.authorRef(&m.Item),
		Note:              notes(m.Note),
		DosageInstruction: dosage(m.Dosage),
		DispenseRequest: &rpb.MedicationRequest_DispenseRequest{
			ValidityPeriod: b.medicationPeriod(m),
			Quantity:       simpleQuantity(m.Quantity, m.QuantityText),
		},
	}
	plan.Extension = exts(b.prescriptionType(m))
	if m.PrescriptionType == "repeat" || m.PrescriptionType == "repeat-dispensing" {
		plan.Extension = append(plan.Extension, extComplex(ExtMedicationRepeatInfo,
			extUnsignedInt("numberOfRepeatPrescriptionsAllowed", m.AuthorisedIssues),
			extUnsignedInt("numberOfRepeatPrescriptionsIssued", len(m.Issues)),
		))
	}
	if m.Status == "stopped" {
		reason := m.StopReason
		if reason == "" {
			reason = "No information available"
		}
		plan.Extension = append(plan.Extension, extComplex(ExtMedicationStatusReason,
			extDateTime("statusChangeDate", dateTime(m.Period.End)),
			extCodeableConcept("statusReason", textConcept(reason)),
		))
	}
	seal(plan, planMeta)

	out := []*rpb.ContainedResource{Contain(med), Contain(ms), Contain(plan)}
	if !includeIssues {
		return out
	}
	for n, is := range m.Issues {
		modified := is.LastModified
		if modified.IsZero() {
			modified = m.LastModified
		}
		isMeta := newMeta(ProfileMedicationRequest, modified)
		iid := issueID(m.ID, n, is)
		order := &rpb.MedicationRequest{
			Id:                id(iid),
			Meta:              isMeta,
			Identifier:        b.identifiers(iid),
			BasedOn:           []*dpb.Reference{cloneRef(planRef)},
			GroupIdentifier:   &dpb.Identifier{Value: str(m.ID)},
			Status:            &cpb.MedicationRequestStatusCode{Value: cpb.MedicationRequestStatusCode_COMPLETED},
			Intent:            &cpb.MedicationRequestIntentCode{Value: cpb.MedicationRequestIntentCode_ORDER},
			Medication:        &rpb.MedicationRequest_Medication{Medication: &rpb.MedicationRequest_Medication_Reference{Reference: cloneRef(medRef)}},
			Subject:           b.patientRef(),
			AuthoredOn:        dateTime(is.Issued),
			Recorder:          b.practitionerRef(is.AuthorID),
			DosageInstruction: dosage(m.Dosage),
			DispenseRequest: &rpb.MedicationRequest_DispenseRequest{
				ValidityPeriod: issuePeriod(is),
				Quantity:       simpleQuantity(is.Quantity, is.QuantityText),
			},
			Extension: exts(b.prescriptionType(m)),
		}
		if order.Recorder == nil {
			order.Recorder = b.authorRef(&m.Item)
		}
		if is.DurationDays > 0 {
			order.DispenseRequest.ExpectedSupplyDuration = &dpb.Duration{
				Value: decimal(float64(is.DurationDays)), Unit: str("day"), System: uri(CodeSystemUCUM), Code: code("d"),
			}
		}
		seal(order, isMeta)
		out = append(out, Contain(order))
	}
	return out
}

func (b *structured) prescriptionType(m *record.Medication) *dpb.Extension {
	display, ok := prescriptionTypeDisplay[m.PrescriptionType]
	if !ok {
		return nil
	}
	return extCodeableConcept(ExtPrescriptionType, codingConcept(CodeSystemPrescriptionType, m.PrescriptionType, display))
}

// medicationPeriod is the course's period, starting at its effective date
// when the source gave no start.
func (b *structured) medicationPeriod(m *record.Medication) *dpb.Period {
	p := m.Period
	if p.Start.IsZero() {
		p.Start = m.Effective
	}
	return period(p)
}

func issuePeriod(is record.MedicationIssue) *dpb.Period {
	p := record.Period{Start: is.Issued}
	if is.DurationDays > 0 && !is.Issued.IsZero() {
		p.End = record.Date{Time: is.Issued.Time.Add(time.Duration(is.DurationDays) * 24 * time.Hour), Precision: record.PrecisionDay}
	}
	return period(p)
}

func dosage(s string) []*dpb.Dosage {
	if s == "" {
		return nil
	}
	return []*dpb.Dosage{{Text: str(s)}}
}

func statementStatus(s string) cpb.MedicationStatementStatusCode_Value {
	switch s {
	case "completed":
		return cpb.MedicationStatementStatusCode_COMPLETED
	case "stopped":
		return cpb.MedicationStatementStatusCode_STOPPED
	case "entered-in-error":
		return cpb.MedicationStatementStatusCode_ENTERED_IN_ERROR
	}
	return cpb.MedicationStatementStatusCode_ACTIVE
}

func requestStatus(s string) cpb.MedicationRequestStatusCode_Value {
	switch s {
	case "completed":
		return cpb.MedicationRequestStatusCode_COMPLETED
	case "stopped":
		return cpb.MedicationRequestStatusCode_STOPPED
	case "entered-in-error":
		return cpb.MedicationRequestStatusCode_ENTERED_IN_ERROR
	}
	return cpb.MedicationRequestStatusCode_ACTIVE
}

// proto_clone gives each resource its own Reference: the marshaller rewrites
// references in place, so one message must not be shared by two resources.
func cloneRef(r *dpb.Reference) *dpb.Reference {
	if r == nil {
		return nil
	}
	return proto.Clone(r).(*dpb.Reference)
}
