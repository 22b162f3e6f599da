package adapter

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/conformance"
	"im1fhir/record"
)

// Parameters bodies are built from JSON snippets, so each row shows exactly
// what a consumer sends.
func paramsBody(ps ...string) string {
	return `{"resourceType":"Parameters","parameter":[` + strings.Join(ps, ",") + `]}`
}

func nhsParam(system, value string) string {
	return `{"name":"patientNHSNumber","valueIdentifier":{"system":"` + system + `","value":"` + value + `"}}`
}

var pNHS = nhsParam("https://fhir.nhs.uk/Id/nhs-number", nhsActive)

// area is a clinical-area parameter with the given parts.
func area(name string, parts ...string) string {
	if len(parts) == 0 {
		return `{"name":"` + name + `"}`
	}
	return `{"name":"` + name + `","part":[` + strings.Join(parts, ",") + `]}`
}

// part is a part with a value: part("x", `"valueBoolean":true`).
func part(name, value string) string {
	if value == "" {
		return `{"name":"` + name + `"}`
	}
	return `{"name":"` + name + `",` + value + `}`
}

func vDate(d string) string { return `"valueDate":"` + d + `"` }
func vPeriod(start, end string) string {
	var f []string
	if start != "" {
		f = append(f, `"start":"`+start+`"`)
	}
	if end != "" {
		f = append(f, `"end":"`+end+`"`)
	}
	return `"valuePeriod":{` + strings.Join(f, ",") + `}`
}

const (
	vTrue  = `"valueBoolean":true`
	vFalse = `"valueBoolean":false`
)

var pAllergies = area("includeAllergies", part("includeResolvedAllergies", vFalse))

