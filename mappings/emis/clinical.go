package emis

// The clinical part of the schema. Field order follows each type's
// xs:sequence (base type first, as xs:extension requires). Consent entries
// are read from and written to EventList today; the rest is carried for the
// clinical-record mapping.

// ItemBaseType is the base of every dated clinical item. DatePart gives the
// precision of AssignedDate: 0 dd/mm/yyyy, 1 mm/yyyy, 2 yyyy, 3 not known,
// 4 dd/mm/yyyy hh:mm:ss.
type ItemBaseType struct {
	IdentType
	AssignedDate       string      `xml:"AssignedDate,omitempty"`
	DatePart           *int64      `xml:"DatePart,omitempty"`
	AssignedTime       string      `xml:"AssignedTime,omitempty"`
	Sequence           *int64      `xml:"Sequence,omitempty"`
	AuthorID           *IdentType  `xml:"AuthorID,omitempty"`
	OriginalAuthor     *AuthorType `xml:"OriginalAuthor,omitempty"`
	ExternalConsultant string      `xml:"ExternalConsultant,omitempty"`
	DisplayTerm        string      `xml:"DisplayTerm,omitempty"`
	DescriptiveText    string      `xml:"DescriptiveText,omitempty"`
	DataSource         *int64      `xml:"DataSource,omitempty"`
	PolicyID           *int64      `xml:"PolicyID,omitempty"`
}

// CodedItemBaseType adds the code, qualifiers and problem details.
type CodedItemBaseType struct {
	ItemBaseType
	Code             *StringCodeType    `xml:"Code,omitempty"`
	TermID           *StringCodeType    `xml:"TermID,omitempty"`
	QualifierList    *QualifierListType `xml:"QualifierList,omitempty"`
	Problem          *ProblemType       `xml:"Problem,omitempty"`
	ProblemLinkList  *LinkListType      `xml:"ProblemLinkList,omitempty"`
	ReferralLinkList *LinkListType      `xml:"ReferralLinkList,omitempty"`
}

// QualifierListType lists qualifiers that alter a code's meaning.
type QualifierListType struct {
	Qualifier []QualifierType `xml:"Qualifier"`
}

// QualifierType is one qualifier (laterality, severity, family member ...).
type QualifierType struct {
	QualifierItemID *IntegerCodeType `xml:"QualifierItemID,omitempty"`
	Group           *IntegerCodeType `xml:"Group,omitempty"`
}

// NumericValueType is a measured value with its normal range.
type NumericValueType struct {
	Operator             string   `xml:"Operator,omitempty"`
	Value                *float64 `xml:"Value,omitempty"`
	Units                string   `xml:"Units,omitempty"`
	MinRangeOperator     string   `xml:"MinRangeOperator,omitempty"`
	MaximumRangeOperator string   `xml:"MaximumRangeOperator,omitempty"`
	NumericMinimum       *float64 `xml:"NumericMinimum,omitempty"`
	NumericMaximum       *float64 `xml:"NumericMaximum,omitempty"`
}

// ProblemType marks a coded item as a problem. ProblemStatus: 0 past,
// 1 active, 2 health admin, 3 potential; Significance: 1 significant, 2 minor.
type ProblemType struct {
	ProblemStatus    *int64     `xml:"ProblemStatus,omitempty"`
	GroupingStatus   *int64     `xml:"GroupingStatus,omitempty"`
	EndDate          string     `xml:"EndDate,omitempty"`
	EndDatePart      *int64     `xml:"EndDatePart,omitempty"`
	ProblemType      *int64     `xml:"ProblemType,omitempty"`
	Significance     *int64     `xml:"Significance,omitempty"`
	ExpectedDuration *int64     `xml:"ExpectedDuration,omitempty"`
	ParentProblem    *IdentType `xml:"ParentProblem,omitempty"`
	Owner            *int64     `xml:"Owner,omitempty"`
}

// LinkListType lists links to other items.
type LinkListType struct {
	Link []LinkType `xml:"Link"`
}

// LinkType links to another item: 0 associated, 1 follows on from, 2 part of.
type LinkType struct {
	Target   IdentType `xml:"Target"`
	LinkType int64     `xml:"LinkType"`
}

// EventListType is the list of coded entries outside consultations.
type EventListType struct {
	Event []EventType `xml:"Event"`
}

