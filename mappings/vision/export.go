package vision

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Export is one Vision 3 XML patient export: <header created pat_id> holding
// one <patient/> row, our <contact/> rows and the <clinical/> rows. Every
// field is an attribute, named as Vision names its database columns.
type Export struct {
	XMLName xml.Name `xml:"header"`
	Created string   `xml:"created,attr,omitempty"`
	PatID   string   `xml:"pat_id,attr,omitempty"`
	// Patients holds the patient row. Vision writes exactly one; it is a
	// slice so that a file with two is rejected rather than silently merged.
	Patients []PatientRow  `xml:"patient"`
	Contacts []ContactRow  `xml:"contact"`
	Clinical []ClinicalRow `xml:"clinical"`
	// Ours (see doc.go): consultations as rows of the journal's shape,
	// their topic and heading structure, and codings of coded values that
	// have no columns of their own. The real export holds none of these.
	Consultations []ClinicalRow `xml:"consultation"`
	Headings      []HeadingRow  `xml:"heading"`
	Codings       []CodingRow   `xml:"coding"`
}

// PatientRow is the <patient/> row: Vision's patient table. Attributes seen
// in the real export are declared in its order; the ones marked "ours" are
// not in the sample and are documented in doc.go. Other keeps every
// attribute not declared here, so a real export re-encodes without loss.
type PatientRow struct {
	Identity  string `xml:"identity,attr,omitempty"`
	PracID    string `xml:"prac_id,attr,omitempty"`
	SysDate   string `xml:"sysdate,attr,omitempty"`
	EntityID  string `xml:"entity_id,attr,omitempty"`
	Surname   string `xml:"surname,attr,omitempty"`
	Forename1 string `xml:"forename1,attr,omitempty"`
	Forename2 string `xml:"forename2,attr,omitempty"`
	NHSNo     string `xml:"nhs_no,attr,omitempty"`
	NewNHSNo  string `xml:"newnhsno,attr,omitempty"`
	Sex       string `xml:"sex,attr,omitempty"`
	DOB       string `xml:"dob,attr,omitempty"`
	DOBFlag   string `xml:"_dob,attr,omitempty"`
	Married   string `xml:"married,attr,omitempty"`
	Title     string `xml:"title,attr,omitempty"`
	RegStatus string `xml:"reg_status,attr,omitempty"`
	Applied   string `xml:"applied,attr,omitempty"`
	AppliedFl string `xml:"_applied,attr,omitempty"`
	Accept    string `xml:"accept,attr,omitempty"`
	AcceptFl  string `xml:"_accept,attr,omitempty"`
	RegGP     string `xml:"reg_gp,attr,omitempty"`
	UsualGP   string `xml:"usual_gp,attr,omitempty"`
	PrevName  string `xml:"prev_name,attr,omitempty"`
	Language  string `xml:"language,attr,omitempty"`
	Deduct    string `xml:"deduct,attr,omitempty"`
	Postcode  string `xml:"postcode,attr,omitempty"`
	BirthName string `xml:"birthsname,attr,omitempty"`
	OthForNam string `xml:"othforenam,attr,omitempty"`
	Cell      string `xml:"cell,attr,omitempty"`

	// Ours: columns of Vision's bulk-extract Patient table, lower-cased.
	Address1    string `xml:"address_1,attr,omitempty"`
	Address2    string `xml:"address_2,attr,omitempty"`
	Address3    string `xml:"address_3,attr,omitempty"`
	Address4    string `xml:"address_4,attr,omitempty"`
	Address5    string `xml:"address_5,attr,omitempty"`
	PhoneNumber string `xml:"phone_number,attr,omitempty"`
	Email       string `xml:"email,attr,omitempty"`
	Surgery     string `xml:"surgery,attr,omitempty"`
	// Ours, in Vision's style (ten-character column names, "_" precision flags).
	WorkPhone string `xml:"work_phone,attr,omitempty"`
	DOD       string `xml:"dod,attr,omitempty"`
	DODFlag   string `xml:"_dod,attr,omitempty"`
	Removed   string `xml:"removed,attr,omitempty"`
	RemovedFl string `xml:"_removed,attr,omitempty"`
	NHSNoStat string `xml:"nhsno_stat,attr,omitempty"`
	Interpret string `xml:"interpret,attr,omitempty"`
	InTransit string `xml:"in_transit,attr,omitempty"`

	Other []xml.Attr `xml:",any,attr"`
}