// midnight is UTC midnight of a day, as the query holds dates.
func midnight(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestParseStructuredParamsAccepts covers the well-formed requests: one row
// per part and default, with the query each must produce.
func TestParseStructuredParamsAccepts(t *testing.T) {
	cases := []struct {
		name         string
		body         string
		want         record.StructuredQuery
		unrecognised []string
	}{
		{"NHS number only", paramsBody(pNHS), record.StructuredQuery{}, nil},
		{"allergies with resolved", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue))),
			record.StructuredQuery{Allergies: &record.AllergyQuery{IncludeResolved: true}}, nil},
		{"medication defaults to issues", paramsBody(pNHS, area("includeMedication")),
			record.StructuredQuery{Medications: &record.MedicationQuery{IncludeIssues: true}}, nil},
		{"medication without issues, from a date", paramsBody(pNHS, area("includeMedication", part("includePrescriptionIssues", vFalse), part("medicationSearchFromDate", vDate("2020-01-31")))),
			record.StructuredQuery{Medications: &record.MedicationQuery{From: midnight(2020, 1, 31)}}, nil},
		{"medication from today", paramsBody(pNHS, area("includeMedication", part("medicationSearchFromDate", vDate("2026-11-25")))),
			record.StructuredQuery{Medications: &record.MedicationQuery{IncludeIssues: true, From: midnight(2026, 11, 25)}}, nil},
		{"consultations alone", paramsBody(pNHS, area("includeConsultations")),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{}}, nil},
		{"consultations period", paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", vPeriod("2019-01-01", "2026-11-25")))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{Period: record.DateRange{From: midnight(2019, 1, 1), To: midnight(2026, 11, 25)}}}, nil},
		{"consultations period start only", paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", vPeriod("2019-01-01", "")))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{Period: record.DateRange{From: midnight(2019, 1, 1)}}}, nil},
		{"consultations period end only", paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", vPeriod("", "2019-01-01")))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{Period: record.DateRange{To: midnight(2019, 1, 1)}}}, nil},
		{"consultations period of one day", paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", vPeriod("2019-01-01", "2019-01-01")))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{Period: record.DateRange{From: midnight(2019, 1, 1), To: midnight(2019, 1, 1)}}}, nil},
		{"consultations most recent", paramsBody(pNHS, area("includeConsultations", part("includeNumberOfMostRecent", `"valuePositiveInt":3`))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{MostRecent: 3}}, nil},
		{"most recent as valueInteger", paramsBody(pNHS, area("includeConsultations", part("includeNumberOfMostRecent", `"valueInteger":2`))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{MostRecent: 2}}, nil},
		{"problems active", paramsBody(pNHS, area("includeProblems", part("filterStatus", `"valueCode":"active"`))),
			record.StructuredQuery{Problems: &record.ProblemQuery{Status: "active"}}, nil},
		{"problems inactive", paramsBody(pNHS, area("includeProblems", part("filterStatus", `"valueCode":"inactive"`))),
			record.StructuredQuery{Problems: &record.ProblemQuery{Status: "inactive"}}, nil},
		{"immunisations defaults", paramsBody(pNHS, area("includeImmunisations")),
			record.StructuredQuery{Immunisations: &record.ImmunisationQuery{IncludeStatus: true}}, nil},
		{"immunisations parts", paramsBody(pNHS, area("includeImmunisations", part("includeNotGiven", vTrue), part("includeStatus", vFalse))),
			record.StructuredQuery{Immunisations: &record.ImmunisationQuery{IncludeNotGiven: true}}, nil},
		{"uncategorised period", paramsBody(pNHS, area("includeUncategorisedData", part("uncategorisedDataSearchPeriod", vPeriod("2010-02-03", "")))),
			record.StructuredQuery{Uncategorised: &record.PeriodQuery{Period: record.DateRange{From: midnight(2010, 2, 3)}}}, nil},
		{"investigations period", paramsBody(pNHS, area("includeInvestigations", part("investigationSearchPeriod", vPeriod("", "2020-02-29")))),
			record.StructuredQuery{Investigations: &record.PeriodQuery{Period: record.DateRange{To: midnight(2020, 2, 29)}}}, nil},
		{"referrals period", paramsBody(pNHS, area("includeReferrals", part("referralSearchPeriod", vPeriod("2001-01-01", "2002-01-01")))),
			record.StructuredQuery{Referrals: &record.PeriodQuery{Period: record.DateRange{From: midnight(2001, 1, 1), To: midnight(2002, 1, 1)}}}, nil},
		{"diary until today", paramsBody(pNHS, area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("2026-11-25")))),
			record.StructuredQuery{Diary: &record.DiaryQuery{Until: midnight(2026, 11, 25)}}, nil},
		{"diary until a future day", paramsBody(pNHS, area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("2030-01-01")))),
			record.StructuredQuery{Diary: &record.DiaryQuery{Until: midnight(2030, 1, 1)}}, nil},
		{"problems with filterStatus is not a forbidden combination", paramsBody(pNHS, area("includeProblems", part("filterStatus", `"valueCode":"active"`)), area("includeMedication")),
			record.StructuredQuery{Problems: &record.ProblemQuery{Status: "active"}, Medications: &record.MedicationQuery{IncludeIssues: true}}, nil},
		{"consultations with investigation period is allowed", paramsBody(pNHS, area("includeConsultations"), area("includeInvestigations", part("investigationSearchPeriod", vPeriod("2001-01-01", "")))),
			record.StructuredQuery{Consultations: &record.ConsultationQuery{}, Investigations: &record.PeriodQuery{Period: record.DateRange{From: midnight(2001, 1, 1)}}}, nil},
		{"every area at once", paramsBody(pNHS, pAllergies, area("includeMedication"), area("includeConsultations"), area("includeProblems"),
			area("includeImmunisations"), area("includeUncategorisedData"), area("includeInvestigations"), area("includeReferrals"), area("includeDiaryEntries")),
			record.StructuredQuery{Allergies: &record.AllergyQuery{}, Medications: &record.MedicationQuery{IncludeIssues: true}, Consultations: &record.ConsultationQuery{},
				Problems: &record.ProblemQuery{}, Immunisations: &record.ImmunisationQuery{IncludeStatus: true}, Uncategorised: &record.PeriodQuery{},
				Investigations: &record.PeriodQuery{}, Referrals: &record.PeriodQuery{}, Diary: &record.DiaryQuery{}}, nil},
		// Forward compatibility: unknown names are warnings at the least granular level.
		{"unknown parameter", paramsBody(pNHS, area("includeInvalidMedications", part("includePrescriptionIssues", vTrue))),
			record.StructuredQuery{}, []string{"includeInvalidMedications"}},
		{"unknown part of a known parameter", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue), part("RubbishPartParameter", vTrue))),
			record.StructuredQuery{Allergies: &record.AllergyQuery{IncludeResolved: true}}, []string{"includeAllergies.RubbishPartParameter"}},
		{"three unknown, one with parts", paramsBody(pNHS, area("includeMadeUpParam", part("madeUpPartParam1", `"valueString":"a"`), part("madeUpPartParam2", `"valueString":"b"`)),
			area("madeUpImmunizations"), area("includeConsults")),
			record.StructuredQuery{}, []string{"includeMadeUpParam", "madeUpImmunizations", "includeConsults"}},
		{"a part name sent as a parameter", paramsBody(pNHS, `{"name":"consultationSearchPeriod","valuePeriod":{"start":"2019-01-01"}}`),
			record.StructuredQuery{}, []string{"consultationSearchPeriod"}},
		{"an old part (filterSignificance) is a warning", paramsBody(pNHS, area("includeProblems", part("filterSignificance", `"valueCode":"major"`))),
			record.StructuredQuery{Problems: &record.ProblemQuery{}}, []string{"includeProblems.filterSignificance"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseStructuredParams([]byte(c.body), testNow)
			if err != nil {
				t.Fatalf("parseStructuredParams = %v, want success", err)
			}
			if got.NHSNumber != nhsActive {
				t.Errorf("NHSNumber = %q, want %q", got.NHSNumber, nhsActive)
			}
			if !reflect.DeepEqual(got.Query, c.want) {
				t.Errorf("Query = %s, want %s", queryString(got.Query), queryString(c.want))
			}
			if !reflect.DeepEqual(got.Unrecognised, c.unrecognised) {
				t.Errorf("Unrecognised = %q, want %q", got.Unrecognised, c.unrecognised)
			}
		})
	}
}

