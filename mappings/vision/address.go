package vision

import (
	"strings"

	"im1fhir/record"
)

// addressAttrs is Vision's address as the bulk extract lays it out:
// address_1 house name or flat, address_2 number and street, address_3
// village, address_4 town, address_5 county, then postcode.
type addressAttrs struct {
	line     [5]string
	postcode string
}

// toRecord maps the attributes to an Address with the given use. Empty
// attributes are skipped, so a sample row with only a postcode gives an
// address of only a postal code. The result is zero when nothing is held.
func (a addressAttrs) toRecord(use string) record.Address {
	var out record.Address
	for _, l := range a.line[:3] {
		if l != "" {
			out.Lines = append(out.Lines, l)
		}
	}
	out.City = a.line[3]
	out.District = a.line[4]
	out.PostalCode = a.postcode
	if out.IsZero() {
		return record.Address{}
	}
	out.Use = use
	return out
}

// fromRecord lays an Address out in Vision's five lines. Lines beyond the
// third are joined into address_3 so no text is lost, only structure.
func fromRecord(a record.Address) addressAttrs {
	var out addressAttrs
	lines := a.Lines
	if len(lines) > 3 {
		lines = append(append([]string(nil), lines[:2]...), strings.Join(lines[2:], ", "))
	}
	copy(out.line[:3], lines)
	out.line[3] = a.City
	out.line[4] = a.District
	out.postcode = a.PostalCode
	return out
}

// firstAddress picks the address Vision's single address slot holds: the
// first home (or use-less) one, else the first of any use.
func firstAddress(as []record.Address, prefer string) (record.Address, bool) {
	for _, a := range as {
		if a.Use == prefer || a.Use == "" {
			return a, true
		}
	}
	if len(as) > 0 {
		return as[0], true
	}
	return record.Address{}, false
}
