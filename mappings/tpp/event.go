package tpp

// Clinical is the patient's journal: a list of events.
type Clinical struct {
	Event []Event `xml:"Event"`
}

// Event is one journal entry: who recorded what, when and where, holding any
// number of typed children in the schema's order.
type Event struct {
	Medication       []Medication       `xml:"Medication"`
	ClinicalCode     []ClinicalCode     `xml:"ClinicalCode"`
	Reminder         []Reminder         `xml:"Reminder"`
	Recall           []Recall           `xml:"Recall"`
	Vaccination      []Vaccination      `xml:"Vaccination"`
	RepeatMedication []RepeatMedication `xml:"RepeatMedication"`
	Letter           []Letter           `xml:"Letter"`
	PatientPlan      []PatientPlan      `xml:"PatientPlan"`
	CarePlan         []CarePlan         `xml:"CarePlan"`
	Relationship     []Relationship     `xml:"Relationship"`
	Report           []Report           `xml:"Report"`
	Attachment       []Attachment       `xml:"Attachment"`
	Activity         []Activity         `xml:"Activity"`
	Narrative        []Narrative        `xml:"Narrative"`
	DrugSensitivity  []DrugSensitivity  `xml:"DrugSensitivity"`
	LinkedProblemUID []string           `xml:"LinkedProblemUID"`

	DateTime          string `xml:"DateTime,attr,omitempty"`
	UserName          string `xml:"UserName,attr,omitempty"`
	DoneBy            string `xml:"DoneBy,attr,omitempty"`
	DoneAt            string `xml:"DoneAt,attr,omitempty"`
	Software          string `xml:"Software,attr,omitempty"`
	Method            string `xml:"Method,attr,omitempty"`
	LinkedReferralUID string `xml:"LinkedReferralUID,attr,omitempty"`
	EventUID          string `xml:"EventUID,attr,omitempty"`
}

// Drug identifies a product: Scheme is "Multilex" or "Dmd".
type Drug struct {
	FullName  string `xml:"FullName,attr"`
	Scheme    string `xml:"Scheme,attr"`
	ProductID string `xml:"ProductID,attr"`
	PackID    string `xml:"PackID,attr,omitempty"`
	// Name is response only (the Client Integration API's spelling of FullName).
	Name string `xml:"Name,attr,omitempty"`
}

// DisplayName returns the drug's name whichever attribute carried it.
func (d Drug) DisplayName() string {
	if d.FullName != "" {
		return d.FullName
	}
	return d.Name
}

// Medication is an acute issue. MedicationType is "NHS medication",
// "Private issue" or "Other medication".
type Medication struct {
	MedicationType   string   `xml:"MedicationType"`
	Drug             Drug     `xml:"Drug"`
	Dose             string   `xml:"Dose"`
	Quantity         string   `xml:"Quantity"`
	StartDate        string   `xml:"StartDate"`
	EndDate          string   `xml:"EndDate"`
	EndReason        string   `xml:"EndReason,omitempty"`
	RepeatIssue      *Empty   `xml:"RepeatIssue,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// ClinicalCode is a coded entry, optionally a value, a problem header
// (ProblemSeverity set), an allergy or family history.
type ClinicalCode struct {
	Code        Code   `xml:"Code"`
	Episodicity string `xml:"Episodicity,omitempty"`
	Value       string `xml:"Value,omitempty"`
	Units       string `xml:"Units,omitempty"`
	// ProblemUID is response only: the problem this code heads.
	ProblemUID string `xml:"ProblemUID,omitempty"`
	// ProblemSeverity is "Major Episode", "Minor Episode", "Major Event" or
	// "Minor Event" in the XSD; responses send "Major" or "Minor".
	ProblemSeverity  string   `xml:"ProblemSeverity,omitempty"`
	ProblemEndDate   string   `xml:"ProblemEndDate,omitempty"`
	FreeText         string   `xml:"FreeText,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
	IsAllergy        *Empty   `xml:"IsAllergy,omitempty"`
	IsFamilyHistory  *Empty   `xml:"IsFamilyHistory,omitempty"`
}

