package emis

import (
	"strings"

	"im1fhir/record"
)

// addressToEMIS lays record address lines over the RFA fields: one line is
// the street; two are house name/flat and street; a third and any further
// lines go, comma-joined, into Village. Town is the city, County the district.
func addressToEMIS(a record.Address) *AddressType {
	if a.IsZero() {
		return nil
	}
	out := &AddressType{Town: a.City, County: a.District, PostCode: a.PostalCode}
	lines := make([]string, 0, len(a.Lines))
	for _, l := range a.Lines {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	switch len(lines) {
	case 0:
	case 1:
		out.Street = lines[0]
	default:
		out.HouseNameFlat, out.Street = lines[0], lines[1]
		if len(lines) > 2 {
			out.Village = strings.Join(lines[2:], ", ")
		}
	}
	return out
}

// addressFromEMIS reads an RFA address with the given use.
func addressFromEMIS(a *AddressType, use string) record.Address {
	if a == nil {
		return record.Address{}
	}
	out := record.Address{
		City:       strings.TrimSpace(a.Town),
		District:   strings.TrimSpace(a.County),
		PostalCode: strings.TrimSpace(a.PostCode),
	}
	for _, l := range []string{a.HouseNameFlat, a.Street, a.Village} {
		if l = strings.TrimSpace(l); l != "" {
			out.Lines = append(out.Lines, l)
		}
	}
	if out.IsZero() {
		return record.Address{}
	}
	out.Use = use
	return out
}

// directoryTelecom is the four contact fields of a Person or Location.
type directoryTelecom struct {
	Telephone1, Telephone2, Fax, Email string
}

// organisationTelecom fills Telephone1 and Telephone2 with the first two
// phone numbers, whatever their use. Other systems (url, sms) have no field.
func organisationTelecom(cps []record.ContactPoint) directoryTelecom {
	var t directoryTelecom
	for _, cp := range cps {
		v := strings.TrimSpace(cp.Value)
		if v == "" {
			continue
		}
		switch cp.System {
		case "phone":
			if t.Telephone1 == "" {
				t.Telephone1 = v
			} else if t.Telephone2 == "" {
				t.Telephone2 = v
			}
		case "fax":
			if t.Fax == "" {
				t.Fax = v
			}
		case "email":
			if t.Email == "" {
				t.Email = v
			}
		}
	}
	return t
}

// personTelecom keeps a practitioner's mobile apart: Telephone1 is the first
// non-mobile phone, Telephone2 the first mobile.
func personTelecom(cps []record.ContactPoint) directoryTelecom {
	var t directoryTelecom
	for _, cp := range cps {
		v := strings.TrimSpace(cp.Value)
		if v == "" {
			continue
		}
		switch {
		case cp.System == "phone" && cp.Use == "mobile":
			if t.Telephone2 == "" {
				t.Telephone2 = v
			}
		case cp.System == "phone":
			if t.Telephone1 == "" {
				t.Telephone1 = v
			}
		case cp.System == "fax":
			if t.Fax == "" {
				t.Fax = v
			}
		case cp.System == "email":
			if t.Email == "" {
				t.Email = v
			}
		}
	}
	return t
}

// contactPoints reads the four fields back in a fixed order. secondUse is
// the use of Telephone2: "work" for locations, "mobile" for people.
func (t directoryTelecom) contactPoints(secondUse string) []record.ContactPoint {
	var out []record.ContactPoint
	add := func(system, value, use string) {
		if value = strings.TrimSpace(value); value != "" {
			out = append(out, record.ContactPoint{System: system, Value: value, Use: use})
		}
	}
	add("phone", t.Telephone1, "work")
	add("phone", t.Telephone2, secondUse)
	add("fax", t.Fax, "work")
	add("email", t.Email, "work")
	return out
}

// splitNames splits EMIS's space-separated FirstNames into given names.
func splitNames(s string) []string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil
	}
	return f
}

// sexCode and genderFromSex translate EMIS's Sex values: M, F, U (unknown)
// and I (indeterminate, which FHIR calls "other").
func sexCode(g record.Gender) string {
	switch g {
	case record.GenderMale:
		return "M"
	case record.GenderFemale:
		return "F"
	case record.GenderOther:
		return "I"
	case record.GenderUnknown:
		return "U"
	}
	return ""
}

func genderFromSex(s string) (record.Gender, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "":
		return "", true
	case "M", "MALE":
		return record.GenderMale, true
	case "F", "FEMALE":
		return record.GenderFemale, true
	case "I", "INDETERMINATE":
		return record.GenderOther, true
	case "U", "UNKNOWN":
		// EMIS has been seen writing "UNKNOWN" in full.
		return record.GenderUnknown, true
	}
	return "", false
}
