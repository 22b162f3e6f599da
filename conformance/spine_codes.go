package conformance

// SpineCode is a code of https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1.
type SpineCode string

// The Spine codes a GP Connect provider produces (gpconnect.md §3).
const (
	InvalidIdentifierSystem    SpineCode = "INVALID_IDENTIFIER_SYSTEM"
	InvalidIdentifierValue     SpineCode = "INVALID_IDENTIFIER_VALUE"
	InvalidNHSNumber           SpineCode = "INVALID_NHS_NUMBER"
	InvalidPatientDemographics SpineCode = "INVALID_PATIENT_DEMOGRAPHICS"
	BadRequest                 SpineCode = "BAD_REQUEST"
	ConflictingValues          SpineCode = "CONFLICTING_VALUES"
	NoPatientConsent           SpineCode = "NO_PATIENT_CONSENT"
	NoOrganisationalConsent    SpineCode = "NO_ORGANISATIONAL_CONSENT"
	// AccessDenied really contains a space (CodeSystem and spec 1.5+).
	AccessDenied            SpineCode = "ACCESS DENIED"
	NoRelationship          SpineCode = "NO_RELATIONSHIP"
	OrganisationNotFound    SpineCode = "ORGANISATION_NOT_FOUND"
	PatientNotFound         SpineCode = "PATIENT_NOT_FOUND"
	PractitionerNotFound    SpineCode = "PRACTITIONER_NOT_FOUND"
	NoRecordFound           SpineCode = "NO_RECORD_FOUND"
	DuplicateRejected       SpineCode = "DUPLICATE_REJECTED"
	FHIRConstraintViolation SpineCode = "FHIR_CONSTRAINT_VIOLATION"
	InvalidResource         SpineCode = "INVALID_RESOURCE"
	InvalidParameter        SpineCode = "INVALID_PARAMETER"
	ReferenceNotFound       SpineCode = "REFERENCE_NOT_FOUND"
	InternalServerError     SpineCode = "INTERNAL_SERVER_ERROR"
	NotImplemented          SpineCode = "NOT_IMPLEMENTED"
	// TooManyRequests and ServiceUnavailable are carried with the CodeSystem's
	// closest codes; GP Connect defines no throttling code of its own.
	PreconditionFailed   SpineCode = "PRECONDITION_FAILED"
	UnsupportedMediaType SpineCode = "UNSUPPORTED_MEDIA_TYPE"
)

// spineEntry is one row of the Spine error table: the display text from the
// CodeSystem (v1.7.0), the FHIR issue type, and the HTTP status it goes with.
type spineEntry struct {
	display string
	issue   string
	status  int
}

var spineTable = map[SpineCode]spineEntry{
	InvalidIdentifierSystem:    {"Invalid identifier system", "value", 400},
	InvalidIdentifierValue:     {"Invalid identifier value", "value", 400},
	InvalidNHSNumber:           {"Invalid NHS number", "value", 400},
	InvalidPatientDemographics: {"Invalid patient demographics", "business-rule", 400},
	BadRequest:                 {"Bad request", "invalid", 400},
	ConflictingValues:          {"Conflicting values have been specified in different fields", "invalid", 400},
	NoPatientConsent:           {"Patient has not provided consent to share data", "forbidden", 403},
	NoOrganisationalConsent:    {"Organisation has not provided consent to share data", "forbidden", 403},
	AccessDenied:               {"Access has been denied to process this request", "forbidden", 403},
	NoRelationship:             {"No legitimate relationship exists with this patient", "forbidden", 403},
	OrganisationNotFound:       {"Organisation not found", "not-found", 404},
	PatientNotFound:            {"Patient not found", "not-found", 404},
	PractitionerNotFound:       {"Practitioner not found", "not-found", 404},
	NoRecordFound:              {"No record found", "not-found", 404},
	DuplicateRejected:          {"Create would lead to creation of a duplicate resource", "duplicate", 409},
	FHIRConstraintViolation:    {"FHIR constraint violated", "conflict", 409},
	InvalidResource:            {"Invalid validation of resource", "invalid", 422},
	InvalidParameter:           {"Invalid parameter", "invalid", 422},
	ReferenceNotFound:          {"Reference not found", "invalid", 422},
	InternalServerError:        {"Unexpected internal server error", "processing", 500},
	NotImplemented:             {"Not implemented", "not-supported", 501},
	PreconditionFailed:         {"Precondition failed", "conflict", 412},
	UnsupportedMediaType:       {"Unsupported media type", "not-supported", 415},
}

// Display is the CodeSystem display of the code.
func (c SpineCode) Display() string { return spineTable[c].display }

// IssueType is the FHIR issue-type code that goes with the Spine code.
func (c SpineCode) IssueType() string { return spineTable[c].issue }

// Status is the HTTP status GP Connect pairs with the code.
func (c SpineCode) Status() int { return spineTable[c].status }

// Known reports whether c is a code this provider produces.
func (c SpineCode) Known() bool { _, ok := spineTable[c]; return ok }
