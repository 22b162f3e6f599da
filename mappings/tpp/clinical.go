package tpp

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"im1fhir/record"
)

// The journal holds the clinical record as Events. Each record item is
// written as its own Event (EventUID = the item id), so that every item keeps
// its id, date and author; a consultation is an Event of its own holding an
// Activity, and its items name it in their EventUID (see event_uid.go and
// doc.go for every field's place).
//
// Real SystmOne journals group several items in one Event (a consultation).
// An Event with no "codes" qualifier is read that way: every Medication,
// Vaccination, Report, Letter, Recall, Reminder, Attachment and ClinicalCode
// is an item of its own (ids EventUID-1, EventUID-2, ...), and an Event
// holding more than one item is a consultation.

// Item roles of the ClinicalCodes in an Event, listed in its "codes"
// qualifier in ClinicalCode order.
const (
	roleItem      = "item"      // the entry itself (a CC-only Event)
	roleCode      = "code"      // the item's own code, beside its typed element
	roleComponent = "component" // a value of a compound observation
	roleReaction  = "reaction"  // an allergy's manifestation
	roleVaccine   = "vaccine"   // a coded vaccine product
	roleSite      = "site"
	roleRoute     = "route"
	roleReason    = "reason"
	roleRequest   = "request"  // an investigation's request code
	roleSpecimen  = "specimen" // a specimen's type
	roleGroup     = "group"    // a test group's code
	roleService   = "service"  // a referral's service
)

// commentNote is the SNOMED concept a free-text journal line is read as.
var commentNote = record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: "37331000000100", Display: "Comment note"}}}

// noKnownAllergySNOMED is GP Connect's "no known allergy" concept.
const noKnownAllergySNOMED = "716186003"

// ---------------------------------------------------------------- decoding

// clinicalDecoder builds a ClinicalRecord from the journal.
type clinicalDecoder struct {
	out record.ClinicalRecord
	// links are (item id, problem ids) in journal order, from which
	// Problem.ItemIDs are rebuilt.
	links []itemLink
	// issues and results name the course or report they belong to, which
	// may come later in the journal.
	issues  []pendingIssue
	results []pendingResult
	// synth marks courses read from a plain acute Medication: the element
	// is itself the issue unless issues name the course.
	synth map[string]bool
}

type itemLink struct {
	id       string
	problems []string
}

type pendingIssue struct {
	course string
	issue  record.MedicationIssue
	m      *Medication
	e      entry
}

type pendingResult struct {
	report, group string
	obs           record.Observation
}

// entry is one item's share of an Event.
type entry struct {
	ev    *Event
	uid   eventUID
	item  record.Item
	roles map[string][]ClinicalCode
	// text is the Event's Narrative, when the Event holds this item alone.
	text string
}

func (e entry) role(name string) record.Concept {
	if ccs := e.roles[name]; len(ccs) > 0 {
		return conceptFromTPP(ccs[0].Code)
	}
	return record.Concept{}
}

