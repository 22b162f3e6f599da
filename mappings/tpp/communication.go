package tpp

import (
	"strings"

	"im1fhir/record"
)

// SystmOne records the main language as a coded "Main spoken language X"
// concept and, separately, whether the patient speaks English. Only English
// has a verified SNOMED/CTV3 pair here (SNOMED 315570003, CTV3 XaG5t, as in
// Endeavour's TPP transform); other languages travel as the code the record
// holds (record.Code with System SNOMED or CTV3). A CareConnect-HumanLanguage
// code other than "en" has no TPP code to map to and is not written.
const (
	englishSNOMED = "315570003"
	englishCTV3   = "XaG5t"
	englishTerm   = "Main spoken language English"
)

// communicationFromTPP reads MainLanguage and EnglishSpeaker. A main language
// is the preferred language; EnglishSpeaker "No" means an interpreter is
// needed. With no language and EnglishSpeaker Unknown or Yes nothing is worth
// saying, so the result is nil.
func communicationFromTPP(d *Demographics) *record.Communication {
	english := strings.TrimSpace(d.EnglishSpeaker)
	lang := d.MainLanguage
	if lang != nil && strings.TrimSpace(lang.Code) == "" {
		lang = nil
	}
	if lang == nil && english != "No" {
		return nil
	}
	c := &record.Communication{InterpreterRequired: english == "No"}
	if lang != nil {
		c.Preferred = true
		code := codeFromTPP(*lang)
		if (code.System == record.SystemSNOMED && code.Code == englishSNOMED) ||
			(code.System == record.SystemCTV3 && code.Code == englishCTV3) {
			code = record.Code{Code: "en", Display: "English"}
		}
		c.Language = code
	}
	return c
}

// communicationToTPP returns MainLanguage (nil when unmappable or absent)
// and EnglishSpeaker.
func communicationToTPP(c *record.Communication) (*Code, string) {
	if c == nil {
		return nil, "Unknown"
	}
	english := "Yes"
	if c.InterpreterRequired {
		english = "No"
	}
	var lang *Code
	switch {
	case c.Language.System == "" && c.Language.Code == "en":
		lang = &Code{Scheme: schemeSNOMED, Code: englishSNOMED, Term: englishTerm}
	case c.Language.Code != "":
		if cd, ok := codeToTPP(c.Language); ok {
			lang = &cd
		}
	}
	return lang, english
}

// Code schemes of the XSD's CodeScheme enumeration.
const (
	schemeCTV3   = "CTV3"
	schemeSNOMED = "Snomed"
)

// codeFromTPP maps a TPP Code to a record.Code; an unknown scheme keeps its
// name as the system so nothing is lost.
func codeFromTPP(c Code) record.Code {
	out := record.Code{Code: strings.TrimSpace(c.Code), Display: strings.TrimSpace(c.Term)}
	switch strings.TrimSpace(c.Scheme) {
	case schemeCTV3:
		out.System = record.SystemCTV3
	case schemeSNOMED, "SNOMED", "SnomedCT":
		out.System = record.SystemSNOMED
	default:
		out.System = strings.TrimSpace(c.Scheme)
	}
	return out
}

// codeToTPP maps a record.Code in SNOMED or CTV3; other systems cannot be
// written (the schema allows only those two schemes).
func codeToTPP(c record.Code) (Code, bool) {
	switch c.System {
	case record.SystemSNOMED:
		return Code{Scheme: schemeSNOMED, Code: c.Code, Term: c.Display}, true
	case record.SystemCTV3:
		return Code{Scheme: schemeCTV3, Code: c.Code, Term: c.Display}, true
	}
	return Code{}, false
}
