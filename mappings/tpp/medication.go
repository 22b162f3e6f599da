package tpp

import (
	"strconv"
	"strings"
	"time"

	"im1fhir/record"
)

// A repeat course is a RepeatMedication (the authorisation: Drug, Dose,
// Quantity, StartDate, EndDate, MaxIssues = AuthorisedIssues); an acute
// course is a Medication. Each issue is an Event of its own holding a
// Medication (RepeatIssue set for a repeat) whose StartDate is the issue
// date and EndDate the issue date plus its duration, and whose EventUID
// names the course ("course" qualifier), as SystmOne journals each issue.
// A real acute Medication with no issue Events is its own single issue.
//
// The stop reason is EndReason when it is one of the schema's two values
// ("End of Course", "Side Effect"), else the Event's Narrative. Status is
// read from the elements (a stop reason: stopped; an end date: completed;
// else active) unless the status qualifier says otherwise; ptype marks a
// repeat-dispensing course, auth an acute course's authorised issues other
// than one, noend an acute course with no end (EndDate is required: the
// start date is written), noissue a course with no issues, qty a quantity
// its text does not spell.

var medicationEndReasons = map[string]bool{"End of Course": true, "Side Effect": true}

const nhsMedication = "NHS medication"

func (e *clinicalEncoder) medication(m *record.Medication) {
	ev, uid := e.itemEvent(&m.Item)
	start := m.Period.Start
	if start.IsZero() {
		start = m.Effective
	}
	if start != m.Period.Start || m.Period.Start != m.Effective {
		uid.setDate("pstart", m.Period.Start)
	}
	startText := formatDate(start)
	endText := dateElem(&uid, "pend", m.Period.End)
	reason, text := "", m.StopReason
	if medicationEndReasons[m.StopReason] {
		reason, text = m.StopReason, ""
	}
	repeat := m.PrescriptionType == "repeat" || m.PrescriptionType == "repeat-dispensing"
	if m.PrescriptionType != derivedPrescriptionType(repeat) {
		uid.set("ptype", m.PrescriptionType)
	}
	if m.Status != derivedMedicationStatus(m.StopReason, m.Period.End) {
		uid.set("status", m.Status)
	}
	if q, ok := parseQuantity(m.QuantityText); !ok || q != m.Quantity {
		uid.set("qty", formatQuantity(m.Quantity))
	}
	if len(m.Issues) == 0 {
		uid.set("noissue", "1")
	}
	if m.Code.IsZero() == false {
		var rc roleCodes
		rc.addConcept(roleCode, m.Code)
		rc.apply(&ev, &uid)
	}
	if repeat {
		rm := RepeatMedication{Drug: drugToTPP(m.Drug), Dose: m.Dosage, Quantity: m.QuantityText,
			StartDate: startText, EndDate: endText, EndReason: reason, MedicationType: nhsMedication,
			LinkedProblemUID: m.ProblemIDs, IssueDurationDays: "0"}
		if m.AuthorisedIssues != 0 {
			rm.MaxIssues = strconv.Itoa(m.AuthorisedIssues)
		}
		if len(m.Issues) > 0 {
			rm.IssueDurationDays = strconv.Itoa(m.Issues[0].DurationDays)
		}
		ev.RepeatMedication = []RepeatMedication{rm}
	} else {
		if m.AuthorisedIssues != 1 {
			uid.set("auth", strconv.Itoa(m.AuthorisedIssues))
		}
		if m.Period.End.IsZero() {
			endText = startText
			uid.set("noend", "1")
		}
		ev.Medication = []Medication{{MedicationType: nhsMedication, Drug: drugToTPP(m.Drug), Dose: m.Dosage,
			Quantity: m.QuantityText, StartDate: startText, EndDate: endText, EndReason: reason,
			LinkedProblemUID: m.ProblemIDs}}
	}
	ev.Narrative = narrative(text)
	e.add(ev, uid)
	for i := range m.Issues {
		e.issue(m, &m.Issues[i], repeat)
	}
}

func (e *clinicalEncoder) issue(m *record.Medication, is *record.MedicationIssue, repeat bool) {
	uid := eventUID{ID: is.ID}
	uid.set("course", m.ID)
	ev := Event{UserName: userName(e.practice, is.AuthorID)}
	if !is.Issued.IsZero() {
		ev.DateTime = formatDateTime(is.Issued.Time)
	}
	if eff, _ := parseEventDateTime(ev.DateTime); eff != is.Issued && !(eff.IsZero() && is.Issued.IsZero()) {
		uid.setDate("eff", is.Issued)
	}
	var issued time.Time
	if !is.Issued.IsZero() {
		issued = is.Issued.Time
	}
	if !is.LastModified.Equal(issued) || is.LastModified.IsZero() != issued.IsZero() {
		uid.setTime("mod", is.LastModified)
	}
	if q, ok := parseQuantity(is.QuantityText); !ok || q != is.Quantity {
		uid.set("qty", formatQuantity(is.Quantity))
	}
	start := is.Issued
	if start.IsZero() {
		start = m.Period.Start
	}
	med := Medication{MedicationType: nhsMedication, Drug: drugToTPP(m.Drug), Dose: m.Dosage, Quantity: is.QuantityText,
		StartDate: formatDate(start)}
	if !start.IsZero() {
		med.EndDate = formatDate(record.Date{Time: start.Time.AddDate(0, 0, is.DurationDays), Precision: record.PrecisionDay})
	}
	if daysBetween(dayOf(start), dayOf(record.Date{Time: start.Time.AddDate(0, 0, is.DurationDays), Precision: record.PrecisionDay})) != is.DurationDays || start.IsZero() {
		uid.set("days", strconv.Itoa(is.DurationDays))
	}
	if repeat {
		med.RepeatIssue = &Empty{}
	}
	ev.Medication = []Medication{med}
	e.add(ev, uid)
}

