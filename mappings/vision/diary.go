package vision

import (
	"strconv"

	"im1fhir/record"
)

// Diary entries are our entity type 905 (a recall: the journal's due_date
// and status), documents our 906 (title, mime_type, doc_size, doc_url).

func (j *journal) diaryEntry(i int, c *ClinicalRow) error {
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	d := record.DiaryEntry{Item: it, Status: c.Status}
	if d.Due, err = parseDate(c.DueDate, c.DueDateF); err != nil {
		return &fieldError{row: i + 1, field: "due_date", err: err}
	}
	j.rec.DiaryEntries = append(j.rec.DiaryEntries, d)
	j.file(c, d.ID)
	return nil
}

func (e *encoder) diaryEntry(d *record.DiaryEntry) {
	row := e.rowOf(EntityDiary, "", &d.Item)
	row.DueDate, row.DueDateF = formatDate(d.Due)
	row.Status = d.Status
	e.clinical = append(e.clinical, row)
}

func (j *journal) document(i int, c *ClinicalRow) error {
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	d := record.Document{Item: it, Title: c.Title, ContentType: c.MimeType, URL: c.DocURL}
	if c.DocSize != "" {
		if d.Size, err = strconv.ParseInt(c.DocSize, 10, 64); err != nil {
			return &fieldError{row: i + 1, field: "doc_size", err: errBadNumber}
		}
	}
	j.rec.Documents = append(j.rec.Documents, d)
	j.file(c, d.ID)
	return nil
}

func (e *encoder) document(d *record.Document) {
	row := e.rowOf(EntityDocument, "", &d.Item)
	row.Title, row.MimeType, row.DocURL = d.Title, d.ContentType, d.URL
	if d.Size != 0 {
		row.DocSize = strconv.FormatInt(d.Size, 10)
	}
	e.clinical = append(e.clinical, row)
}
