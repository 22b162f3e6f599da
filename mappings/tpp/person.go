package tpp

import (
	"strings"

	"im1fhir/record"
)

// The helpers here map the pieces TPP repeats across patients, users and
// relationships: names, sex, addresses.

// nameFromTPP builds an official name: Title → Prefix, FirstName and each
// space-separated MiddleNames word → Given, Surname → Family. An empty name
// stays the zero HumanName.
func nameFromTPP(title, first, middle, surname string) record.HumanName {
	n := record.HumanName{
		Prefix: fields(title),
		Family: strings.TrimSpace(surname),
	}
	if f := strings.TrimSpace(first); f != "" {
		n.Given = append(n.Given, f)
	}
	n.Given = append(n.Given, fields(middle)...)
	if len(n.Prefix) == 0 && len(n.Given) == 0 && n.Family == "" {
		return record.HumanName{}
	}
	n.Use = "official"
	return n
}

// nameToTPP splits a name back into title, first name, middle names, surname.
func nameToTPP(n record.HumanName) (title, first, middle, surname string) {
	title = strings.Join(n.Prefix, " ")
	if len(n.Given) > 0 {
		first = n.Given[0]
		middle = strings.Join(n.Given[1:], " ")
	}
	return title, first, middle, n.Family
}

// genderFromTPP reads the Sex enumeration. The public XSD allows only M and F;
// SystmOne itself also uses U (unknown) and I (indeterminate).
func genderFromTPP(sex string) record.Gender {
	switch strings.ToUpper(strings.TrimSpace(sex)) {
	case "M":
		return record.GenderMale
	case "F":
		return record.GenderFemale
	case "I":
		return record.GenderOther
	}
	return record.GenderUnknown
}

// genderToTPP writes Sex. Unknown and other have no value in the public XSD;
// they are written as SystmOne's own U and I rather than being turned into a
// false M or F, so such files do not validate against the XSD.
func genderToTPP(g record.Gender) string {
	switch g {
	case record.GenderMale:
		return "M"
	case record.GenderFemale:
		return "F"
	case record.GenderOther:
		return "I"
	}
	return "U"
}

// addressFromTPP maps an address: HouseName, "HouseNumber Road" and Locality
// become lines, Town the city, County the district.
func addressFromTPP(a *Address, use string) record.Address {
	if a == nil {
		return record.Address{}
	}
	var out record.Address
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out.Lines = append(out.Lines, s)
		}
	}
	add(a.HouseName)
	add(strings.TrimSpace(a.HouseNumber) + " " + strings.TrimSpace(a.Road))
	add(a.Locality)
	out.City = strings.TrimSpace(a.Town)
	out.District = strings.TrimSpace(a.County)
	out.PostalCode = strings.TrimSpace(a.Postcode)
	if out.IsZero() {
		return record.Address{}
	}
	out.Use = use
	return out
}

// addressToTPP is the inverse of addressFromTPP for up to three lines: one
// line is the road; two are road and locality; three are house name, road
// and locality. Lines past the third are joined into Locality with ", ".
// HouseNumber is never written: a number stays in the road line, where
// addressFromTPP also puts it.
func addressToTPP(a record.Address) Address {
	var lines []string
	for _, l := range a.Lines {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	out := Address{Town: a.City, County: a.District, Postcode: a.PostalCode}
	switch len(lines) {
	case 0:
	case 1:
		out.Road = lines[0]
	case 2:
		out.Road, out.Locality = lines[0], lines[1]
	default:
		out.HouseName, out.Road = lines[0], lines[1]
		out.Locality = strings.Join(lines[2:], ", ")
	}
	return out
}

// fields splits on white space, returning nil (not an empty slice) for none,
// so that decoded names compare equal to names built without the field.
func fields(s string) []string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil
	}
	return f
}
