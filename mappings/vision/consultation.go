package vision

import (
	"errors"
	"strconv"

	"im1fhir/record"
)

// Vision files every journal row under a consultation (consult_id), a topic
// within it (topic, a number) and a record section (category, SED00n). The
// real export has no consultation table, so for such files consultations
// are rebuilt from the rows; files we write carry <consultation/> and
// <heading/> rows that hold the consultation's own fields and its exact
// topic and heading structure.

// sectionTitle names the record sections, inferred from what the sample
// files under each: SED001 history (dietary history, symptoms), SED002
// examination (blood pressure, weight, test results), SED003 diagnosis,
// SED004 plan (prescriptions, referrals, immunisations), SED005 follow-up
// (hypertension monitoring), SED006 administration (registration, contact
// type).
var sectionTitle = map[string]string{
	"SED001": "History",
	"SED002": "Examination",
	"SED003": "Diagnosis",
	"SED004": "Plan",
	"SED005": "Follow-up",
	"SED006": "Administration",
}

var titleSection = func() map[string]string {
	m := make(map[string]string, len(sectionTitle))
	for k, v := range sectionTitle {
		m[v] = k
	}
	return m
}()

// headingOwner is the coding-row owner of a heading's code.
func headingOwner(consult, topic, heading string) string {
	return consult + "/" + topic + "/" + heading
}

// synthesiseConsultations rebuilds consultations from the filed rows of an
// export without consultation rows: one per consult_id, dated (and its
// period started) and authored by its first row, a topic per topic number and a heading per record
// section, in the order the rows come. A consultation whose rows made no
// item (only repeat issues) is left out.
func (j *journal) synthesiseConsultations() {
	byID := map[string]int{}
	type topicKey struct{ consult, topic string }
	topics := map[topicKey]int{}
	for _, f := range j.filings {
		ki, ok := byID[f.consult]
		if !ok {
			ki = len(j.rec.Consultations)
			byID[f.consult] = ki
			j.rec.Consultations = append(j.rec.Consultations, record.Consultation{Item: record.Item{ID: f.consult}})
		}
		k := &j.rec.Consultations[ki]
		tk := topicKey{f.consult, f.topic}
		ti, ok := topics[tk]
		if !ok {
			ti = len(k.Topics)
			topics[tk] = ti
			k.Topics = append(k.Topics, record.ConsultationTopic{})
		}
		t := &k.Topics[ti]
		title := sectionTitle[f.category]
		hi := -1
		for i := range t.Headings {
			if t.Headings[i].Title == title {
				hi = i
			}
		}
		if hi < 0 {
			hi = len(t.Headings)
			t.Headings = append(t.Headings, record.ConsultationHeading{Title: title})
		}
		t.Headings[hi].ItemIDs = append(t.Headings[hi].ItemIDs, f.item)
	}
	// Date and author come from the consultation's first item as decoded.
	for i := range j.rec.Consultations {
		k := &j.rec.Consultations[i]
		k.Item = j.consultationItem(k.ID)
		k.Period.Start = k.Effective
	}
}

// consultationItem dates and authors a rebuilt consultation from its first
// filed item's row; LastModified is the latest of its items.
func (j *journal) consultationItem(id string) record.Item {
	it := record.Item{ID: id}
	first := true
	for _, f := range j.filings {
		if f.consult != id {
			continue
		}
		src, ok := j.itemByID(f.item)
		if !ok {
			continue
		}
		if first {
			it.Effective, it.AuthorID = src.Effective, src.AuthorID
			first = false
		}
		if src.LastModified.After(it.LastModified) {
			it.LastModified = src.LastModified
		}
	}
	return it
}

// itemByID finds a decoded item (built lazily: only rebuilt consultations
// need it).
func (j *journal) itemByID(id string) (*record.Item, bool) {
	if j.items == nil {
		j.items = map[string]*record.Item{}
		r := &j.rec
		add := func(it *record.Item) {
			if _, dup := j.items[it.ID]; !dup {
				j.items[it.ID] = it
			}
		}
		for i := range r.Allergies {
			add(&r.Allergies[i].Item)
		}
		if r.NoKnownAllergies != nil {
			add(&r.NoKnownAllergies.Item)
		}
		for i := range r.Problems {
			add(&r.Problems[i].Item)
		}
		for i := range r.Observations {
			add(&r.Observations[i].Item)
		}
		for i := range r.Medications {
			add(&r.Medications[i].Item)
		}
		for i := range r.Immunisations {
			add(&r.Immunisations[i].Item)
		}
		for i := range r.Referrals {
			add(&r.Referrals[i].Item)
		}
		for i := range r.Investigations {
			add(&r.Investigations[i].Item)
		}
		for i := range r.DiaryEntries {
			add(&r.DiaryEntries[i].Item)
		}
		for i := range r.Documents {
			add(&r.Documents[i].Item)
		}
	}
	it, ok := j.items[id]
	return it, ok
}

