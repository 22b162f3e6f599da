package generate

import (
	"fmt"
	"math"
	"time"

	"im1fhir/record"
)

// clin builds one patient's clinical record. Items link both ways: an item
// recorded in a consultation carries its ConsultationID and the
// consultation's headings list it; an item linked to a problem carries the
// problem's id and the problem lists it.
type clin struct {
	g        *gen
	pt       *record.Patient
	rec      *record.ClinicalRecord
	from, to time.Time // events happen in [from, to)
	age      int
	// avoid is drugs the patient must not get (a recorded allergy).
	avoidPenicillin bool
}

// clinical fills pt.Record.
func (g *gen) clinical(pt *record.Patient, age int) {
	c := &clin{g: g, pt: pt, rec: &pt.Record, age: age,
		from: pt.BirthDate.Time, to: g.now}
	if f := g.now.AddDate(-25, 0, 0); f.After(c.from) {
		c.from = f
	}
	if !pt.Registration.Active && !pt.Registration.Period.End.IsZero() {
		c.to = pt.Registration.Period.End.Time
	}
	if pt.RecordInTransit || !c.to.After(c.from.Add(48*time.Hour)) {
		// The record has not arrived yet, or there was no time to record anything.
		return
	}
	c.allergies()
	if c.age >= 16 {
		c.registrationCheck()
	}
	if age >= 40 && g.chance(0.05+float64(age-40)*0.008) {
		c.hypertension()
	}
	if age >= 35 && g.chance(0.03+float64(age-35)*0.003) {
		c.diabetes()
	}
	if age >= 3 && g.chance(0.1) {
		c.asthma()
	}
	if age >= 45 && g.chance(0.04) {
		c.copd()
	}
	if age >= 18 && g.chance(0.12) {
		c.depression()
	}
	if age >= 65 && g.chance(0.08) {
		c.atrialFibrillation()
	}
	if age >= 18 && g.chance(0.06) {
		c.simpleChronic(condGORD, "Heartburn after meals for several months. Lifestyle advice given.", nil)
	}
	if age >= 55 && g.chance(0.1) {
		c.simpleChronic(condOsteoarthritisKnee, "Knee pain and stiffness, worse on stairs.", &drugParacetamol)
	}
	for range g.r.IntN(4) {
		c.acuteEpisode()
	}
	c.immunisations()
	c.diary()
}

// clinician is who sees the patient: usually their usual GP.
func (c *clin) clinician() string {
	if c.pt.Registration.UsualGPID != "" && c.g.chance(0.6) {
		return c.pt.Registration.UsualGPID
	}
	return pick(c.g, c.g.gps)
}

func (c *clin) nurse() string {
	if len(c.g.nurses) == 0 {
		return c.clinician()
	}
	return pick(c.g, c.g.nurses)
}

// when returns a time in [lo, hi) clipped to the record's window, during
// surgery hours; false when the window is empty.
func (c *clin) when(lo, hi time.Time) (time.Time, bool) {
	if lo.Before(c.from) {
		lo = c.from
	}
	if hi.After(c.to) {
		hi = c.to
	}
	if !hi.After(lo.Add(24 * time.Hour)) {
		return time.Time{}, false
	}
	d := c.g.between(lo, hi.Add(-24*time.Hour))
	t := time.Date(d.Year(), d.Month(), d.Day(), 8, 0, 0, 0, time.UTC).Add(time.Duration(c.g.r.IntN(9*60)) * time.Minute)
	return t, !t.After(c.g.now)
}

func day(t time.Time) record.Date { return record.DateOf(t.Year(), t.Month(), t.Day()) }

// item makes the shared part of an entry made at time at.
func (c *clin) item(code record.Concept, at time.Time, author string) record.Item {
	recorded := at.Add(time.Duration(c.g.r.IntN(20)) * time.Minute)
	if recorded.After(c.g.now) {
		recorded = c.g.now
	}
	it := record.Item{ID: c.g.uuid(), Effective: day(at), Recorded: recorded, AuthorID: author, RecorderID: author,
		Code: code, LastModified: recorded}
	if c.g.chance(0.05) { // amended later
		it.LastModified = c.g.between(recorded, c.g.now)
		if it.LastModified.Before(recorded) {
			it.LastModified = recorded
		}
	}
	return it
}

// consultation is a consultation being written; add items then close it.
type consultation struct {
	c   *clin
	rec record.Consultation
	at  time.Time
}

