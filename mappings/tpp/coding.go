package tpp

import (
	"strings"

	"im1fhir/record"
)

// A ClinicalCode holds exactly one Code, in CTV3 or SNOMED CT (the schema's
// CodeScheme). A record.Concept may hold several codings; the one written is
// SNOMED when held (SystmOne has recorded in SNOMED CT since 2018, and GP
// Connect requires it), else CTV3. Read v2, local codes and any second coding
// have no place and are dropped. A concept with no SNOMED or CTV3 coding is
// written as a free-text entry: Scheme "Snomed", an empty Code and its text
// as Term (the schema requires the attributes, not a value); it decodes back
// to a text-only concept.

// conceptToTPP picks the coding to write.
func conceptToTPP(c record.Concept) Code {
	for _, sys := range []string{record.SystemSNOMED, record.SystemCTV3} {
		if cd, ok := c.In(sys); ok {
			out, _ := codeToTPP(cd)
			return out
		}
	}
	return Code{Scheme: schemeSNOMED, Term: c.Display()}
}

// conceptFromTPP reads one Code; an empty code is free text.
func conceptFromTPP(c Code) record.Concept {
	cd := codeFromTPP(c)
	if cd.Code == "" {
		return record.Concept{Text: cd.Display}
	}
	return record.Concept{Codings: []record.Code{cd}}
}

// Drug schemes of the XSD's DrugScheme enumeration. dm+d ids are SNOMED CT
// ids, so a Dmd drug is a SNOMED coding (as GP Connect carries it).
const (
	drugSchemeDmd      = "Dmd"
	drugSchemeMultilex = "Multilex"
)

// drugToTPP writes the dm+d coding when held, else Multilex. A drug with
// neither is written by name with an empty ProductID.
func drugToTPP(c record.Concept) Drug {
	if cd, ok := c.SNOMED(); ok {
		return Drug{FullName: displayOr(cd.Display, c.Display()), Scheme: drugSchemeDmd, ProductID: cd.Code}
	}
	if cd, ok := c.In(record.SystemMultilex); ok {
		return Drug{FullName: displayOr(cd.Display, c.Display()), Scheme: drugSchemeMultilex, ProductID: cd.Code}
	}
	return Drug{FullName: c.Display(), Scheme: drugSchemeDmd}
}

func drugFromTPP(d Drug) record.Concept {
	name := strings.TrimSpace(d.DisplayName())
	id := strings.TrimSpace(d.ProductID)
	if id == "" {
		return record.Concept{Text: name}
	}
	sys := record.SystemSNOMED
	switch strings.ToLower(strings.TrimSpace(d.Scheme)) {
	case "multilex":
		sys = record.SystemMultilex
	case "dmd", "snomed":
	default:
		sys = strings.TrimSpace(d.Scheme)
	}
	return record.Concept{Codings: []record.Code{{System: sys, Code: id, Display: name}}}
}

func displayOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
