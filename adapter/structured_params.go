package adapter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"
	_ "time/tzdata" // "today" is a UK calendar day; the zone must resolve in images without zoneinfo.

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
	"im1fhir/record"
)

// The parameters of GPConnect-GetStructuredRecord-Operation-1 (gpconnect.md §5.1).
const (
	paramNHSNumber      = "patientNHSNumber"
	paramAllergies      = "includeAllergies"
	paramMedication     = "includeMedication"
	paramConsultations  = "includeConsultations"
	paramProblems       = "includeProblems"
	paramImmunisations  = "includeImmunisations"
	paramUncategorised  = "includeUncategorisedData"
	paramInvestigations = "includeInvestigations"
	paramReferrals      = "includeReferrals"
	paramDiary          = "includeDiaryEntries"

	partResolvedAllergies = "includeResolvedAllergies"
	partIssues            = "includePrescriptionIssues"
	partMedicationFrom    = "medicationSearchFromDate"
	partConsultPeriod     = "consultationSearchPeriod"
	partMostRecent        = "includeNumberOfMostRecent"
	partFilterStatus      = "filterStatus"
	partNotGiven          = "includeNotGiven"
	partStatus            = "includeStatus"
	partUncategorised     = "uncategorisedDataSearchPeriod"
	partInvestigations    = "investigationSearchPeriod"
	partReferrals         = "referralSearchPeriod"
	partDiaryDate         = "diaryEntriesSearchDate"
)

// partKind is the type and rule of a part parameter's value.
type partKind uint8

const (
	partBoolean     partKind = iota + 1
	partPastDate             // full date, not after today
	partFutureDate           // full date, not before today
	partPastPeriod           // full-date start and/or end, not after today, start ≤ end
	partPositiveInt          // positiveInt (an integer > 0 is accepted too)
	partStatusCode           // code "active" or "inactive"
)

// structuredParts lists each clinical-area parameter with the parts it
// takes. A name or part outside this table is unrecognised: a warning, not
// an error (forward compatibility, gpconnect.md §5.1 and §9.12).
var structuredParts = map[string]map[string]partKind{
	paramAllergies:      {partResolvedAllergies: partBoolean},
	paramMedication:     {partIssues: partBoolean, partMedicationFrom: partPastDate},
	paramConsultations:  {partConsultPeriod: partPastPeriod, partMostRecent: partPositiveInt},
	paramProblems:       {partFilterStatus: partStatusCode},
	paramImmunisations:  {partNotGiven: partBoolean, partStatus: partBoolean},
	paramUncategorised:  {partUncategorised: partPastPeriod},
	paramInvestigations: {partInvestigations: partPastPeriod},
	paramReferrals:      {partReferrals: partPastPeriod},
	paramDiary:          {partDiaryDate: partFutureDate},
}

// forbiddenWithConsultations are the parts that may not accompany
// includeConsultations; the same list, less filterStatus, may not accompany
// includeProblems (gpconnect.md §5.1).
var forbiddenWithConsultations = []string{
	paramMedication + "." + partMedicationFrom,
	paramUncategorised + "." + partUncategorised,
	paramProblems + "." + partFilterStatus,
	paramReferrals + "." + partReferrals,
	paramDiary + "." + partDiaryDate,
	paramImmunisations + "." + partNotGiven,
	paramImmunisations + "." + partStatus,
}

// structuredRequest is a validated $gpc.getstructuredrecord request.
type structuredRequest struct {
	NHSNumber record.NHSNumber
	Query     record.StructuredQuery
	// Unrecognised names each parameter ("includeX") or part
	// ("includeAllergies.x") this provider does not know, at the least
	// granular level: an unknown parameter's parts are not listed.
	Unrecognised []string
}

// paramsUnmarshaller is the validating STU3 parser, built once: building
// one costs the library's tables, and it is safe for concurrent use.
var paramsUnmarshaller = sync.OnceValues(func() (*jsonformat.Unmarshaller, error) {
	return jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
})

