package emis

import (
	"fmt"
	"strings"

	"im1fhir/record"
)

// Record-sharing consent codes. EMIS records the Read v2 code with its
// SNOMED CT map, as it does for every Read-coded entry (codes in record).
const (
	readDissent   = record.ReadV2SharingDissent
	readConsent   = record.ReadV2SharingConsent
	snomedDissent = record.SNOMEDSharingDissent
	snomedConsent = record.SNOMEDSharingConsent

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
	switch strings.ToUpper(strings.TrimSpace(scheme)) {
	case SchemeSNOMED:
		return record.ConsentOf(record.SystemSNOMED, value)
	case SchemeREAD2, "":
		return record.ConsentOf(record.SystemReadV2, value)
	}
	return record.ConsentUnknown
}

// consentFromRecord finds the latest dated consent entry among the events
// of the record and of its consultations. Undated entries count as older
// than any dated one; on equal dates the later entry in the file wins.
func consentFromRecord(mr *MedicalRecordType) (record.Consent, error) {
	var history record.ConsentHistory
	consider := func(e *EventType) error {
		k := consentOf(e.Code)
		if k == record.ConsentUnknown {
			return nil
		}
		d, err := parseItemDate(e.AssignedDate, e.DatePart, e.AssignedTime)
		if err != nil {
			return fmt.Errorf("consent entry %s: %w", e.identity(), err)
		}
		history.Add(k, d)
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
	return history.Consent(), nil
}

// consentEvent codes p.Consent as an observation. The record holds no date
// for the choice, so the entry is dated by the patient's last change (the
// choice is at least that old), else the registration start.
func consentEvent(p *record.Patient) *EventType {
	var read, snomed, term string
	switch p.Consent {
	case record.ConsentDissent:
		read, snomed = readDissent, snomedDissent
	case record.ConsentGiven:
		read, snomed = readConsent, snomedConsent
	default:
		return nil
	}
	term = record.ConsentTerms[read]
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
