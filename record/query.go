package record

import "time"

// Area is a GP Connect clinical area of the structured record.
type Area string

// The clinical areas, in the order GP Connect lists them.
const (
	AreaAllergies      Area = "allergies"
	AreaMedications    Area = "medications"
	AreaConsultations  Area = "consultations"
	AreaProblems       Area = "problems"
	AreaImmunisations  Area = "immunisations"
	AreaUncategorised  Area = "uncategorised"
	AreaInvestigations Area = "investigations"
	AreaReferrals      Area = "referrals"
	AreaDiary          Area = "diary"
)

// DateRange is an inclusive range of whole days; a zero bound is open.
// GP Connect compares partial dates as whole intervals (Date.Overlaps).
type DateRange struct {
	From, To time.Time // days, UTC midnight
}

// StructuredQuery is what a consumer asked of the structured record, after
// the request's parameters were validated. A nil area was not requested.
type StructuredQuery struct {
	Allergies      *AllergyQuery
	Medications    *MedicationQuery
	Consultations  *ConsultationQuery
	Problems       *ProblemQuery
	Immunisations  *ImmunisationQuery
	Uncategorised  *PeriodQuery
	Investigations *PeriodQuery
	Referrals      *PeriodQuery
	Diary          *DiaryQuery
}

// AllergyQuery: includeAllergies.
type AllergyQuery struct {
	IncludeResolved bool
}

// MedicationQuery: includeMedication.
type MedicationQuery struct {
	IncludeIssues bool      // includePrescriptionIssues, default true
	From          time.Time // medicationSearchFromDate; zero = all
}

// ConsultationQuery: includeConsultations; at most one of Period and MostRecent.
type ConsultationQuery struct {
	Period     DateRange
	MostRecent int // includeNumberOfMostRecent; 0 = not given
}

// ProblemQuery: includeProblems.
type ProblemQuery struct {
	Status string // filterStatus: "", "active" or "inactive"
}

// ImmunisationQuery: includeImmunisations.
type ImmunisationQuery struct {
	IncludeNotGiven bool // default false
	IncludeStatus   bool // default true
}

// PeriodQuery: the areas filtered by a search period only.
type PeriodQuery struct {
	Period DateRange
}

// DiaryQuery: includeDiaryEntries.
type DiaryQuery struct {
	Until time.Time // diaryEntriesSearchDate; zero = all
}

// Selection is the part of a patient's clinical record a StructuredQuery
// selects, area by area, with confidential items already left out. Record is
// the whole record, so renderers can resolve links (problem → items,
// consultation → items) to items outside the selection.
type Selection struct {
	Query  StructuredQuery
	Record *ClinicalRecord

	Allergies      []*Allergy // active
	EndedAllergies []*Allergy // only when IncludeResolved
	Medications    []*Medication
	Consultations  []*Consultation
	Problems       []*Problem
	Immunisations  []*Immunisation
	Observations   []*Observation
	Investigations []*Investigation
	Referrals      []*Referral
	DiaryEntries   []*DiaryEntry

	// Withheld marks the areas where confidential items were left out: their
	// lists carry the confidential-items warning.
	Withheld map[Area]bool

	// CodeVersions is the terminology version in use per code system
	// (http://snomed.info/sct → its version URI), from the terminology
	// service; renderers put it on codings that carry no version of their
	// own (IM1 im1_code_001). Nil when the service could not be reached.
	CodeVersions map[string]string
}