// ukTime is the zone "today" is reckoned in: GP Connect is a UK service.
var ukTime = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC // unreachable: time/tzdata is embedded above
	}
	return loc
})

// parseStructuredParams validates a POSTed Parameters body against every
// rule of gpconnect.md §5.1 and §9.12–13, with now as the request time. It
// returns a *conformance.Error (4xx) for any request that must be refused:
//
//   - not JSON, not a valid STU3 resource, not a Parameters, a parameter
//     without a name → 422 INVALID_RESOURCE; a known date, period, boolean
//     or integer part whose value the FHIR parser refused (a date with a
//     time, "X2014", "", null) → 422 INVALID_PARAMETER instead;
//   - no recognised parameter, no patientNHSNumber, a known parameter given
//     twice, patientNHSNumber not an Identifier or without a system → 422
//     INVALID_PARAMETER; another identifier system → 400
//     INVALID_IDENTIFIER_SYSTEM; an NHS number failing its check → 400
//     INVALID_NHS_NUMBER;
//   - a part given twice, or both consultation parts → 422 INVALID_RESOURCE
//     (the assurance suite's choice);
//   - a known part without a value or with the wrong type, a partial date,
//     a date with a time or offset, a date after today (diary: before
//     today), a period ending before it starts, an unknown filterStatus,
//     includeAllergies without includeResolvedAllergies, a forbidden
//     combination → 422 INVALID_PARAMETER.
func parseStructuredParams(body []byte, now time.Time) (structuredRequest, error) {
	var req structuredRequest
	u, err := paramsUnmarshaller()
	if err != nil {
		return req, err
	}
	cr, err := u.UnmarshalR3(body)
	if err != nil {
		return req, diagnoseUnparsable(body, err)
	}
	params := cr.GetParameters()
	if params == nil {
		return req, conformance.Errorf(conformance.InvalidResource, "the body must be a FHIR Parameters resource")
	}
	p := paramParser{today: ukDay(now), given: map[string]bool{}}
	recognised := false
	for _, prm := range params.GetParameter() {
		name := prm.GetName().GetValue()
		if name == "" {
			return req, conformance.Errorf(conformance.InvalidResource, "every parameter needs a name")
		}
		parts, isArea := structuredParts[name]
		if name != paramNHSNumber && !isArea {
			req.Unrecognised = append(req.Unrecognised, name)
			continue
		}
		if p.given[name] {
			return req, conformance.Errorf(conformance.InvalidParameter, "parameter %s given more than once", name)
		}
		p.given[name] = true
		recognised = true
		if name == paramNHSNumber {
			if req.NHSNumber, err = nhsNumberParam(prm); err != nil {
				return req, err
			}
			for _, part := range prm.GetPart() {
				req.Unrecognised = append(req.Unrecognised, name+"."+part.GetName().GetValue())
			}
			continue
		}
		if err := p.area(&req, name, parts, prm); err != nil {
			return req, err
		}
	}
	if !recognised {
		return req, conformance.Errorf(conformance.InvalidParameter, "no recognised parameters: %s is required", paramNHSNumber)
	}
	if req.NHSNumber == "" {
		return req, conformance.Errorf(conformance.InvalidParameter, "parameter %s is required", paramNHSNumber)
	}
	return req, p.combinations()
}

// paramParser carries what the checks of one request share.
type paramParser struct {
	today time.Time       // UTC midnight of today's UK date
	given map[string]bool // "param" and "param.part" seen so far
}