// ContactRow is ours: a person to contact about the patient (next of kin,
// carer), one row each, with the patient row's name, address and telecom
// attributes. The real export holds no such rows.
type ContactRow struct {
	MasterID    string     `xml:"master_id,attr,omitempty"`
	Relation    string     `xml:"relation,attr,omitempty"`
	Title       string     `xml:"title,attr,omitempty"`
	Forename1   string     `xml:"forename1,attr,omitempty"`
	Forename2   string     `xml:"forename2,attr,omitempty"`
	OthForNam   string     `xml:"othforenam,attr,omitempty"`
	Surname     string     `xml:"surname,attr,omitempty"`
	Sex         string     `xml:"sex,attr,omitempty"`
	Address1    string     `xml:"address_1,attr,omitempty"`
	Address2    string     `xml:"address_2,attr,omitempty"`
	Address3    string     `xml:"address_3,attr,omitempty"`
	Address4    string     `xml:"address_4,attr,omitempty"`
	Address5    string     `xml:"address_5,attr,omitempty"`
	Postcode    string     `xml:"postcode,attr,omitempty"`
	PhoneNumber string     `xml:"phone_number,attr,omitempty"`
	WorkPhone   string     `xml:"work_phone,attr,omitempty"`
	Cell        string     `xml:"cell,attr,omitempty"`
	Email       string     `xml:"email,attr,omitempty"`
	Other       []xml.Attr `xml:",any,attr"`
}

// Limits on what a decoder will read. The real export of a patient with 254
// journal rows is 142 KB, 560 bytes a row; a longer record than 50,000 rows
// or a file over 32 MiB is not a patient record but an attack or a mistake.
// Rows are decoded into wide structs, so the row count, not only the byte
// count, bounds memory. Vision files are two levels deep; the depth limit
// stops a deeply nested file from growing the XML decoder's element stack.
const (
	maxFileBytes = 32 << 20
	maxElements  = 50_000
	maxDepth     = 16
)

var (
	errTooLarge    = errors.New("file exceeds 32 MiB")
	errTooMany     = errors.New("more than 50000 elements")
	errTooDeep     = errors.New("elements nested too deeply")
	errTrailingXML = errors.New("content after the root element")
	errNoRoot      = errors.New("no root element")
)

// limitedReader fails (rather than silently truncating, as io.LimitReader
// would) once more than n bytes have been read.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// boundedTokens passes tokens through, failing once the document nests too
// deeply or holds too many elements.
type boundedTokens struct {
	d               *xml.Decoder
	depth, elements int
}

func (b *boundedTokens) Token() (xml.Token, error) {
	tok, err := b.d.Token()
	switch tok.(type) {
	case xml.StartElement:
		b.depth++
		b.elements++
		if b.depth > maxDepth {
			return nil, errTooDeep
		}
		if b.elements > maxElements {
			return nil, errTooMany
		}
	case xml.EndElement:
		b.depth--
	}
	return tok, err
}

// decodeXML reads one document of root v from r within the limits above,
// and rejects anything but whitespace, comments and processing instructions
// after the root element.
func decodeXML(r io.Reader, v any) error {
	raw := xml.NewDecoder(&limitedReader{r: r, n: maxFileBytes})
	raw.CharsetReader = charsetReader
	d := xml.NewTokenDecoder(&boundedTokens{d: raw})
	if err := d.Decode(v); err != nil {
		if err == io.EOF {
			return errNoRoot
		}
		return err
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.Comment, xml.ProcInst:
		case xml.CharData:
			if len(bytes.TrimSpace(t)) != 0 {
				return errTrailingXML
			}
		default:
			return errTrailingXML
		}
	}
}

// charsetReader accepts ISO-8859-1 besides UTF-8: older Vision exports
// declare it. Each Latin-1 byte is the code point of the same value.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "l1":
		return &latin1Reader{r: r}, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}

// latin1Reader converts ISO-8859-1 to UTF-8.
type latin1Reader struct {
	r   io.Reader
	buf []byte
	out []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	if len(l.out) == 0 {
		if cap(l.buf) == 0 {
			l.buf = make([]byte, 4096)
		}
		n, err := l.r.Read(l.buf)
		l.out = l.out[:0]
		for _, c := range l.buf[:n] {
			l.out = utf8.AppendRune(l.out, rune(c))
		}
		if n == 0 {
			return 0, err
		}
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}

// encodeXML writes v with a declaration and two-space indentation (as
// Vision's own extract files are laid out), so sandbox files diff well.
func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"); err != nil {
		return err
	}
	e := xml.NewEncoder(w)
	e.Indent("", "  ")
	if err := e.Encode(v); err != nil {
		return err
	}
	if err := e.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