func (c *clin) consult(at time.Time, typ, author string) *consultation {
	it := c.item(record.Concept{}, at, author)
	it.Effective = record.Date{Time: at, Precision: record.PrecisionMinute}
	loc := ""
	if len(c.g.locations) > 0 {
		loc = c.pt.Registration.PreferredBranchID
		if loc == "" || c.g.chance(0.2) {
			loc = pick(c.g, c.g.locations)
		}
	}
	end := at.Add(time.Duration(5+c.g.r.IntN(11)) * time.Minute)
	return &consultation{c: c, at: at, rec: record.Consultation{Item: it, Type: typ, LocationID: loc,
		Period: record.Period{Start: it.Effective, End: record.Date{Time: end, Precision: record.PrecisionMinute}}}}
}

// file puts an item id under a topic and heading, creating them as needed.
func (k *consultation) file(topic, problemID, heading, itemID string) {
	ti := -1
	for i, t := range k.rec.Topics {
		if t.Title == topic && t.ProblemID == problemID {
			ti = i
		}
	}
	if ti < 0 {
		k.rec.Topics = append(k.rec.Topics, record.ConsultationTopic{Title: topic, ProblemID: problemID})
		ti = len(k.rec.Topics) - 1
	}
	t := &k.rec.Topics[ti]
	for i := range t.Headings {
		if t.Headings[i].Title == heading {
			t.Headings[i].ItemIDs = append(t.Headings[i].ItemIDs, itemID)
			return
		}
	}
	t.Headings = append(t.Headings, record.ConsultationHeading{Title: heading, ItemIDs: []string{itemID}})
}

// close stores the consultation; one with nothing recorded is dropped.
func (k *consultation) close() {
	if len(k.rec.Topics) == 0 {
		return
	}
	k.c.rec.Consultations = append(k.c.rec.Consultations, k.rec)
}

// inConsult stamps an item as recorded in k (when k is not nil).
func inConsult(it *record.Item, k *consultation) {
	if k == nil {
		return
	}
	it.ConsultationID = k.rec.ID
	it.AuthorID, it.RecorderID = k.rec.AuthorID, k.rec.AuthorID
	it.Effective = day(k.at)
}

// problem opens a problem header and returns its index.
func (c *clin) problem(cd concept, at time.Time, author string, major bool, ended time.Time, parent string) int {
	it := c.item(cd.coded(), at, author)
	p := record.Problem{Item: it, Status: "active", Significance: "minor", ParentID: parent,
		Period: record.Period{Start: it.Effective}}
	if major {
		p.Significance = "major"
	}
	if !ended.IsZero() && ended.Before(c.g.now) {
		p.Status = "inactive"
		p.Period.End = day(ended)
	}
	c.rec.Problems = append(c.rec.Problems, p)
	return len(c.rec.Problems) - 1
}

// link records that item id belongs to problem pi (the item's side is set
// by the caller through problemIDs).
func (c *clin) link(pi int, id string) {
	if pi >= 0 {
		c.rec.Problems[pi].ItemIDs = append(c.rec.Problems[pi].ItemIDs, id)
	}
}

func (c *clin) problemIDs(pi int) []string {
	if pi < 0 {
		return nil
	}
	return []string{c.rec.Problems[pi].ID}
}

func (c *clin) problemTitle(pi int, fallback string) (string, string) {
	if pi < 0 {
		return fallback, ""
	}
	return c.rec.Problems[pi].Code.Display(), c.rec.Problems[pi].ID
}

// observe records an observation, optionally in a consultation under a
// heading, optionally linked to a problem.
func (c *clin) observe(k *consultation, heading string, pi int, cd concept, at time.Time, author string, o record.Observation) string {
	o.Item = c.item(cd.coded(), at, author)
	inConsult(&o.Item, k)
	o.ProblemIDs = c.problemIDs(pi)
	c.rec.Observations = append(c.rec.Observations, o)
	c.link(pi, o.ID)
	if k != nil {
		title, pid := c.problemTitle(pi, "General")
		k.file(title, pid, heading, o.ID)
	}
	return o.ID
}

func qty(v float64, unit string) *record.Quantity { return &record.Quantity{Value: v, Unit: unit} }

// round keeps one decimal place, as GP systems display measurements.
func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func (c *clin) note(k *consultation, heading string, pi int, text string) {
	c.observe(k, heading, pi, obsCommentNote, k.at, k.rec.AuthorID, record.Observation{ValueText: text, Item: record.Item{}})
	last := &c.rec.Observations[len(c.rec.Observations)-1]
	last.Note = text
}

