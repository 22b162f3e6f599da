package fhirapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"im1fhir/terminology"
)

// The JSON shapes served. Hand-written structs keep the hot path
// ($lookup) cheap; tests parse every shape with google/fhir's validating
// unmarshaller for both R4 and STU3.

type coding struct {
	System  string `json:"system,omitempty"`
	Version string `json:"version,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

type param struct {
	Name                 string  `json:"name"`
	ValueString          *string `json:"valueString,omitempty"`
	ValueCode            *string `json:"valueCode,omitempty"`
	ValueURI             *string `json:"valueUri,omitempty"`
	ValueCanonical       *string `json:"valueCanonical,omitempty"`
	ValueBoolean         *bool   `json:"valueBoolean,omitempty"`
	ValueCoding          *coding `json:"valueCoding,omitempty"`
	ValueCodeableConcept *struct {
		Coding []coding `json:"coding,omitempty"`
	} `json:"valueCodeableConcept,omitempty"`
	Part []param `json:"part,omitempty"`
}

type parameters struct {
	ResourceType string  `json:"resourceType"`
	Parameter    []param `json:"parameter,omitempty"`
}

func str(s string) *string { return &s }
func boolp(b bool) *bool   { return &b }

// lookupParameters renders a $lookup result.
func lookupParameters(r terminology.LookupResult, v fhirVersion) parameters {
	p := parameters{ResourceType: "Parameters"}
	add := func(pp param) { p.Parameter = append(p.Parameter, pp) }
	add(param{Name: "name", ValueString: str(r.Name)})
	add(param{Name: "version", ValueString: str(r.Version)})
	add(param{Name: "display", ValueString: str(r.Display)})
	if v == stu3 {
		add(param{Name: "abstract", ValueBoolean: boolp(r.Abstract)})
	}
	for _, d := range r.Designations {
		parts := []param{}
		if d.Language != "" {
			parts = append(parts, param{Name: "language", ValueCode: str(d.Language)})
		}
		if d.UseCode != "" {
			parts = append(parts, param{Name: "use", ValueCoding: &coding{System: d.UseSystem, Code: d.UseCode, Display: d.UseDisplay}})
		}
		parts = append(parts, param{Name: "value", ValueString: str(d.Value)})
		add(param{Name: "designation", Part: parts})
	}
	for _, pr := range r.Properties {
		val := param{Name: "value"}
		switch pr.Type {
		case "boolean":
			val.ValueBoolean = boolp(pr.Value == "true")
		case "code":
			val.ValueCode = str(pr.Value)
		case "Coding":
			sys, code, _ := strings.Cut(pr.Value, "|")
			val.ValueCoding = &coding{System: sys, Code: code}
		default:
			val.ValueString = str(pr.Value)
		}
		add(param{Name: "property", Part: []param{{Name: "code", ValueCode: str(pr.Code)}, val}})
	}
	return p
}

func validateParameters(r terminology.ValidateResult) parameters {
	p := parameters{ResourceType: "Parameters", Parameter: []param{{Name: "result", ValueBoolean: boolp(r.Result)}}}
	if r.Message != "" {
		p.Parameter = append(p.Parameter, param{Name: "message", ValueString: str(r.Message)})
	}
	if r.Display != "" {
		p.Parameter = append(p.Parameter, param{Name: "display", ValueString: str(r.Display)})
	}
	if r.Version != "" {
		// "version" is an R5 out-parameter; earlier parsers accept any name.
		p.Parameter = append(p.Parameter, param{Name: "version", ValueString: str(r.Version)})
	}
	return p
}

type issue struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Details  *struct {
		Text string `json:"text"`
	} `json:"details,omitempty"`
	Diagnostics string `json:"diagnostics,omitempty"`
}

type operationOutcome struct {
	ResourceType string  `json:"resourceType"`
	Issue        []issue `json:"issue"`
}

// Error is an HTTP error with an OperationOutcome issue code.
type Error struct {
	Status  int
	Code    string // FHIR IssueType
	Message string
}

func (e *Error) Error() string { return e.Message }

func badRequest(format string, a ...any) error {
	return &Error{Status: http.StatusBadRequest, Code: "invalid", Message: fmt.Sprintf(format, a...)}
}

// toOutcome maps any error to a status and OperationOutcome. Internal
// errors get a generic text: callers never see internals.
func toOutcome(err error) (int, operationOutcome) {
	status, code, msg := http.StatusInternalServerError, "exception", "internal error"
	var fe *Error
	var ve *terminology.VersionError
	switch {
	case errors.As(err, &fe):
		status, code, msg = fe.Status, fe.Code, fe.Message
	case errors.As(err, &ve):
		status, code = http.StatusNotFound, "not-found"
		msg = fmt.Sprintf("Version %q of %s is not loaded. Valid versions: [%s]", ve.Version, ve.System, strings.Join(ve.Valid, ", "))
	case errors.Is(err, terminology.ErrNotFound):
		status, code, msg = http.StatusNotFound, "code-invalid", err.Error()
	case errors.Is(err, terminology.ErrUnknownSystem):
		status, code, msg = http.StatusBadRequest, "not-supported", err.Error()
	case errors.Is(err, terminology.ErrInvalid):
		status, code, msg = http.StatusBadRequest, "invalid", err.Error()
	}
	msg = strings.TrimPrefix(msg, "terminology: ")
	oo := operationOutcome{ResourceType: "OperationOutcome", Issue: []issue{{Severity: "error", Code: code, Diagnostics: msg}}}
	oo.Issue[0].Details = &struct {
		Text string `json:"text"`
	}{Text: msg}
	return status, oo
}
