package vision

import (
	"strings"

	"im1fhir/record"
)

// nameAttrs is a name as Vision's patient table holds it: title, forename1,
// forename2, othforenam (any further forenames, space separated) and surname.
type nameAttrs struct {
	title, forename1, forename2, others, surname string
}

// toRecord maps the attributes to a HumanName; zero when nothing is held.
func (n nameAttrs) toRecord(use string) record.HumanName {
	var out record.HumanName
	if n.title != "" {
		out.Prefix = []string{n.title}
	}
	for _, g := range []string{n.forename1, n.forename2} {
		if g != "" {
			out.Given = append(out.Given, g)
		}
	}
	out.Given = append(out.Given, strings.Fields(n.others)...)
	out.Family = n.surname
	if out.Family == "" && len(out.Given) == 0 && len(out.Prefix) == 0 {
		return record.HumanName{}
	}
	out.Use = use
	return out
}

// nameAttrsOf lays a HumanName out in Vision's columns. Several prefixes
// share the one title column; suffixes have no column and are dropped.
func nameAttrsOf(n record.HumanName) nameAttrs {
	out := nameAttrs{title: strings.Join(n.Prefix, " "), surname: n.Family}
	if len(n.Given) > 0 {
		out.forename1 = n.Given[0]
	}
	if len(n.Given) > 1 {
		out.forename2 = n.Given[1]
	}
	if len(n.Given) > 2 {
		out.others = strings.Join(n.Given[2:], " ")
	}
	return out
}
