package emis

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"strings"
)

// IdentType is the schema's base identity: DBID is EMIS's internal key,
// RefID links components within one message, GUID is the stable identity.
// Every record id in this package travels as a GUID; RefIDs are written so
// that inbound-style messages validate and are resolved back to GUIDs.
type IdentType struct {
	DBID       *int64 `xml:"DBID,omitempty"`
	RefID      *int64 `xml:"RefID,omitempty"`
	GUID       string `xml:"GUID,omitempty"`
	FileStatus *int64 `xml:"FileStatus,omitempty"`
	OldGUID    string `xml:"OldGUID,omitempty"`
}

// StringCodeType is a code in one of EMIS's schemes (Scheme is READ2, READ4,
// EMISCLINICAL, EMISDRUGGROUP, EMISCONSTITUENT, EMISDRUGNAME, EMISBOTH,
// EMISNONDRUGALLERGY or SNOMED), with an optional mapped code.
type StringCodeType struct {
	Value     string `xml:"Value,omitempty"`
	Scheme    string `xml:"Scheme,omitempty"`
	Term      string `xml:"Term,omitempty"`
	OldCode   string `xml:"OldCode,omitempty"`
	MapCode   string `xml:"MapCode,omitempty"`
	MapScheme string `xml:"MapScheme,omitempty"`
}

// IntegerCodeType is an integer-valued code (patient types, drug
// preparation ids, qualifier items).
type IntegerCodeType struct {
	Value              *int64          `xml:"Value,omitempty"`
	Scheme             string          `xml:"Scheme,omitempty"`
	Term               string          `xml:"Term,omitempty"`
	OldCode            string          `xml:"OldCode,omitempty"`
	MapCode            string          `xml:"MapCode,omitempty"`
	MapScheme          string          `xml:"MapScheme,omitempty"`
	InterventionTarget *StringCodeType `xml:"InterventionTarget,omitempty"`
}

// AddressType is the RFA address layout EMIS uses everywhere.
type AddressType struct {
	IdentType
	HouseNameFlat string `xml:"HouseNameFlat,omitempty"`
	Street        string `xml:"Street,omitempty"`
	Village       string `xml:"Village,omitempty"`
	Town          string `xml:"Town,omitempty"`
	County        string `xml:"County,omitempty"`
	PostCode      string `xml:"PostCode,omitempty"`
}

// AuthorType is an audit pair: the user and the system date of entry.
type AuthorType struct {
	User       *IdentType `xml:"User,omitempty"`
	SystemDate string     `xml:"SystemDate,omitempty"`
}

// Scheme values of StringCodeType used by the mapping.
const (
	SchemeREAD2  = "READ2"
	SchemeSNOMED = "SNOMED"
)

func int64p(v int64) *int64 { return &v }

// ref builds a reference to a directory entry: its GUID, plus its RefID when
// the entry is written in the same message (refID > 0).
func ref(guid string, refID int64) *IdentType {
	if guid == "" {
		return nil
	}
	id := &IdentType{GUID: guid}
	if refID > 0 {
		id.RefID = int64p(refID)
	}
	return id
}

// identity returns the stable id of an entry: its GUID, else its DBID.
func (id *IdentType) identity() string {
	if id == nil {
		return ""
	}
	if g := strings.TrimSpace(id.GUID); g != "" {
		return g
	}
	if id.DBID != nil {
		return strconv.FormatInt(*id.DBID, 10)
	}
	return ""
}

// derivedGUID makes a stable GUID-shaped identifier for things the record
// holds no id for (location types, the coded consent entry), so that the
// same input always encodes to the same bytes.
func derivedGUID(parts ...string) string {
	h := sha1.Sum([]byte(strings.Join(parts, "\x00")))
	// Shape it as an RFC 4122 name-based (version 5) UUID, upper case as EMIS writes GUIDs.
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	s := strings.ToUpper(hex.EncodeToString(h[:16]))
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}
