package vision

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"im1fhir/record"
)

var (
	errBadNumber = errors.New("bad number")
	errBadID     = errors.New("identity holds white space")
	errNoID      = errors.New("no identity, which other rows must link to")
)

// fieldError names the row and attribute of a decoding error. Values are
// never quoted: they may be patient data.
type fieldError struct {
	kind  string // "clinical" unless set
	row   int    // 1-based position among the rows of its kind
	field string
	err   error
}

func (e *fieldError) Error() string {
	kind := e.kind
	if kind == "" {
		kind = "clinical"
	}
	return fmt.Sprintf("%s row %d: %s: %v", kind, e.row, e.field, e.err)
}

func (e *fieldError) Unwrap() error { return e.err }

// ref reads a link attribute, where Vision writes 0 for none.
func ref(s string) string {
	if noneID(s) {
		return ""
	}
	return s
}

// validID reports whether s can be an identity: identities are listed
// space-separated in links, so they cannot hold white space.
func validID(s string) bool { return !strings.ContainsFunc(s, isSpace) }

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// parseNumber reads a decimal value. NaN and infinities are refused: they
// are no measurement, and would not compare equal to themselves.
func parseNumber(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errBadNumber
	}
	return v, nil
}

// formatNumber writes a decimal value as Vision does (67.59, 1.52).
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// parseCount reads a whole number; empty is 0.
func parseCount(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, errBadNumber
	}
	return n, nil
}

// formatCount writes a whole number, omitting 0.
func formatCount(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// itemOf reads what every clinical row shares. The row's own coded value
// becomes Item.Code; medication rows move it to the drug.
func itemOf(i int, c *ClinicalRow) (record.Item, error) {
	fail := func(field string, err error) (record.Item, error) {
		return record.Item{}, &fieldError{row: i + 1, field: field, err: err}
	}
	if !validID(c.Identity) {
		return fail("identity", errBadID)
	}
	if !validID(c.ConsultID) {
		return fail("consult_id", errBadID)
	}
	it := record.Item{
		ID:             c.Identity,
		AuthorID:       ref(c.Clinician),
		RecorderID:     ref(c.OperatID),
		OrganisationID: c.RecordOrg,
		Code:           conceptOf(c),
		Note:           c.Comment,
		Confidential:   boolFlag(c.Private),
		ConsultationID: ref(c.ConsultID),
		ProblemIDs:     idList(c.ProblemID),
	}
	var err error
	if it.Effective, err = parseDate(c.EventDate, c.EventDateF); err != nil {
		return fail("eventdate", err)
	}
	if it.Recorded, err = parseTimestamp(c.Recorded); err != nil {
		return fail("recorded", err)
	}
	if it.LastModified, err = parseTimestamp(c.SysDate); err != nil {
		return fail("sysdate", err)
	}
	return it, nil
}

// rowOf writes what every clinical row shares, for an entry of entity type
// ty in the patient's record; category is its record section when not
// filed in a consultation ("" for the entity type's usual one).
func (e *encoder) rowOf(ty EntityType, category string, it *record.Item) ClinicalRow {
	row := ClinicalRow{
		Identity:  it.ID,
		PracID:    e.pracID,
		SysDate:   formatTimestamp(it.LastModified),
		EntityTy:  ty,
		MasterID:  e.patientID,
		ConsultID: it.ConsultationID,
		Clinician: it.AuthorID,
		OperatID:  it.RecorderID,
		Private:   flag(it.Confidential),
		Recorded:  formatTimestamp(it.Recorded),
		RecordOrg: it.OrganisationID,
		Comment:   it.Note,
		ProblemID: joinIDs(it.ProblemIDs),
	}
	row.EventDate, row.EventDateF = formatDate(it.Effective)
	setConcept(&row, it.Code)
	e.file(&row, ty, category)
	return row
}