// EventType is a coded entry. EventType (the element) says what kind:
// 0 text, 1 observation, 2 problem, 5 value, 7 attachment, 8 referral,
// 10 alert, 11 allergy, 12 family history, 13 immunisation, 14 problem rating.
type EventType struct {
	CodedItemBaseType
	GroupID               *int64            `xml:"GroupID,omitempty"`
	Episodicity           *int64            `xml:"Episodicity,omitempty"`
	NumericValue          *NumericValueType `xml:"NumericValue,omitempty"`
	TextValue             string            `xml:"TextValue,omitempty"`
	Abnormal              *int64            `xml:"Abnormal,omitempty"`
	GMS                   *int64            `xml:"GMS,omitempty"`
	EventType             *int64            `xml:"EventType,omitempty"`
	TemplateID            *int64            `xml:"TemplateID,omitempty"`
	TemplateInstanceID    *int64            `xml:"TemplateInstanceID,omitempty"`
	TemplateComponentName string            `xml:"TemplateComponentName,omitempty"`
	QualifiedTerm         string            `xml:"QualifiedTerm,omitempty"`
	QualifiedCode         string            `xml:"QualifiedCode,omitempty"`
}

// AllergyListType lists allergies.
type AllergyListType struct {
	Allergy []AllergyType `xml:"Allergy"`
}

// AllergyType is an allergy. AllergyType (the element): 0 non-drug, 1 drug
// group, 2 drug name, 3 drug constituent, 4 drug name and constituent.
type AllergyType struct {
	CodedItemBaseType
	Episodicity *int64          `xml:"Episodicity,omitempty"`
	AllergyType *int64          `xml:"AllergyType,omitempty"`
	Codes       *StringCodeType `xml:"Codes,omitempty"`
	Exclude     string          `xml:"Exclude,omitempty"`
}

// MedicationListType lists medication courses (authorisations, not issues).
type MedicationListType struct {
	Medication []MedicationType `xml:"Medication"`
}

// MedicationType is a drug course (and the base of an issue). Status is
// C current, P past (plus EMIS's other letters); PrescriptionType is ACUTE,
// REPEAT or AUTOMATIC.
type MedicationType struct {
	IdentType
	AuthorisedUserID       *IdentType              `xml:"AuthorisedUserID,omitempty"`
	OriginalAuthor         *AuthorType             `xml:"OriginalAuthor,omitempty"`
	AssignedDate           string                  `xml:"AssignedDate,omitempty"`
	DateLastIssue          string                  `xml:"DateLastIssue,omitempty"`
	IssueMethod            string                  `xml:"IssueMethod,omitempty"`
	DateRxExpire           string                  `xml:"DateRxExpire,omitempty"`
	DoseAbbreviation       string                  `xml:"DoseAbbreviation,omitempty"`
	Dosage                 string                  `xml:"Dosage,omitempty"`
	Quantity               *float64                `xml:"Quantity,omitempty"`
	QuantityUnits          string                  `xml:"QuantityUnits,omitempty"`
	QuantityRepresentation string                  `xml:"QuantityRepresentation,omitempty"`
	Duration               *int64                  `xml:"Duration,omitempty"`
	MixtureIndicator       *int64                  `xml:"MixtureIndicator,omitempty"`
	Drug                   DrugType                `xml:"Drug"`
	PrescriptionType       string                  `xml:"PrescriptionType,omitempty"`
	DrugSource             string                  `xml:"DrugSource,omitempty"`
	RxReviewDate           string                  `xml:"RxReviewDate,omitempty"`
	PharmacyText           string                  `xml:"PharmacyText,omitempty"`
	RxText                 string                  `xml:"RxText,omitempty"`
	AuthorisedIssue        *int64                  `xml:"AuthorisedIssue,omitempty"`
	IssueCount             *int64                  `xml:"IssueCount,omitempty"`
	Status                 string                  `xml:"Status,omitempty"`
	Advice                 string                  `xml:"Advice,omitempty"`
	Template               string                  `xml:"Template,omitempty"`
	TemplateComponent      string                  `xml:"TemplateComponent,omitempty"`
	TemplateInstance       *int64                  `xml:"TemplateInstance,omitempty"`
	DrugDelivery           *DrugDeliveryType       `xml:"DrugDelivery,omitempty"`
	ControlledDrug         *ControlledDrugInfoType `xml:"ControlledDrug,omitempty"`
	ProblemLinkList        *LinkListType           `xml:"ProblemLinkList,omitempty"`
	ServiceType            string                  `xml:"ServiceType,omitempty"`
	DispensingInterval     *int64                  `xml:"DispensingInterval,omitempty"`
	RepeatIssueCount       *int64                  `xml:"RepeatIssueCount,omitempty"`
	RepeatInterval         *int64                  `xml:"RepeatInterval,omitempty"`
	ETPIssue               *int64                  `xml:"ETPIssue,omitempty"`
	ContraceptiveIssue     *int64                  `xml:"ContraceptiveIssue,omitempty"`
	PolicyId               *int64                  `xml:"PolicyId,omitempty"`
}