// area validates one clinical-area parameter and its parts into the query.
func (p *paramParser) area(req *structuredRequest, name string, kinds map[string]partKind, prm *rpb.Parameters_Parameter) error {
	vals := map[string]partValue{}
	for _, part := range prm.GetPart() {
		pn := part.GetName().GetValue()
		kind, known := kinds[pn]
		if !known {
			req.Unrecognised = append(req.Unrecognised, name+"."+pn)
			continue
		}
		key := name + "." + pn
		if p.given[key] {
			return conformance.Errorf(conformance.InvalidResource, "part %s given more than once", key)
		}
		p.given[key] = true
		v, err := p.value(key, kind, part.GetValue())
		if err != nil {
			return err
		}
		vals[pn] = v
	}
	q := &req.Query
	switch name {
	case paramAllergies:
		v, ok := vals[partResolvedAllergies]
		if !ok {
			return conformance.Errorf(conformance.InvalidParameter, "%s requires the part %s", name, partResolvedAllergies)
		}
		q.Allergies = &record.AllergyQuery{IncludeResolved: v.boolean}
	case paramMedication:
		q.Medications = &record.MedicationQuery{IncludeIssues: vals[partIssues].or(true), From: vals[partMedicationFrom].day}
	case paramConsultations:
		period, hasPeriod := vals[partConsultPeriod]
		recent, hasRecent := vals[partMostRecent]
		if hasPeriod && hasRecent {
			return conformance.Errorf(conformance.InvalidResource, "%s takes %s or %s, not both", name, partConsultPeriod, partMostRecent)
		}
		q.Consultations = &record.ConsultationQuery{Period: period.period, MostRecent: recent.count}
	case paramProblems:
		q.Problems = &record.ProblemQuery{Status: vals[partFilterStatus].code}
	case paramImmunisations:
		q.Immunisations = &record.ImmunisationQuery{IncludeNotGiven: vals[partNotGiven].or(false), IncludeStatus: vals[partStatus].or(true)}
	case paramUncategorised:
		q.Uncategorised = &record.PeriodQuery{Period: vals[partUncategorised].period}
	case paramInvestigations:
		q.Investigations = &record.PeriodQuery{Period: vals[partInvestigations].period}
	case paramReferrals:
		q.Referrals = &record.PeriodQuery{Period: vals[partReferrals].period}
	case paramDiary:
		q.Diary = &record.DiaryQuery{Until: vals[partDiaryDate].day}
	}
	return nil
}

// partValue is one validated part value.
type partValue struct {
	set     bool
	boolean bool
	day     time.Time
	period  record.DateRange
	count   int
	code    string
}

// or is the boolean value, or def when the part was not given.
func (v partValue) or(def bool) bool {
	if !v.set {
		return def
	}
	return v.boolean
}

func (p *paramParser) value(key string, kind partKind, v *rpb.Parameters_Parameter_Value) (partValue, error) {
	bad := func(format string, args ...any) (partValue, error) {
		return partValue{}, conformance.Errorf(conformance.InvalidParameter, "%s %s", key, fmt.Sprintf(format, args...))
	}
	if v == nil || v.GetValue() == nil {
		return bad("has no value")
	}
	out := partValue{set: true}
	switch kind {
	case partBoolean:
		b := v.GetBoolean()
		if b == nil {
			return bad("must be a valueBoolean")
		}
		out.boolean = b.GetValue()
	case partPastDate, partFutureDate:
		d := v.GetDate()
		if d == nil {
			return bad("must be a valueDate")
		}
		day, ok := fullDay(d.GetValueUs(), d.GetTimezone(), d.GetPrecision() == dpb.Date_DAY)
		if !ok {
			return bad("must be a full date (yyyy-mm-dd)")
		}
		if kind == partPastDate && day.After(p.today) {
			return bad("must not be after today")
		}
		if kind == partFutureDate && day.Before(p.today) {
			return bad("must not be before today")
		}
		out.day = day
	case partPastPeriod:
		per := v.GetPeriod()
		if per == nil {
			return bad("must be a valuePeriod")
		}
		if per.GetStart() == nil && per.GetEnd() == nil {
			return bad("has neither a start nor an end")
		}
		for _, e := range []struct {
			name string
			dt   *dpb.DateTime
			into *time.Time
		}{{"start", per.GetStart(), &out.period.From}, {"end", per.GetEnd(), &out.period.To}} {
			if e.dt == nil {
				continue
			}
			day, ok := fullDay(e.dt.GetValueUs(), e.dt.GetTimezone(), e.dt.GetPrecision() == dpb.DateTime_DAY)
			if !ok {
				return bad("%s must be a full date (yyyy-mm-dd), without a time", e.name)
			}
			if day.After(p.today) {
				return bad("%s must not be after today", e.name)
			}
			*e.into = day
		}
		if !out.period.From.IsZero() && !out.period.To.IsZero() && out.period.To.Before(out.period.From) {
			return bad("ends before it starts")
		}
	case partPositiveInt:
		switch {
		case v.GetPositiveInt() != nil:
			out.count = int(v.GetPositiveInt().GetValue())
		case v.GetInteger() != nil && v.GetInteger().GetValue() > 0:
			out.count = int(v.GetInteger().GetValue())
		default:
			return bad("must be a valuePositiveInt greater than 0")
		}
	case partStatusCode:
		c := v.GetCode()
		if c == nil {
			return bad("must be a valueCode")
		}
		if s := c.GetValue(); s != "active" && s != "inactive" {
			return bad("must be active or inactive")
		}
		out.code = c.GetValue()
	}
	return out, nil
}

