package terminology

import (
	"slices"
	"strings"
)

// Concept is one code of one loaded version, ready for look-ups.
type Concept struct {
	Code          string
	Active        bool
	ModuleID      string // SNOMED module; "" for other systems
	EffectiveTime string // YYYYMMDD of the concept row
	Defined       bool   // SNOMED sufficientlyDefined
	Descriptions  []Description
	Parents       []string
	Children      []string
	ReplacedBy    []string // SNOMED REPLACED BY / dm+d code change successor
	Extra         []Property
}

// Description is one term of a concept with its acceptability per language
// reference set.
type Description struct {
	ID        string
	Term      string
	Language  string // "en"
	Type      string // rf2.TypeFSN, rf2.TypeSynonym
	Preferred []string
	Accepted  []string
}

// Designation is a $lookup designation.
type Designation struct {
	Language   string `json:"language,omitempty"`
	UseSystem  string `json:"useSystem,omitempty"`
	UseCode    string `json:"useCode,omitempty"`
	UseDisplay string `json:"useDisplay,omitempty"`
	Value      string `json:"value"`
}

// Property is a $lookup property. Type is the FHIR value[x] type: code,
// boolean, string, dateTime or Coding (Value holds "system|code").
type Property struct {
	Code  string `json:"code"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

const (
	typeFSN     = "900000000000003001"
	typeSynonym = "900000000000013009"
	useHL7Infra = "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra"
)

// display chooses the term shown for lang: the preferred synonym in the
// first language refset that has one; else any preferred synonym; else the
// FSN; else any term.
func (c *Concept) display(lang string) string {
	for _, rs := range languageRefsets(lang) {
		for _, d := range c.Descriptions {
			if d.Type == typeSynonym && slices.Contains(d.Preferred, rs) {
				return d.Term
			}
		}
	}
	var fsn, first string
	for _, d := range c.Descriptions {
		if d.Type == typeSynonym && len(d.Preferred) > 0 {
			return d.Term
		}
		if d.Type == typeFSN && fsn == "" {
			fsn = d.Term
		}
		if first == "" {
			first = d.Term
		}
	}
	if fsn != "" {
		return fsn
	}
	return first
}

// designations lists FSN and synonyms, then the term preferred for lang.
func (c *Concept) designations(system, lang, display string) []Designation {
	out := make([]Designation, 0, len(c.Descriptions)+1)
	for _, d := range c.Descriptions {
		ds := Designation{Language: d.Language, Value: d.Term}
		if len(d.Preferred)+len(d.Accepted) > 0 && strings.HasPrefix(lang, "en") {
			ds.Language = lang
		}
		// Read v2, CTV3 and EMIS terms are not SNOMED description types.
		snomedTyped := system == SystemSNOMED || system == SystemDMD
		switch {
		case !snomedTyped:
		case d.Type == typeFSN:
			ds.UseSystem, ds.UseCode, ds.UseDisplay = SystemSNOMED, typeFSN, "Fully specified name"
		case d.Type == typeSynonym:
			ds.UseSystem, ds.UseCode, ds.UseDisplay = SystemSNOMED, typeSynonym, "Synonym"
		}
		out = append(out, ds)
	}
	if display != "" {
		out = append(out, Designation{Language: lang, UseSystem: useHL7Infra, UseCode: "preferredForLanguage",
			UseDisplay: "Preferred For Language", Value: display})
	}
	return out
}

// properties lists every property of the concept (filtered by the caller).
func (c *Concept) properties(system string) []Property {
	out := []Property{{Code: "inactive", Type: "boolean", Value: boolString(!c.Active)}}
	for _, p := range c.Parents {
		out = append(out, Property{Code: "parent", Type: "code", Value: p})
	}
	for _, ch := range c.Children {
		out = append(out, Property{Code: "child", Type: "code", Value: ch})
	}
	if system == SystemSNOMED {
		out = append(out,
			Property{Code: "moduleId", Type: "code", Value: c.ModuleID},
			Property{Code: "effectiveTime", Type: "string", Value: c.EffectiveTime},
			Property{Code: "sufficientlyDefined", Type: "boolean", Value: boolString(c.Defined)})
	}
	for _, r := range c.ReplacedBy {
		out = append(out, Property{Code: "replacedBy", Type: "code", Value: r})
	}
	return append(out, c.Extra...)
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