// DrugType is the schema's choice of a preparation (EMIS preparation id) or
// a local mixture. The element itself is required.
type DrugType struct {
	PreparationID *IntegerCodeType `xml:"PreparationID,omitempty"`
	Mixture       *MixtureType     `xml:"Mixture,omitempty"`
}

// MixtureType is a locally defined mixture of preparations.
type MixtureType struct {
	LocalMixture IdentType          `xml:"LocalMixture"`
	MixtureName  string             `xml:"MixtureName"`
	Constituents []ConstituentsType `xml:"Constituents"`
}

// ConstituentsType is one preparation in a mixture.
type ConstituentsType struct {
	PreparationID    IntegerCodeType `xml:"PreparationID"`
	StrengthQuantity string          `xml:"StrengthQuantity,omitempty"`
}

// DrugDeliveryType is structured dosage for decision support.
type DrugDeliveryType struct {
	DoseQuantity   *float64 `xml:"DoseQuantity,omitempty"`
	DoseUnits      string   `xml:"DoseUnits,omitempty"`
	Frequency      *int64   `xml:"Frequency,omitempty"`
	FrequencyUnits string   `xml:"FrequencyUnits,omitempty"`
	DailyDose      *float64 `xml:"DailyDose,omitempty"`
	DailyDoseUnits string   `xml:"DailyDoseUnits,omitempty"`
}

// ControlledDrugInfoType is drug-dependency-unit dispensing detail.
type ControlledDrugInfoType struct {
	DduBatch      string `xml:"DduBatch,omitempty"`
	DduPrinted    string `xml:"DduPrinted,omitempty"`
	DduCollect    string `xml:"DduCollect,omitempty"`
	DduNextDate   string `xml:"DduNextDate,omitempty"`
	DduReduceBy   string `xml:"DduReduceBy,omitempty"`
	DduAfter      string `xml:"DduAfter,omitempty"`
	DduUntil      string `xml:"DduUntil,omitempty"`
	DduNextDose   string `xml:"DduNextDose,omitempty"`
	DduOffset     string `xml:"DduOffset,omitempty"`
	DduClWorker   string `xml:"DduClWorker,omitempty"`
	DduPickUp     string `xml:"DduPickUp,omitempty"`
	DduDoseAbbrev string `xml:"DduDoseAbbrev,omitempty"`
}

// IssueListType lists issues (prescriptions) of medication courses.
type IssueListType struct {
	Issue []IssueType `xml:"Issue"`
}

// IssueType is one issue; MedicationLink names the course it came from.
type IssueType struct {
	MedicationType
	EstimatedCost    *float64            `xml:"EstimatedCost,omitempty"`
	Comment          string              `xml:"Comment,omitempty"`
	IssuerID         *IdentType          `xml:"IssuerID,omitempty"`
	DateTimePrint    string              `xml:"DateTimePrint,omitempty"`
	DateTimeDispense string              `xml:"DateTimeDispense,omitempty"`
	DispenserID      *IdentType          `xml:"DispenserID,omitempty"`
	BatchNumber      string              `xml:"BatchNumber,omitempty"`
	MedicationLink   *MedicationLinkType `xml:"MedicationLink,omitempty"`
}

// MedicationLinkType points from an issue to its course.
type MedicationLinkType struct {
	GUID          string `xml:"GUID,omitempty"`
	PreparationID *int64 `xml:"PreparationID,omitempty"`
	SystemDate    string `xml:"SystemDate,omitempty"`
}

// ConsultationListType lists consultations.
type ConsultationListType struct {
	Consultation []ConsultationType `xml:"Consultation"`
}

// ConsultationType is an encounter and the items recorded in it.
// ConsultationType (the element): 0 GP encounter, 1 community assessment,
// 2 community intervention.
type ConsultationType struct {
	IdentType
	AssignedDate       string           `xml:"AssignedDate"`
	DatePart           *int64           `xml:"DatePart,omitempty"`
	UserID             *IdentType       `xml:"UserID,omitempty"`
	ExternalConsultant string           `xml:"ExternalConsultant,omitempty"`
	LocationID         *IdentType       `xml:"LocationID,omitempty"`
	LocationTypeID     *IdentType       `xml:"LocationTypeID,omitempty"`
	AccompanyingHCPID  *IdentType       `xml:"AccompanyingHCPID,omitempty"`
	ConsultationType   *int64           `xml:"ConsultationType,omitempty"`
	Duration           *int64           `xml:"Duration,omitempty"`
	TravelTime         *int64           `xml:"TravelTime,omitempty"`
	AppointmentSlotID  *int64           `xml:"AppointmentSlotID,omitempty"`
	DataSource         *int64           `xml:"DataSource,omitempty"`
	PolicyID           *int64           `xml:"PolicyID,omitempty"`
	OriginalAuthor     *AuthorType      `xml:"OriginalAuthor,omitempty"`
	ElementList        *ElementListType `xml:"ElementList,omitempty"`
}

