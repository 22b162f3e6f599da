package vision

import (
	"strconv"
	"strings"

	"im1fhir/record"
)

// Medication: a course is a repeat template row (40) and each prescription
// issued against it an issue row (39) whose repeat_id is the template's
// identity. The real export writes acute prescriptions as issue rows alone
// (issue_ty A) and does not link repeat issues (issue_ty I) to their
// template; see medicationIssues for how those are grouped.

// repeatTyType maps repeat_ty to the prescription type. R is proven by the
// sample's two templates; A (acute) and D (repeat dispensing) are ours.
var repeatTyType = map[string]string{
	"A": "acute",
	"R": "repeat",
	"D": "repeat-dispensing",
}

var typeRepeatTy = map[string]string{
	"acute":             "A",
	"repeat":            "R",
	"repeat-dispensing": "D",
}

// Suffix of the id of a course rebuilt from issue rows, which have no
// template row to give it one of its own.
const courseSuffix = "-course"

// quantityOf reads quantity and packsize (the unit: the sample's templates
// write 56 "tablet") and the quantity text, which when absent is the two
// together.
func quantityOf(c *ClinicalRow) (record.Quantity, string, error) {
	q := record.Quantity{Unit: c.PackSize}
	if c.Quantity != "" {
		v, err := parseNumber(c.Quantity)
		if err != nil {
			return q, "", err
		}
		q.Value = v
	}
	text := c.QuantText
	if text == "" {
		text = quantityText(q)
	}
	return q, text, nil
}

// quantityText is how a quantity reads when no other text is held.
func quantityText(q record.Quantity) string {
	if q.Value == 0 && q.Unit == "" {
		return ""
	}
	return strings.TrimSpace(strconv.FormatFloat(q.Value, 'g', -1, 64) + " " + q.Unit)
}

func setQuantity(row *ClinicalRow, q record.Quantity, text string) {
	if q.Value != 0 {
		row.Quantity = formatNumber(q.Value)
	}
	row.PackSize = q.Unit
	if text != quantityText(q) {
		row.QuantText = text
	}
}

// template reads a repeat template row as a course.
func (j *journal) template(i int, c *ClinicalRow) error {
	if c.Identity == "" {
		return &fieldError{row: i + 1, field: "identity", err: errNoID}
	}
	m, err := courseOf(i, c)
	if err != nil {
		return err
	}
	if _, dup := j.courses[m.ID]; dup {
		return &fieldError{row: i + 1, field: "identity", err: errDuplicateID}
	}
	j.courses[m.ID] = len(j.rec.Medications)
	j.rec.Medications = append(j.rec.Medications, m)
	j.file(c, m.ID)
	return nil
}

func courseOf(i int, c *ClinicalRow) (record.Medication, error) {
	it, err := itemOf(i, c)
	if err != nil {
		return record.Medication{}, err
	}
	fail := func(field string, err error) (record.Medication, error) {
		return record.Medication{}, &fieldError{row: i + 1, field: field, err: err}
	}
	it.Code = record.Concept{}
	m := record.Medication{Item: it, Drug: drugOf(c, c.DrugName), Dosage: c.Dosage,
		PrescriptionType: repeatTyType[c.RepeatTy], Status: c.Status, StopReason: c.ReasonTxt}
	if m.Status == "" {
		// The sample's templates have no status: inactive says whether
		// the authorisation still runs.
		m.Status = "active"
		if boolFlag(c.Inactive) {
			m.Status = "stopped"
		}
	}
	if m.Quantity, m.QuantityText, err = quantityOf(c); err != nil {
		return fail("quantity", err)
	}
	if m.Period.Start, err = parseDate(c.StartDate, c.StartDateF); err != nil {
		return fail("start_date", err)
	}
	if m.Period.Start.IsZero() {
		m.Period.Start = it.Effective
	}
	if m.Period.End, err = parseDate(c.UntilDate, c.UntilDateF); err != nil {
		return fail("until_date", err)
	}
	if m.AuthorisedIssues, err = parseCount(c.MaxIssues); err != nil {
		return fail("max_issues", err)
	}
	return m, nil
}

