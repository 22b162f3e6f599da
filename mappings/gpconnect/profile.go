package gpconnect

// Base of every NHS England STU3 StructureDefinition GP Connect uses, and of
// the INTEROPen CareConnect ones on the HL7 UK server.
const (
	nhsStructureDefinition   = "https://fhir.nhs.uk/STU3/StructureDefinition/"
	hl7ukStructureDefinition = "https://fhir.hl7.org.uk/STU3/StructureDefinition/"
)

// Profiles (meta.profile and CapabilityStatement.profile values).
const (
	ProfilePatient          = nhsStructureDefinition + "CareConnect-GPC-Patient-1"
	ProfileOrganization     = nhsStructureDefinition + "CareConnect-GPC-Organization-1"
	ProfilePractitioner     = nhsStructureDefinition + "CareConnect-GPC-Practitioner-1"
	ProfilePractitionerRole = nhsStructureDefinition + "CareConnect-GPC-PractitionerRole-1"
	ProfileLocation         = nhsStructureDefinition + "CareConnect-GPC-Location-1"
	ProfileOperationOutcome = nhsStructureDefinition + "GPConnect-OperationOutcome-1"
	ProfileAppointment      = nhsStructureDefinition + "GPConnect-Appointment-1"
	ProfileSchedule         = nhsStructureDefinition + "GPConnect-Schedule-1"
	ProfileSlot             = nhsStructureDefinition + "GPConnect-Slot-1"
	ProfileSearchsetBundle  = nhsStructureDefinition + "GPConnect-Searchset-Bundle-1"

	ProfileStructuredRecordBundle = nhsStructureDefinition + "GPConnect-StructuredRecord-Bundle-1"
	ProfileAllergyIntolerance     = nhsStructureDefinition + "CareConnect-GPC-AllergyIntolerance-1"
	ProfileMedication             = nhsStructureDefinition + "CareConnect-GPC-Medication-1"
	ProfileMedicationStatement    = nhsStructureDefinition + "CareConnect-GPC-MedicationStatement-1"
	ProfileMedicationRequest      = nhsStructureDefinition + "CareConnect-GPC-MedicationRequest-1"
	ProfileList                   = nhsStructureDefinition + "CareConnect-GPC-List-1"
	ProfileImmunization           = nhsStructureDefinition + "CareConnect-GPC-Immunization-1"
	ProfileProblemHeader          = nhsStructureDefinition + "CareConnect-GPC-ProblemHeader-Condition-1"
	ProfileEncounter              = nhsStructureDefinition + "CareConnect-GPC-Encounter-1"
	ProfileObservation            = nhsStructureDefinition + "CareConnect-GPC-Observation-1"
	ProfileDiagnosticReport       = nhsStructureDefinition + "CareConnect-GPC-DiagnosticReport-1"
	ProfileSpecimen               = nhsStructureDefinition + "CareConnect-GPC-Specimen-1"
	ProfileProcedureRequest       = nhsStructureDefinition + "CareConnect-GPC-ProcedureRequest-1"
	ProfileReferralRequest        = nhsStructureDefinition + "CareConnect-GPC-ReferralRequest-1"
	ProfileDocumentReference      = nhsStructureDefinition + "CareConnect-GPC-DocumentReference-1"
	ProfileHealthcareService      = hl7ukStructureDefinition + "CareConnect-HealthcareService-1"

	// ProfileConditionProblemHeaderLegacy is the problem-header URL as the
	// Foundations CapabilityStatement template (and the assurance suite's
	// Foundations metadata test) spell it. The profile itself is
	// ProfileProblemHeader; the old spelling is only ever listed in the
	// Foundations statement, because the suite counts that exact string.
	ProfileConditionProblemHeaderLegacy = nhsStructureDefinition + "CareConnect-GPC-Condition-ProblemHeader-1"
)

// Extensions.
const (
	ExtNHSNumberVerificationStatus = nhsStructureDefinition + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1"
	ExtRegistrationDetails         = nhsStructureDefinition + "Extension-CareConnect-GPC-RegistrationDetails-1"
	ExtNHSCommunication            = nhsStructureDefinition + "Extension-CareConnect-GPC-NHSCommunication-1"
	// ExtCodingSCTDescID carries the SNOMED description id a clinician
	// picked, inside a Coding (sub-extensions descriptionId, descriptionDisplay).
	ExtCodingSCTDescID = hl7ukStructureDefinition + "Extension-coding-sctdescid"

	ExtDeliveryChannel               = nhsStructureDefinition + "Extension-GPConnect-DeliveryChannel-2"
	ExtPractitionerRole              = nhsStructureDefinition + "Extension-GPConnect-PractitionerRole-1"
	ExtBookingOrganisation           = nhsStructureDefinition + "Extension-GPConnect-BookingOrganisation-1"
	ExtAppointmentCancellationReason = nhsStructureDefinition + "Extension-GPConnect-AppointmentCancellationReason-1"
	ExtListWarningCode               = nhsStructureDefinition + "Extension-CareConnect-GPC-ListWarningCode-1"
)

