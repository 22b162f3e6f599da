package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
)

// Issue is one GP Connect OperationOutcome issue.
type Issue struct {
	// Severity is a FHIR issue-severity code: "fatal", "error", "warning",
	// "information".
	Severity string
	// Code is a FHIR issue-type code, e.g. "invalid", "not-found",
	// "not-supported", "processing".
	Code string
	// SpineCode and SpineDisplay are the Spine-ErrorOrWarningCode-1 code and
	// its display, e.g. "PATIENT_NOT_FOUND", "Patient not found".
	SpineCode    string
	SpineDisplay string
	// Diagnostics is the detail GP Connect asks for (mandatory for
	// parameter and validation failures). Never put internal error text or
	// patient identifiers here.
	Diagnostics string
	// DetailsText is details.text, e.g. "includeX is an unrecognised parameter".
	DetailsText string
}

// internalError is what a call without issues renders: an OperationOutcome
// must carry at least one, and a caller that built none has failed.
var internalError = Issue{
	Severity:     "error",
	Code:         "processing",
	SpineCode:    "INTERNAL_SERVER_ERROR",
	SpineDisplay: "Unexpected internal server error",
}

// OperationOutcome builds a GPConnect-OperationOutcome-1 resource with one
// issue per Issue. Each issue carries exactly one details.coding in
// Spine-ErrorOrWarningCode-1 with code and display and no version or
// userSelected, as the profile fixes.
//
// An unknown Severity renders as "error" and an unknown Code as "processing"
// (the library cannot emit codes outside the FHIR value sets, and an error
// response must always be producible). Called with no issues, it renders an
// INTERNAL_SERVER_ERROR issue rather than an invalid resource.
func OperationOutcome(issues ...Issue) *rpb.OperationOutcome {
	if len(issues) == 0 {
		issues = []Issue{internalError}
	}
	out := &rpb.OperationOutcome{
		Meta: &dpb.Meta{Profile: []*dpb.Uri{uri(ProfileOperationOutcome)}},
	}
	for _, is := range issues {
		sev, ok := enumValue(cpb.IssueSeverityCode_Value_value, is.Severity)
		if !ok {
			sev = int32(cpb.IssueSeverityCode_ERROR)
		}
		typ, ok := enumValue(cpb.IssueTypeCode_Value_value, is.Code)
		if !ok {
			typ = int32(cpb.IssueTypeCode_PROCESSING)
		}
		out.Issue = append(out.Issue, &rpb.OperationOutcome_Issue{
			Severity: &cpb.IssueSeverityCode{Value: cpb.IssueSeverityCode_Value(sev)},
			Code:     &cpb.IssueTypeCode{Value: cpb.IssueTypeCode_Value(typ)},
			Details: &dpb.CodeableConcept{
				Coding: []*dpb.Coding{{
					System:  uri(CodeSystemSpineErrorOrWarning),
					Code:    code(is.SpineCode),
					Display: str(is.SpineDisplay),
				}},
				Text: optStr(is.DetailsText),
			},
			Diagnostics: optStr(is.Diagnostics),
		})
	}
	return out
}