// paramRejection is a request the structured record must refuse, with the
// status and Spine code it must be refused with.
type paramRejection struct {
	name   string
	body   string
	status int
	code   conformance.SpineCode
}

// paramRejections lists every refusal rule of gpconnect.md §5.1 and
// §9.12–13, one row each; the parser test and the server test both run it.
func paramRejections() []paramRejection {
	const ip, ir = conformance.InvalidParameter, conformance.InvalidResource
	med := func(v string) string {
		return paramsBody(pNHS, area("includeMedication", part("medicationSearchFromDate", v)))
	}
	consult := func(v string) string {
		return paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", v)))
	}
	cases := []paramRejection{
		{"empty body", ``, 422, ir},
		{"not JSON", `{"resourceType":`, 422, ir},
		{"not a resource", `[]`, 422, ir},
		{"another resource type", `{"resourceType":"Patient"}`, 422, ir},
		{"unknown element on Parameters", `{"resourceType":"Parameters","foo":1,"parameter":[` + pNHS + `]}`, 422, ir},
		{"parameter without a name", paramsBody(pNHS, `{"valueBoolean":true}`), 422, ir},
		{"parameter with an empty name", paramsBody(pNHS, `{"name":"","valueBoolean":true}`), 422, ir},
		{"no parameters", `{"resourceType":"Parameters"}`, 422, ip},
		{"only unknown parameters", paramsBody(area("includeMadeUp")), 422, ip},
		{"patientNHSNumber absent", paramsBody(pAllergies), 422, ip},
		{"patientNHSNumber not an Identifier", paramsBody(`{"name":"patientNHSNumber","valueString":"9476719915"}`, pAllergies), 422, ip},
		{"patientNHSNumber without a value", paramsBody(`{"name":"patientNHSNumber"}`), 422, ip},
		{"NHS number system missing", paramsBody(`{"name":"patientNHSNumber","valueIdentifier":{"value":"9476719915"}}`), 422, ip},
		{"NHS number system unknown", paramsBody(nhsParam("https://example.org/id", nhsActive)), 400, conformance.InvalidIdentifierSystem},
		{"NHS number bad check digit", paramsBody(nhsParam("https://fhir.nhs.uk/Id/nhs-number", "9000000008")), 400, conformance.InvalidNHSNumber},
		{"NHS number 9 digits", paramsBody(nhsParam("https://fhir.nhs.uk/Id/nhs-number", "999999999")), 400, conformance.InvalidNHSNumber},
		{"NHS number not digits", paramsBody(nhsParam("https://fhir.nhs.uk/Id/nhs-number", "34555##4")), 400, conformance.InvalidNHSNumber},
		{"NHS number empty", paramsBody(nhsParam("https://fhir.nhs.uk/Id/nhs-number", "")), 400, conformance.InvalidNHSNumber},
		{"NHS number without value", paramsBody(`{"name":"patientNHSNumber","valueIdentifier":{"system":"https://fhir.nhs.uk/Id/nhs-number"}}`), 400, conformance.InvalidNHSNumber},
		{"patientNHSNumber twice", paramsBody(pNHS, pNHS), 422, ip},
		{"parameter twice", paramsBody(pNHS, area("includeImmunisations"), area("includeImmunisations")), 422, ip},
		{"part twice", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue), part("includeResolvedAllergies", vFalse))), 422, ir},
		{"includeResolvedAllergies missing", paramsBody(pNHS, area("includeAllergies")), 422, ip},
		{"includeResolvedAllergies missing, unknown part given", paramsBody(pNHS, area("includeAllergies", part("RubbishPartParameter", vTrue))), 422, ip},
		{"includeResolvedAllergies without value", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", ""))), 422, ip},
		{"includeResolvedAllergies null", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", `"valueBoolean":null`))), 422, ip},
		{"includeResolvedAllergies not boolean", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", `"valueString":"true"`))), 422, ip},
		{"includeResolvedAllergies a string in valueBoolean", paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", `"valueBoolean":"yes"`))), 422, ip},
		{"mandatory part missing with medication valid too", paramsBody(pNHS, area("includeImmunisations"), area("includeMedication", part("includePrescriptionIssues", vFalse)), area("includeAllergies")), 422, ip},
		{"includePrescriptionIssues without value", paramsBody(pNHS, area("includeMedication", part("includePrescriptionIssues", ""))), 422, ip},
		{"medication date year only", med(vDate("2014")), 422, ip},
		{"medication date year and month", med(vDate("2014-02")), 422, ip},
		{"medication date with time", med(vDate("2015-10-23T11:08:32")), 422, ip},
		{"medication date with time and offset", med(vDate("2015-10-23T11:08:32+00:00")), 422, ip},
		{"medication date garbage", med(vDate("X2014")), 422, ip},
		{"medication date empty", med(vDate("")), 422, ip},
		{"medication date null", med(`"valueDate":null`), 422, ip},
		{"medication date not a calendar day", med(vDate("2015-02-30")), 422, ip},
		{"medication date in the future", med(vDate("2026-11-26")), 422, ip},
		{"medication date as dateTime", med(`"valueDateTime":"2015-10-23"`), 422, ip},
		{"consultation period start after end", consult(vPeriod("2020-01-02", "2020-01-01")), 422, ip},
		{"consultation period end in the future", consult(vPeriod("2020-01-02", "2026-11-26")), 422, ip},
		{"consultation period start in the future", consult(vPeriod("2027-01-01", "")), 422, ip},
		{"consultation period start with time", consult(vPeriod("2015-10-23T11:08:32+00:00", "2015-10-30")), 422, ip},
		{"consultation period start without offset", consult(vPeriod("2015-10-23T11:08:32", "2016-01-12")), 422, ip},
		{"consultation period partial start", consult(vPeriod("2014", "2015-01-01")), 422, ip},
		{"consultation period partial end", consult(vPeriod("2015-12-01", "2016-02")), 422, ip},
		{"consultation period both partial", consult(vPeriod("2018", "2019")), 422, ip},
		{"consultation period garbage end", consult(vPeriod("2015-12-01", "X2016-02")), 422, ip},
		{"consultation period empty start", consult(`"valuePeriod":{"start":"","end":"2019-01-01"}`), 422, ip},
		{"consultation period null end", consult(`"valuePeriod":{"start":"2015-12-01","end":null}`), 422, ip},
		{"consultation period empty", consult(`"valuePeriod":{}`), 422, ip},
		{"consultation period not a Period", consult(vDate("2015-12-01")), 422, ip},
		{"both consultation parts", paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", vPeriod("2019-01-01", "")), part("includeNumberOfMostRecent", `"valuePositiveInt":3`))), 422, ir},
		{"most recent zero", paramsBody(pNHS, area("includeConsultations", part("includeNumberOfMostRecent", `"valuePositiveInt":0`))), 422, ip},
		{"most recent negative integer", paramsBody(pNHS, area("includeConsultations", part("includeNumberOfMostRecent", `"valueInteger":-1`))), 422, ip},
		{"most recent a string", paramsBody(pNHS, area("includeConsultations", part("includeNumberOfMostRecent", `"valueString":"3"`))), 422, ip},
		{"filterStatus unknown code", paramsBody(pNHS, area("includeProblems", part("filterStatus", `"valueCode":"resolved"`))), 422, ip},
		{"filterStatus as string", paramsBody(pNHS, area("includeProblems", part("filterStatus", `"valueString":"active"`))), 422, ip},
		{"filterStatus without value", paramsBody(pNHS, area("includeProblems", part("filterStatus", ""))), 422, ip},
		{"includeNotGiven without value", paramsBody(pNHS, area("includeImmunisations", part("includeNotGiven", ""))), 422, ip},
		{"includeStatus not boolean", paramsBody(pNHS, area("includeImmunisations", part("includeStatus", `"valueCode":"true"`))), 422, ip},
		{"uncategorised period in the future", paramsBody(pNHS, area("includeUncategorisedData", part("uncategorisedDataSearchPeriod", vPeriod("", "2027-01-01")))), 422, ip},
		{"investigation period reversed", paramsBody(pNHS, area("includeInvestigations", part("investigationSearchPeriod", vPeriod("2020-01-01", "2019-01-01")))), 422, ip},
		{"referral period partial", paramsBody(pNHS, area("includeReferrals", part("referralSearchPeriod", vPeriod("2020-01", "")))), 422, ip},
		{"diary date yesterday", paramsBody(pNHS, area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("2026-11-24")))), 422, ip},
		{"diary date partial", paramsBody(pNHS, area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("2027")))), 422, ip},
	}
	// Forbidden combinations: each listed part with includeConsultations,
	// and each but filterStatus with includeProblems.
	forbidden := []struct{ key, param string }{
		{"medicationSearchFromDate", area("includeMedication", part("medicationSearchFromDate", vDate("2020-01-01")))},
		{"uncategorisedDataSearchPeriod", area("includeUncategorisedData", part("uncategorisedDataSearchPeriod", vPeriod("2020-01-01", "")))},
		{"filterStatus", area("includeProblems", part("filterStatus", `"valueCode":"active"`))},
		{"referralSearchPeriod", area("includeReferrals", part("referralSearchPeriod", vPeriod("2020-01-01", "")))},
		{"diaryEntriesSearchDate", area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("2027-01-01")))},
		{"includeNotGiven", area("includeImmunisations", part("includeNotGiven", vTrue))},
		{"includeStatus", area("includeImmunisations", part("includeStatus", vTrue))},
	}
	for _, f := range forbidden {
		cases = append(cases, paramRejection{"includeConsultations with " + f.key, paramsBody(pNHS, area("includeConsultations"), f.param), 422, ip})
		if f.key != "filterStatus" {
			cases = append(cases, paramRejection{"includeProblems with " + f.key, paramsBody(pNHS, f.param, area("includeProblems")), 422, ip})
		}
	}
	return cases
}

