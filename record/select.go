package record

import (
	"cmp"
	"slices"
	"time"
)

// Select applies GP Connect's structured-record selection rules
// (gpconnect.md §5.1, §5.2) to the record, area by area, for the areas q
// requests:
//
//   - Periods are inclusive ranges of whole days and are compared with each
//     item's date taken as its whole interval (Date.Overlaps): an onset year
//     of 2019 matches a search from 2019-12-31. Undated items match every
//     period: GP Connect returns them with the matches.
//   - Medications: with medicationSearchFromDate, the courses active on or
//     after that day (the course's period reaches it, or the course is
//     ongoing).
//   - Consultations: in the period, or the MostRecent latest by date
//     (undated ones rank last).
//   - Problems: filterStatus "active" or "inactive" when given.
//   - Immunisations: those recorded as not given only with includeNotGiven.
//   - Diary entries: due on or before diaryEntriesSearchDate when given.
//   - Allergies: active ones; ended ones (resolved, or with an end date
//     not in the future) apart, and only with includeResolvedAllergies.
//   - Confidential items never leave: they are left out, and the area they
//     would have appeared in is marked in Withheld so that its list carries
//     the confidential-items warning.
//
// includeImmunisations.includeStatus selects immunisation status records
// (consent and dissent), which the record holds among observations rather
// than as immunisations; it is carried in Selection.Query and filters
// nothing here.
//
// now decides whether an end date has passed. Items are returned in record
// order; the Selection points into r, which must not change while it is used.
func (r *ClinicalRecord) Select(q StructuredQuery, now time.Time) *Selection {
	s := &Selection{Query: q, Record: r, Withheld: map[Area]bool{}}
	// keep reports whether a matching item may be disclosed, marking the
	// area when it may not.
	keep := func(area Area, it *Item) bool {
		if it.Confidential {
			s.Withheld[area] = true
			return false
		}
		return true
	}
	if aq := q.Allergies; aq != nil {
		for i := range r.Allergies {
			a := &r.Allergies[i]
			ended := a.ended(now)
			if ended && !aq.IncludeResolved || !keep(AreaAllergies, &a.Item) {
				continue
			}
			if ended {
				s.EndedAllergies = append(s.EndedAllergies, a)
			} else {
				s.Allergies = append(s.Allergies, a)
			}
		}
	}
	if mq := q.Medications; mq != nil {
		for i := range r.Medications {
			m := &r.Medications[i]
			if (mq.From.IsZero() || m.activeSince(mq.From)) && keep(AreaMedications, &m.Item) {
				s.Medications = append(s.Medications, m)
			}
		}
	}
	if cq := q.Consultations; cq != nil {
		s.Consultations = r.selectConsultations(cq, keep)
	}
	if pq := q.Problems; pq != nil {
		for i := range r.Problems {
			p := &r.Problems[i]
			if (pq.Status == "" || p.Status == pq.Status) && keep(AreaProblems, &p.Item) {
				s.Problems = append(s.Problems, p)
			}
		}
	}
	if iq := q.Immunisations; iq != nil {
		for i := range r.Immunisations {
			im := &r.Immunisations[i]
			if (!im.NotGiven || iq.IncludeNotGiven) && keep(AreaImmunisations, &im.Item) {
				s.Immunisations = append(s.Immunisations, im)
			}
		}
	}
	if pq := q.Uncategorised; pq != nil {
		w := pq.Period.window()
		for i := range r.Observations {
			o := &r.Observations[i]
			if w.contains(o.Effective) && keep(AreaUncategorised, &o.Item) {
				s.Observations = append(s.Observations, o)
			}
		}
	}
	if pq := q.Investigations; pq != nil {
		w := pq.Period.window()
		for i := range r.Investigations {
			inv := &r.Investigations[i]
			if w.contains(inv.date()) && keep(AreaInvestigations, &inv.Item) {
				s.Investigations = append(s.Investigations, inv)
			}
		}
	}
	if pq := q.Referrals; pq != nil {
		w := pq.Period.window()
		for i := range r.Referrals {
			rf := &r.Referrals[i]
			if w.contains(rf.Effective) && keep(AreaReferrals, &rf.Item) {
				s.Referrals = append(s.Referrals, rf)
			}
		}
	}
	if dq := q.Diary; dq != nil {
		until := DateRange{To: dq.Until}.window()
		for i := range r.DiaryEntries {
			d := &r.DiaryEntries[i]
			if (dq.Until.IsZero() || d.dueBy(until)) && keep(AreaDiary, &d.Item) {
				s.DiaryEntries = append(s.DiaryEntries, d)
			}
		}
	}
	return s
}

