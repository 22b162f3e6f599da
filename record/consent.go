package record

import "strings"

// Record-sharing consent as GP systems code it: a dated clinical entry.
// Sources: public GP code lists (Read v2 9Nd1./9Nd7, CTV3 XaKII) and public
// SNOMED CT usage (416308001, 417370002, 425691002).
const (
	// SNOMEDSharingDissent: "Refused consent for upload to national shared electronic record".
	SNOMEDSharingDissent = "416308001"
	// SNOMEDSharingConsent: "Consent given for electronic record sharing".
	SNOMEDSharingConsent = "425691002"
	// SNOMEDNationalConsent: "Consent given for upload to national shared electronic record".
	SNOMEDNationalConsent = "417370002"
	// ReadV2SharingDissent: "No consent for electronic record sharing".
	ReadV2SharingDissent = "9Nd1."
	// ReadV2SharingConsent: "Consent for electronic record sharing".
	ReadV2SharingConsent = "9Nd7."
	// CTV3SharingDissent: "No consent for electronic record sharing".
	CTV3SharingDissent = "XaKII"
)

// ConsentTerms are the displays to write with each code.
var ConsentTerms = map[string]string{
	SNOMEDSharingDissent:  "Refused consent for upload to national shared electronic record",
	SNOMEDSharingConsent:  "Consent given for electronic record sharing",
	SNOMEDNationalConsent: "Consent given for upload to national shared electronic record",
	ReadV2SharingDissent:  "No consent for electronic record sharing",
	ReadV2SharingConsent:  "Consent for electronic record sharing",
	CTV3SharingDissent:    "No consent for electronic record sharing",
}

// ConsentOf says which record-sharing consent a code records, if any.
// Read codes match with or without their dot padding (suppliers drop it);
// CTV3 contains the Read v2 codes, so they count there too.
func ConsentOf(system, code string) Consent {
	code = strings.TrimSpace(code)
	switch system {
	case SystemSNOMED:
		switch code {
		case SNOMEDSharingDissent:
			return ConsentDissent
		case SNOMEDSharingConsent, SNOMEDNationalConsent:
			return ConsentGiven
		}
	case SystemCTV3:
		if code == CTV3SharingDissent {
			return ConsentDissent
		}
		fallthrough
	case SystemReadV2:
		switch strings.TrimRight(code, ".") {
		case strings.TrimRight(ReadV2SharingDissent, "."):
			return ConsentDissent
		case strings.TrimRight(ReadV2SharingConsent, "."):
			return ConsentGiven
		}
	}
	return ConsentUnknown
}

// ConsentHistory folds a record's consent entries, in file order, to the
// one that stands: the latest dated entry; an undated entry counts as older
// than any dated one, and between equal dates the later entry wins.
type ConsentHistory struct {
	consent Consent
	date    Date
}

// Add considers one entry; ConsentUnknown entries are ignored.
func (h *ConsentHistory) Add(c Consent, d Date) {
	if c == ConsentUnknown {
		return
	}
	if h.consent == ConsentUnknown || !d.Time.Before(h.date.Time) {
		h.consent, h.date = c, d
	}
}

// Consent is the standing consent.
func (h *ConsentHistory) Consent() Consent { return h.consent }
