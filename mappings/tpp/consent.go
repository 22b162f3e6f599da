package tpp

import (
	"strings"

	"im1fhir/record"
)

// Record-sharing consent is a coded journal entry, as in SystmOne itself.
// Written in SNOMED (the schema has no Read v2); read back from SNOMED, or
// from the Read v2 codes 9Nd1./9Nd7. under either scheme, since CTV3 reuses
// many Read v2 identifiers.
const (
	// 416308001 "Refused consent for upload to national shared electronic
	// record"; 9Nd1. / CTV3 XaKII "No consent for electronic record sharing".
	dissentSNOMED = "416308001"
	dissentTerm   = "Refused consent for upload to national shared electronic record"
	dissentRead   = "9Nd1."
	dissentCTV3   = "XaKII"
	consentSNOMED = "425691002"
	consentTerm   = "Consent given for electronic record sharing"
	consentRead   = "9Nd7."
)

// consentOf classifies one code.
func consentOf(c Code) record.Consent {
	switch strings.TrimSpace(c.Code) {
	case dissentSNOMED, dissentRead, dissentCTV3:
		return record.ConsentDissent
	case consentSNOMED, consentRead:
		return record.ConsentGiven
	}
	return record.ConsentUnknown
}

// consentFromEvents returns the consent of the latest dated consent entry;
// undated entries rank before dated ones, and among equals the later one in
// the journal wins.
func consentFromEvents(events []Event) record.Consent {
	best := record.ConsentUnknown
	var bestDate record.Date
	for _, ev := range events {
		for _, cc := range ev.ClinicalCode {
			c := consentOf(cc.Code)
			if c == record.ConsentUnknown {
				continue
			}
			d, err := parseDate(ev.DateTime)
			if err != nil {
				d = record.Date{}
			}
			if best == record.ConsentUnknown || !d.Time.Before(bestDate.Time) {
				best, bestDate = c, d
			}
		}
	}
	return best
}

// consentEvent writes the consent as one coded event. The record keeps no
// date for the choice, so the event carries the record's last-modified time
// when known.
func consentEvent(p *record.Patient) (Event, bool) {
	var cc ClinicalCode
	switch p.Consent {
	case record.ConsentDissent:
		cc.Code = Code{Scheme: schemeSNOMED, Code: dissentSNOMED, Term: dissentTerm}
	case record.ConsentGiven:
		cc.Code = Code{Scheme: schemeSNOMED, Code: consentSNOMED, Term: consentTerm}
	default:
		return Event{}, false
	}
	return Event{
		ClinicalCode: []ClinicalCode{cc},
		DateTime:     formatDateTime(p.LastModified),
		EventUID:     p.ID + "-consent",
	}, true
}
