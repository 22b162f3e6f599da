package tpp

import (
	"strings"

	"im1fhir/record"
)

// A diary entry is a Recall: RecallDate (due), Type (the code's text),
// FreeText (the note) and Status ("Pending" active, "Seen" completed,
// "Cancelled by clinician" cancelled); its code is a ClinicalCode beside it.
// Qualifiers: status when the Recall's cannot say it, due for a due date
// other than a whole day (or none: RecallDate is required, so the entry's
// own date is written).
//
// Reading real journals, a Reminder (a free-text alert) is an active diary
// entry due on its ExpiryDate.

var recallStatuses = map[string]string{"active": "Pending", "completed": "Seen", "cancelled": "Cancelled by clinician"}

func (e *clinicalEncoder) diary(de *record.DiaryEntry) {
	ev, uid := e.itemEvent(&de.Item)
	due := de.Due
	if due.IsZero() {
		due = de.Effective
	}
	rc := Recall{RecallDate: formatDate(due), Type: de.Code.Display(), FreeText: de.Note, LinkedProblemUID: de.ProblemIDs}
	if back, _ := parseDate(rc.RecallDate); back != de.Due {
		uid.setDate("due", de.Due)
	}
	status, ok := recallStatuses[de.Status]
	if !ok {
		status = "Pending"
		uid.set("status", de.Status)
	}
	rc.Status = status
	var codes roleCodes
	codes.addConcept(roleCode, de.Code)
	codes.apply(&ev, &uid)
	ev.Recall = []Recall{rc}
	e.add(ev, uid)
}

func (d *clinicalDecoder) recall(e entry, r *Recall) error {
	de := record.DiaryEntry{Item: withLinks(e.item, r.LinkedProblemUID)}
	de.Code = e.role(roleCode)
	if de.Code.IsZero() {
		de.Code = record.Concept{Text: strings.TrimSpace(r.Type)}
	}
	de.Note = r.FreeText
	if de.Note == "" {
		de.Note = e.text
	}
	var err error
	if de.Due, err = dateFromElem(e.uid, "due", r.RecallDate); err != nil {
		return err
	}
	switch s := strings.TrimSpace(r.Status); {
	case s == "Seen":
		de.Status = "completed"
	case strings.HasPrefix(s, "Cancelled"):
		de.Status = "cancelled"
	default: // Pending, Awaiting Result, 1st..3rd Recall
		de.Status = "active"
	}
	if s, ok := e.uid.get("status"); ok {
		de.Status = s
	}
	d.link(de.Item)
	d.out.DiaryEntries = append(d.out.DiaryEntries, de)
	return nil
}

func (d *clinicalDecoder) reminder(e entry, r *Reminder) error {
	de := record.DiaryEntry{Item: withLinks(e.item, r.LinkedProblemUID), Status: "active"}
	de.Code = record.Concept{Text: strings.TrimSpace(r.FreeText)}
	var err error
	if de.Due, err = parseDate(r.ExpiryDate); err != nil {
		return err
	}
	d.link(de.Item)
	d.out.DiaryEntries = append(d.out.DiaryEntries, de)
	return nil
}