// Sub-extension URLs (relative names inside a complex extension).
const (
	SubExtRegistrationPeriod     = "registrationPeriod"
	SubExtRegistrationType       = "registrationType"
	SubExtPreferredBranchSurgery = "preferredBranchSurgery"
	SubExtLanguage               = "language"
	SubExtPreferred              = "preferred"
	SubExtInterpreterRequired    = "interpreterRequired"
)

// Identifier systems.
const (
	SystemNHSNumber        = "https://fhir.nhs.uk/Id/nhs-number"
	SystemODSOrganization  = "https://fhir.nhs.uk/Id/ods-organization-code"
	SystemODSSite          = "https://fhir.nhs.uk/Id/ods-site-code"
	SystemSDSUserID        = "https://fhir.nhs.uk/Id/sds-user-id"
	SystemSDSRoleProfileID = "https://fhir.nhs.uk/Id/sds-role-profile-id"
)

// Code systems.
const (
	CodeSystemNHSNumberVerificationStatus = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1"
	CodeSystemRegistrationType            = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1"
	CodeSystemSpineErrorOrWarning         = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1"
	CodeSystemSDSJobRoleName              = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"
	CodeSystemOrganisationType            = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1"
	CodeSystemHumanLanguage               = "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1"
	CodeSystemListEmptyReason             = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1"
)

// FoundationsProfiles lists the profiles for the Foundations and Appointment
// Management CapabilityStatement, each once and without version, following
// the GP Connect CapabilityStatement template (which also names the
// structured profiles) plus the searchset Bundle this service emits.
func FoundationsProfiles() []string {
	return []string{
		ProfilePatient,
		ProfileOrganization,
		ProfilePractitioner,
		ProfilePractitionerRole,
		ProfileLocation,
		ProfileOperationOutcome,
		ProfileAppointment,
		ProfileSchedule,
		ProfileSlot,
		ProfileSearchsetBundle,
		ProfileAllergyIntolerance,
		ProfileMedication,
		ProfileMedicationStatement,
		ProfileMedicationRequest,
		ProfileList,
		ProfileStructuredRecordBundle,
		ProfileImmunization,
		ProfileConditionProblemHeaderLegacy,
		ProfileEncounter,
		ProfileObservation,
		ProfileDiagnosticReport,
		ProfileSpecimen,
		ProfileProcedureRequest,
		ProfileReferralRequest,
	}
}

// StructuredProfiles lists the profiles for the Access Record Structured
// CapabilityStatement, each once, pinned to the StructureDefinition versions
// of Access Record Structured 1.6.2 as the assurance suite's
// Structured162Specification checks them (it counts each exact URL, so the
// /_history suffix must match).
func StructuredProfiles() []string {
	h := func(profile, version string) string { return profile + "/_history/" + version }
	return []string{
		h(ProfilePatient, "1.8"),
		h(ProfileOrganization, "1.4"),
		h(ProfilePractitioner, "1.3"),
		h(ProfilePractitionerRole, "1.2"),
		h(ProfileAllergyIntolerance, "1.7"),
		h(ProfileMedication, "1.2"),
		h(ProfileMedicationStatement, "1.8"),
		h(ProfileMedicationRequest, "1.6"),
		h(ProfileList, "1.7"),
		h(ProfileStructuredRecordBundle, "1.3"),
		h(ProfileOperationOutcome, "1.2"),
		h(ProfileImmunization, "1.5"),
		h(ProfileProblemHeader, "1.8"),
		h(ProfileEncounter, "1.6.1"),
		h(ProfileObservation, "1.7"),
		h(ProfileDiagnosticReport, "1.3"),
		h(ProfileSpecimen, "1.3"),
		h(ProfileProcedureRequest, "1.4"),
		h(ProfileReferralRequest, "1.2"),
		h(ProfileDocumentReference, "1.3"),
		h(ProfileHealthcareService, "1.0"),
	}
}