// TestParseStructuredParamsRejects runs every refusal rule against the parser.
func TestParseStructuredParamsRejects(t *testing.T) {
	cases := paramRejections()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseStructuredParams([]byte(c.body), testNow)
			if err == nil {
				t.Fatalf("parseStructuredParams = %v, want %d %s", got, c.status, c.code)
			}
			ge, ok := conformance.As(err)
			if !ok {
				t.Fatalf("error %v is not a GP Connect error", err)
			}
			if ge.Status != c.status || ge.Code != c.code {
				t.Errorf("error = %d %s (%s), want %d %s", ge.Status, ge.Code, ge.Diagnostics, c.status, c.code)
			}
			if ge.Diagnostics == "" {
				t.Errorf("no diagnostics: GP Connect requires them for parameter failures")
			}
		})
	}
}

// TestParseStructuredParamsTodayIsUK: "today" is the UK calendar day, so
// just after midnight BST a date that is already today in London is not
// in the future, though UTC is still on the day before.
func TestParseStructuredParamsTodayIsUK(t *testing.T) {
	now := time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC) // 00:30 on 1 July in London
	body := paramsBody(pNHS, area("includeMedication", part("medicationSearchFromDate", vDate("2026-07-01"))))
	if _, err := parseStructuredParams([]byte(body), now); err != nil {
		t.Errorf("today in London refused: %v", err)
	}
	diary := paramsBody(pNHS, area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("2026-06-30"))))
	if _, err := parseStructuredParams([]byte(diary), now); err == nil {
		t.Errorf("yesterday in London accepted as a diary date")
	}
}