func (c *clin) bloodPressure(k *consultation, pi int, sys, dia int) {
	c.observe(k, "Examination", pi, obsBloodPressure, k.at, k.rec.AuthorID, record.Observation{Components: []record.ObservationComponent{
		{Code: obsSystolic.coded(), Value: qty(float64(sys), "mmHg")},
		{Code: obsDiastolic.coded(), Value: qty(float64(dia), "mmHg")},
	}})
}

// measurements records weight, height and BMI together, as at a check.
func (c *clin) measurements(k *consultation, pi int) {
	heightCM := 150 + c.g.r.Float64()*40
	if c.pt.Gender == record.GenderMale {
		heightCM += 10
	}
	bmi := 19 + c.g.r.Float64()*16
	weight := bmi * (heightCM / 100) * (heightCM / 100)
	c.observe(k, "Examination", pi, obsHeight, k.at, k.rec.AuthorID, record.Observation{Value: qty(round(heightCM, 0), "cm")})
	c.observe(k, "Examination", pi, obsWeight, k.at, k.rec.AuthorID, record.Observation{Value: qty(round(weight, 1), "kg")})
	c.observe(k, "Examination", pi, obsBMI, k.at, k.rec.AuthorID, record.Observation{Value: qty(round(bmi, 1), "kg/m2")})
}

// registrationCheck is the new-patient check every adult has on joining.
func (c *clin) registrationCheck() {
	start := c.pt.Registration.Period.Start.Time
	at, ok := c.when(start, start.AddDate(0, 1, 0))
	if !ok {
		return
	}
	k := c.consult(at, "Surgery consultation", c.nurse())
	c.measurements(k, -1)
	if c.age >= 25 {
		c.bloodPressure(k, -1, 110+c.g.r.IntN(30), 65+c.g.r.IntN(20))
	}
	smoking := pick(c.g, []concept{obsNeverSmoked, obsNeverSmoked, obsCurrentNonSmoke, obsExSmoker, obsSmoker})
	c.observe(k, "History", -1, smoking, at, k.rec.AuthorID, record.Observation{})
	k.close()
}

// prescribe writes the medication courses for a drug started at start:
// an acute course has one issue; a repeat is authorised six issues at a
// time and re-authorised until stop (zero: still taken). It returns the
// course ids, first course first.
func (c *clin) prescribe(k *consultation, pi int, d drug, start time.Time, repeat bool, stop time.Time, stopReason string) []string {
	author := c.clinician()
	if k != nil {
		author = k.rec.AuthorID
	}
	end := c.to
	if !stop.IsZero() && stop.Before(end) {
		end = stop
	}
	if !end.After(start) {
		return nil
	}
	var ids []string
	every := time.Duration(d.days) * 24 * time.Hour
	course := func(from time.Time, issues int, typ string) (last time.Time, done bool) {
		m := record.Medication{Item: c.item(record.Concept{}, from, author), Drug: d.coded(), Dosage: d.dosage,
			Quantity: record.Quantity{Value: d.quantity, Unit: d.unit}, QuantityText: fmt.Sprintf("%g %s", d.quantity, d.unit),
			PrescriptionType: typ, Status: "active", AuthorisedIssues: issues,
			Period: record.Period{Start: day(from)}}
		if len(ids) == 0 {
			inConsult(&m.Item, k)
		}
		m.ProblemIDs = c.problemIDs(pi)
		t := from
		for range issues {
			if !t.Before(end) {
				break
			}
			issued := time.Date(t.Year(), t.Month(), t.Day(), 10, 0, 0, 0, time.UTC).Add(time.Duration(c.g.r.IntN(420)) * time.Minute)
			if issued.After(c.g.now) {
				issued = c.g.now
			}
			m.Issues = append(m.Issues, record.MedicationIssue{ID: c.g.uuid(), Issued: day(issued), AuthorID: author,
				Quantity: m.Quantity, QuantityText: m.QuantityText, DurationDays: d.days, LastModified: issued})
			if issued.After(m.LastModified) {
				m.LastModified = issued
			}
			last = t
			t = t.Add(every)
		}
		courseEnd := last.Add(every)
		switch {
		case !stop.IsZero() && !stop.After(courseEnd):
			m.Status, m.StopReason = "stopped", stopReason
			m.Period.End = day(stop)
			done = true
		case len(m.Issues) == issues || !courseEnd.Before(c.to) && c.to.Before(c.g.now):
			// All issues used (re-authorised next), or the patient left.
			if courseEnd.Before(c.g.now) {
				m.Status = "completed"
				m.Period.End = day(courseEnd)
			}
		}
		if !m.Period.End.IsZero() {
			if e := m.Period.End.Time.Add(9 * time.Hour); e.After(m.LastModified) && !e.After(c.g.now) {
				m.LastModified = e
			}
		}
		c.rec.Medications = append(c.rec.Medications, m)
		ids = append(ids, m.ID)
		c.link(pi, m.ID)
		if k != nil && len(ids) == 1 {
			title, pid := c.problemTitle(pi, "General")
			k.file(title, pid, "Plan", m.ID)
		}
		return last, done || !t.Before(end)
	}
	if !repeat {
		course(start, 1, "acute")
		return ids
	}
	// The first authorisation, then (skipping the quiet middle years of a
	// long course, to keep the sandbox small) the authorisations of the
	// last year.
	last, done := course(start, 2, "repeat")
	next := last.Add(every)
	if recent := end.AddDate(-1, 0, 0); recent.After(next) {
		next = recent
	}
	for !done {
		last, done = course(next, 6, "repeat")
		next = last.Add(every)
	}
	return ids
}

