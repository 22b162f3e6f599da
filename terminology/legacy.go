package terminology

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"time"

	"im1fhir/terminology/rf2"
)

// Legacy code lists carry the retired schemes GP records still hold (Read
// v2, CTV3, EMIS local codes) with their assured SNOMED CT map. They have no
// new releases, so their versions are reported "retired" with the date of
// their last release.
//
// File: legacy_{readv2|ctv3|emis}_{YYYYMMDD}.txt, UTF-8, tab-separated, a
// header row, then rows of: code, active (1/0), term, snomedConceptId
// ("" when unmapped). CRLF or LF.
var legacyRE = regexp.MustCompile(`^legacy_(readv2|ctv3|emis)_(\d{8})\.txt$`)

var legacySystems = map[string]string{"readv2": SystemReadV2, "ctv3": SystemCTV3, "emis": SystemEMISLocal}

func isLegacyFile(base string) bool { return legacyRE.MatchString(base) }

func readLegacy(fsys fs.FS, name string) (*Index, error) {
	m := legacyRE.FindStringSubmatch(path.Base(name))
	if m == nil {
		return nil, fmt.Errorf("terminology: %s is not a legacy code list name", name)
	}
	system, date := legacySystems[m[1]], m[2]
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var concepts []*Concept
	_, err = rf2.ReadRows(f, func(cols []string) error {
		if len(cols) != 4 {
			return fmt.Errorf("%d columns, want 4", len(cols))
		}
		if cols[0] == "" || (cols[1] != "1" && cols[1] != "0") {
			return fmt.Errorf("bad code %q or active %q", cols[0], cols[1])
		}
		c := &Concept{Code: cols[0], Active: cols[1] == "1", EffectiveTime: date,
			Descriptions: []Description{{Term: cols[2], Language: "en", Type: typeSynonym, Preferred: []string{RefsetGB}}}}
		if cols[3] != "" {
			c.Extra = append(c.Extra, Property{Code: "snomedMap", Type: "Coding", Value: SystemSNOMED + "|" + cols[3]})
		}
		concepts = append(concepts, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("terminology: %s: %w", name, err)
	}
	v := CodeSystemVersion{System: system, Name: systemNames[system], Version: date, EffectiveDate: date,
		Source: path.Base(name), ImportedAt: time.Now().UTC(), Status: "retired",
		Title: fmt.Sprintf("%s, retired; last release %s", systemNames[system], dashed(date))}
	return NewIndex(v, concepts), nil
}
