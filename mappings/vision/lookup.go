package vision

import "im1fhir/record"

// Vision stores coded demographic values as lookup keys: a three-letter table
// name and a three-digit entry (SEX002, MAR006, REG002). Entry 000 is the
// table's "not recorded" default throughout the real export (RNK000, ACC000,
// PEX000, EPI000, ...). Only the keys below are mapped; doc.go says which
// ones the sample proves and which are inferred.

// sexGender maps the SEX table. SEX001 (a male "MR" test patient in the
// companion extract) and SEX002 (the female sample patient) are proven.
var sexGender = map[string]record.Gender{
	"SEX000": record.GenderUnknown,
	"SEX001": record.GenderMale,
	"SEX002": record.GenderFemale,
	"SEX003": record.GenderOther, // indeterminate
}

// genderSex is the inverse of sexGender.
var genderSex = map[record.Gender]string{
	record.GenderUnknown: "SEX000",
	record.GenderMale:    "SEX001",
	record.GenderFemale:  "SEX002",
	record.GenderOther:   "SEX003",
}

// regStatusType maps the REG table (registration status) to the
// CareConnect-RegistrationType-1 code. REG002 is proven (the sample's
// permanently registered patient); the order of the rest follows the
// registration statuses Vision's own help lists.
var regStatusType = map[string]string{
	"REG000": "",
	"REG001": record.RegistrationRegular, // applied: permanent, awaiting approval
	"REG002": record.RegistrationRegular, // permanent
	"REG003": record.RegistrationTemporary,
	"REG004": record.RegistrationEmergency,
	"REG005": "IN", // immediately necessary treatment
	"REG006": "P",  // private
	"REG007": "S",  // walk-in centre
	"REG008": "O",  // specific care only (child health, maternity, ...)
}

// typeRegStatus is the key written for each registration type.
var typeRegStatus = map[string]string{
	record.RegistrationRegular:   "REG002",
	record.RegistrationTemporary: "REG003",
	record.RegistrationEmergency: "REG004",
	"IN":                         "REG005",
	"P":                          "REG006",
	"S":                          "REG007",
	"O":                          "REG008",
}

// noneID reports whether a foreign-key attribute means "none": Vision writes
// 0 for an unset numeric link (organisa="0", pref_pharm="0").
func noneID(s string) bool { return s == "" || s == "0" }

// boolFlag reads Vision's 0/1 flags.
func boolFlag(s string) bool { return s == "1" }

// flag writes a 0/1 flag, omitting false so files stay small.
func flag(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// genderOf maps a SEX key; an unknown key is an unknown gender rather than an
// error, so a new lookup entry does not make the whole record unreadable.
func genderOf(key string) record.Gender {
	if key == "" {
		return ""
	}
	if g, ok := sexGender[key]; ok {
		return g
	}
	return record.GenderUnknown
}
