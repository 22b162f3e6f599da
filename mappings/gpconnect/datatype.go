package gpconnect

import (
	"strings"
	"time"
	"unicode/utf8"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"

	"im1fhir/record"
)

// This file turns record values into STU3 datatypes. Every time value is
// written with Timezone "Z": jsonformat calls time.LoadLocation for any other
// zone on every value, which dominates marshalling cost.

const utc = "Z"

// Supplier files may carry bytes that are not UTF-8 and control characters
// FHIR strings may not hold (only tab, CR and LF are allowed). protobuf
// refuses invalid UTF-8 (VersionID could not hash it) and the FHIR parser
// refuses control characters, so both are cleaned once, here: invalid bytes
// become U+FFFD and other control characters are dropped.
func text(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			return slowText(s)
		}
	}
	return s
}

func slowText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// strings.Map returns s itself when nothing is dropped.
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
}

func str(s string) *dpb.String { return &dpb.String{Value: text(s)} }
func uri(s string) *dpb.Uri    { return &dpb.Uri{Value: text(s)} }
func id(s string) *dpb.Id      { return &dpb.Id{Value: text(s)} }
func code(s string) *dpb.Code  { return &dpb.Code{Value: text(s)} }

// optStr returns nil for an empty string so that absent values stay absent.
func optStr(s string) *dpb.String {
	if s == "" {
		return nil
	}
	return str(s)
}

func strs(ss []string) []*dpb.String {
	var out []*dpb.String
	for _, s := range ss {
		if s != "" {
			out = append(out, str(s))
		}
	}
	return out
}

// enumValue finds a FHIR code ("not-found", "home") in a generated enum's
// name→number map, whose names are the codes upper-cased with '-' as '_'.
func enumValue(names map[string]int32, fhirCode string) (int32, bool) {
	if fhirCode == "" {
		return 0, false
	}
	v, ok := names[strings.ToUpper(strings.ReplaceAll(fhirCode, "-", "_"))]
	return v, ok && v != 0
}

// civilDay is midnight UTC of the calendar day d shows in its own location,
// which is how a FHIR date with Timezone "Z" must be held (ValueUs is local
// midnight in Timezone).
func civilDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// date renders a record date as a FHIR date at its precision; times are cut
// to the day, because a FHIR date cannot carry them. Nil when not recorded.
func date(d record.Date) *dpb.Date {
	if d.IsZero() {
		return nil
	}
	t := d.Time
	switch d.Precision {
	case record.PrecisionYear:
		return &dpb.Date{ValueUs: time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro(), Timezone: utc, Precision: dpb.Date_YEAR}
	case record.PrecisionMonth:
		return &dpb.Date{ValueUs: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).UnixMicro(), Timezone: utc, Precision: dpb.Date_MONTH}
	}
	return &dpb.Date{ValueUs: civilDay(t).UnixMicro(), Timezone: utc, Precision: dpb.Date_DAY}
}

// dateTime renders a record date as a FHIR dateTime at its precision. Nil
// when not recorded.
func dateTime(d record.Date) *dpb.DateTime {
	if d.IsZero() {
		return nil
	}
	t := d.Time
	switch d.Precision {
	case record.PrecisionYear:
		return &dpb.DateTime{ValueUs: time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro(), Timezone: utc, Precision: dpb.DateTime_YEAR}
	case record.PrecisionMonth:
		return &dpb.DateTime{ValueUs: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).UnixMicro(), Timezone: utc, Precision: dpb.DateTime_MONTH}
	case record.PrecisionDay:
		return &dpb.DateTime{ValueUs: civilDay(t).UnixMicro(), Timezone: utc, Precision: dpb.DateTime_DAY}
	}
	// Minute precision has no FHIR equivalent; seconds are then zero.
	return &dpb.DateTime{ValueUs: t.Truncate(time.Second).UnixMicro(), Timezone: utc, Precision: dpb.DateTime_SECOND}
}

func period(p record.Period) *dpb.Period {
	start, end := dateTime(p.Start), dateTime(p.End)
	if start == nil && end == nil {
		return nil
	}
	return &dpb.Period{Start: start, End: end}
}

// instant renders t to the second in UTC; nil for the zero time.
func instant(t time.Time) *dpb.Instant {
	if t.IsZero() {
		return nil
	}
	return &dpb.Instant{ValueUs: t.Truncate(time.Second).UnixMicro(), Timezone: utc, Precision: dpb.Instant_SECOND}
}

// humanName renders n with the given use when n names none. Nil when the
// name holds nothing.
func humanName(n record.HumanName, defaultUse string) *dpb.HumanName {
	if n.Family == "" && len(n.Given) == 0 && len(n.Prefix) == 0 && len(n.Suffix) == 0 {
		return nil
	}
	out := &dpb.HumanName{
		Family: optStr(n.Family),
		Given:  strs(n.Given),
		Prefix: strs(n.Prefix),
		Suffix: strs(n.Suffix),
	}
	use := n.Use
	if _, ok := enumValue(dpb.NameUseCode_Value_value, use); !ok {
		use = defaultUse
	}
	if v, ok := enumValue(dpb.NameUseCode_Value_value, use); ok {
		out.Use = &dpb.NameUseCode{Value: dpb.NameUseCode_Value(v)}
	}
	return out
}

