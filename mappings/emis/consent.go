package emis

import (
	"fmt"
	"strings"

	"im1fhir/record"
)

// Record-sharing consent codes. EMIS records the Read v2 code with its
// SNOMED CT map, as it does for every Read-coded entry.
const (
	readDissent   = "9Nd1."
	readConsent   = "9Nd7."
	snomedDissent = "416308001" // Refused consent for upload to national shared electronic record
	snomedConsent = "425691002"

	termDissent = "No consent for electronic record sharing"
	termConsent = "Consent given for electronic record sharing"

	eventTypeObservation = 1
)

// consentOf says which consent a code records, if any.
func consentOf(c *StringCodeType) record.Consent {
	if c == nil {
		return record.ConsentUnknown
	}
	if k := consentCode(c.Value, c.Scheme); k != record.ConsentUnknown {
		return k
	}
	return consentCode(c.MapCode, c.MapScheme)
}

func consentCode(value, scheme string) record.Consent {
	value, scheme = strings.TrimSpace(value), strings.ToUpper(strings.TrimSpace(scheme))
	switch scheme {
	case SchemeSNOMED:
		switch value {
		case snomedDissent:
			return record.ConsentDissent
		case snomedConsent:
			return record.ConsentGiven
		}
	case SchemeREAD2, "":
		// Read v2 codes are five characters padded with dots; EMIS sometimes
		// drops the padding.
		switch strings.TrimRight(value, ".") {
		case strings.TrimRight(readDissent, "."):
			return record.ConsentDissent
		case strings.TrimRight(readConsent, "."):
			return record.ConsentGiven
		}
	}
	return record.ConsentUnknown
}

// consentFromRecord finds the latest dated consent entry among the events
// of the record and of its consultations. Undated entries count as older
// than any dated one; on equal dates the later entry in the file wins.
func consentFromRecord(mr *MedicalRecordType) (record.Consent, error) {
	best := record.ConsentUnknown
	var bestDate record.Date
	consider := func(e *EventType) error {
		k := consentOf(e.Code)
		if k == record.ConsentUnknown {
			return nil
		}
		d, err := parseItemDate(e.AssignedDate, e.DatePart, e.AssignedTime)
		if err != nil {
			return fmt.Errorf("consent entry %s: %w", e.identity(), err)
		}
		if best == record.ConsentUnknown || !laterThan(bestDate, d) {
			best, bestDate = k, d
		}
		return nil
	}
	if mr.EventList != nil {
		for i := range mr.EventList.Event {
			if err := consider(&mr.EventList.Event[i]); err != nil {
				return 0, err
			}
		}
	}
	if mr.ConsultationList != nil {
		for i := range mr.ConsultationList.Consultation {
			c := &mr.ConsultationList.Consultation[i]
			if c.ElementList == nil {
				continue
			}
			for j := range c.ElementList.ConsultationElement {
				if e := c.ElementList.ConsultationElement[j].Event; e != nil {
					if err := consider(e); err != nil {
						return 0, err
					}
				}
			}
		}
	}
	return best, nil
}

// laterThan reports whether a is strictly later than b, undated being earliest.
func laterThan(a, b record.Date) bool {
	switch {
	case a.IsZero():
		return false
	case b.IsZero():
		return true
	}
	return a.Time.After(b.Time)
}

// consentEvent codes p.Consent as an observation. The record holds no date
// for the choice, so the entry is dated by the patient's last change (the
// choice is at least that old), else the registration start.
func consentEvent(p *record.Patient) *EventType {
	var read, snomed, term string
	switch p.Consent {
	case record.ConsentDissent:
		read, snomed, term = readDissent, snomedDissent, termDissent
	case record.ConsentGiven:
		read, snomed, term = readConsent, snomedConsent, termConsent
	default:
		return nil
	}
	when := p.Registration.Period.Start
	if !p.LastModified.IsZero() {
		l := p.LastModified.In(london)
		when = record.DateOf(l.Year(), l.Month(), l.Day())
	}
	date, part, clock := formatItemDate(when)
	e := &EventType{EventType: int64p(eventTypeObservation)}
	e.GUID = derivedGUID("emis consent", p.ID)
	e.AssignedDate, e.DatePart, e.AssignedTime = date, int64p(part), clock
	e.DisplayTerm = term
	e.Code = &StringCodeType{Value: read, Scheme: SchemeREAD2, Term: term, MapCode: snomed, MapScheme: SchemeSNOMED}
	return e
}
