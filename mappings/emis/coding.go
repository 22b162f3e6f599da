package emis

import (
	"strings"

	"im1fhir/record"
)

// systemRead4 is EMIS's READ4 scheme; the NHS adaptors write OIDs they have
// no URI for as urn:oid.
const systemRead4 = "urn:oid:2.16.840.1.113883.2.1.6.1"

// Concept returns the codings c holds: the code in its scheme (with Term as
// display), then the mapped code (MapCode in MapScheme) when there is one.
// text is the term the clinician saw (DisplayTerm), kept as Concept.Text.
//
// As EMIS exports are read elsewhere (Endeavour's CodeConverter): a READ2
// code that starts EMIS, ALLERGY or EGTON, or is longer than five characters,
// is an EMIS local code; Read v2 codes are padded to five characters with
// dots.
func (c *StringCodeType) Concept(text string) record.Concept {
	out := record.Concept{Text: strings.TrimSpace(text)}
	if c == nil {
		return out
	}
	if cd, ok := coding(c.Value, c.Scheme); ok {
		cd.Display = strings.TrimSpace(c.Term)
		out.Codings = append(out.Codings, cd)
	}
	if cd, ok := coding(c.MapCode, c.MapScheme); ok {
		out.Codings = append(out.Codings, cd)
	}
	return out
}

func coding(value, scheme string) (record.Code, bool) {
	value, scheme = strings.TrimSpace(value), strings.ToUpper(strings.TrimSpace(scheme))
	if value == "" {
		return record.Code{}, false
	}
	switch scheme {
	case SchemeSNOMED:
		return record.Code{System: record.SystemSNOMED, Code: value}, true
	case SchemeREAD2, "":
		if isEMISLocal(value) {
			return record.Code{System: record.SystemEMISLocal, Code: value}, true
		}
		return record.Code{System: record.SystemReadV2, Code: padRead2(value)}, true
	case "READ4":
		return record.Code{System: systemRead4, Code: value}, true
	case "EMISCLINICAL", "EMISNONDRUGALLERGY":
		return record.Code{System: record.SystemEMISLocal, Code: value}, true
	case "EMISDRUGGROUP", "EMISCONSTITUENT", "EMISDRUGNAME", "EMISBOTH":
		return record.Code{System: record.SystemEMISDrug, Code: value}, true
	}
	return record.Code{}, false
}

func isEMISLocal(v string) bool {
	u := strings.ToUpper(v)
	return len(v) > 5 || strings.HasPrefix(u, "EMIS") || strings.HasPrefix(u, "ALLERGY") || strings.HasPrefix(u, "EGTON")
}

func padRead2(v string) string {
	if len(v) < 5 {
		v += strings.Repeat(".", 5-len(v))
	}
	return v
}

// CodeOf writes a concept as EMIS would hold it: the first coding EMIS has
// a scheme for (Read v2, EMIS local, EMIS drug, SNOMED CT) as Value, Scheme
// and Term, and — when that is not SNOMED CT — the SNOMED CT coding as
// MapCode. EMIS's four drug schemes read back as one system, so a drug code
// is written as EMISDRUGNAME. It returns nil when no coding fits.
func CodeOf(c record.Concept) *StringCodeType {
	var out *StringCodeType
	for _, cd := range c.Codings {
		scheme := ""
		switch cd.System {
		case record.SystemReadV2:
			scheme = SchemeREAD2
		case record.SystemEMISLocal:
			scheme = "EMISCLINICAL"
		case record.SystemEMISDrug:
			scheme = "EMISDRUGNAME"
		case systemRead4:
			scheme = "READ4"
		case record.SystemSNOMED:
			scheme = SchemeSNOMED
		}
		if scheme == "" || cd.Code == "" {
			continue
		}
		out = &StringCodeType{Value: cd.Code, Scheme: scheme, Term: cd.Display}
		break
	}
	if out == nil {
		return nil
	}
	if out.Scheme != SchemeSNOMED {
		if sct, ok := c.SNOMED(); ok && sct.Code != "" {
			out.MapCode, out.MapScheme = sct.Code, SchemeSNOMED
		}
	}
	return out
}