// window is a DateRange as the half-open interval [from, to) that
// Date.Overlaps takes, computed once per query rather than per item.
type window struct{ from, to time.Time }

func (dr DateRange) window() window {
	w := window{from: dr.From, to: dr.To}
	if !w.to.IsZero() {
		w.to = w.to.AddDate(0, 0, 1) // To is inclusive: up to the end of that day
	}
	return w
}

// contains reports whether the item date falls in the window, comparing the
// date's whole interval.
func (w window) contains(d Date) bool { return d.Overlaps(w.from, w.to) }

// hasStarted reports whether d, taken as its whole interval, has begun by t.
func (d Date) hasStarted(t time.Time) bool {
	s, _ := d.Interval()
	return !s.After(t)
}

// ended reports whether the allergy is no longer active: recorded as
// resolved, or carrying an end date that has come.
func (a *Allergy) ended(now time.Time) bool {
	return a.ClinicalStatus == "resolved" || !a.Ended.IsZero() && a.Ended.hasStarted(now)
}

// activeSince reports whether the course was active on or after the day
// from: its end reaches that day, or it has no end because it is ongoing.
// A stopped or completed course without an end date ends with its last
// known date (last issue, else start); with none at all it is undated and
// matches.
func (m *Medication) activeSince(from time.Time) bool {
	end := m.Period.End
	if end.IsZero() && m.Status != "" && m.Status != "active" {
		end = m.lastKnownDate()
	}
	if end.IsZero() {
		return true
	}
	return end.Overlaps(from, time.Time{})
}

func (m *Medication) lastKnownDate() Date {
	last := m.Period.Start
	if last.IsZero() {
		last = m.Effective
	}
	for _, is := range m.Issues {
		if is.Issued.IsZero() {
			continue
		}
		if last.IsZero() || is.Issued.Time.After(last.Time) {
			last = is.Issued
		}
	}
	return last
}

// date is when the investigation happened: its effective date, else the
// time the report was issued.
func (inv *Investigation) date() Date {
	if !inv.Effective.IsZero() || inv.Issued.IsZero() {
		return inv.Effective
	}
	return Date{Time: inv.Issued, Precision: PrecisionSecond}
}

// dueBy reports whether the entry is due within until, a window open at
// the start (its due date, else its effective date; undated entries always
// match).
func (d *DiaryEntry) dueBy(until window) bool {
	due := d.Due
	if due.IsZero() {
		due = d.Effective
	}
	return until.contains(due)
}

// date is when the consultation took place.
func (c *Consultation) date() Date {
	if !c.Period.Start.IsZero() {
		return c.Period.Start
	}
	return c.Effective
}

// selectConsultations applies the period, then, for includeNumberOfMostRecent,
// keeps the latest N disclosable ones. A confidential consultation is
// withheld (and the area marked) only where it would have been returned:
// inside the period, and among the N latest.
func (r *ClinicalRecord) selectConsultations(cq *ConsultationQuery, keep func(Area, *Item) bool) []*Consultation {
	var matched []*Consultation
	w := cq.Period.window()
	for i := range r.Consultations {
		c := &r.Consultations[i]
		if w.contains(c.date()) {
			matched = append(matched, c)
		}
	}
	if cq.MostRecent <= 0 {
		out := matched[:0]
		for _, c := range matched {
			if keep(AreaConsultations, &c.Item) {
				out = append(out, c)
			}
		}
		return out
	}
	// Rank by the start of each date's interval, computed once: undated
	// consultations rank last.
	type ranked struct {
		c       *Consultation
		start   time.Time
		undated bool
	}
	all := make([]ranked, len(matched))
	rs := make([]*ranked, len(matched))
	for i, c := range matched {
		d := c.date()
		all[i] = ranked{c: c, undated: d.IsZero()}
		all[i].start, _ = d.Interval()
		rs[i] = &all[i]
	}
	slices.SortStableFunc(rs, func(a, b *ranked) int {
		switch {
		case a.undated || b.undated:
			return cmp.Compare(boolRank(a.undated), boolRank(b.undated))
		default:
			return b.start.Compare(a.start) // newest first
		}
	})
	chosen := map[*Consultation]bool{}
	for _, r := range rs {
		if len(chosen) == cq.MostRecent {
			break
		}
		if keep(AreaConsultations, &r.c.Item) {
			chosen[r.c] = true
		}
	}
	out := matched[:0]
	for _, c := range matched {
		if chosen[c] {
			out = append(out, c)
		}
	}
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
