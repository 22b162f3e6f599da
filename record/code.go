package record

// Code systems as GP systems hold them. The URIs are the FHIR system URIs the
// NHS uses, so that a renderer can copy them through unchanged.
const (
	SystemSNOMED      = "http://snomed.info/sct"
	SystemReadV2      = "http://read.info/readv2"
	SystemCTV3        = "http://read.info/ctv3"
	SystemEMISLocal   = "https://fhir.hl7.org.uk/Id/egton-codes"
	SystemEMISDrug    = "https://fhir.hl7.org.uk/Id/emis-drug-codes"
	SystemMultilex    = "https://fhir.hl7.org.uk/Id/multilex-drug-codes"
	SystemVisionLocal = "https://fhir.hl7.org.uk/Id/vision-local-codes"
)

// Code is one coding of a concept in one system. Version is the terminology
// release the code was resolved against (a SNOMED version URI such as
// http://snomed.info/sct/83821000000107/version/20240925); empty when unknown.
type Code struct {
	System  string
	Code    string
	Display string
	Version string
	// DescriptionID is the SNOMED description id the clinician picked, where
	// the source holds one (GP Connect carries it in an extension).
	DescriptionID string
}

// IsZero reports whether no code is held.
func (c Code) IsZero() bool { return c.Code == "" }

// Concept is a coded value: the codings the source held (original first or
// SNOMED first, as mapped) and the text the clinician saw.
type Concept struct {
	Codings []Code
	Text    string
}

// In returns the first coding in the given system.
func (c Concept) In(system string) (Code, bool) {
	for _, cd := range c.Codings {
		if cd.System == system {
			return cd, true
		}
	}
	return Code{}, false
}

// SNOMED returns the SNOMED CT coding, if held.
func (c Concept) SNOMED() (Code, bool) { return c.In(SystemSNOMED) }

// IsZero reports whether the concept holds neither codes nor text.
func (c Concept) IsZero() bool { return len(c.Codings) == 0 && c.Text == "" }

// Display returns the best human text: the free text, else the first display.
func (c Concept) Display() string {
	if c.Text != "" {
		return c.Text
	}
	for _, cd := range c.Codings {
		if cd.Display != "" {
			return cd.Display
		}
	}
	return ""
}

// Quantity is a measured amount with its unit as the source wrote it.
type Quantity struct {
	Value float64
	// Comparator is "", "<", "<=", ">=" or ">".
	Comparator string
	Unit       string
}