func issueOf(i int, c *ClinicalRow) (record.MedicationIssue, error) {
	fail := func(field string, err error) (record.MedicationIssue, error) {
		return record.MedicationIssue{}, &fieldError{row: i + 1, field: field, err: err}
	}
	if !validID(c.Identity) {
		return fail("identity", errBadID)
	}
	is := record.MedicationIssue{ID: c.Identity, AuthorID: ref(c.Clinician)}
	if is.AuthorID == "" {
		is.AuthorID = ref(c.SignGP)
	}
	var err error
	if is.Issued, err = parseDate(c.EventDate, c.EventDateF); err != nil {
		return fail("eventdate", err)
	}
	if is.Quantity, is.QuantityText, err = quantityOf(c); err != nil {
		return fail("quantity", err)
	}
	if is.DurationDays, err = parseCount(c.NumberDays); err != nil {
		return fail("numberdays", err)
	}
	if is.LastModified, err = parseTimestamp(c.SysDate); err != nil {
		return fail("sysdate", err)
	}
	return is, nil
}

// issueRun is a run of unlinked repeat issues of one drug, numbered
// upwards from issue_no 1.
type issueRun struct {
	drugCode string
	rows     []int
	course   int // index of its course in the record, -1 until made
}

// medicationIssues places the issue rows. An issue with a repeat_id goes
// to that template. In a real export issues carry no link: an acute issue
// (issue_ty A) is a course of its own; repeat issues of one drug are split
// into runs where issue_no starts again, and each template takes the first
// run of its drug_code issued on or after its own date (the sample's
// 11-issue Irbesartan run under the template that says num_issues 11). A
// run no template takes becomes a repeat course of its own. Rebuilt courses
// take the id of their first issue with the suffix -course, and are
// completed: their authorisation is not in the record.
func (j *journal) medicationIssues(rows []ClinicalRow) error {
	var unlinked []int
	for _, i := range j.issues {
		c := &rows[i]
		if mi, ok := j.courses[ref(c.RepeatID)]; ok && ref(c.RepeatID) != "" {
			is, err := issueOf(i, c)
			if err != nil {
				return err
			}
			j.rec.Medications[mi].Issues = append(j.rec.Medications[mi].Issues, is)
			continue
		}
		unlinked = append(unlinked, i)
	}
	if len(unlinked) == 0 {
		return nil
	}
	// Runs of repeat issues, by drug.
	var runs []*issueRun
	rebuilt := map[int]bool{} // courses made here from runs
	runOf := map[int]*issueRun{}
	current := map[string]*issueRun{}
	lastNo := map[*issueRun]int{}
	for _, i := range unlinked {
		c := &rows[i]
		if c.IssueTy == "A" {
			continue
		}
		no, err := parseCount(c.IssueNo)
		if err != nil {
			return &fieldError{row: i + 1, field: "issue_no", err: err}
		}
		key := c.DrugCode + "\x00" + c.Name
		r := current[key]
		if r == nil || no <= lastNo[r] {
			r = &issueRun{drugCode: c.DrugCode, course: -1}
			runs = append(runs, r)
			current[key] = r
		}
		lastNo[r] = no
		r.rows = append(r.rows, i)
		runOf[i] = r
	}
	// Templates without linked issues claim a run of their drug.
	for _, mi := range j.unissuedTemplates() {
		m := &j.rec.Medications[mi]
		for _, r := range runs {
			if r.course >= 0 || r.drugCode == "" || r.drugCode != j.templateDrug(mi) {
				continue
			}
			first, err := parseDate(rows[r.rows[0]].EventDate, rows[r.rows[0]].EventDateF)
			if err != nil {
				return &fieldError{row: r.rows[0] + 1, field: "eventdate", err: err}
			}
			if !first.Time.Before(m.Effective.Time) {
				r.course = mi
				break
			}
		}
	}
	for _, i := range unlinked {
		c := &rows[i]
		is, err := issueOf(i, c)
		if err != nil {
			return err
		}
		r := runOf[i]
		if r == nil || r.course < 0 {
			typ := "acute"
			if r != nil {
				typ = "repeat"
			}
			m, err := courseFromIssue(i, c, typ)
			if err != nil {
				return err
			}
			if r != nil {
				r.course = len(j.rec.Medications)
				rebuilt[r.course] = true
			}
			j.rec.Medications = append(j.rec.Medications, m)
			j.file(c, m.ID)
			if r == nil {
				m := &j.rec.Medications[len(j.rec.Medications)-1]
				m.Issues = append(m.Issues, is)
				continue
			}
		}
		m := &j.rec.Medications[r.course]
		m.Issues = append(m.Issues, is)
		if rebuilt[r.course] {
			m.AuthorisedIssues = len(m.Issues)
			if is.LastModified.After(m.LastModified) {
				m.LastModified = is.LastModified
			}
		}
	}
	return nil
}