func clinicalFromEvents(events []Event) (record.ClinicalRecord, error) {
	d := &clinicalDecoder{synth: map[string]bool{}}
	for i := range events {
		if err := d.event(i, &events[i]); err != nil {
			return record.ClinicalRecord{}, fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	d.finish()
	return d.out, nil
}

func (d *clinicalDecoder) event(index int, ev *Event) error {
	if len(ev.Relationship) > 0 {
		return nil // a contact (contact.go)
	}
	uid := parseEventUID(ev.EventUID)
	if uid.ID == "" {
		uid.ID = "event-" + strconv.Itoa(index+1)
	}
	base, err := itemFromEvent(ev, uid)
	if err != nil {
		return err
	}
	text := narrativeText(ev.Narrative)
	switch {
	case uid.has("course") && len(ev.Medication) == 1:
		return d.issue(ev, uid, base)
	case uid.has("report") && len(ev.ClinicalCode) > 0:
		o, err := d.observationOf(entry{ev: ev, uid: uid, item: base, roles: rolesOf(ev, uid), text: text}, ev.ClinicalCode[0])
		if err != nil {
			return err
		}
		group, _ := uid.get("group")
		report, _ := uid.get("report")
		d.results = append(d.results, pendingResult{report: report, group: group, obs: o})
		return nil
	case len(ev.Activity) > 0:
		return d.consultation(entry{ev: ev, uid: uid, item: base, roles: rolesOf(ev, uid)})
	}
	if roles := uid.list("codes"); len(roles) > 0 && len(roles) == len(ev.ClinicalCode) {
		return d.structured(entry{ev: ev, uid: uid, item: base, roles: rolesOf(ev, uid), text: text})
	}
	return d.plain(ev, uid, base, text)
}

// rolesOf pairs the Event's ClinicalCodes with the roles its "codes"
// qualifier lists.
func rolesOf(ev *Event, uid eventUID) map[string][]ClinicalCode {
	roles := uid.list("codes")
	if len(roles) != len(ev.ClinicalCode) {
		return nil
	}
	m := map[string][]ClinicalCode{}
	for i, r := range roles {
		m[r] = append(m[r], ev.ClinicalCode[i])
	}
	return m
}

// structured reads an Event written by EncodePatient: one item, its
// ClinicalCodes in the roles the "codes" qualifier names.
func (d *clinicalDecoder) structured(e entry) error {
	ev := e.ev
	switch {
	case len(ev.Medication) > 0:
		return d.acuteCourse(e, &ev.Medication[0])
	case len(ev.RepeatMedication) > 0:
		return d.repeatCourse(e, &ev.RepeatMedication[0])
	case len(ev.Vaccination) > 0:
		return d.immunisation(e, &ev.Vaccination[0])
	case len(ev.Report) > 0:
		return d.investigation(e, &ev.Report[0])
	case len(ev.Letter) > 0:
		return d.letter(e, &ev.Letter[0])
	case len(ev.Recall) > 0:
		return d.recall(e, &ev.Recall[0])
	case len(ev.Reminder) > 0:
		return d.reminder(e, &ev.Reminder[0])
	case len(ev.Attachment) > 0:
		return d.attachment(e, &ev.Attachment[0])
	}
	if items := e.roles[roleItem]; len(items) > 0 {
		return d.code(e, items[0])
	}
	return nil
}

// plain reads a real SystmOne Event: each typed child is an item; an Event
// with several items is a consultation.
func (d *clinicalDecoder) plain(ev *Event, uid eventUID, base record.Item, text string) error {
	type part struct {
		kind string
		read func(e entry) error
	}
	var parts []part
	for i := range ev.Medication {
		m := &ev.Medication[i]
		parts = append(parts, part{"Plan", func(e entry) error { return d.acuteCourse(e, m) }})
	}
	allergyCodes := 0
	for i := range ev.ClinicalCode {
		cc := ev.ClinicalCode[i]
		if consentOf(cc.Code) != record.ConsentUnknown {
			continue
		}
		if cc.IsAllergy != nil {
			allergyCodes++
		}
		heading := "History"
		if cc.ProblemSeverity != "" || cc.ProblemUID != "" {
			heading = "Problems"
		}
		parts = append(parts, part{heading, func(e entry) error { return d.code(e, cc) }})
	}
	for i := range ev.Reminder {
		r := &ev.Reminder[i]
		parts = append(parts, part{"Plan", func(e entry) error { return d.reminder(e, r) }})
	}
	for i := range ev.Recall {
		r := &ev.Recall[i]
		parts = append(parts, part{"Plan", func(e entry) error { return d.recall(e, r) }})
	}
	for i := range ev.Vaccination {
		v := &ev.Vaccination[i]
		parts = append(parts, part{"Immunisations", func(e entry) error { return d.immunisation(e, v) }})
	}
	for i := range ev.RepeatMedication {
		m := &ev.RepeatMedication[i]
		parts = append(parts, part{"Plan", func(e entry) error { return d.repeatCourse(e, m) }})
	}
	for i := range ev.Letter {
		l := &ev.Letter[i]
		parts = append(parts, part{"Plan", func(e entry) error { return d.letter(e, l) }})
	}
	for i := range ev.Report {
		r := &ev.Report[i]
		parts = append(parts, part{"Investigations", func(e entry) error { return d.investigation(e, r) }})
	}
	for i := range ev.Attachment {
		a := &ev.Attachment[i]
		parts = append(parts, part{"Documents", func(e entry) error { return d.attachment(e, a) }})
	}
	if allergyCodes == 0 {
		for i := range ev.DrugSensitivity {
			s := &ev.DrugSensitivity[i]
			parts = append(parts, part{"History", func(e entry) error { return d.drugSensitivity(e, s) }})
		}
	}
	switch {
	case len(parts) == 0 && text == "":
		return nil
	case len(parts) == 0:
		return d.comment(entry{ev: ev, uid: uid, item: base}, text)
	case len(parts) == 1:
		return parts[0].read(entry{ev: ev, uid: uid, item: base, text: text})
	}
	// A consultation: the Event is the encounter, its children the items.
	c := record.Consultation{Item: base, Type: strings.TrimSpace(ev.Method), Period: record.Period{Start: base.Effective}}
	c.ProblemIDs = nil
	topic := record.ConsultationTopic{Title: "General"}
	file := func(heading, id string) {
		for i := range topic.Headings {
			if topic.Headings[i].Title == heading {
				topic.Headings[i].ItemIDs = append(topic.Headings[i].ItemIDs, id)
				return
			}
		}
		topic.Headings = append(topic.Headings, record.ConsultationHeading{Title: heading, ItemIDs: []string{id}})
	}
	n := 0
	next := func() record.Item {
		n++
		it := base
		it.ID = base.ID + "-" + strconv.Itoa(n)
		it.ConsultationID = base.ID
		it.ProblemIDs = append([]string(nil), base.ProblemIDs...)
		return it
	}
	for _, p := range parts {
		before := len(d.links)
		if err := p.read(entry{ev: ev, uid: eventUID{ID: uid.ID}, item: next()}); err != nil {
			return err
		}
		for _, l := range d.links[before:] {
			file(p.kind, l.id)
		}
	}
	if text != "" {
		before := len(d.links)
		if err := d.comment(entry{ev: ev, uid: eventUID{ID: uid.ID}, item: next()}, text); err != nil {
			return err
		}
		for _, l := range d.links[before:] {
			file("History", l.id)
		}
	}
	c.Topics = []record.ConsultationTopic{topic}
	d.out.Consultations = append(d.out.Consultations, c)
	return nil
}

// code reads a ClinicalCode item: an allergy, a problem header, the "no
// known allergies" entry or an observation.
func (d *clinicalDecoder) code(e entry, cc ClinicalCode) error {
	switch {
	case cc.IsAllergy != nil:
		return d.allergy(e, cc)
	case cc.ProblemSeverity != "" || cc.ProblemUID != "":
		return d.problem(e, cc)
	}
	o, err := d.observationOf(e, cc)
	if err != nil {
		return err
	}
	if cd, ok := o.Code.SNOMED(); ok && cd.Code == noKnownAllergySNOMED && (e.uid.has("nka") || e.uid.q == nil) {
		d.out.NoKnownAllergies = &o
		return nil
	}
	d.link(o.Item)
	d.out.Observations = append(d.out.Observations, o)
	return nil
}

// comment reads a free-text line as a comment-note observation.
func (d *clinicalDecoder) comment(e entry, text string) error {
	o := record.Observation{Item: e.item, ValueText: text}
	o.Code = commentNote
	d.link(o.Item)
	d.out.Observations = append(d.out.Observations, o)
	return nil
}

func (d *clinicalDecoder) link(it record.Item) {
	d.links = append(d.links, itemLink{id: it.ID, problems: it.ProblemIDs})
}

// finish attaches issues and results to their courses and reports, and
// rebuilds each problem's related items.
func (d *clinicalDecoder) finish() {
	courses := map[string]int{}
	for i, m := range d.out.Medications {
		courses[m.ID] = i
	}
	for _, pi := range d.issues {
		if i, ok := courses[pi.course]; ok {
			d.out.Medications[i].Issues = append(d.out.Medications[i].Issues, pi.issue)
			continue
		}
		// An issue whose course is not in the record stands as its own course.
		_ = d.acuteCourse(pi.e, pi.m)
		courses[pi.e.item.ID] = len(d.out.Medications) - 1
	}
	for i := range d.out.Medications {
		m := &d.out.Medications[i]
		if d.synth[m.ID] && len(m.Issues) == 0 {
			m.Issues = []record.MedicationIssue{synthIssue(m)}
		}
	}
	reports := map[string]int{}
	for i, inv := range d.out.Investigations {
		reports[inv.ID] = i
	}
	for _, r := range d.results {
		i, ok := reports[r.report]
		if !ok {
			d.link(r.obs.Item)
			d.out.Observations = append(d.out.Observations, r.obs)
			continue
		}
		inv := &d.out.Investigations[i]
		placed := false
		if r.group != "" {
			for g := range inv.TestGroups {
				if inv.TestGroups[g].ID == r.group {
					inv.TestGroups[g].Results = append(inv.TestGroups[g].Results, r.obs)
					placed = true
					break
				}
			}
		}
		if !placed {
			inv.Results = append(inv.Results, r.obs)
		}
		d.link(r.obs.Item)
	}
	problems := map[string]int{}
	for i, p := range d.out.Problems {
		problems[p.ID] = i
	}
	// A set per problem keeps hostile journals (one problem, a million
	// linked items) linear.
	seen := map[[2]string]bool{}
	for _, l := range d.links {
		for _, pid := range l.problems {
			i, ok := problems[pid]
			if !ok || seen[[2]string{pid, l.id}] {
				continue
			}
			seen[[2]string{pid, l.id}] = true
			d.out.Problems[i].ItemIDs = append(d.out.Problems[i].ItemIDs, l.id)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// itemFromEvent reads what every item shares: the Event's id, date and
// author, and the metadata qualifiers.
func itemFromEvent(ev *Event, uid eventUID) (record.Item, error) {
	eff, err := parseEventDateTime(ev.DateTime)
	if err != nil {
		return record.Item{}, fmt.Errorf("DateTime: %w", err)
	}
	if d, ok, err := uid.date("eff"); ok {
		if err != nil {
			return record.Item{}, fmt.Errorf("EventUID eff: %w", err)
		}
		eff = d
	}
	it := record.Item{ID: uid.ID, Effective: eff, AuthorID: strings.TrimSpace(ev.UserName)}
	if !eff.IsZero() {
		it.Recorded = eff.Time
	}
	if t, ok, err := uid.time("rec"); err != nil {
		return record.Item{}, fmt.Errorf("EventUID rec: %w", err)
	} else if ok {
		it.Recorded = t
	}
	it.LastModified = it.Recorded
	if t, ok, err := uid.time("mod"); err != nil {
		return record.Item{}, fmt.Errorf("EventUID mod: %w", err)
	} else if ok {
		it.LastModified = t
	}
	it.RecorderID = it.AuthorID
	if v, ok := uid.get("by"); ok {
		it.RecorderID = v
	}
	it.OrganisationID, _ = uid.get("org")
	it.ConsultationID, _ = uid.get("cons")
	it.Confidential = uid.has("conf")
	it.ProblemIDs = uids(ev.LinkedProblemUID)
	return it, nil
}

// withLinks adds an element's LinkedProblemUIDs to the item's.
func withLinks(it record.Item, linked []string) record.Item {
	for _, id := range uids(linked) {
		if !contains(it.ProblemIDs, id) {
			it.ProblemIDs = append(it.ProblemIDs, id)
		}
	}
	return it
}

func uids(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parseEventDateTime reads Event@DateTime. The schema's xs:dateTime has no
// partial form, so the precision is derived from the time: midnight is a
// day, whole minutes a minute, anything else a second.
func parseEventDateTime(s string) (record.Date, error) {
	d, err := parseDate(s)
	if err != nil || d.IsZero() || d.Precision != record.PrecisionSecond || d.Time.Nanosecond() != 0 {
		return d, err
	}
	h, m, sec := d.Time.Clock()
	switch {
	case h == 0 && m == 0 && sec == 0:
		d.Precision = record.PrecisionDay
	case sec == 0:
		d.Precision = record.PrecisionMinute
	}
	return d, nil
}

func narrativeText(ns []Narrative) string {
	lines := make([]string, 0, len(ns))
	for _, n := range ns {
		if l := strings.TrimSpace(n.Line); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// parseQuantity reads "28 tablet" as 28 of unit "tablet"; text that does
// not start with a number gives no quantity.
func parseQuantity(s string) (record.Quantity, bool) {
	s = strings.TrimSpace(s)
	num, unit, _ := strings.Cut(s, " ")
	q := record.Quantity{Unit: strings.TrimSpace(unit)}
	for _, c := range []string{"<=", ">=", "<", ">"} {
		if rest, ok := strings.CutPrefix(num, c); ok {
			q.Comparator, num = c, rest
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return record.Quantity{}, false
	}
	q.Value = v
	return q, true
}

func formatQuantity(q record.Quantity) string {
	s := q.Comparator + strconv.FormatFloat(q.Value, 'f', -1, 64)
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}

// daysBetween counts whole days from a to b (dates at day precision).
func daysBetween(a, b record.Date) int {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	return int(b.Time.Sub(a.Time).Round(24*time.Hour) / (24 * time.Hour))
}

// ---------------------------------------------------------------- encoding

// clinicalEncoder writes the ClinicalRecord as Events, area by area in the
// record's order, so that decoding gives each area back in order.
type clinicalEncoder struct {
	practice *record.Practice
	events   []Event
}

func clinicalEvents(practice *record.Practice, rec *record.ClinicalRecord) []Event {
	e := &clinicalEncoder{practice: practice}
	for i := range rec.Problems {
		e.problem(&rec.Problems[i])
	}
	for i := range rec.Consultations {
		e.consultation(&rec.Consultations[i])
	}
	for i := range rec.Allergies {
		e.allergy(&rec.Allergies[i])
	}
	if rec.NoKnownAllergies != nil {
		ev, uid := e.observation(rec.NoKnownAllergies)
		uid.set("nka", "1")
		e.add(ev, uid)
	}
	for i := range rec.Medications {
		e.medication(&rec.Medications[i])
	}
	for i := range rec.Observations {
		e.add(e.observation(&rec.Observations[i]))
	}
	for i := range rec.Immunisations {
		e.immunisation(&rec.Immunisations[i])
	}
	for i := range rec.Investigations {
		e.investigation(&rec.Investigations[i])
	}
	for i := range rec.Referrals {
		e.referral(&rec.Referrals[i])
	}
	for i := range rec.DiaryEntries {
		e.diary(&rec.DiaryEntries[i])
	}
	for i := range rec.Documents {
		e.document(&rec.Documents[i])
	}
	return e.events
}

func (e *clinicalEncoder) add(ev Event, uid eventUID) {
	ev.EventUID = uid.String()
	e.events = append(e.events, ev)
}

// itemEvent starts the Event for an item: DateTime, UserName and the
// metadata qualifiers the elements cannot say.
func (e *clinicalEncoder) itemEvent(it *record.Item) (Event, eventUID) {
	uid := eventUID{ID: it.ID}
	ev := Event{UserName: userName(e.practice, it.AuthorID)}
	if !it.Effective.IsZero() {
		ev.DateTime = formatDateTime(it.Effective.Time)
	}
	eff, _ := parseEventDateTime(ev.DateTime)
	if eff != it.Effective && !(eff.IsZero() && it.Effective.IsZero()) {
		uid.setDate("eff", it.Effective)
	}
	if !eff.IsZero() || !it.Effective.IsZero() {
		eff = it.Effective
	}
	var recorded time.Time
	if !eff.IsZero() {
		recorded = eff.Time
	}
	if !it.Recorded.Equal(recorded) || it.Recorded.IsZero() != recorded.IsZero() {
		uid.setTime("rec", it.Recorded)
	}
	if !it.LastModified.Equal(it.Recorded) || it.LastModified.IsZero() != it.Recorded.IsZero() {
		uid.setTime("mod", it.LastModified)
	}
	if by := userName(e.practice, it.RecorderID); by != ev.UserName {
		uid.set("by", by)
	}
	if it.OrganisationID != "" {
		uid.set("org", organisationODS(e.practice, it.OrganisationID))
	}
	if it.ConsultationID != "" {
		uid.set("cons", it.ConsultationID)
	}
	if it.Confidential {
		uid.set("conf", "1")
	}
	return ev, uid
}

// roleCodes collects the ClinicalCodes of an Event with their roles.
type roleCodes struct {
	roles []string
	codes []ClinicalCode
}

func (r *roleCodes) add(role string, cc ClinicalCode) {
	r.roles = append(r.roles, role)
	r.codes = append(r.codes, cc)
}

// addConcept adds a role code when the concept holds anything.
func (r *roleCodes) addConcept(role string, c record.Concept) {
	if !c.IsZero() {
		r.add(role, ClinicalCode{Code: conceptToTPP(c)})
	}
}

// apply puts the codes on the Event and lists their roles in the "codes"
// qualifier; a lone item code needs no list.
func (r *roleCodes) apply(ev *Event, uid *eventUID) {
	ev.ClinicalCode = r.codes
	if len(r.codes) == 0 || len(r.codes) == 1 && r.roles[0] == roleItem {
		return
	}
	uid.setList("codes", r.roles)
}

// dateElem formats an xs:date element; a date the element cannot hold
// exactly (a partial date) also goes into the named qualifier.
func dateElem(uid *eventUID, name string, d record.Date) string {
	s := formatDate(d)
	if back, _ := parseDate(s); back != d && !(back.IsZero() && d.IsZero()) {
		uid.setDate(name, d)
	}
	return s
}

// dateFromElem reads an xs:date element, preferring the qualifier.
func dateFromElem(uid eventUID, name, s string) (record.Date, error) {
	if d, ok, err := uid.date(name); ok {
		return d, err
	}
	return parseDate(s)
}

func narrative(text string) []Narrative {
	if text == "" {
		return nil
	}
	return []Narrative{{Line: text}}
}

func formatDecimal(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