// ElementListType lists a consultation's elements.
type ElementListType struct {
	ConsultationElement []ConsultationElementType `xml:"ConsultationElement"`
}

// ConsultationElementType is one item under a heading (Header). It holds one
// of the item kinds; test requests and investigations are not modelled yet.
type ConsultationElementType struct {
	IdentType
	DisplayOrder   *int64           `xml:"DisplayOrder,omitempty"`
	ProblemSection *int64           `xml:"ProblemSection,omitempty"`
	Header         *IntegerCodeType `xml:"Header,omitempty"`
	Event          *EventType       `xml:"Event,omitempty"`
	Medication     *MedicationType  `xml:"Medication,omitempty"`
	Diary          *DiaryType       `xml:"Diary,omitempty"`
	Referral       *ReferralType    `xml:"Referral,omitempty"`
	Allergy        *AllergyType     `xml:"Allergy,omitempty"`
	Attachment     *AttachmentType  `xml:"Attachment,omitempty"`
}

// DiaryListType lists diary entries (recalls, reminders).
type DiaryListType struct {
	Diary []DiaryType `xml:"Diary"`
}

// DiaryType is a diary entry.
type DiaryType struct {
	CodedItemBaseType
	TemplateID            *int64     `xml:"TemplateID,omitempty"`
	TemplateInstanceID    *int64     `xml:"TemplateInstanceID,omitempty"`
	TemplateComponentName string     `xml:"TemplateComponentName,omitempty"`
	DurationTerm          string     `xml:"DurationTerm,omitempty"`
	Reminder              string     `xml:"Reminder,omitempty"`
	ReminderType          string     `xml:"ReminderType,omitempty"`
	LocationTypeID        *IdentType `xml:"LocationTypeID,omitempty"`
}

// ReferralListType lists referrals.
type ReferralListType struct {
	Referral []ReferralType `xml:"Referral"`
}

// ReferralType is a referral in or out.
type ReferralType struct {
	CodedItemBaseType
	Consultant        *IdentType      `xml:"Consultant,omitempty"`
	Provider          *IdentType      `xml:"Provider,omitempty"`
	Speciality        *StringCodeType `xml:"Speciality,omitempty"`
	RequestType       *int64          `xml:"RequestType,omitempty"`
	Team              *IdentType      `xml:"Team,omitempty"`
	ReferralReason    string          `xml:"ReferralReason,omitempty"`
	Community         *int64          `xml:"Community,omitempty"`
	Urgency           *int64          `xml:"Urgency,omitempty"`
	NHS               *int64          `xml:"NHS,omitempty"`
	Transport         *int64          `xml:"Transport,omitempty"`
	ReferralRef       string          `xml:"ReferralRef,omitempty"`
	SourceType        *IdentType      `xml:"SourceType,omitempty"`
	Direction         *int64          `xml:"Direction,omitempty"`
	SourceLocation    *IdentType      `xml:"SourceLocation,omitempty"`
	DatedReferral     string          `xml:"DatedReferral,omitempty"`
	Rejected          *int64          `xml:"Rejected,omitempty"`
	RejectionReason   string          `xml:"RejectionReason,omitempty"`
	Accepted          *int64          `xml:"Accepted,omitempty"`
	Assessed          *int64          `xml:"Assessed,omitempty"`
	ReasonTerm        *StringCodeType `xml:"ReasonTerm,omitempty"`
	SourceDescription string          `xml:"SourceDescription,omitempty"`
	SourceSpeciality  *IdentType      `xml:"SourceSpeciality,omitempty"`
	ReferralMode      string          `xml:"ReferralMode,omitempty"`
}

// AlertListType lists alerts.
type AlertListType struct {
	Alert []AlertType `xml:"Alert"`
}

// AlertType is an on-screen alert.
type AlertType struct {
	CodedItemBaseType
	Book      *int64 `xml:"Book,omitempty"`
	AriveSwap *int64 `xml:"AriveSwap,omitempty"`
}

// AttachmentListType lists attached documents.
type AttachmentListType struct {
	Attachment []AttachmentType `xml:"Attachment"`
}

// AttachmentType is an attached document; Address is its folder location.
type AttachmentType struct {
	CodedItemBaseType
	Title          string `xml:"Title,omitempty"`
	Address        string `xml:"Address"`
	Version        *int64 `xml:"Version,omitempty"`
	DDSIdentifier  string `xml:"DDSIdentifier,omitempty"`
	AttachmentData string `xml:"AttachmentData,omitempty"`
}
