package tpp

import (
	"strconv"
	"strings"
	"time"

	"im1fhir/record"
)

// A consultation is an Event of its own holding an Activity (SystmOne's
// record of time spent with the patient): Performed is the consultation
// type, With "Patient", Method and the Event's Method "Telephone" for a
// telephone consultation else "Face to face", Duration the minutes from the
// period's start (the Event's DateTime) to its end. DoneAt is the location
// id. Its code, if any, is a ClinicalCode beside it (role code).
//
// The schema has no topics or headings: each heading is one Narrative line
// of the consultation's Event, "<topic> / <heading>: <item id> <item id>",
// with the topic's problem as the line's LinkedProblemUID ('%', '/', ':' in
// titles and '%', ' ' in ids are percent-escaped); a topic without headings
// is a line holding its title alone. Items name their consultation in their
// own EventUID ("cons" qualifier). Qualifiers on the consultation: pstart
// and pend when the period is not what DateTime and Duration say, note.

func (e *clinicalEncoder) consultation(c *record.Consultation) {
	ev, uid := e.itemEvent(&c.Item)
	ev.DoneAt = c.LocationID
	method := "Face to face"
	if strings.Contains(strings.ToLower(c.Type), "telephone") {
		method = "Telephone"
	}
	ev.Method = method
	if c.Period.Start != c.Effective {
		uid.setDate("pstart", c.Period.Start)
	}
	minutes := 0
	if !c.Period.End.IsZero() && !c.Period.Start.IsZero() {
		minutes = int(c.Period.End.Time.Sub(c.Period.Start.Time) / time.Minute)
	}
	if derivedConsultationEnd(c.Period.Start, minutes) != c.Period.End {
		uid.setDate("pend", c.Period.End)
	}
	if c.Note != "" {
		uid.set("note", c.Note)
	}
	ev.Activity = []Activity{{Performed: c.Type, With: "Patient", Method: method, Duration: strconv.Itoa(max(minutes, 0))}}
	var rc roleCodes
	rc.addConcept(roleCode, c.Code)
	rc.apply(&ev, &uid)
	for _, t := range c.Topics {
		var linked []string
		if t.ProblemID != "" {
			linked = []string{t.ProblemID}
		}
		if len(t.Headings) == 0 {
			ev.Narrative = append(ev.Narrative, Narrative{Line: escapeTitle(t.Title), LinkedProblemUID: linked})
		}
		for _, h := range t.Headings {
			ids := make([]string, len(h.ItemIDs))
			for i, id := range h.ItemIDs {
				ids[i] = idEscaper.Replace(id)
			}
			line := escapeTitle(t.Title) + " / " + escapeTitle(h.Title) + ":"
			if len(ids) > 0 {
				line += " " + strings.Join(ids, " ")
			}
			ev.Narrative = append(ev.Narrative, Narrative{Line: line, LinkedProblemUID: linked})
		}
	}
	e.add(ev, uid)
}

// derivedConsultationEnd is the end a Duration of minutes says; none for 0.
func derivedConsultationEnd(start record.Date, minutes int) record.Date {
	if minutes <= 0 || start.IsZero() {
		return record.Date{}
	}
	return record.Date{Time: start.Time.Add(time.Duration(minutes) * time.Minute), Precision: record.PrecisionMinute}
}

func (d *clinicalDecoder) consultation(e entry) error {
	ev := e.ev
	a := ev.Activity[0]
	c := record.Consultation{Item: e.item, Type: strings.TrimSpace(a.Performed), LocationID: strings.TrimSpace(ev.DoneAt)}
	c.Code = e.role(roleCode)
	c.Note, _ = e.uid.get("note")
	c.Period.Start = c.Effective
	if v, ok, perr := e.uid.date("pstart"); ok {
		if perr != nil {
			return perr
		}
		c.Period.Start = v
	}
	minutes, _ := strconv.Atoi(strings.TrimSpace(a.Duration))
	c.Period.End = derivedConsultationEnd(c.Period.Start, minutes)
	if v, ok, perr := e.uid.date("pend"); ok {
		if perr != nil {
			return perr
		}
		c.Period.End = v
	}
	prevBare := false // a topic line without headings ends its topic
	for _, n := range ev.Narrative {
		problem := ""
		if ids := uids(n.LinkedProblemUID); len(ids) > 0 {
			problem = ids[0]
		}
		topicPart, rest, hasHeading := strings.Cut(n.Line, " / ")
		title := unescapeTitle(strings.TrimSpace(topicPart))
		if len(c.Topics) == 0 || c.Topics[len(c.Topics)-1].Title != title || c.Topics[len(c.Topics)-1].ProblemID != problem || !hasHeading || prevBare {
			c.Topics = append(c.Topics, record.ConsultationTopic{Title: title, ProblemID: problem})
		}
		prevBare = !hasHeading
		if !hasHeading {
			continue
		}
		headingPart, idsPart, _ := strings.Cut(rest, ":")
		h := record.ConsultationHeading{Title: unescapeTitle(strings.TrimSpace(headingPart))}
		for _, id := range strings.Fields(idsPart) {
			h.ItemIDs = append(h.ItemIDs, idUnescaper.Replace(id))
		}
		t := &c.Topics[len(c.Topics)-1]
		t.Headings = append(t.Headings, h)
	}
	d.out.Consultations = append(d.out.Consultations, c)
	return nil
}

var (
	titleEscaper   = strings.NewReplacer("%", "%25", "/", "%2F", ":", "%3A")
	titleUnescaper = strings.NewReplacer("%25", "%", "%2F", "/", "%3A", ":")
	idEscaper      = strings.NewReplacer("%", "%25", " ", "%20")
	idUnescaper    = strings.NewReplacer("%25", "%", "%20", " ")
)

func escapeTitle(s string) string   { return titleEscaper.Replace(s) }
func unescapeTitle(s string) string { return titleUnescaper.Replace(s) }
