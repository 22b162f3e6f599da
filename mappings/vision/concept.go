package vision

import (
	"strings"

	"im1fhir/record"
)

// A row's own coded value is held in columns: read_code and read_term (Read
// v2, Vision's native coding), our snomed_code, snomed_term and snomed_desc,
// ctv3_code and ctv3_term, and rubric for the concept's free text. On
// medication rows the value is the drug and drug_code adds Vision's
// (Multilex) drug code, named by drugname or name.

// readTermCodeLen is the length of the term code Vision appends to the
// five-character Read v2 code (912..00 is 912.. with term code 00).
const (
	readCodeLen     = 5
	readTermCodeLen = 2
)

// convertedDrug is the drug_code Vision gives drugs brought over from an
// older system without a dictionary match (drug_term "_CONVERTED DRUG").
const convertedDrug = "ZZZZZZZZ"

// splitRead splits a read_code into the Read v2 code and its term code. A
// value of any other length is taken as the code alone.
func splitRead(v string) (code, termCode string) {
	if len(v) == readCodeLen+readTermCodeLen {
		return v[:readCodeLen], v[readCodeLen:]
	}
	return v, ""
}

// joinRead is the inverse of splitRead. A term code is written only beside
// a five-character code, where a reader can split it off again.
func joinRead(code, termCode string) string {
	if len(code) == readCodeLen && len(termCode) == readTermCodeLen {
		return code + termCode
	}
	return code
}

// conceptOf reads a row's own coded value: SNOMED first, then Read v2, then
// CTV3, whatever order the record held them in. A read_term with no
// read_code is the concept's text.
func conceptOf(c *ClinicalRow) record.Concept {
	var out record.Concept
	if c.SnomedCode != "" || c.SnomedTerm != "" || c.SnomedDesc != "" {
		out.Codings = append(out.Codings, record.Code{System: record.SystemSNOMED, Code: c.SnomedCode, Display: c.SnomedTerm, DescriptionID: c.SnomedDesc})
	}
	if c.ReadCode != "" {
		code, term := splitRead(c.ReadCode)
		out.Codings = append(out.Codings, record.Code{System: record.SystemReadV2, Code: code, Display: c.ReadTerm, DescriptionID: term})
	}
	if c.CTV3Code != "" || c.CTV3Term != "" {
		out.Codings = append(out.Codings, record.Code{System: record.SystemCTV3, Code: c.CTV3Code, Display: c.CTV3Term})
	}
	out.Text = c.Rubric
	if out.Text == "" && c.ReadCode == "" {
		out.Text = c.ReadTerm
	}
	return out
}

// setConcept writes a row's own coded value. Only the first coding of each
// of SNOMED, Read v2 and CTV3 has a place; versions have none.
func setConcept(row *ClinicalRow, c record.Concept) {
	if cd, ok := c.In(record.SystemSNOMED); ok {
		row.SnomedCode, row.SnomedTerm, row.SnomedDesc = cd.Code, cd.Display, cd.DescriptionID
	}
	if cd, ok := c.In(record.SystemReadV2); ok {
		row.ReadCode = joinRead(cd.Code, cd.DescriptionID)
		if row.ReadCode != "" {
			row.ReadTerm = cd.Display
		}
	}
	if cd, ok := c.In(record.SystemCTV3); ok {
		row.CTV3Code, row.CTV3Term = cd.Code, cd.Display
	}
	row.Rubric = c.Text
}

// drugOf reads a medication row's drug: the row's own coded value plus
// Vision's drug code, named by the row's drug name. With no drug code and
// no named coding, the drug name is the drug's text, so a converted drug
// keeps its name.
func drugOf(c *ClinicalRow, name string) record.Concept {
	out := conceptOf(c)
	if c.DrugCode != "" && c.DrugCode != convertedDrug {
		out.Codings = append(out.Codings, record.Code{System: record.SystemMultilex, Code: c.DrugCode, Display: name})
		return out
	}
	if out.Text == "" && name != "" {
		for _, cd := range out.Codings {
			if cd.Display != "" {
				return out
			}
		}
		out.Text = name
	}
	return out
}

// setDrug writes a medication row's drug and returns the drug name to write
// beside it: the drug code's name when there is one, else the best display.
func setDrug(row *ClinicalRow, d record.Concept) (name string) {
	setConcept(row, d)
	if cd, ok := d.In(record.SystemMultilex); ok && cd.Code != "" && cd.Code != convertedDrug {
		row.DrugCode = cd.Code
		return cd.Display
	}
	return d.Display()
}

// conceptKey finds the coding rows of one coded value.
type conceptKey struct{ row, slot string }

// Slots of coded values held in coding rows.
const (
	slotReaction = "reaction" // an allergy's (first) reaction manifestation
	slotVaccine  = "vaccine"  // an immunisation's vaccine codings (its text is compound)
	slotReason   = "reason"   // an immunisation's reason (text in reasontxt) or a referral's
	slotSite     = "site"
	slotRoute    = "route"
	slotService  = "service" // a referral's service
	slotHeading  = "heading" // a consultation heading's code
)

// codingIndex gathers the coding rows by owner and slot. A row with text
// sets the concept's text; any other row (even an empty one) is a coding.
func codingIndex(rows []CodingRow) map[conceptKey]record.Concept {
	if len(rows) == 0 {
		return nil
	}
	idx := make(map[conceptKey]record.Concept)
	for i := range rows {
		r := &rows[i]
		k := conceptKey{r.Row, r.Slot}
		c := idx[k]
		if r.Text != "" {
			c.Text = r.Text
		}
		if r.Text == "" || r.System != "" || r.Code != "" || r.Display != "" || r.Version != "" || r.DescID != "" {
			c.Codings = append(c.Codings, record.Code{System: r.System, Code: r.Code, Display: r.Display, Version: r.Version, DescriptionID: r.DescID})
		}
		idx[k] = c
	}
	return idx
}

// codingRows writes c as coding rows of owner's slot; the text too unless
// withText is false (when a column of the owner's row holds it).
func codingRows(owner, slot string, c record.Concept, withText bool) []CodingRow {
	var out []CodingRow
	for _, cd := range c.Codings {
		out = append(out, CodingRow{Row: owner, Slot: slot, System: cd.System, Code: cd.Code, Display: cd.Display, Version: cd.Version, DescID: cd.DescriptionID})
	}
	if withText && c.Text != "" {
		out = append(out, CodingRow{Row: owner, Slot: slot, Text: c.Text})
	}
	return out
}

// idList reads a space-separated list of identities; nil when empty.
func idList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Fields(s)
}

// joinIDs writes a list of identities.
func joinIDs(ids []string) string { return strings.Join(ids, " ") }
