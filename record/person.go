package record

// Gender is the administrative gender as GP systems record it.
type Gender string

// Genders (FHIR administrative-gender values, which all three suppliers map to).
const (
	GenderUnknown Gender = "unknown"
	GenderMale    Gender = "male"
	GenderFemale  Gender = "female"
	GenderOther   Gender = "other"
)

// HumanName is a person's name. Use is "official", "usual", "nickname", "old".
type HumanName struct {
	Use    string
	Family string
	Given  []string
	Prefix []string
	Suffix []string
}

// Full renders "Prefix Given Family" for display and search.
func (n HumanName) Full() string {
	s := ""
	add := func(p string) {
		if p == "" {
			return
		}
		if s != "" {
			s += " "
		}
		s += p
	}
	for _, p := range n.Prefix {
		add(p)
	}
	for _, g := range n.Given {
		add(g)
	}
	add(n.Family)
	return s
}

// Address is a postal address. Use is "home", "work", "temp", "old".
type Address struct {
	Use        string
	Lines      []string
	City       string
	District   string
	PostalCode string
}

// IsZero reports whether nothing is held.
func (a Address) IsZero() bool {
	return len(a.Lines) == 0 && a.City == "" && a.District == "" && a.PostalCode == ""
}

// ContactPoint is a telephone, email and so on.
// System is "phone", "email", "fax", "url", "sms"; Use is "home", "work", "mobile", "temp".
type ContactPoint struct {
	System string
	Value  string
	Use    string
}

// Contact is a person to contact about the patient (next of kin, carer).
// GP Connect sends the relationship as text only.
type Contact struct {
	Relationship string
	Name         HumanName
	Telecom      []ContactPoint
	Address      Address
	Gender       Gender
}
