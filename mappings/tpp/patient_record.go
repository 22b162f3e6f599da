package tpp

import "encoding/xml"

// The types in this file mirror TppPatientRecord.xsd (no namespace, root
// PatientRecord). Field order follows each xs:sequence, because encoding/xml
// writes fields in declaration order and the schema is order-sensitive.
// Fields marked "response only" are not in the XSD but appear in real SystmOne
// Client Integration GetPatientRecord responses; they are read, and left empty
// (so omitted) when writing.

// PatientRecord is the root element of the TPP PatientRecord schema.
type PatientRecord struct {
	XMLName        xml.Name `xml:"PatientRecord"`
	MessageUID     string   `xml:"MessageUID"`
	PatientUID     string   `xml:"PatientUID"`
	OrganisationID string   `xml:"OrganisationID"`
	Patient        Patient  `xml:"Patient"`
	Metadata       Metadata `xml:"Metadata"`
}

// Patient holds one patient's identity, demographics and record. The Client
// Integration response's Response element has the same children, plus
// RecordState.
type Patient struct {
	Identity     Identity     `xml:"Identity"`
	Demographics Demographics `xml:"Demographics"`
	Clinical     Clinical     `xml:"Clinical"`
	NonClinical  NonClinical  `xml:"NonClinical"`
	// RecordState is response only (e.g. "Closed").
	RecordState string `xml:"RecordState,omitempty"`
}

// Identity is the patient's national (or pseudonymised) identifier.
type Identity struct {
	NHSNumber    string `xml:"NHSNumber,omitempty"`
	PseudoNumber string `xml:"PseudoNumber,omitempty"`
	// StrategicReportingIdentifier is response only: SystmOne's own patient
	// row id, the stable key when no PatientUID is sent.
	StrategicReportingIdentifier string `xml:"StrategicReportingIdentifier,omitempty"`
}

// Demographics is the XSD Demographics sequence.
type Demographics struct {
	Title              string   `xml:"Title"`
	FirstName          string   `xml:"FirstName"`
	MiddleNames        string   `xml:"MiddleNames,omitempty"`
	Surname            string   `xml:"Surname"`
	KnownAs            string   `xml:"KnownAs,omitempty"`
	DateOfBirth        string   `xml:"DateOfBirth"`
	DateOfDeath        string   `xml:"DateOfDeath,omitempty"`
	Sex                string   `xml:"Sex"`
	MaritalStatus      *Code    `xml:"MaritalStatus,omitempty"`
	Ethnicity          *Code    `xml:"Ethnicity,omitempty"`
	MainLanguage       *Code    `xml:"MainLanguage,omitempty"`
	EnglishSpeaker     string   `xml:"EnglishSpeaker"`
	Address            *Address `xml:"Address,omitempty"`
	HomeTelephone      string   `xml:"HomeTelephone,omitempty"`
	WorkTelephone      string   `xml:"WorkTelephone,omitempty"`
	MobileTelephone    string   `xml:"MobileTelephone,omitempty"`
	AlternateTelephone string   `xml:"AlternateTelephone,omitempty"`
	EmailAddress       string   `xml:"EmailAddress,omitempty"`
	SMSConsent         string   `xml:"SMSConsent,omitempty"`
	UsualGPUserName    string   `xml:"UsualGPUserName,omitempty"`
	CareStartDate      string   `xml:"CareStartDate"`
	CareEndDate        string   `xml:"CareEndDate,omitempty"`
	RegistrationType   string   `xml:"RegistrationType"`
}

// Code is a coded value: Scheme is "CTV3" or "Snomed".
type Code struct {
	Scheme string `xml:"Scheme,attr"`
	Code   string `xml:"Code,attr"`
	Term   string `xml:"Term,attr,omitempty"`
}

// Address is the XSD Address sequence. Road, Town and Postcode are required
// by the schema, so they are written even when empty.
type Address struct {
	HouseName   string `xml:"HouseName,omitempty"`
	HouseNumber string `xml:"HouseNumber,omitempty"`
	Road        string `xml:"Road"`
	Locality    string `xml:"Locality,omitempty"`
	Town        string `xml:"Town"`
	County      string `xml:"County,omitempty"`
	Postcode    string `xml:"Postcode"`
}

// Empty is the XSD's anonymous empty complex type, used as a present/absent
// flag (IsAllergy, IsFamilyHistory, RepeatIssue, PatientToBeInformed).
type Empty struct{}

// ClientIntegrationResponse is the envelope of a SystmOne Client Integration
// API reply (GetPatientRecord and friends). It is not part of the XSD.
type ClientIntegrationResponse struct {
	XMLName         xml.Name `xml:"ClientIntegrationResponse"`
	DeviceID        string   `xml:"DeviceID"`
	RequestUID      string   `xml:"RequestUID"`
	Function        string   `xml:"Function"`
	FunctionVersion string   `xml:"FunctionVersion"`
	ResponseUID     string   `xml:"ResponseUID"`
	Response        Patient  `xml:"Response"`
}