// Reminder is a free-text alert on the record. Severity is Low|Normal|High.
type Reminder struct {
	FreeText         string   `xml:"FreeText"`
	Severity         string   `xml:"Severity"`
	ExpiryDate       string   `xml:"ExpiryDate,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// Recall is a future recall (a diary entry).
type Recall struct {
	RecallDate       string   `xml:"RecallDate"`
	Type             string   `xml:"Type"`
	FreeText         string   `xml:"FreeText,omitempty"`
	Status           string   `xml:"Status"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// Vaccination is an immunisation given. PartType is a VaccinationPartType
// ("1".."6", "Booster", "At Birth", ...).
type Vaccination struct {
	BatchNumber      string   `xml:"BatchNumber"`
	Notes            string   `xml:"Notes,omitempty"`
	Name             string   `xml:"Name"`
	PartType         string   `xml:"PartType"`
	Dosage           string   `xml:"Dosage,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// RepeatMedication is a repeat template (the authorisation).
type RepeatMedication struct {
	Drug              Drug     `xml:"Drug"`
	Dose              string   `xml:"Dose"`
	Quantity          string   `xml:"Quantity"`
	StartDate         string   `xml:"StartDate"`
	EndDate           string   `xml:"EndDate,omitempty"`
	EndReason         string   `xml:"EndReason,omitempty"`
	MaxIssues         string   `xml:"MaxIssues,omitempty"`
	ReviewDate        string   `xml:"ReviewDate,omitempty"`
	IssueDurationDays string   `xml:"IssueDurationDays"`
	MedicationType    string   `xml:"MedicationType"`
	LinkedProblemUID  []string `xml:"LinkedProblemUID"`
}

// LetterPerson names a letter's sender or recipient.
type LetterPerson struct {
	Title       string `xml:"Title,omitempty"`
	FirstName   string `xml:"FirstName,omitempty"`
	MiddleNames string `xml:"MiddleNames,omitempty"`
	Surname     string `xml:"Surname,omitempty"`
}

// Letter is correspondence. Direction is Incoming|Outgoing|Other; an
// outgoing letter is the closest TPP has to a referral.
type Letter struct {
	RecipientName         *LetterPerson `xml:"RecipientName,omitempty"`
	RecipientOrganisation string        `xml:"RecipientOrganisation,omitempty"`
	RecipientAddress      Address       `xml:"RecipientAddress"`
	SenderName            *LetterPerson `xml:"SenderName,omitempty"`
	SenderOrganisation    string        `xml:"SenderOrganisation,omitempty"`
	SenderAddress         Address       `xml:"SenderAddress"`
	DocumentUid           string        `xml:"DocumentUid"`
	Type                  string        `xml:"Type"`
	Direction             string        `xml:"Direction"`
	DateSentReceived      string        `xml:"DateSentReceived,omitempty"`
	LinkedProblemUID      []string      `xml:"LinkedProblemUID"`
}

// PatientPlanInstruction is one step of a patient plan.
type PatientPlanInstruction struct {
	InstructionText string `xml:"InstructionText"`
	Order           string `xml:"Order"`
}

// PatientPlanItems wraps one instruction (the XSD's anonymous Items type).
type PatientPlanItems struct {
	CarePlanInstruction PatientPlanInstruction `xml:"CarePlanInstruction"`
}

// PatientPlan is a named plan with ordered instructions.
type PatientPlan struct {
	PatientPlan      string             `xml:"PatientPlan"`
	Items            []PatientPlanItems `xml:"Items"`
	LinkedProblemUID []string           `xml:"LinkedProblemUID"`
}

// CarePlanInstruction is one step of a care plan.
type CarePlanInstruction struct {
	InstructionText string `xml:"InstructionText"`
	Order           string `xml:"Order"`
	Responsibility  string `xml:"Responsibility"`
}

// CarePlan is a care plan with its goal and instructions.
type CarePlan struct {
	CarePlanName        string                `xml:"CarePlanName"`
	Description         string                `xml:"Description"`
	Category            string                `xml:"Category"`
	SubCategory         string                `xml:"SubCategory,omitempty"`
	Aim                 string                `xml:"Aim"`
	ReviewDate          string                `xml:"ReviewDate"`
	CarePlanInstruction []CarePlanInstruction `xml:"CarePlanInstruction"`
	LinkedProblemUID    []string              `xml:"LinkedProblemUID"`
}

// Relationship is a person or organisation related to the patient (next of
// kin, carer, GP). Type is a RelationshipType.
type Relationship struct {
	Title            string   `xml:"Title,omitempty"`
	FirstName        string   `xml:"FirstName,omitempty"`
	MiddleNames      string   `xml:"MiddleNames,omitempty"`
	Surname          string   `xml:"Surname,omitempty"`
	Address          *Address `xml:"Address,omitempty"`
	Type             string   `xml:"Type"`
	OrganisationName string   `xml:"OrganisationName,omitempty"`
	Telephone        string   `xml:"Telephone,omitempty"`
	WorkContact      string   `xml:"WorkContact,omitempty"`
	Description      string   `xml:"Description,omitempty"`
	EndDate          string   `xml:"EndDate,omitempty"`
	DateOfBirth      string   `xml:"DateOfBirth,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// FollowUpAction is what the practice will do about a report.
type FollowUpAction struct {
	Action   string `xml:"Action"`
	Comments string `xml:"Comments,omitempty"`
}

// FollowUpActions wraps the single FollowUpAction of a report.
type FollowUpActions struct {
	FollowUpAction FollowUpAction `xml:"FollowUpAction"`
}

// Report is a test report (pathology, radiology, blood spot, screening).
type Report struct {
	BatteryHeaders      string          `xml:"BatteryHeaders"`
	IssueDate           string          `xml:"IssueDate"`
	Result              string          `xml:"Result"`
	Comments            string          `xml:"Comments,omitempty"`
	PatientToBeInformed *Empty          `xml:"PatientToBeInformed,omitempty"`
	CollectionDate      string          `xml:"CollectionDate,omitempty"`
	Type                string          `xml:"Type"`
	FollowUpActions     FollowUpActions `xml:"FollowUpActions"`
	LinkedProblemUID    []string        `xml:"LinkedProblemUID"`
}

// Attachment is a document or URL attached to the record.
type Attachment struct {
	DocumentUid      string   `xml:"DocumentUid,omitempty"`
	URL              string   `xml:"URL,omitempty"`
	Comments         string   `xml:"Comments,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
	// FileName, FileSize and DocumentUID are response only.
	FileName    string `xml:"FileName,omitempty"`
	FileSize    string `xml:"FileSize,omitempty"`
	DocumentUID string `xml:"DocumentUID,omitempty"`
}

// Activity is time spent on the patient (performed what, with whom, how long).
type Activity struct {
	Performed        string   `xml:"Performed"`
	With             string   `xml:"With"`
	Method           string   `xml:"Method"`
	Duration         string   `xml:"Duration"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// Narrative is a line of free text.
type Narrative struct {
	Line             string   `xml:"Line"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}

// DrugSensitivity records a drug or ingredient sensitivity (Type
// Drug|Ingredient); the drug itself is in a sibling Medication or code.
type DrugSensitivity struct {
	Type             string   `xml:"Type"`
	FreeText         string   `xml:"FreeText,omitempty"`
	LinkedProblemUID []string `xml:"LinkedProblemUID"`
}
