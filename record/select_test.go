package record

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

var selectNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func year(y int) Date {
	return Date{Time: time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}
}
func month(y int, m time.Month) Date {
	return Date{Time: time.Date(y, m, 15, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}
}
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func item(id string, eff Date) Item { return Item{ID: id, Effective: eff} }

func secret(it Item) Item { it.Confidential = true; return it }

// selectionRecord holds, per area, items on either side of every boundary
// the tests probe, including partial and missing dates.
func selectionRecord() *ClinicalRecord {
	return &ClinicalRecord{
		Allergies: []Allergy{
			{Item: item("a-active", DateOf(2020, 1, 1)), ClinicalStatus: "active"},
			{Item: item("a-resolved", DateOf(2015, 1, 1)), ClinicalStatus: "resolved"},
			{Item: item("a-ended-date", DateOf(2016, 1, 1)), ClinicalStatus: "active", Ended: DateOf(2018, 1, 1)},
			{Item: item("a-ends-later", DateOf(2016, 1, 1)), ClinicalStatus: "active", Ended: DateOf(2027, 1, 1)},
			{Item: secret(item("a-secret", DateOf(2019, 1, 1))), ClinicalStatus: "active"},
		},
		Medications: []Medication{
			{Item: item("m-ongoing", Date{}), Status: "active", Period: Period{Start: DateOf(2010, 1, 1)}},
			{Item: item("m-ended-before", Date{}), Status: "completed", Period: Period{Start: DateOf(2010, 1, 1), End: DateOf(2019, 12, 31)}},
			{Item: item("m-ends-on-day", Date{}), Status: "completed", Period: Period{Start: DateOf(2010, 1, 1), End: DateOf(2020, 1, 1)}},
			{Item: item("m-ends-in-month", Date{}), Status: "stopped", Period: Period{Start: DateOf(2010, 1, 1), End: month(2020, time.January)}},
			{Item: item("m-stopped-undated-end", Date{}), Status: "stopped", Period: Period{Start: DateOf(2010, 1, 1)},
				Issues: []MedicationIssue{{ID: "i1", Issued: DateOf(2021, 3, 1)}}},
			{Item: item("m-stopped-old", Date{}), Status: "stopped", Period: Period{Start: DateOf(2010, 1, 1)},
				Issues: []MedicationIssue{{ID: "i2", Issued: DateOf(2011, 3, 1)}}},
			{Item: item("m-undated", Date{}), Status: "completed"},
			{Item: secret(item("m-secret", Date{})), Status: "active", Period: Period{Start: DateOf(2010, 1, 1)}},
		},
		Consultations: []Consultation{
			{Item: item("c-2018", DateOf(2018, 5, 1))},
			{Item: item("c-2019-year", year(2019))},
			{Item: item("c-2020-03", Date{}), Period: Period{Start: DateOf(2020, 3, 10)}},
			{Item: secret(item("c-2021-secret", DateOf(2021, 1, 1)))},
			{Item: item("c-2022", DateOf(2022, 7, 7))},
			{Item: item("c-undated", Date{})},
		},
		Problems: []Problem{
			{Item: item("p-active", DateOf(2020, 1, 1)), Status: "active"},
			{Item: item("p-inactive", DateOf(2010, 1, 1)), Status: "inactive"},
			{Item: secret(item("p-secret-inactive", DateOf(2011, 1, 1))), Status: "inactive"},
		},
		Immunisations: []Immunisation{
			{Item: item("im-given", DateOf(2020, 1, 1)), Status: "completed"},
			{Item: item("im-not-given", DateOf(2021, 1, 1)), NotGiven: true},
			{Item: secret(item("im-secret-not-given", DateOf(2021, 1, 1))), NotGiven: true},
		},
		Observations: []Observation{
			{Item: item("o-day-before", DateOf(2019, 12, 31))},
			{Item: item("o-first-day", DateOf(2020, 1, 1))},
			{Item: item("o-month-straddles", month(2019, time.December))},
			{Item: item("o-year-2020", year(2020))},
			{Item: item("o-last-day", DateOf(2020, 6, 30))},
			{Item: item("o-day-after", DateOf(2020, 7, 1))},
			{Item: item("o-minute-inside", Date{Time: time.Date(2020, 6, 30, 23, 59, 0, 0, time.UTC), Precision: PrecisionMinute})},
			{Item: item("o-undated", Date{})},
			{Item: secret(item("o-secret-outside", DateOf(2010, 1, 1)))},
		},
		Investigations: []Investigation{
			{Item: item("inv-effective", DateOf(2020, 2, 1))},
			{Item: item("inv-issued-only", Date{}), Issued: time.Date(2018, 2, 1, 9, 0, 0, 0, time.UTC)},
			{Item: item("inv-undated", Date{})},
		},
		Referrals: []Referral{
			{Item: item("r-2020", DateOf(2020, 4, 1))},
			{Item: item("r-2010", DateOf(2010, 4, 1))},
			{Item: secret(item("r-secret-2020", DateOf(2020, 4, 2)))},
		},
		DiaryEntries: []DiaryEntry{
			{Item: item("d-due-today", Date{}), Due: DateOf(2026, 11, 25)},
			{Item: item("d-due-month", Date{}), Due: month(2026, time.December)},
			{Item: item("d-due-next-year", Date{}), Due: DateOf(2027, 2, 1)},
			{Item: item("d-effective-only", DateOf(2026, 1, 1))},
			{Item: item("d-undated", Date{})},
		},
	}
}

// ids lists the item IDs of a selected area.
func ids[T any](items []*T, id func(*T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func TestSelect(t *testing.T) {
	r := selectionRecord()
	period := func(from, to time.Time) DateRange { return DateRange{From: from, To: to} }
	cases := []struct {
		name     string
		q        StructuredQuery
		area     Area
		got      func(*Selection) []string
		want     []string
		withheld bool
	}{
		{"allergies active only", StructuredQuery{Allergies: &AllergyQuery{}}, AreaAllergies,
			func(s *Selection) []string { return ids(s.Allergies, func(a *Allergy) string { return a.ID }) },
			[]string{"a-active", "a-ends-later"}, true},
		{"ended allergies left out without includeResolved", StructuredQuery{Allergies: &AllergyQuery{}}, AreaAllergies,
			func(s *Selection) []string { return ids(s.EndedAllergies, func(a *Allergy) string { return a.ID }) },
			[]string{}, true},
		{"ended allergies apart with includeResolved", StructuredQuery{Allergies: &AllergyQuery{IncludeResolved: true}}, AreaAllergies,
			func(s *Selection) []string { return ids(s.EndedAllergies, func(a *Allergy) string { return a.ID }) },
			[]string{"a-resolved", "a-ended-date"}, true},
		{"all medications without a from date", StructuredQuery{Medications: &MedicationQuery{IncludeIssues: true}}, AreaMedications,
			func(s *Selection) []string { return ids(s.Medications, func(m *Medication) string { return m.ID }) },
			[]string{"m-ongoing", "m-ended-before", "m-ends-on-day", "m-ends-in-month", "m-stopped-undated-end", "m-stopped-old", "m-undated"}, true},
		{"medications active on or after the from date", StructuredQuery{Medications: &MedicationQuery{From: day(2020, 1, 1)}}, AreaMedications,
			func(s *Selection) []string { return ids(s.Medications, func(m *Medication) string { return m.ID }) },
			// m-ends-in-month ends in January 2020 at month precision: the whole month reaches the 1st.
			[]string{"m-ongoing", "m-ends-on-day", "m-ends-in-month", "m-stopped-undated-end", "m-undated"}, true},
		{"medications from a later day", StructuredQuery{Medications: &MedicationQuery{From: day(2020, 2, 1)}}, AreaMedications,
			func(s *Selection) []string { return ids(s.Medications, func(m *Medication) string { return m.ID }) },
			[]string{"m-ongoing", "m-stopped-undated-end", "m-undated"}, true},
		{"all consultations", StructuredQuery{Consultations: &ConsultationQuery{}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2018", "c-2019-year", "c-2020-03", "c-2022", "c-undated"}, true},
		{"consultations in a period: partial year overlaps, undated kept", StructuredQuery{Consultations: &ConsultationQuery{Period: period(day(2019, 12, 31), day(2020, 3, 10))}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2019-year", "c-2020-03", "c-undated"}, false},
		{"consultations period excludes the day after its end", StructuredQuery{Consultations: &ConsultationQuery{Period: period(time.Time{}, day(2020, 3, 9))}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2018", "c-2019-year", "c-undated"}, false},
		{"two most recent skip the confidential one and mark the area", StructuredQuery{Consultations: &ConsultationQuery{MostRecent: 2}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2020-03", "c-2022"}, true},
		{"most recent one is not the withheld one", StructuredQuery{Consultations: &ConsultationQuery{MostRecent: 1}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2022"}, false},
		{"most recent ranks undated last", StructuredQuery{Consultations: &ConsultationQuery{MostRecent: 10}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2018", "c-2019-year", "c-2020-03", "c-2022", "c-undated"}, true},
		{"most recent within a period", StructuredQuery{Consultations: &ConsultationQuery{Period: period(day(2018, 1, 1), day(2019, 12, 31)), MostRecent: 1}}, AreaConsultations,
			func(s *Selection) []string { return ids(s.Consultations, func(c *Consultation) string { return c.ID }) },
			[]string{"c-2019-year"}, false},
		{"problems unfiltered", StructuredQuery{Problems: &ProblemQuery{}}, AreaProblems,
			func(s *Selection) []string { return ids(s.Problems, func(p *Problem) string { return p.ID }) },
			[]string{"p-active", "p-inactive"}, true},
		{"problems filterStatus active", StructuredQuery{Problems: &ProblemQuery{Status: "active"}}, AreaProblems,
			func(s *Selection) []string { return ids(s.Problems, func(p *Problem) string { return p.ID }) },
			[]string{"p-active"}, false},
		{"problems filterStatus inactive", StructuredQuery{Problems: &ProblemQuery{Status: "inactive"}}, AreaProblems,
			func(s *Selection) []string { return ids(s.Problems, func(p *Problem) string { return p.ID }) },
			[]string{"p-inactive"}, true},
		{"immunisations given only by default", StructuredQuery{Immunisations: &ImmunisationQuery{IncludeStatus: true}}, AreaImmunisations,
			func(s *Selection) []string {
				return ids(s.Immunisations, func(im *Immunisation) string { return im.ID })
			},
			[]string{"im-given"}, false},
		{"immunisations with includeNotGiven", StructuredQuery{Immunisations: &ImmunisationQuery{IncludeNotGiven: true}}, AreaImmunisations,
			func(s *Selection) []string {
				return ids(s.Immunisations, func(im *Immunisation) string { return im.ID })
			},
			[]string{"im-given", "im-not-given"}, true},
		{"uncategorised whole record", StructuredQuery{Uncategorised: &PeriodQuery{}}, AreaUncategorised,
			func(s *Selection) []string { return ids(s.Observations, func(o *Observation) string { return o.ID }) },
			[]string{"o-day-before", "o-first-day", "o-month-straddles", "o-year-2020", "o-last-day", "o-day-after", "o-minute-inside", "o-undated"}, true},
		{"uncategorised in a period: boundaries inclusive, partial dates as intervals", StructuredQuery{Uncategorised: &PeriodQuery{Period: period(day(2020, 1, 1), day(2020, 6, 30))}}, AreaUncategorised,
			func(s *Selection) []string { return ids(s.Observations, func(o *Observation) string { return o.ID }) },
			[]string{"o-first-day", "o-year-2020", "o-last-day", "o-minute-inside", "o-undated"}, false},
		{"uncategorised open-ended start", StructuredQuery{Uncategorised: &PeriodQuery{Period: period(day(2019, 12, 31), time.Time{})}}, AreaUncategorised,
			func(s *Selection) []string { return ids(s.Observations, func(o *Observation) string { return o.ID }) },
			[]string{"o-day-before", "o-first-day", "o-month-straddles", "o-year-2020", "o-last-day", "o-day-after", "o-minute-inside", "o-undated"}, false},
		{"uncategorised: a month overlapping the start matches", StructuredQuery{Uncategorised: &PeriodQuery{Period: period(day(2019, 12, 20), day(2019, 12, 20))}}, AreaUncategorised,
			func(s *Selection) []string { return ids(s.Observations, func(o *Observation) string { return o.ID }) },
			[]string{"o-month-straddles", "o-undated"}, false},
		{"investigations dated by issue when no effective date", StructuredQuery{Investigations: &PeriodQuery{Period: period(day(2018, 1, 1), day(2018, 12, 31))}}, AreaInvestigations,
			func(s *Selection) []string {
				return ids(s.Investigations, func(inv *Investigation) string { return inv.ID })
			},
			[]string{"inv-issued-only", "inv-undated"}, false},
		{"referrals in a period, confidential withheld", StructuredQuery{Referrals: &PeriodQuery{Period: period(day(2020, 1, 1), day(2020, 12, 31))}}, AreaReferrals,
			func(s *Selection) []string { return ids(s.Referrals, func(r *Referral) string { return r.ID }) },
			[]string{"r-2020"}, true},
		{"referrals outside the confidential one's period", StructuredQuery{Referrals: &PeriodQuery{Period: period(day(2010, 1, 1), day(2010, 12, 31))}}, AreaReferrals,
			func(s *Selection) []string { return ids(s.Referrals, func(r *Referral) string { return r.ID }) },
			[]string{"r-2010"}, false},
		{"all diary entries", StructuredQuery{Diary: &DiaryQuery{}}, AreaDiary,
			func(s *Selection) []string { return ids(s.DiaryEntries, func(d *DiaryEntry) string { return d.ID }) },
			[]string{"d-due-today", "d-due-month", "d-due-next-year", "d-effective-only", "d-undated"}, false},
		{"diary entries due on or before the date", StructuredQuery{Diary: &DiaryQuery{Until: day(2026, 11, 25)}}, AreaDiary,
			func(s *Selection) []string { return ids(s.DiaryEntries, func(d *DiaryEntry) string { return d.ID }) },
			[]string{"d-due-today", "d-effective-only", "d-undated"}, false},
		{"diary: a month due starting before the date matches", StructuredQuery{Diary: &DiaryQuery{Until: day(2026, 12, 1)}}, AreaDiary,
			func(s *Selection) []string { return ids(s.DiaryEntries, func(d *DiaryEntry) string { return d.ID }) },
			[]string{"d-due-today", "d-due-month", "d-effective-only", "d-undated"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := r.Select(c.q, selectNow)
			if got := c.got(s); !reflect.DeepEqual(got, c.want) {
				t.Errorf("selected %v, want %v", got, c.want)
			}
			if s.Withheld[c.area] != c.withheld {
				t.Errorf("Withheld[%s] = %v, want %v", c.area, s.Withheld[c.area], c.withheld)
			}
			if s.Record != r || !reflect.DeepEqual(s.Query, c.q) {
				t.Errorf("Selection does not carry the record and query")
			}
		})
	}
}

// TestSelectOnlyRequestedAreas: an area not asked for selects nothing and
// is never marked withheld, even when it holds confidential items.
func TestSelectOnlyRequestedAreas(t *testing.T) {
	s := selectionRecord().Select(StructuredQuery{Problems: &ProblemQuery{Status: "active"}}, selectNow)
	if len(s.Allergies)+len(s.Medications)+len(s.Consultations)+len(s.Immunisations)+len(s.Observations)+
		len(s.Investigations)+len(s.Referrals)+len(s.DiaryEntries)+len(s.EndedAllergies) != 0 {
		t.Errorf("areas not requested were selected: %+v", s)
	}
	if len(s.Withheld) != 0 {
		t.Errorf("Withheld = %v, want none", s.Withheld)
	}
}

// TestSelectNeverDisclosesConfidential checks the property over every area
// and query shape: no selected item is confidential.
func TestSelectNeverDisclosesConfidential(t *testing.T) {
	r := selectionRecord()
	q := StructuredQuery{
		Allergies: &AllergyQuery{IncludeResolved: true}, Medications: &MedicationQuery{},
		Consultations: &ConsultationQuery{MostRecent: 100}, Problems: &ProblemQuery{},
		Immunisations: &ImmunisationQuery{IncludeNotGiven: true}, Uncategorised: &PeriodQuery{},
		Investigations: &PeriodQuery{}, Referrals: &PeriodQuery{}, Diary: &DiaryQuery{},
	}
	s := r.Select(q, selectNow)
	var items []*Item
	for _, a := range append(s.Allergies, s.EndedAllergies...) {
		items = append(items, &a.Item)
	}
	for _, m := range s.Medications {
		items = append(items, &m.Item)
	}
	for _, c := range s.Consultations {
		items = append(items, &c.Item)
	}
	for _, p := range s.Problems {
		items = append(items, &p.Item)
	}
	for _, im := range s.Immunisations {
		items = append(items, &im.Item)
	}
	for _, o := range s.Observations {
		items = append(items, &o.Item)
	}
	for _, rf := range s.Referrals {
		items = append(items, &rf.Item)
	}
	for _, it := range items {
		if it.Confidential {
			t.Errorf("confidential item %s selected", it.ID)
		}
	}
	for _, area := range []Area{AreaAllergies, AreaMedications, AreaConsultations, AreaProblems, AreaImmunisations, AreaUncategorised, AreaReferrals} {
		if !s.Withheld[area] {
			t.Errorf("Withheld[%s] = false, want true", area)
		}
	}
}

// BenchmarkSelect selects every area of a generated 2,000-item record.
func BenchmarkSelect(b *testing.B) {
	r := &ClinicalRecord{}
	for i := range 250 {
		d := DateOf(2000+i%25, time.Month(1+i%12), 1+i%28)
		it := func(p string) Item { return Item{ID: fmt.Sprintf("%s%d", p, i), Effective: d, Confidential: i%50 == 0} }
		r.Allergies = append(r.Allergies, Allergy{Item: it("a"), ClinicalStatus: []string{"active", "resolved"}[i%2]})
		r.Medications = append(r.Medications, Medication{Item: it("m"), Status: "completed", Period: Period{Start: d, End: d}})
		r.Consultations = append(r.Consultations, Consultation{Item: it("c")})
		r.Problems = append(r.Problems, Problem{Item: it("p"), Status: "active"})
		r.Immunisations = append(r.Immunisations, Immunisation{Item: it("i")})
		r.Observations = append(r.Observations, Observation{Item: it("o")})
		r.Referrals = append(r.Referrals, Referral{Item: it("r")})
		r.DiaryEntries = append(r.DiaryEntries, DiaryEntry{Item: it("d"), Due: d})
	}
	q := StructuredQuery{
		Allergies: &AllergyQuery{IncludeResolved: true}, Medications: &MedicationQuery{From: day(2010, 1, 1)},
		Consultations: &ConsultationQuery{MostRecent: 20}, Problems: &ProblemQuery{Status: "active"},
		Immunisations: &ImmunisationQuery{}, Uncategorised: &PeriodQuery{Period: DateRange{From: day(2005, 1, 1), To: day(2015, 1, 1)}},
		Investigations: &PeriodQuery{}, Referrals: &PeriodQuery{}, Diary: &DiaryQuery{Until: day(2020, 1, 1)},
	}
	b.ReportAllocs()
	for b.Loop() {
		r.Select(q, selectNow)
	}
}