// address renders a; nil when nothing is held. state is never set (GP
// Connect forbids it); the record has no such field anyway.
func address(a record.Address) *dpb.Address {
	if a.IsZero() {
		return nil
	}
	out := &dpb.Address{
		Line:       strs(a.Lines),
		City:       optStr(a.City),
		District:   optStr(a.District),
		PostalCode: optStr(a.PostalCode),
	}
	if v, ok := enumValue(dpb.AddressUseCode_Value_value, a.Use); ok {
		out.Use = &dpb.AddressUseCode{Value: dpb.AddressUseCode_Value(v)}
	}
	return out
}

func addresses(as []record.Address) []*dpb.Address {
	var out []*dpb.Address
	for _, a := range as {
		if fa := address(a); fa != nil {
			out = append(out, fa)
		}
	}
	return out
}

// telecoms renders contact points with system, value and use, as GP Connect
// requires all three. A point without a value is dropped; an unknown system
// becomes "other"; a missing use takes defaultUse (home for a patient's own
// details, work for organisations and staff).
func telecoms(cps []record.ContactPoint, defaultUse string) []*dpb.ContactPoint {
	var out []*dpb.ContactPoint
	for _, cp := range cps {
		if cp.Value == "" {
			continue
		}
		sys, ok := enumValue(dpb.ContactPointSystemCode_Value_value, cp.System)
		if !ok {
			sys = int32(dpb.ContactPointSystemCode_OTHER)
		}
		use, ok := enumValue(dpb.ContactPointUseCode_Value_value, cp.Use)
		if !ok {
			use, _ = enumValue(dpb.ContactPointUseCode_Value_value, defaultUse)
		}
		out = append(out, &dpb.ContactPoint{
			System: &dpb.ContactPointSystemCode{Value: dpb.ContactPointSystemCode_Value(sys)},
			Value:  str(cp.Value),
			Use:    &dpb.ContactPointUseCode{Value: dpb.ContactPointUseCode_Value(use)},
		})
	}
	return out
}

// gender renders g; anything unrecorded or unrecognised is "unknown", which
// is the honest FHIR value (GP Connect requires gender on Patient).
func gender(g record.Gender) *cpb.AdministrativeGenderCode {
	v, ok := enumValue(cpb.AdministrativeGenderCode_Value_value, string(g))
	if !ok {
		v = int32(cpb.AdministrativeGenderCode_UNKNOWN)
	}
	return &cpb.AdministrativeGenderCode{Value: cpb.AdministrativeGenderCode_Value(v)}
}

func identifier(system, value string) *dpb.Identifier {
	return &dpb.Identifier{System: uri(system), Value: str(value)}
}

func coding(system, c, display string) *dpb.Coding {
	return &dpb.Coding{System: uri(system), Code: code(c), Display: optStr(display)}
}

func orgRef(orgID string) *dpb.Reference {
	if orgID == "" {
		return nil
	}
	return &dpb.Reference{Reference: &dpb.Reference_OrganizationId{OrganizationId: &dpb.ReferenceId{Value: text(orgID)}}}
}

func practitionerRef(practitionerID string) *dpb.Reference {
	if practitionerID == "" {
		return nil
	}
	return &dpb.Reference{Reference: &dpb.Reference_PractitionerId{PractitionerId: &dpb.ReferenceId{Value: text(practitionerID)}}}
}

func locationRef(locationID string) *dpb.Reference {
	if locationID == "" {
		return nil
	}
	return &dpb.Reference{Reference: &dpb.Reference_LocationId{LocationId: &dpb.ReferenceId{Value: text(locationID)}}}
}

// Extension builders. NHS extensions have no typed protos, so they are built
// by URL; one builder per value type because the generated oneof interface
// is unexported.

func extCodeableConcept(url string, cc *dpb.CodeableConcept) *dpb.Extension {
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_CodeableConcept{CodeableConcept: cc}}}
}

func extBoolean(url string, b bool) *dpb.Extension {
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_Boolean{Boolean: &dpb.Boolean{Value: b}}}}
}

func extReference(url string, ref *dpb.Reference) *dpb.Extension {
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_Reference{Reference: ref}}}
}

func extPeriod(url string, p *dpb.Period) *dpb.Extension {
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_Period{Period: p}}}
}

// extComplex is an extension holding only sub-extensions; nil when it would
// be empty (an extension needs a value or children).
func extComplex(url string, children ...*dpb.Extension) *dpb.Extension {
	var kept []*dpb.Extension
	for _, c := range children {
		if c != nil {
			kept = append(kept, c)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return &dpb.Extension{Url: uri(url), Extension: kept}
}