// combinations enforces the forbidden pairings of gpconnect.md §5.1.
func (p *paramParser) combinations() error {
	for _, anchor := range []string{paramConsultations, paramProblems} {
		if !p.given[anchor] {
			continue
		}
		for _, key := range forbiddenWithConsultations {
			if anchor == paramProblems && key == paramProblems+"."+partFilterStatus {
				continue
			}
			if p.given[key] {
				return conformance.Errorf(conformance.InvalidParameter, "%s may not be combined with %s", key, anchor)
			}
		}
	}
	return nil
}

// nhsNumberParam reads patientNHSNumber: an Identifier in the NHS number
// system whose value passes the modulus 11 check.
func nhsNumberParam(prm *rpb.Parameters_Parameter) (record.NHSNumber, error) {
	id := prm.GetValue().GetIdentifier()
	if id == nil {
		return "", conformance.Errorf(conformance.InvalidParameter, "%s must be a valueIdentifier", paramNHSNumber)
	}
	switch sys := id.GetSystem().GetValue(); sys {
	case gpconnect.SystemNHSNumber:
	case "":
		return "", conformance.Errorf(conformance.InvalidParameter, "%s needs the system %s", paramNHSNumber, gpconnect.SystemNHSNumber)
	default:
		return "", conformance.Errorf(conformance.InvalidIdentifierSystem, "%s system must be %s", paramNHSNumber, gpconnect.SystemNHSNumber)
	}
	n, err := record.ParseNHSNumber(id.GetValue().GetValue())
	if err != nil {
		return "", conformance.Errorf(conformance.InvalidNHSNumber, "%s is not a valid NHS number (10 digits, modulus 11 check digit)", paramNHSNumber)
	}
	return n, nil
}

