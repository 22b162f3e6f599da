package terminology

// Code system URIs served. The legacy URIs match record.System* (this
// package may not import record; keep them equal).
const (
	SystemSNOMED    = "http://snomed.info/sct"
	SystemDMD       = "https://dmd.nhs.uk"
	SystemReadV2    = "http://read.info/readv2"
	SystemCTV3      = "http://read.info/ctv3"
	SystemEMISLocal = "https://fhir.hl7.org.uk/Id/egton-codes"
)

// SNOMED CT edition (top module) identifiers.
const (
	EditionUKMonolith    = "83821000000107"
	EditionUKClinical    = "999000021000000109"
	EditionUKDrug        = "999000011000001104"
	EditionInternational = "900000000000207008"
)

// editionNames labels the editions the registry reports.
var editionNames = map[string]string{
	EditionUKMonolith:    "SNOMED CT UK Edition (Monolith)",
	EditionUKClinical:    "SNOMED CT UK Clinical Edition",
	EditionUKDrug:        "SNOMED CT UK Drug Extension",
	EditionInternational: "SNOMED CT International Edition",
}

// editionPreference orders editions for defaults and bare dates: the UK
// Monolith is what NHS England's servers and GP systems use.
var editionPreference = []string{EditionUKMonolith, EditionUKClinical, EditionUKDrug, EditionInternational}

// editionAliases maps module ids clients send to the edition that answers
// for them when no edition with that exact id is loaded. The table follows
// the module FSNs in spec/terminology.md §1.2: 999000041000000102 is the
// older UK Edition module; 999000011000000103/999000031000000106 are UK
// clinical content modules; 999000021000001108 is the drug refset module.
var editionAliases = map[string][]string{
	"999000041000000102": {EditionUKMonolith},
	EditionUKClinical:    {EditionUKMonolith},
	"999000011000000103": {EditionUKClinical, EditionUKMonolith},
	"999000031000000106": {EditionUKClinical, EditionUKMonolith},
	EditionUKDrug:        {EditionUKMonolith},
	"999000021000001108": {EditionUKDrug, EditionUKMonolith},
}

// systemNames is the $lookup "name" out-parameter per system.
var systemNames = map[string]string{
	SystemSNOMED:    "SNOMED CT",
	SystemDMD:       "dm+d",
	SystemReadV2:    "Read Codes version 2",
	SystemCTV3:      "Clinical Terms Version 3 (CTV3)",
	SystemEMISLocal: "EMIS local codes",
}

// systemAliases normalises system URIs that clients send in other spellings.
var systemAliases = map[string]string{
	"http://snomed.info/sct/": SystemSNOMED,
	"https://snomed.info/sct": SystemSNOMED,
	"http://dmd.nhs.uk":       SystemDMD,
	"https://dmd.nhs.uk/":     SystemDMD,
}

// Language reference sets used to choose preferred terms.
const (
	RefsetGB           = "900000000000508004"
	RefsetUS           = "900000000000509007"
	RefsetNHSClinical  = "999001261000000100"
	RefsetNHSPharmacy  = "999000691000001104"
	RefsetNHSDMDRealm  = "999000671000001103"
	defaultDisplayLang = "en-GB"
)

// languageRefsets lists, per display language, the refsets consulted in order.
func languageRefsets(lang string) []string {
	switch lang {
	case "en-US", "en-us":
		return []string{RefsetUS, RefsetGB}
	default:
		return []string{RefsetNHSClinical, RefsetNHSPharmacy, RefsetNHSDMDRealm, RefsetGB, RefsetUS}
	}
}

// NormaliseSystem maps system spellings (and edition URIs given as the
// system) to the canonical system URI.
func NormaliseSystem(system string) string {
	s, _ := normaliseSystem(system, "")
	return s
}