func dayOf(d record.Date) record.Date {
	if d.IsZero() {
		return d
	}
	t := d.Time
	return record.DateOf(t.Year(), t.Month(), t.Day())
}

func derivedPrescriptionType(repeat bool) string {
	if repeat {
		return "repeat"
	}
	return "acute"
}

func derivedMedicationStatus(stopReason string, end record.Date) string {
	switch {
	case stopReason != "":
		return "stopped"
	case !end.IsZero():
		return "completed"
	}
	return "active"
}

// course reads what acute and repeat courses share.
func (d *clinicalDecoder) course(e entry, drug Drug, dose, quantity, start, end, endReason string, linked []string, repeat bool) (record.Medication, error) {
	m := record.Medication{Item: withLinks(e.item, linked), Drug: drugFromTPP(drug), Dosage: dose, QuantityText: quantity}
	m.Code = e.role(roleCode)
	m.Quantity, _ = parseQuantity(quantity)
	if v, ok := e.uid.get("qty"); ok {
		m.Quantity, _ = parseQuantity(v)
	}
	var err error
	if m.Period.Start, err = parseDate(start); err != nil {
		return m, err
	}
	if v, ok, err := e.uid.date("pstart"); ok {
		if err != nil {
			return m, err
		}
		m.Period.Start = v
	}
	if m.Period.End, err = dateFromElem(e.uid, "pend", end); err != nil {
		return m, err
	}
	if e.uid.has("noend") {
		m.Period.End = record.Date{}
	}
	m.StopReason = strings.TrimSpace(endReason)
	if m.StopReason == "" {
		m.StopReason = e.text
	}
	m.PrescriptionType = derivedPrescriptionType(repeat)
	if v, ok := e.uid.get("ptype"); ok {
		m.PrescriptionType = v
	}
	m.Status = derivedMedicationStatus(m.StopReason, m.Period.End)
	if v, ok := e.uid.get("status"); ok {
		m.Status = v
	}
	return m, nil
}

func (d *clinicalDecoder) acuteCourse(e entry, med *Medication) error {
	m, err := d.course(e, med.Drug, med.Dose, med.Quantity, med.StartDate, med.EndDate, med.EndReason, med.LinkedProblemUID, med.RepeatIssue != nil)
	if err != nil {
		return err
	}
	m.AuthorisedIssues = 1
	if v, ok := e.uid.get("auth"); ok {
		m.AuthorisedIssues, _ = strconv.Atoi(v)
	}
	if !e.uid.has("noissue") {
		d.synth[m.ID] = true
	}
	d.link(m.Item)
	d.out.Medications = append(d.out.Medications, m)
	return nil
}

func (d *clinicalDecoder) repeatCourse(e entry, rm *RepeatMedication) error {
	m, err := d.course(e, rm.Drug, rm.Dose, rm.Quantity, rm.StartDate, rm.EndDate, rm.EndReason, rm.LinkedProblemUID, true)
	if err != nil {
		return err
	}
	m.AuthorisedIssues, _ = strconv.Atoi(strings.TrimSpace(rm.MaxIssues))
	d.link(m.Item)
	d.out.Medications = append(d.out.Medications, m)
	return nil
}

// issue reads an issue Event; it joins its course once the journal is read.
func (d *clinicalDecoder) issue(ev *Event, uid eventUID, base record.Item) error {
	med := &ev.Medication[0]
	is := record.MedicationIssue{ID: uid.ID, Issued: base.Effective, AuthorID: base.AuthorID, QuantityText: med.Quantity}
	is.Quantity, _ = parseQuantity(med.Quantity)
	if v, ok := uid.get("qty"); ok {
		is.Quantity, _ = parseQuantity(v)
	}
	start, err := parseDate(med.StartDate)
	if err != nil {
		return err
	}
	end, err := parseDate(med.EndDate)
	if err != nil {
		return err
	}
	is.DurationDays = daysBetween(dayOf(start), dayOf(end))
	if v, ok := uid.get("days"); ok {
		is.DurationDays, _ = strconv.Atoi(v)
	}
	if !is.Issued.IsZero() {
		is.LastModified = is.Issued.Time
	}
	if t, ok, err := uid.time("mod"); err != nil {
		return err
	} else if ok {
		is.LastModified = t
	}
	course, _ := uid.get("course")
	plainUID := eventUID{ID: uid.ID}
	d.issues = append(d.issues, pendingIssue{course: course, issue: is, m: med,
		e: entry{ev: ev, uid: plainUID, item: base}})
	return nil
}

// synthIssue is the single issue a real acute Medication stands for.
func synthIssue(m *record.Medication) record.MedicationIssue {
	is := record.MedicationIssue{ID: m.ID + "-issue", Issued: m.Period.Start, AuthorID: m.AuthorID,
		Quantity: m.Quantity, QuantityText: m.QuantityText, DurationDays: daysBetween(dayOf(m.Period.Start), dayOf(m.Period.End)),
		LastModified: m.LastModified}
	return is
}