// consultations reads our consultation and heading rows.
func (j *journal) consultations(rows []ClinicalRow, heads []HeadingRow) error {
	byID := map[string]int{}
	for i := range rows {
		c := &rows[i]
		it, err := itemOf(i, c)
		if err == nil {
			var k record.Consultation
			k, err = consultationOf(it, c)
			if err == nil {
				if _, dup := byID[k.ID]; dup {
					err = &fieldError{row: i + 1, field: "identity", err: errDuplicateID}
				}
				byID[k.ID] = len(j.rec.Consultations)
				j.rec.Consultations = append(j.rec.Consultations, k)
			}
		}
		if err != nil {
			var fe *fieldError
			if errors.As(err, &fe) {
				fe.kind = "consultation"
			}
			return err
		}
	}
	type topicKey struct{ consult, topic string }
	topics := map[topicKey]int{}
	for _, h := range heads {
		ki, ok := byID[h.ConsultID]
		if !ok {
			continue
		}
		k := &j.rec.Consultations[ki]
		tk := topicKey{h.ConsultID, h.Topic}
		ti, ok := topics[tk]
		if !ok {
			ti = len(k.Topics)
			topics[tk] = ti
			k.Topics = append(k.Topics, record.ConsultationTopic{Title: h.TopicName, ProblemID: h.ProblemID})
		}
		if h.Heading == "" || h.Heading == "0" {
			continue // a topic without headings
		}
		title := h.HeadName
		if title == "" {
			title = sectionTitle[h.Category]
		}
		k.Topics[ti].Headings = append(k.Topics[ti].Headings, record.ConsultationHeading{
			Title:   title,
			Code:    j.codings[conceptKey{headingOwner(h.ConsultID, h.Topic, h.Heading), slotHeading}],
			ItemIDs: idList(h.Links),
		})
	}
	return nil
}

func consultationOf(it record.Item, c *ClinicalRow) (record.Consultation, error) {
	k := record.Consultation{Item: it, Type: c.ConsType, LocationID: c.Location}
	var err error
	if k.Period.Start, err = parseDate(c.StartDate, c.StartDateF); err != nil {
		return k, err
	}
	if k.Period.Start.IsZero() {
		k.Period.Start = it.Effective
	}
	if k.Period.End, err = parseDate(c.EndDate, c.EndDateF); err != nil {
		return k, err
	}
	return k, nil
}

// index numbers each consultation's topics and notes where each item sits.
func (e *encoder) index(ks []record.Consultation) {
	e.filed = map[string]filedAt{}
	for _, k := range ks {
		for ti, t := range k.Topics {
			for _, h := range t.Headings {
				for _, id := range h.ItemIDs {
					if _, ok := e.filed[id]; !ok {
						e.filed[id] = filedAt{topic: strconv.Itoa(ti + 1), category: titleSection[h.Title]}
					}
				}
			}
		}
	}
}

// consultations writes the consultation and heading rows.
func (e *encoder) consultations(ks []record.Consultation) ([]ClinicalRow, []HeadingRow) {
	var rows []ClinicalRow
	var heads []HeadingRow
	for i := range ks {
		k := &ks[i]
		row := e.rowOf("", "", &k.Item)
		row.Topic, row.Category = "", ""
		row.ConsType, row.Location = k.Type, k.LocationID
		if !sameDate(k.Period.Start, k.Effective) {
			row.StartDate, row.StartDateF = formatDate(k.Period.Start)
		}
		row.EndDate, row.EndDateF = formatDate(k.Period.End)
		rows = append(rows, row)
		for ti, t := range k.Topics {
			topic := strconv.Itoa(ti + 1)
			if len(t.Headings) == 0 {
				heads = append(heads, HeadingRow{ConsultID: k.ID, Topic: topic, TopicName: t.Title, ProblemID: t.ProblemID})
			}
			for hi, h := range t.Headings {
				heading := strconv.Itoa(hi + 1)
				heads = append(heads, HeadingRow{ConsultID: k.ID, Topic: topic, TopicName: t.Title, ProblemID: t.ProblemID,
					Heading: heading, Category: titleSection[h.Title], HeadName: h.Title, Links: joinIDs(h.ItemIDs)})
				e.codings = append(e.codings, codingRows(headingOwner(k.ID, topic, heading), slotHeading, h.Code, true)...)
			}
		}
	}
	return rows, heads
}
