package vision

import (
	"fmt"

	"im1fhir/record"
)

// Record-sharing consent is a coded journal entry, not a patient attribute.
// Vision 3 codes in Read v2 (read_code is the five-character code plus a
// two-character term code); snomed_code is also read so files from a SNOMED
// era extract decode the same.
const (
	readDissent   = record.ReadV2SharingDissent
	readConsent   = record.ReadV2SharingConsent
	snomedDissent = record.SNOMEDSharingDissent
	snomedConsent = record.SNOMEDSharingConsent
)

// consentOfRow says which consent, if any, a row records.
func consentOfRow(c *ClinicalRow) record.Consent {
	code := c.ReadCode
	if len(code) > 5 {
		code = code[:5]
	}
	if k := record.ConsentOf(record.SystemReadV2, code); k != record.ConsentUnknown {
		return k
	}
	return record.ConsentOf(record.SystemSNOMED, c.SnomedCode)
}

// consentOf returns the latest dated consent entry's value. An undated entry
// counts as older than any dated one; between equal dates the later row in
// the file wins, as Vision lists the journal in entry order.
func consentOf(rows []ClinicalRow) (record.Consent, error) {
	var history record.ConsentHistory
	for i := range rows {
		c := consentOfRow(&rows[i])
		if c == record.ConsentUnknown {
			continue
		}
		d, err := parseDate(rows[i].EventDate, rows[i].EventDateF)
		if err != nil {
			return 0, fmt.Errorf("clinical row %d: eventdate: %w", i+1, err)
		}
		history.Add(c, d)
	}
	return history.Consent(), nil
}

// consentRow writes the patient's consent as a general (63) journal entry in
// the administrative section (SED006, where the sample files its
// registration entries), dated by the record's last change when known.
func consentRow(p *record.Patient) (ClinicalRow, bool) {
	row := ClinicalRow{
		PracID:   p.Registration.OrganisationID,
		EntityTy: EntityGeneral,
		MasterID: p.ID,
		Category: "SED006",
		Episode:  "EPI000",
	}
	switch p.Consent {
	case record.ConsentDissent:
		row.ReadCode, row.ReadTerm = readDissent+"00", record.ConsentTerms[readDissent]
	case record.ConsentGiven:
		row.ReadCode, row.ReadTerm = readConsent+"00", record.ConsentTerms[readConsent]
	default:
		return ClinicalRow{}, false
	}
	if !p.LastModified.IsZero() {
		t := p.LastModified.UTC()
		row.EventDate, row.EventDateF = formatDate(record.DateOf(t.Year(), t.Month(), t.Day()))
		row.SysDate = formatTimestamp(p.LastModified)
	}
	return row, true
}
