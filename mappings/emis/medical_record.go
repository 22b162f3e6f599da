package emis

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Namespace is the EMIS Open MedicalRecord namespace every element lives in
// (the schema is elementFormDefault="qualified").
const Namespace = "http://www.e-mis.com/emisopen/MedicalRecord"

// Supplier is this format's name in the sandbox manifest.
const Supplier = "emis"

// MaxDocumentBytes bounds what a decoder reads. A whole EMIS record for a
// patient with decades of history is a few megabytes; anything far larger is
// not a record and must not be buffered into memory.
const MaxDocumentBytes = 64 << 20

// MedicalRecordType is the root <MedicalRecord>. Fields follow the schema's
// xs:sequence order, which encoding/xml preserves when marshalling. Lists the
// adapter does not use yet (InvestigationList, EDIPathologyReportList,
// TestRequestHeaderList, NoteList, AppointmentList, PolicyList) are not
// modelled: the decoder skips them and the encoder never writes them.
type MedicalRecordType struct {
	XMLName xml.Name `xml:"http://www.e-mis.com/emisopen/MedicalRecord MedicalRecord"`
	// PatientID is xs:integer: set only when the patient's id is numeric.
	PatientID string `xml:"PatientID,attr,omitempty"`

	Registration              *RegistrationType              `xml:"Registration,omitempty"`
	RegistrationChangeHistory *RegistrationChangeHistoryType `xml:"RegistrationChangeHistory,omitempty"`
	MiscellaneousData         *MiscellaneousDataType         `xml:"MiscellaneousData,omitempty"`
	EventList                 *EventListType                 `xml:"EventList,omitempty"`
	ConsultationList          *ConsultationListType          `xml:"ConsultationList,omitempty"`
	ReferralList              *ReferralListType              `xml:"ReferralList,omitempty"`
	AllergyList               *AllergyListType               `xml:"AllergyList,omitempty"`
	MedicationList            *MedicationListType            `xml:"MedicationList,omitempty"`
	IssueList                 *IssueListType                 `xml:"IssueList,omitempty"`
	AttachmentList            *AttachmentListType            `xml:"AttachmentList,omitempty"`
	DiaryList                 *DiaryListType                 `xml:"DiaryList,omitempty"`
	AlertList                 *AlertListType                 `xml:"AlertList,omitempty"`
	RegistrationStatus        *RegistrationStatusType        `xml:"RegistrationStatus,omitempty"`
	PeopleList                *PeopleListType                `xml:"PeopleList,omitempty"`
	LocationList              *LocationListType              `xml:"LocationList,omitempty"`
	LocationTypeList          *LocationTypeListType          `xml:"LocationTypeList,omitempty"`
	Originator                *OriginatorType                `xml:"Originator,omitempty"`
	RecipientID               *IdentType                     `xml:"RecipientID,omitempty"`
	MessageInformation        *MessageInformationType        `xml:"MessageInformation,omitempty"`
}

// RegistrationChangeHistoryType lists registration fields changed over time.
type RegistrationChangeHistoryType struct {
	RegistrationEntry []RegistrationEntryType `xml:"RegistrationEntry"`
}

// RegistrationEntryType is one changed registration field (its old value).
type RegistrationEntryType struct {
	FieldName   string    `xml:"FieldName"`
	FieldValue  string    `xml:"FieldValue,omitempty"`
	DateChanged string    `xml:"DateChanged"`
	UserID      IdentType `xml:"UserID"`
}

// MiscellaneousDataType is patient-level data outside the registration.
type MiscellaneousDataType struct {
	MedicationMessage   string `xml:"MedicationMessage,omitempty"`
	AutomaticWeekNumber *int64 `xml:"AutomaticWeekNumber,omitempty"`
}

// OriginatorType names the sending system and organisation.
type OriginatorType struct {
	System           *OriginatorSystemType `xml:"System,omitempty"`
	OrganisationType *IdentType            `xml:"OrganisationType,omitempty"`
	// Organisation points into the LocationList.
	Organisation *IdentType `xml:"Organisation,omitempty"`
}

// OriginatorSystemType is the sending system's name and version.
type OriginatorSystemType struct {
	Name    string `xml:"Name,omitempty"`
	Version string `xml:"Version,omitempty"`
}

// MessageInformationType dates the message. Only the creation date and time
// are modelled; MessagePurpose and MessagingError belong to the transport.
type MessageInformationType struct {
	DateCreated string `xml:"DateCreated,omitempty"`
	TimeCreated string `xml:"TimeCreated,omitempty"`
}

// errTooLarge is returned when a document exceeds MaxDocumentBytes.
var errTooLarge = fmt.Errorf("document exceeds %d bytes", MaxDocumentBytes)

// limitedReader fails, rather than silently truncating like io.LimitReader,
// once more than n bytes have been read: a truncated record must never be
// mistaken for a complete one.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte so that a document of exactly the limit still passes.
		var b [1]byte
		n, err := l.r.Read(b[:])
		if n > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// readMedicalRecord parses one <MedicalRecord> document.
func readMedicalRecord(r io.Reader) (*MedicalRecordType, error) {
	dec := xml.NewDecoder(&limitedReader{r: r, n: MaxDocumentBytes})
	var mr MedicalRecordType
	if err := dec.Decode(&mr); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty document")
		}
		return nil, err
	}
	// encoding/xml checks the local name against XMLName but accepts a
	// missing namespace; any other namespace is a different format.
	if mr.XMLName.Space != Namespace && mr.XMLName.Space != "" {
		return nil, fmt.Errorf("root element in namespace %q, want %q", mr.XMLName.Space, Namespace)
	}
	// Anything after the root other than whitespace, comments or processing
	// instructions means the document is not one record.
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return nil, fmt.Errorf("unexpected element <%s> after the root", t.Name.Local)
		case xml.CharData:
			if len(xmlTrim(t)) != 0 {
				return nil, errors.New("unexpected text after the root")
			}
		}
	}
	return &mr, nil
}

func xmlTrim(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// writeMedicalRecord serialises mr with an XML declaration and indentation,
// as EMIS writes its files.
func writeMedicalRecord(w io.Writer, mr *MedicalRecordType) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(mr); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
