package emis

// RegistrationType holds the patient's demographics and registration. It
// extends IdentType: its GUID is the patient's id.
type RegistrationType struct {
	IdentType
	DateOfBirth              string                        `xml:"DateOfBirth,omitempty"`
	Sex                      string                        `xml:"Sex,omitempty"`
	PreviousNames            string                        `xml:"PreviousNames,omitempty"`
	FamilyName               string                        `xml:"FamilyName,omitempty"`
	CallingName              string                        `xml:"CallingName,omitempty"`
	FirstNames               string                        `xml:"FirstNames,omitempty"`
	Title                    string                        `xml:"Title,omitempty"`
	NhsNumber                string                        `xml:"NhsNumber,omitempty"`
	Address                  *AddressType                  `xml:"Address,omitempty"`
	HomeTelephone            string                        `xml:"HomeTelephone,omitempty"`
	RegisteredGpID           *IdentType                    `xml:"RegisteredGpID,omitempty"`
	UsualGpID                *IdentType                    `xml:"UsualGpID,omitempty"`
	TradingHaID              *IdentType                    `xml:"TradingHaID,omitempty"`
	WalkingQuarters          *int64                        `xml:"WalkingQuarters,omitempty"`
	Dispensing               string                        `xml:"Dispensing,omitempty"`
	RuralMileage             *int64                        `xml:"RuralMileage,omitempty"`
	DifficultQuarters        *int64                        `xml:"DifficultQuarters,omitempty"`
	ResidentialInstitute     string                        `xml:"ResidentialInstitute,omitempty"`
	BlockedSpecial           string                        `xml:"BlockedSpecial,omitempty"`
	RecordsAt                string                        `xml:"RecordsAt,omitempty"`
	HospitalNumbers          string                        `xml:"HospitalNumbers,omitempty"`
	DeductedDate             string                        `xml:"DeductedDate,omitempty"`
	DateOfDeath              string                        `xml:"DateOfDeath,omitempty"`
	Dead                     *int64                        `xml:"Dead,omitempty"`
	DateAdded                string                        `xml:"DateAdded,omitempty"`
	OldNhsNumber             string                        `xml:"OldNhsNumber,omitempty"`
	WorkTelephone            string                        `xml:"WorkTelephone,omitempty"`
	Mobile                   string                        `xml:"Mobile,omitempty"`
	Email                    string                        `xml:"Email,omitempty"`
	HomeAddress              *AddressType                  `xml:"HomeAddress,omitempty"`
	HomeGP                   string                        `xml:"HomeGP,omitempty"`
	HomeGPCode               string                        `xml:"HomeGPCode,omitempty"`
	CHINumber                string                        `xml:"CHINumber,omitempty"`
	FootpathMiles            string                        `xml:"FootpathMiles,omitempty"`
	WaterMiles               string                        `xml:"WaterMiles,omitempty"`
	ServiceType              string                        `xml:"ServiceType,omitempty"`
	ServiceNumber            string                        `xml:"ServiceNumber,omitempty"`
	CustomRegistrationFields *CustomRegistrationFieldsType `xml:"CustomRegistrationFields,omitempty"`
	GRONumber                string                        `xml:"GRONumber,omitempty"`
	UPCINumber               string                        `xml:"UPCINumber,omitempty"`
	MaritalStatus            string                        `xml:"MaritalStatus,omitempty"`
	MedicationReviewDate     string                        `xml:"MedicationReviewDate,omitempty"`
	ExemptionExpiry          string                        `xml:"ExemptionExpiry,omitempty"`
	ScreenMessage            string                        `xml:"ScreenMessage,omitempty"`
	ReminderSent             string                        `xml:"ReminderSent,omitempty"`
	EthnicCode               string                        `xml:"EthnicCode,omitempty"`
	PrisonNumber             string                        `xml:"PrisonNumber,omitempty"`
	PreviousPrisonNumbers    string                        `xml:"PreviousPrisonNumbers,omitempty"`
	PrisonDoctorGP           *IdentType                    `xml:"PrisonDoctorGP,omitempty"`
	SocialSecurityNumber     string                        `xml:"SocialSecurityNumber,omitempty"`
	PolicyId                 *int64                        `xml:"PolicyId,omitempty"`
	Archived                 *int64                        `xml:"Archived,omitempty"`
	SCN                      *int64                        `xml:"SCN,omitempty"`
}

// CustomRegistrationFieldsType holds practice-defined registration fields.
type CustomRegistrationFieldsType struct {
	CustomRegistrationEntry []CustomRegistrationEntryType `xml:"CustomRegistrationEntry"`
}

// CustomRegistrationEntryType is one practice-defined field.
type CustomRegistrationEntryType struct {
	FieldName  string `xml:"FieldName"`
	FieldValue string `xml:"FieldValue,omitempty"`
}

// RegistrationStatusType is the registration status and its history.
type RegistrationStatusType struct {
	CurrentStatus           *CurrentStatusType           `xml:"CurrentStatus,omitempty"`
	StatusHistoryList       *StatusHistoryListType       `xml:"StatusHistoryList,omitempty"`
	RegistrationHistoryList *RegistrationHistoryListType `xml:"RegistrationHistoryList,omitempty"`
}

// StatusType is a registration status: a status code (records received ...),
// its date and the patient type (1 emergency, 2 immediately necessary,
// 3 private, 4 regular, 5 temporary resident, higher values user defined).
type StatusType struct {
	IdentType
	Code        *IntegerCodeType `xml:"Code,omitempty"`
	StatusDate  string           `xml:"StatusDate,omitempty"`
	PatientType *IntegerCodeType `xml:"PatientType,omitempty"`
}

// CurrentStatusType adds whether the patient is registered now, for the
// practice and for the health authority (1 yes, 0 no).
type CurrentStatusType struct {
	StatusType
	PracticeRegistered *int64 `xml:"PracticeRegistered,omitempty"`
	HARegistered       *int64 `xml:"HARegistered,omitempty"`
}

// StatusHistoryListType lists past statuses.
type StatusHistoryListType struct {
	StatusHistory []StatusType `xml:"StatusHistory"`
}

// RegistrationHistoryListType lists registration periods.
type RegistrationHistoryListType struct {
	RegistrationHistory []RegistrationHistoryType `xml:"RegistrationHistory"`
}

// RegistrationHistoryType is one registration period.
type RegistrationHistoryType struct {
	DateRegistered   string           `xml:"DateRegistered,omitempty"`
	DateDeregistered string           `xml:"DateDeregistered,omitempty"`
	PatientType      *IntegerCodeType `xml:"PatientType,omitempty"`
}
