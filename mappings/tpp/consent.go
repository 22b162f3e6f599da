package tpp

import (
	"im1fhir/record"
)

// Record-sharing consent is a coded journal entry, as in SystmOne itself.
// Written in SNOMED (the schema has no Read v2); read back from SNOMED, or
// from the Read v2 codes 9Nd1./9Nd7. under either scheme, since CTV3 reuses
// many Read v2 identifiers.
const (
	dissentSNOMED = record.SNOMEDSharingDissent
	consentSNOMED = record.SNOMEDSharingConsent
)

// consentOf classifies one code: SNOMED, or CTV3 (which holds the Read v2
// codes too) whatever the scheme says, as SystmOne files vary.
func consentOf(c Code) record.Consent {
	if k := record.ConsentOf(record.SystemSNOMED, c.Code); k != record.ConsentUnknown {
		return k
	}
	return record.ConsentOf(record.SystemCTV3, c.Code)
}

// consentFromEvents returns the consent of the latest dated consent entry;
// undated entries rank before dated ones, and among equals the later one in
// the journal wins.
func consentFromEvents(events []Event) record.Consent {
	var history record.ConsentHistory
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
			history.Add(c, d)
		}
	}
	return history.Consent()
}

// consentEvent writes the consent as one coded event. The record keeps no
// date for the choice, so the event carries the record's last-modified time
// when known.
func consentEvent(p *record.Patient) (Event, bool) {
	var cc ClinicalCode
	switch p.Consent {
	case record.ConsentDissent:
		cc.Code = Code{Scheme: schemeSNOMED, Code: dissentSNOMED, Term: record.ConsentTerms[dissentSNOMED]}
	case record.ConsentGiven:
		cc.Code = Code{Scheme: schemeSNOMED, Code: consentSNOMED, Term: record.ConsentTerms[consentSNOMED]}
	default:
		return Event{}, false
	}
	return Event{
		ClinicalCode: []ClinicalCode{cc},
		DateTime:     formatDateTime(p.LastModified),
		EventUID:     p.ID + "-consent",
	}, true
}
