package record

import "time"

// Patient is one person registered (now or formerly) at a practice, with
// their demographics, registration, spine status and clinical record.
type Patient struct {
	// ID is the logical id the practice system gives the patient; it is stable
	// across reads and used in FHIR resource ids.
	ID              string
	NHSNumber       NHSNumber
	NHSNumberStatus NHSNumberStatus

	Name          HumanName
	OtherNames    []HumanName
	BirthDate     Date
	Gender        Gender
	Deceased      Date // zero when alive
	MultipleBirth bool
	Addresses     []Address
	Telecom       []ContactPoint
	Contacts      []Contact
	Communication *Communication

	Registration Registration
	Spine        SpineStatus
	// Consent is the patient's record-sharing preference as coded in the record.
	Consent Consent
	// RecordInTransit is set while the record is being transferred (GP2GP):
	// GP Connect lists carry a data-in-transit warning.
	RecordInTransit bool

	Record ClinicalRecord

	LastModified time.Time
}

// IsDeceased reports whether a date of death is held.
func (p *Patient) IsDeceased() bool { return !p.Deceased.IsZero() }

// Communication is the patient's language and communication needs
// (GP Connect nhsCommunication extension).
type Communication struct {
	Language            Code // CareConnect-HumanLanguage-1 code, e.g. "en", "de"
	Preferred           bool
	InterpreterRequired bool
}

// Registration is the patient's registration at the practice.
type Registration struct {
	// Type is the CareConnect-RegistrationType-1 code: "R" regular (GMS),
	// "T" temporary, "E" emergency, "IN" immediately necessary, "P" private.
	Type   string
	Period Period
	// Active is false once the patient has left the practice (deducted).
	Active bool
	// OrganisationID is the registered practice; UsualGPID the usual GP;
	// PreferredBranchID a Location id.
	OrganisationID    string
	UsualGPID         string
	PreferredBranchID string
}

// Registration types (CareConnect-RegistrationType-1).
const (
	RegistrationRegular   = "R"
	RegistrationTemporary = "T"
	RegistrationEmergency = "E"
)

// RegistrationTypeDisplay gives the CodeSystem display for each type.
var RegistrationTypeDisplay = map[string]string{
	"R":  "Regular",
	"E":  "Emergency",
	"IN": "Immediately necessary",
	"T":  "Temporary",
	"P":  "Private",
	"O":  "Other",
	"S":  "Walk-In",
}

// SpineStatus is what the national spine (PDS) says of the patient, as the
// practice system last synchronised it.
type SpineStatus struct {
	Sensitive  bool // restricted record (S flag): never disclosed
	Superseded bool // NHS number superseded by a merge
	NotOnSpine bool // known locally, no PDS entry
}

// Consent is the patient's record-sharing choice.
type Consent uint8

// Consent values. ConsentDissent blocks the clinical record only: demographics
// are still returned.
const (
	ConsentUnknown Consent = iota
	ConsentGiven
	ConsentDissent
)

// Disclosable reports whether GP Connect may return the patient at all
// (gpconnect.md §4.1): the registration is active, the patient is alive,
// the spine does not mark the record sensitive, and the NHS number is
// verified — or, when it is not, a spine trace would verify it (the patient
// is on the spine and the number is not superseded). A patient who dissented
// from sharing is still disclosable: consent only guards the clinical record.
func (p *Patient) Disclosable() bool {
	if !p.Registration.Active || p.IsDeceased() || p.Spine.Sensitive || p.NHSNumber == "" {
		return false
	}
	if p.NHSNumberStatus == NHSNumberVerified {
		return true
	}
	return !p.Spine.NotOnSpine && !p.Spine.Superseded
}