// unissuedTemplates lists the courses read from template rows that no
// issue links to, in file order.
func (j *journal) unissuedTemplates() []int {
	var out []int
	for mi := range j.rec.Medications {
		if _, ok := j.courses[j.rec.Medications[mi].ID]; ok && len(j.rec.Medications[mi].Issues) == 0 {
			out = append(out, mi)
		}
	}
	return out
}

// templateDrug is the drug_code of course mi's template row.
func (j *journal) templateDrug(mi int) string {
	if cd, ok := j.rec.Medications[mi].Drug.In(record.SystemMultilex); ok {
		return cd.Code
	}
	return ""
}

// courseFromIssue makes a course of an issue row that no template holds.
func courseFromIssue(i int, c *ClinicalRow, typ string) (record.Medication, error) {
	it, err := itemOf(i, c)
	if err != nil {
		return record.Medication{}, err
	}
	it.ID += courseSuffix
	it.Code = record.Concept{}
	m := record.Medication{Item: it, Drug: drugOf(c, c.Name), Dosage: c.Dosage, PrescriptionType: typ,
		Status: "completed", Period: record.Period{Start: it.Effective}, AuthorisedIssues: 1}
	if m.Quantity, m.QuantityText, err = quantityOf(c); err != nil {
		return record.Medication{}, &fieldError{row: i + 1, field: "quantity", err: err}
	}
	return m, nil
}

// medication writes a course as a template row and its issues as issue rows.
func (e *encoder) medication(m *record.Medication) {
	it := m.Item
	it.Code = record.Concept{} // the drug is the row's coded value
	row := e.rowOf(EntityRepeatTemplate, "", &it)
	row.DrugName = setDrug(&row, m.Drug)
	row.Dosage = m.Dosage
	setQuantity(&row, m.Quantity, m.QuantityText)
	row.RepeatTy = typeRepeatTy[m.PrescriptionType]
	row.Status = m.Status
	row.ReasonTxt = m.StopReason
	row.MaxIssues = formatCount(m.AuthorisedIssues)
	row.NumIssues = strconv.Itoa(len(m.Issues))
	if !sameDate(m.Period.Start, m.Effective) {
		row.StartDate, row.StartDateF = formatDate(m.Period.Start)
	}
	row.UntilDate, row.UntilDateF = formatDate(m.Period.End)
	e.clinical = append(e.clinical, row)
	issueTy := "I"
	if m.PrescriptionType == "acute" {
		issueTy = "A"
	}
	for n, is := range m.Issues {
		ir := ClinicalRow{
			Identity:   is.ID,
			PracID:     e.pracID,
			SysDate:    formatTimestamp(is.LastModified),
			EntityTy:   EntityMedicationIssue,
			MasterID:   e.patientID,
			Category:   "SED004",
			Clinician:  is.AuthorID,
			SignGP:     is.AuthorID,
			DrugCode:   row.DrugCode,
			Name:       row.DrugName,
			Dosage:     m.Dosage,
			NumberDays: formatCount(is.DurationDays),
			RepeatID:   m.ID,
			IssueNo:    strconv.Itoa(n + 1),
			IssueTy:    issueTy,
		}
		ir.EventDate, ir.EventDateF = formatDate(is.Issued)
		setQuantity(&ir, is.Quantity, is.QuantityText)
		e.clinical = append(e.clinical, ir)
	}
}
