package terminology

import (
	"fmt"
	"strings"
	"time"
)

// CodeSystemVersion is one loaded release of one code system: a row of the
// version registry (spec/terminology.md §7).
type CodeSystemVersion struct {
	System        string       `json:"system"`
	Name          string       `json:"name"`
	Edition       string       `json:"edition,omitempty"`     // SNOMED top module
	EditionName   string       `json:"editionName,omitempty"` // e.g. "SNOMED CT UK Edition (Monolith)"
	Version       string       `json:"version"`               // the FHIR version string
	EffectiveDate string       `json:"effectiveDate"`         // YYYYMMDD
	ReleaseID     string       `json:"releaseId,omitempty"`   // "41.6.0", "3.1.0"
	Title         string       `json:"title"`
	Source        string       `json:"source"` // zip or folder it came from
	ImportedAt    time.Time    `json:"importedAt"`
	Status        string       `json:"status"` // "active" or "retired"
	IsDefault     bool         `json:"isDefault"`
	Concepts      int          `json:"concepts"`
	Dependencies  []Dependency `json:"dependencies,omitempty"`
}

// Dependency is a module an edition version depends on, from the MDRS.
type Dependency struct {
	Module    string `json:"module"`
	Required  string `json:"required"`         // targetEffectiveTime
	Installed string `json:"installed"`        // version in the package, "" if absent
	Valid     bool   `json:"valid"`            // Installed >= Required (or not in the package)
	Linked    string `json:"linked,omitempty"` // loaded version look-ups fall back to
}

// SNOMEDVersionURI builds http://snomed.info/sct/{module}/version/{date}.
func SNOMEDVersionURI(module, date string) string {
	return SystemSNOMED + "/" + module + "/version/" + date
}

// versionQuery is a parsed, normalised version request.
type versionQuery struct {
	edition string // SNOMED module ("" = any/default)
	date    string // YYYYMMDD ("" = latest)
	release string // dm+d release id such as 3.1.0 ("" = any)
}

// parseVersion normalises the forms clients send:
//
//	""                                        default version
//	http://snomed.info/sct/{m}                latest of edition m
//	http://snomed.info/sct/{m}/version/{d}    exactly that
//	YYYYMMDD, YYYY-MM-DD                      that date (default edition first)
//	{release}_{YYYYMMDD}, "YYYY {release}"    dm+d release names
func parseVersion(system, v string) (versionQuery, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return versionQuery{}, nil
	}
	if system == SystemSNOMED {
		if strings.HasPrefix(v, "http://snomed.info/xsct/") {
			return versionQuery{}, fmt.Errorf("%w: unpublished (xsct) content is not served", ErrInvalid)
		}
		if rest, ok := strings.CutPrefix(v, SystemSNOMED+"/"); ok {
			parts := strings.Split(strings.TrimSuffix(rest, "/"), "/")
			switch {
			case len(parts) == 1 && isDigits(parts[0]):
				return versionQuery{edition: parts[0]}, nil
			case len(parts) == 3 && isDigits(parts[0]) && parts[1] == "version" && isDate(parts[2]):
				return versionQuery{edition: parts[0], date: parts[2]}, nil
			}
			return versionQuery{}, fmt.Errorf("%w: %q is not a SNOMED CT edition or version URI", ErrInvalid, v)
		}
	}
	if d, ok := normDate(v); ok {
		return versionQuery{date: d}, nil
	}
	if rel, date, ok := strings.Cut(v, "_"); ok {
		if d, ok := normDate(date); ok {
			return versionQuery{date: d, release: rel}, nil
		}
	}
	if year, rel, ok := strings.Cut(v, " "); ok && len(year) == 4 && isDigits(year) {
		return versionQuery{release: rel, date: "y" + year}, nil
	}
	return versionQuery{date: "?" + v}, nil // matches nothing: reported as unknown
}

func normDate(s string) (string, bool) {
	if isDate(s) {
		return s, true
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		d := s[:4] + s[5:7] + s[8:]
		if isDate(d) {
			return d, true
		}
	}
	return "", false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isDate(s string) bool {
	if len(s) != 8 || !isDigits(s) {
		return false
	}
	_, err := time.Parse("20060102", s)
	return err == nil
}

// normaliseSystem maps system spellings to the canonical URI. An edition
// or version URI given as the system (Snowstorm issue #111) becomes the
// SNOMED system plus that version.
func normaliseSystem(system, version string) (string, string) {
	s := strings.TrimSpace(system)
	if c, ok := systemAliases[s]; ok {
		s = c
	}
	if strings.HasPrefix(s, SystemSNOMED+"/") && version == "" {
		return SystemSNOMED, s
	}
	return s, version
}