func TestUnrecognisedIssues(t *testing.T) {
	if unrecognisedIssues(nil) != nil {
		t.Errorf("no names should give no issues")
	}
	got := unrecognisedIssues([]string{"includeX", "includeAllergies.y"})
	if len(got) != 2 {
		t.Fatalf("%d issues, want 2", len(got))
	}
	is := got[1]
	if is.Severity != "warning" || is.Code != "not-supported" || is.SpineCode != "NOT_IMPLEMENTED" || is.SpineDisplay != "Not implemented" ||
		is.DetailsText != "includeAllergies.y is an unrecognised parameter" || is.Diagnostics != "includeAllergies.y" {
		t.Errorf("issue = %+v", is)
	}
}

// FuzzParseStructuredParams: any body gives a query for a valid NHS number
// or a 4xx GP Connect error, and never panics.
func FuzzParseStructuredParams(f *testing.F) {
	for _, seed := range []string{
		paramsBody(pNHS),
		paramsBody(pNHS, pAllergies, area("includeMedication", part("medicationSearchFromDate", vDate("2020-01-01")))),
		paramsBody(pNHS, area("includeConsultations", part("consultationSearchPeriod", vPeriod("2019-01-01", "2019-02-01")), part("includeNumberOfMostRecent", `"valuePositiveInt":3`))),
		paramsBody(pNHS, area("includeProblems", part("filterStatus", `"valueCode":"active"`)), area("x", part("y", vTrue))),
		paramsBody(pNHS, area("includeDiaryEntries", part("diaryEntriesSearchDate", vDate("X2014")))),
		`{"resourceType":"Parameters","parameter":[{"name":"patientNHSNumber","valueIdentifier":{"value":""}}]}`,
		`{"resourceType":"Patient"}`, `null`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := parseStructuredParams(body, testNow)
		if err != nil {
			ge, ok := conformance.As(err)
			if !ok || ge.Status < 400 || ge.Status > 499 || !ge.Code.Known() {
				t.Fatalf("error %v is not a 4xx GP Connect error", err)
			}
			return
		}
		if _, perr := record.ParseNHSNumber(string(req.NHSNumber)); perr != nil {
			t.Fatalf("accepted invalid NHS number %q", req.NHSNumber)
		}
		if c := req.Query.Consultations; c != nil && c.MostRecent != 0 && (c.Period != record.DateRange{}) {
			t.Fatalf("accepted both consultation parts")
		}
	})
}

func BenchmarkParseStructuredParams(b *testing.B) {
	body := []byte(paramsBody(pNHS, area("includeAllergies", part("includeResolvedAllergies", vTrue)), area("includeMedication", part("includePrescriptionIssues", vFalse)),
		area("includeConsultations", part("includeNumberOfMostRecent", `"valuePositiveInt":3`)), area("includeImmunisations"), area("includeInvestigations", part("investigationSearchPeriod", vPeriod("2010-01-01", "2020-01-01")))))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseStructuredParams(body, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

// queryString renders a query's requested areas for failure messages.
func queryString(q record.StructuredQuery) string {
	var parts []string
	v := reflect.ValueOf(q)
	for i := range v.NumField() {
		if f := v.Field(i); !f.IsNil() {
			parts = append(parts, fmt.Sprintf("%s%+v", v.Type().Field(i).Name, f.Elem().Interface()))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}