// fullDay turns a FHIR date or dateTime value of day precision into UTC
// midnight of its calendar day. Day-precision values carry no offset, so
// their zone is the parser's default.
func fullDay(us int64, tz string, dayPrecision bool) (time.Time, bool) {
	if !dayPrecision {
		return time.Time{}, false
	}
	loc := time.UTC
	if tz != "" && tz != "UTC" && tz != "Z" {
		l, err := time.LoadLocation(tz)
		if err != nil {
			return time.Time{}, false
		}
		loc = l
	}
	t := time.UnixMicro(us).In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// ukDay is UTC midnight of t's calendar day in the UK.
func ukDay(t time.Time) time.Time {
	u := t.In(ukTime())
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
}

// diagnoseUnparsable chooses the error for a body the FHIR parser refused.
// The assurance suite sends malformed dates ("X2014", "2015-10-23T11:08:32",
// "", null) and valueless booleans in known parts and expects
// INVALID_PARAMETER; the FHIR parser refuses those before any parameter
// rule runs. So the body is read again loosely: a known part whose value is
// malformed for its type makes it INVALID_PARAMETER (an empty NHS number,
// INVALID_NHS_NUMBER); anything else is INVALID_RESOURCE.
func diagnoseUnparsable(body []byte, parseErr error) error {
	invalid := conformance.Errorf(conformance.InvalidResource, "the body is not a valid FHIR STU3 Parameters resource: %v", parseErr)
	var loose struct {
		ResourceType string                       `json:"resourceType"`
		Parameter    []map[string]json.RawMessage `json:"parameter"`
	}
	if json.Unmarshal(body, &loose) != nil || loose.ResourceType != "Parameters" {
		return invalid
	}
	for _, prm := range loose.Parameter {
		name, _ := jsonText(prm["name"])
		if name == paramNHSNumber {
			var id struct {
				Value json.RawMessage `json:"value"`
			}
			if raw, ok := prm["valueIdentifier"]; ok && json.Unmarshal(raw, &id) == nil && id.Value != nil {
				if s, ok := jsonText(id.Value); !ok || s == "" {
					return conformance.Errorf(conformance.InvalidNHSNumber, "%s has an empty or malformed value", paramNHSNumber)
				}
			}
			continue
		}
		kinds, ok := structuredParts[name]
		if !ok {
			continue
		}
		var parts []map[string]json.RawMessage
		if raw, ok := prm["part"]; ok && json.Unmarshal(raw, &parts) != nil {
			return invalid
		}
		for _, part := range parts {
			pn, _ := jsonText(part["name"])
			if kind, known := kinds[pn]; known && malformed(kind, part) {
				return conformance.Errorf(conformance.InvalidParameter, "%s.%s has a malformed value", name, pn)
			}
		}
	}
	return invalid
}

// malformed reports whether a part holds a value of its kind's FHIR type
// that is not well formed for this operation.
func malformed(kind partKind, part map[string]json.RawMessage) bool {
	switch kind {
	case partBoolean:
		raw, ok := part["valueBoolean"]
		return ok && !bytes.Equal(raw, []byte("true")) && !bytes.Equal(raw, []byte("false"))
	case partPastDate, partFutureDate:
		raw, ok := part["valueDate"]
		return ok && !isFullDate(raw)
	case partPastPeriod:
		raw, ok := part["valuePeriod"]
		if !ok {
			return false
		}
		var per map[string]json.RawMessage
		if json.Unmarshal(raw, &per) != nil || per == nil {
			return true
		}
		for _, k := range []string{"start", "end"} {
			if v, ok := per[k]; ok && !isFullDate(v) {
				return true
			}
		}
	case partPositiveInt:
		for _, k := range []string{"valuePositiveInt", "valueInteger"} {
			if raw, ok := part[k]; ok {
				n, err := strconv.ParseInt(string(raw), 10, 32)
				return err != nil || n <= 0
			}
		}
	case partStatusCode:
		raw, ok := part["valueCode"]
		if !ok {
			return false
		}
		s, isText := jsonText(raw)
		return !isText || s != "active" && s != "inactive"
	}
	return false
}

// isFullDate reports whether raw is a JSON string holding a valid
// yyyy-mm-dd calendar date.
func isFullDate(raw json.RawMessage) bool {
	s, ok := jsonText(raw)
	if !ok || len(s) != len("2006-01-02") {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// jsonText decodes a JSON string.
func jsonText(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// unrecognisedIssues are the forward-compatibility warnings for the
// Bundle's one OperationOutcome entry: one issue per unknown parameter or
// part (gpconnect.md §5.1).
func unrecognisedIssues(names []string) []gpconnect.Issue {
	if len(names) == 0 {
		return nil
	}
	out := make([]gpconnect.Issue, len(names))
	for i, n := range names {
		out[i] = gpconnect.Issue{
			Severity:     "warning",
			Code:         "not-supported",
			SpineCode:    string(conformance.NotImplemented),
			SpineDisplay: conformance.NotImplemented.Display(),
			DetailsText:  n + " is an unrecognised parameter",
			Diagnostics:  n,
		}
	}
	return out
}
