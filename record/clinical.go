package record

import "time"

// ClinicalRecord is a patient's clinical content, grouped by GP Connect
// clinical area. Items link to each other by ID (problems to their related
// items, consultations to the items recorded in them).
type ClinicalRecord struct {
	Allergies      []Allergy
	Medications    []Medication
	Problems       []Problem
	Consultations  []Consultation
	Observations   []Observation
	Immunisations  []Immunisation
	Investigations []Investigation
	Referrals      []Referral
	DiaryEntries   []DiaryEntry
	Documents      []Document
	// NoKnownAllergies is set when the record holds an explicit
	// "no known allergies" coding (as opposed to nothing recorded).
	NoKnownAllergies *Observation
}

// Item is what every clinical entry shares.
type Item struct {
	ID string
	// Effective is when it happened clinically; Recorded when it was entered.
	Effective Date
	Recorded  time.Time
	// AuthorID and RecorderID are Practitioner ids.
	AuthorID   string
	RecorderID string
	// OrganisationID is where it was recorded, when not the practice itself.
	OrganisationID string
	Code           Concept
	// Note is free text the clinician attached.
	Note string
	// Confidential items are withheld from GP Connect consumers; the list
	// that would have held them carries a confidential-items warning.
	Confidential bool
	// ConsultationID links the item to the consultation it was recorded in.
	ConsultationID string
	// ProblemIDs are the problems this item is linked to.
	ProblemIDs   []string
	LastModified time.Time
}

// Allergy is an allergy or adverse reaction.
type Allergy struct {
	Item
	// Category is "medication" or "environment" (GP Connect folds food etc. into environment).
	Category string
	// ClinicalStatus is "active" or "resolved".
	ClinicalStatus string
	Ended          Date
	EndReason      string
	Reactions      []Reaction
}

// Reaction is one manifestation of an allergy.
type Reaction struct {
	Manifestation Concept
	Severity      string // "mild", "moderate", "severe"
	Note          string
}

// Medication is a course: an authorisation (acute or repeat) with its issues.
type Medication struct {
	Item
	Drug         Concept // dm+d coding plus supplier drug code
	Dosage       string
	Quantity     Quantity
	QuantityText string
	// PrescriptionType is "acute", "repeat" or "repeat-dispensing".
	PrescriptionType string
	// Status is "active", "completed" or "stopped".
	Status           string
	Period           Period
	StopReason       string
	AuthorisedIssues int
	Issues           []MedicationIssue
}

// MedicationIssue is one prescription issued against a course.
type MedicationIssue struct {
	ID           string
	Issued       Date
	AuthorID     string
	Quantity     Quantity
	QuantityText string
	DurationDays int
	LastModified time.Time
}

// Problem is a problem header: a condition or other item the practice tracks
// as a problem, with links to related items and problems.
type Problem struct {
	Item
	// Status is "active" or "inactive"; Significance "major" or "minor".
	Status       string
	Significance string
	Period       Period
	// ParentID is the parent problem; related items are in ItemIDs.
	ParentID string
	ItemIDs  []string
}

// Consultation is an encounter with its recorded structure: topics (usually
// problems) holding headings that hold clinical items by ID.
type Consultation struct {
	Item
	// Type is the consultation type text ("Surgery consultation", "Telephone").
	Type       string
	LocationID string
	Period     Period
	Topics     []ConsultationTopic
}

// ConsultationTopic is a topic (problem) within a consultation.
type ConsultationTopic struct {
	Title     string
	ProblemID string
	Headings  []ConsultationHeading
}

// ConsultationHeading is a heading ("History", "Examination", "Plan") holding items.
type ConsultationHeading struct {
	Title   string
	Code    Concept
	ItemIDs []string
}

// Observation is an uncategorised data item: a coded entry, optionally with a
// value, a reference range and components (blood pressure pairs).
type Observation struct {
	Item
	Value          *Quantity
	ValueText      string
	Range          *Range
	Interpretation string
	Components     []ObservationComponent
}

// Range is a reference range.
type Range struct {
	Low, High *Quantity
	Text      string
}

// ObservationComponent is one part of a compound observation (systolic, diastolic).
type ObservationComponent struct {
	Code  Concept
	Value *Quantity
}

// Immunisation is a vaccination given, or recorded as not given.
type Immunisation struct {
	Item
	Vaccine  Concept
	NotGiven bool
	Reason   Concept
	Dose     int
	Batch    string
	Site     Concept
	Route    Concept
	// Status is "completed" or "entered-in-error".
	Status string
}

// Investigation is a test report (pathology, radiology): a report with its
// specimens, test groups and results, optionally from a test request.
type Investigation struct {
	Item
	Status     string // "final", "partial", ...
	Issued     time.Time
	Request    *TestRequest
	Specimens  []Specimen
	TestGroups []TestGroup
	// Results are results not grouped under a test group.
	Results []Observation
	Filed   bool
}

// TestRequest is the ProcedureRequest behind an investigation.
type TestRequest struct {
	ID       string
	Code     Concept
	Date     Date
	AuthorID string
}

// Specimen is a sample taken for an investigation.
type Specimen struct {
	ID        string
	Type      Concept
	Collected Date
	Note      string
}

// TestGroup is a battery of results (a full blood count).
type TestGroup struct {
	ID      string
	Code    Concept
	Results []Observation
}

// Referral is an outbound referral.
type Referral struct {
	Item
	Status      string // "active", "completed", ...
	Priority    string // "routine", "urgent", "asap"
	Recipient   string // organisation name or id
	RecipientID string
	Service     Concept
	Reason      Concept
}

// DiaryEntry is a future action (a recall, a reminder).
type DiaryEntry struct {
	Item
	Due    Date
	Status string
}

// Document is a document attached to the record.
type Document struct {
	Item
	Title       string
	ContentType string
	Size        int64
	URL         string
}