func (c *clin) allergies() {
	n := 0
	switch r := c.g.r.IntN(100); {
	case r < 5:
		n = 2
	case r < 20:
		n = 1
	}
	if n == 0 {
		if c.g.chance(0.35) {
			at, ok := c.when(c.pt.Registration.Period.Start.Time, c.to)
			if ok {
				o := record.Observation{Item: c.item(obsNoKnownAllergy.coded(), at, c.clinician())}
				c.rec.NoKnownAllergies = &o
			}
		}
		return
	}
	used := map[string]bool{}
	for range n {
		a := pick(c.g, allergens)
		if used[a.snomed] {
			continue
		}
		used[a.snomed] = true
		ended := c.g.chance(0.2)
		c.allergy(a, ended, ended && c.g.chance(0.7), false)
	}
}

// allergy records one allergy; ended allergies are resolved with or
// without a recorded reason.
func (c *clin) allergy(a allergen, ended, withReason, confidential bool) {
	hi := c.to
	if ended {
		hi = c.to.AddDate(0, -2, 0) // room for the end date
	}
	at, ok := c.when(c.from, hi)
	if !ok {
		return
	}
	if a.snomed == "292954005" || a.snomed == "292967008" {
		c.avoidPenicillin = true
	}
	al := record.Allergy{Item: c.item(a.coded(), at, c.clinician()), Category: a.category, ClinicalStatus: "active",
		Reactions: []record.Reaction{{Manifestation: pick(c.g, manifestations).coded(), Severity: pick(c.g, []string{"mild", "moderate", "severe"})}}}
	al.Confidential = confidential
	if at.Before(c.g.now.AddDate(-10, 0, 0)) && c.g.chance(0.3) {
		// An old allergy is often known only by its year ("since childhood").
		al.Effective = record.Date{Time: time.Date(at.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}
	}
	if ended {
		if e, ok := c.when(at.AddDate(0, 0, 14), c.to); ok {
			al.ClinicalStatus = "resolved"
			al.Ended = day(e)
			if withReason {
				al.EndReason = pick(c.g, []string{"No longer applicable", "Resolved on re-challenge", "Entered in error"})
			}
			if lm := e.Add(10 * time.Hour); lm.After(al.LastModified) && !lm.After(c.g.now) {
				al.LastModified = lm
			}
		}
	}
	c.rec.Allergies = append(c.rec.Allergies, al)
}

func (c *clin) hypertension() {
	at, ok := c.when(c.pt.BirthDate.Time.AddDate(40, 0, 0), c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	cd := condEssentialHypertension
	if c.g.chance(0.3) {
		cd = condHypertension
	}
	gp := c.clinician()
	pi := c.problem(cd, at, gp, true, time.Time{}, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.note(k, "History", pi, "Raised readings on home monitoring. No chest pain or headaches.")
	c.bloodPressure(k, pi, 152+c.g.r.IntN(25), 92+c.g.r.IntN(14))
	first, second := drugAmlodipine, drugCoAmilofruse
	if c.g.chance(0.4) {
		first, second = drugBendroflumethiaz, drugCoAmilofruseLower
	}
	switchAt := time.Time{}
	if c.g.chance(0.2) {
		switchAt, _ = c.when(at.AddDate(0, 2, 0), c.to)
	}
	c.prescribe(k, pi, first, at, true, switchAt, "Ankle swelling")
	k.close()
	if !switchAt.IsZero() {
		k2 := c.consult(switchAt, "Telephone consultation", c.clinician())
		c.note(k2, "History", pi, "Ankle swelling since starting treatment.")
		if c.g.chance(0.5) {
			ci := c.problem(condDizzinessOnStanding, switchAt, k2.rec.AuthorID, false, switchAt.AddDate(0, 1, 0), c.rec.Problems[pi].ID)
			c.note(k2, "History", ci, "Light-headed on standing, no falls.")
		}
		c.prescribe(k2, pi, second, switchAt, true, time.Time{}, "")
		k2.close()
	}
	if c.age >= 50 && c.g.chance(0.5) {
		if s, ok := c.when(at.AddDate(0, 1, 0), at.AddDate(0, 3, 0)); ok {
			c.statin(s, pi)
		}
	}
	c.reviews(pi, at, func(k *consultation) {
		c.bloodPressure(k, pi, 122+c.g.r.IntN(24), 72+c.g.r.IntN(16))
	})
}

// reviews are the yearly chronic disease reviews of the last three years
// (earlier ones left out to keep the sandbox small), each ending with a
// medication review.
func (c *clin) reviews(pi int, since time.Time, exam func(*consultation)) {
	from := since.AddDate(0, 6, 0)
	if f := c.to.AddDate(-3, 0, 0); f.After(from) {
		from = f
	}
	for t := from; t.Before(c.to); t = t.AddDate(1, 0, 0) {
		at, ok := c.when(t, t.AddDate(0, 2, 0))
		if !ok {
			continue
		}
		k := c.consult(at, "Surgery consultation", c.nurse())
		exam(k)
		c.observe(k, "Plan", pi, obsMedicationReview, at, k.rec.AuthorID, record.Observation{})
		k.close()
	}
}

func (c *clin) statin(at time.Time, pi int) {
	k := c.consult(at, "Surgery consultation", c.clinician())
	c.observe(k, "Examination", pi, obsCholesterol, at, k.rec.AuthorID, record.Observation{Value: qty(round(5.2+c.g.r.Float64()*2.5, 1), "mmol/L"),
		Range: &record.Range{High: qty(5, "mmol/L")}, Interpretation: "H"})
	c.prescribe(k, pi, drugSimvastatin, at, true, time.Time{}, "")
	k.close()
}

func (c *clin) diabetes() {
	at, ok := c.when(c.pt.BirthDate.Time.AddDate(35, 0, 0), c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	gp := c.clinician()
	pi := c.problem(condType2Diabetes, at, gp, true, time.Time{}, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.note(k, "History", pi, "Thirst and tiredness. Fasting bloods arranged and reviewed.")
	c.observe(k, "Examination", pi, obsHbA1c, at, gp, record.Observation{Value: qty(float64(50+c.g.r.IntN(25)), "mmol/mol"),
		Range: &record.Range{High: qty(42, "mmol/mol")}, Interpretation: "H"})
	c.prescribe(k, pi, drugMetformin, at, true, time.Time{}, "")
	k.close()
	if c.g.chance(0.7) {
		if s, ok := c.when(at.AddDate(0, 1, 0), at.AddDate(0, 3, 0)); ok {
			c.statin(s, pi)
		}
	}
	c.reviews(pi, at, func(k *consultation) {
		c.observe(k, "Examination", pi, obsHbA1c, k.at, k.rec.AuthorID, record.Observation{Value: qty(float64(44+c.g.r.IntN(22)), "mmol/mol"),
			Range: &record.Range{High: qty(42, "mmol/mol")}, Interpretation: "H"})
		c.observe(k, "Examination", pi, obsCreatinine, k.at, k.rec.AuthorID, record.Observation{Value: qty(float64(60+c.g.r.IntN(50)), "umol/L"),
			Range: &record.Range{Low: qty(45, "umol/L"), High: qty(110, "umol/L")}, Interpretation: "N"})
		c.observe(k, "Examination", pi, obsWeight, k.at, k.rec.AuthorID, record.Observation{Value: qty(round(70+c.g.r.Float64()*40, 1), "kg")})
	})
}

func (c *clin) asthma() {
	at, ok := c.when(c.pt.BirthDate.Time.AddDate(3, 0, 0), c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	gp := c.clinician()
	pi := c.problem(condAsthma, at, gp, true, time.Time{}, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.note(k, "History", pi, "Wheeze and night cough, worse with colds. Peak flow variability on diary.")
	c.prescribe(k, pi, drugSalbutamol, at, true, time.Time{}, "")
	k.close()
	c.reviews(pi, at, func(k *consultation) {
		c.note(k, "Examination", pi, "Asthma review: inhaler technique checked, well controlled.")
	})
}

func (c *clin) copd() {
	at, ok := c.when(c.pt.BirthDate.Time.AddDate(45, 0, 0), c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	gp := c.clinician()
	pi := c.problem(condCOPD, at, gp, true, time.Time{}, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.note(k, "History", pi, "Breathless on exertion, productive cough each winter. Spirometry confirms obstruction.")
	c.observe(k, "History", pi, pick(c.g, []concept{obsExSmoker, obsSmoker}), at, gp, record.Observation{})
	c.prescribe(k, pi, drugSalbutamol, at, true, time.Time{}, "")
	k.close()
}

func (c *clin) depression() {
	at, ok := c.when(c.pt.BirthDate.Time.AddDate(18, 0, 0), c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	gp := c.clinician()
	recovered := time.Time{}
	if c.g.chance(0.5) {
		recovered = at.AddDate(0, 6+c.g.r.IntN(6), 0)
	}
	pi := c.problem(condDepression, at, gp, true, recovered, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.observe(k, "History", pi, obsTiredAllTheTime, at, gp, record.Observation{})
	c.note(k, "History", pi, "Low mood for two months, poor sleep. No thoughts of self-harm.")
	c.prescribe(k, pi, drugFluvoxamine, at, true, recovered, "Course completed")
	k.close()
}

func (c *clin) atrialFibrillation() {
	at, ok := c.when(c.pt.BirthDate.Time.AddDate(65, 0, 0), c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	gp := c.clinician()
	pi := c.problem(condAtrialFibrillation, at, gp, true, time.Time{}, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.note(k, "Examination", pi, "Irregularly irregular pulse. ECG confirms atrial fibrillation.")
	c.refer(k, pi, refCardiology, "Cardiology", "urgent")
	k.close()
}

// simpleChronic is a long-term problem seen once, with an optional repeat.
func (c *clin) simpleChronic(cd concept, history string, d *drug) {
	at, ok := c.when(c.from, c.to.AddDate(0, -1, 0))
	if !ok {
		return
	}
	gp := c.clinician()
	pi := c.problem(cd, at, gp, c.g.chance(0.5), time.Time{}, "")
	k := c.consult(at, "Surgery consultation", gp)
	c.note(k, "History", pi, history)
	if d != nil {
		c.prescribe(k, pi, *d, at, true, time.Time{}, "")
	}
	k.close()
}

// refer writes an outbound referral to one of the practice's referral
// organisations.
func (c *clin) refer(k *consultation, pi int, cd concept, service, priority string) string {
	r := record.Referral{Item: c.item(cd.coded(), k.at, k.rec.AuthorID), Priority: priority, Status: "active",
		Service: record.Concept{Text: service}}
	inConsult(&r.Item, k)
	if len(c.g.referTo) > 0 {
		o := pick(c.g, c.g.referTo)
		r.Recipient, r.RecipientID = o.Name, o.ID
	}
	if pi >= 0 {
		r.Reason = c.rec.Problems[pi].Code
		r.ProblemIDs = c.problemIDs(pi)
	}
	if k.at.Before(c.g.now.AddDate(0, -4, 0)) {
		r.Status = "completed"
	}
	c.rec.Referrals = append(c.rec.Referrals, r)
	c.link(pi, r.ID)
	title, pid := c.problemTitle(pi, "General")
	k.file(title, pid, "Plan", r.ID)
	return r.ID
}

// acuteEpisode is a short illness seen once in the last eight years.
func (c *clin) acuteEpisode() {
	at, ok := c.when(c.to.AddDate(-8, 0, 0), c.to)
	if !ok {
		return
	}
	gp := c.clinician()
	typ := pick(c.g, []string{"Surgery consultation", "Surgery consultation", "Telephone consultation"})
	k := c.consult(at, typ, gp)
	withProblem := c.g.chance(0.4)
	prob := func(cd concept, days int) int {
		if !withProblem {
			return -1
		}
		return c.problem(cd, at, gp, false, at.AddDate(0, 0, days), "")
	}
	antibiotic := drugAmoxicillin
	if c.avoidPenicillin {
		antibiotic = drugCiprofloxacin
	}
	switch c.g.r.IntN(6) {
	case 0:
		pi := prob(condTonsillitis, 10)
		c.note(k, "History", pi, "Sore throat for three days, fever, no cough.")
		c.prescribe(k, pi, antibiotic, at, false, time.Time{}, "")
	case 1:
		if c.pt.Gender == record.GenderMale && c.g.chance(0.7) {
			pi := prob(condURTI, 14)
			c.note(k, "History", pi, "Coryzal symptoms. Self-care advice given.")
			break
		}
		pi := prob(condUTI, 7)
		c.note(k, "History", pi, "Dysuria and frequency for two days.")
		c.prescribe(k, pi, drugCiprofloxacin, at, false, time.Time{}, "")
	case 2:
		pi := prob(condURTI, 14)
		c.note(k, "History", pi, "Coryzal symptoms. Self-care advice given.")
		c.observe(k, "Examination", pi, obsBreathSoundsNormal, at, gp, record.Observation{})
	case 3:
		pi := prob(condBronchitis, 21)
		c.note(k, "History", pi, "Productive cough for ten days after a cold.")
		c.prescribe(k, pi, antibiotic, at, false, time.Time{}, "")
	case 4:
		withProblem = true
		pi := prob(condLowBackPain, 60)
		c.note(k, "History", pi, "Low back pain after lifting, no red flags.")
		c.prescribe(k, pi, drugParacetamol, at, false, time.Time{}, "")
		if c.g.chance(0.4) {
			ci := c.problem(condSciatica, at, gp, false, at.AddDate(0, 3, 0), c.rec.Problems[pi].ID)
			c.note(k, "Examination", ci, "Pain radiating to the left leg, straight leg raise limited.")
			c.refer(k, ci, refService, "Physiotherapy", "routine")
		}
	case 5:
		pi := prob(condDizzinessOnStanding, 30)
		c.observe(k, "History", pi, obsMalaise, at, gp, record.Observation{})
		c.observe(k, "Examination", pi, obsHeartSoundsNormal, at, gp, record.Observation{})
		c.fullBloodCount(k, pi, at.AddDate(0, 0, 2), c.g.chance(0.3))
	}
	k.close()
}

// fullBloodCount writes a pathology report: a test request, a blood
// specimen and the FBC test group with its results. The report is linked
// to the consultation that asked for it and, when pi >= 0, to a problem.
func (c *clin) fullBloodCount(k *consultation, pi int, taken time.Time, abnormal bool) string {
	if taken.After(c.to) || taken.After(c.g.now.Add(-24*time.Hour)) {
		taken = k.at
	}
	author := k.rec.AuthorID
	inv := record.Investigation{Item: c.item(obsFBC.coded(), taken, author), Status: "final", Filed: true}
	inv.Issued = taken.Add(26 * time.Hour).Truncate(time.Minute)
	if inv.Issued.After(c.g.now) {
		inv.Issued = c.g.now
	}
	if inv.Issued.After(inv.LastModified) {
		inv.LastModified = inv.Issued
	}
	inv.ConsultationID = k.rec.ID
	inv.ProblemIDs = c.problemIDs(pi)
	inv.Request = &record.TestRequest{ID: c.g.uuid(), Code: obsFBC.coded(), Date: day(k.at), AuthorID: author}
	inv.Specimens = []record.Specimen{{ID: c.g.uuid(), Type: specimenBlood.coded(), Collected: day(taken)}}
	type analyte struct {
		cd       concept
		lo, hi   float64
		unit     string
		decimals int
	}
	panel := []analyte{
		{obsWhiteCells, 4.0, 11.0, "10*9/L", 1},
		{obsNeutrophils, 2.0, 7.5, "10*9/L", 1},
		{obsLymphocytes, 1.0, 4.0, "10*9/L", 1},
		{obsBasophils, 0.0, 0.1, "10*9/L", 2},
		{obsMCV, 80, 100, "fL", 0},
		{obsMCH, 27, 32, "pg", 1},
		{obsHaematocrit, 0.36, 0.46, "L/L", 2},
		{obsPlasmaViscos, 1.50, 1.72, "mPa.s", 2},
	}
	group := record.TestGroup{ID: c.g.uuid(), Code: obsFBC.coded()}
	for i, a := range panel {
		v := a.lo + (a.hi-a.lo)*(0.1+0.8*c.g.r.Float64())
		interp := "N"
		if abnormal && i == 0 {
			v, interp = a.hi*1.3, "H"
		}
		o := record.Observation{Item: c.item(a.cd.coded(), taken, author), Value: qty(round(v, a.decimals), a.unit),
			Range: &record.Range{Low: qty(a.lo, a.unit), High: qty(a.hi, a.unit)}, Interpretation: interp}
		o.LastModified = inv.LastModified
		group.Results = append(group.Results, o)
	}
	inv.TestGroups = []record.TestGroup{group}
	c.rec.Investigations = append(c.rec.Investigations, inv)
	c.link(pi, inv.ID)
	title, pid := c.problemTitle(pi, "General")
	k.file(title, pid, "Investigations", inv.ID)
	return inv.ID
}

// immunisations: the seasonal flu and pneumococcal programmes for the over
// 65s and the 2021 COVID-19 primary course for adults.
func (c *clin) immunisations() {
	vacc := c.vaccinate
	birth := c.pt.BirthDate.Time
	if c.age >= 65 {
		for y := c.g.now.Year() - 3; y <= c.g.now.Year(); y++ {
			if at, ok := c.when(time.Date(y, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 11, 15, 0, 0, 0, 0, time.UTC)); ok && c.g.chance(0.8) {
				vacc(immFlu, at, 1, "Influenza vaccine (surface antigen, inactivated) suspension for injection", record.PrecisionDay)
			}
		}
		if at, ok := c.when(birth.AddDate(65, 0, 0), birth.AddDate(66, 0, 0)); ok {
			vacc(immPneumococcal, at, 1, "Pneumococcal polysaccharide vaccine solution for injection", record.PrecisionDay)
		}
	}
	if birth.AddDate(18, 0, 0).Before(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)) && c.g.chance(0.7) {
		if at, ok := c.when(time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC), time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)); ok {
			product := "COVID-19 mRNA Vaccine BNT162b2 30micrograms/0.3ml dose concentrate for suspension for injection"
			vacc(immCovid1, at, 1, product, record.PrecisionDay)
			if at2, ok := c.when(at.AddDate(0, 0, 56), at.AddDate(0, 0, 84)); ok {
				vacc(immCovid2, at2, 2, product, record.PrecisionDay)
			}
		}
	}
}

// vaccinate records a vaccination given. The vaccine product is held as
// text: GP systems record the procedure code and the product name.
func (c *clin) vaccinate(cd concept, at time.Time, dose int, product string, prec record.Precision) {
	im := record.Immunisation{Item: c.item(cd.coded(), at, c.nurse()), Vaccine: record.Concept{Text: product},
		Dose: dose, Batch: fmt.Sprintf("%c%c%s", 'A'+rune(c.g.r.IntN(26)), 'A'+rune(c.g.r.IntN(26)), c.g.digits(4)),
		Site: siteLeftUpperArm.coded(), Route: routeIM.coded(), Status: "completed"}
	if prec != record.PrecisionDay {
		im.Effective = record.Date{Time: time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: prec}
		if prec == record.PrecisionYear {
			im.Effective.Time = time.Date(at.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	c.rec.Immunisations = append(c.rec.Immunisations, im)
}

// diary: what the practice has planned for patients still registered.
func (c *clin) diary() {
	if !c.pt.Registration.Active {
		return
	}
	add := func(cd concept, due time.Time) {
		it := c.item(cd.coded(), c.g.now.AddDate(0, 0, -c.g.r.IntN(60)), c.clinician())
		c.rec.DiaryEntries = append(c.rec.DiaryEntries, record.DiaryEntry{Item: it, Due: day(due), Status: "active"})
	}
	for _, m := range c.rec.Medications {
		if m.Status == "active" && m.PrescriptionType == "repeat" {
			add(obsMedicationReview, c.g.now.AddDate(0, 1+c.g.r.IntN(11), 0))
			break
		}
	}
	if c.age >= 64 {
		y := c.g.now.Year()
		if c.g.now.Month() >= time.October {
			y++
		}
		add(immFlu, time.Date(y, time.October, 1, 0, 0, 0, 0, time.UTC))
	}
}
