package terminology

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"im1fhir/terminology/dmd"
	"im1fhir/terminology/rf2"
)

// MaxReleaseBytes bounds one release zip read into memory.
const MaxReleaseBytes = 4 << 30

// LoadDir loads every release directly under fsys (each top-level folder or
// zip is one release; README and other files are skipped) and publishes them
// in one switch. It returns what was loaded.
func (s *Service) LoadDir(ctx context.Context, fsys fs.FS) ([]CodeSystemVersion, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("terminology: read release dir: %w", err)
	}
	var all []*Index
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		ixs, err := ReadRelease(fsys, e.Name())
		if err != nil {
			if errorsIsSkip(err) {
				continue
			}
			return nil, err
		}
		all = append(all, ixs...)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("terminology: no releases found")
	}
	s.Add(ctx, all...)
	return versionsOf(all), nil
}

// LoadRelease loads one release (folder or zip named name inside fsys) and
// switches to it atomically.
func (s *Service) LoadRelease(ctx context.Context, fsys fs.FS, name string) ([]CodeSystemVersion, error) {
	ixs, err := ReadRelease(fsys, name)
	if err != nil {
		return nil, err
	}
	s.Add(ctx, ixs...)
	return versionsOf(ixs), nil
}

// LoadZip loads a release zip held in memory (an upload) named name.
func (s *Service) LoadZip(ctx context.Context, data []byte, name string) ([]CodeSystemVersion, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a zip: %v", ErrInvalid, name, err)
	}
	ixs, err := readOpened(zr, name)
	if err != nil {
		return nil, err
	}
	s.Add(ctx, ixs...)
	return versionsOf(ixs), nil
}

func versionsOf(ixs []*Index) []CodeSystemVersion {
	out := make([]CodeSystemVersion, len(ixs))
	for i, ix := range ixs {
		out[i] = ix.Version
	}
	return out
}

type skipError struct{ name string }

func (e skipError) Error() string { return "terminology: not a release: " + e.name }

func errorsIsSkip(err error) bool { _, ok := err.(skipError); return ok }

// ReadRelease reads one release named name in fsys without publishing it.
// The kind is recognised from content: RF2 files, dm+d XML files or legacy
// code lists.
func ReadRelease(fsys fs.FS, name string) ([]*Index, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		sub, err := fs.Sub(fsys, name)
		if err != nil {
			return nil, err
		}
		return readOpened(sub, name)
	}
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(io.LimitReader(f, MaxReleaseBytes+1))
		f.Close()
		if err != nil {
			return nil, err
		}
		if len(data) > MaxReleaseBytes {
			return nil, fmt.Errorf("terminology: %s larger than %d bytes", name, MaxReleaseBytes)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, fmt.Errorf("terminology: %s: %w", name, err)
		}
		return readOpened(zr, name)
	case isLegacyFile(path.Base(name)):
		ix, err := readLegacy(fsys, name)
		if err != nil {
			return nil, err
		}
		return []*Index{ix}, nil
	}
	return nil, skipError{name}
}

// readOpened recognises and reads a release from an opened folder or zip.
func readOpened(fsys fs.FS, name string) ([]*Index, error) {
	var hasRF2, hasDMD bool
	var legacy []string
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		base := path.Base(p)
		if _, err := rf2.ParseFileName(base); err == nil {
			hasRF2 = true
		}
		if _, err := dmd.ParseFileName(base); err == nil {
			hasDMD = true
		}
		if isLegacyFile(base) {
			legacy = append(legacy, p)
		}
		return nil
	})
	switch {
	case hasRF2:
		return readRF2(fsys, name)
	case hasDMD:
		rel, err := dmd.ReadFS(fsys, name)
		if err != nil {
			return nil, err
		}
		return []*Index{dmdIndex(rel)}, nil
	case len(legacy) > 0:
		var out []*Index
		for _, p := range legacy {
			ix, err := readLegacy(fsys, p)
			if err != nil {
				return nil, err
			}
			out = append(out, ix)
		}
		return out, nil
	}
	return nil, skipError{name}
}

func readRF2(fsys fs.FS, name string) ([]*Index, error) {
	pkg, err := rf2.ReadPackage(fsys)
	if err != nil {
		return nil, fmt.Errorf("terminology: %s: %w", name, err)
	}
	evs, err := pkg.Versions()
	if err != nil {
		return nil, fmt.Errorf("terminology: %s: %w", name, err)
	}
	releaseID := ukReleaseID(name)
	now := time.Now().UTC()
	var out []*Index
	for _, ev := range evs {
		snap := pkg
		if pkg.Full {
			snap = pkg.SnapshotAt(ev.Date)
		}
		v := CodeSystemVersion{
			System: SystemSNOMED, Name: systemNames[SystemSNOMED], Edition: ev.Module,
			EditionName: editionNames[ev.Module], Version: SNOMEDVersionURI(ev.Module, ev.Date),
			EffectiveDate: ev.Date, ReleaseID: releaseID, Source: path.Base(name), ImportedAt: now, Status: "active",
		}
		if v.EditionName == "" {
			v.EditionName = "SNOMED CT edition " + ev.Module
		}
		v.Title = fmt.Sprintf("%s %s", v.EditionName, dashed(ev.Date))
		for _, d := range ev.Dependencies {
			v.Dependencies = append(v.Dependencies, Dependency{Module: d.Module, Required: d.Target, Installed: d.Actual, Valid: d.Satisfied()})
		}
		out = append(out, NewIndex(v, snomedConcepts(snap)))
	}
	return out, nil
}

// ukReleaseID reads "41.6.0" from uk_sct2mo_41.6.0_20260311000001Z.zip.
func ukReleaseID(name string) string {
	base := path.Base(name)
	if !strings.HasPrefix(base, "uk_sct2") {
		return ""
	}
	parts := strings.Split(base, "_")
	if len(parts) >= 4 {
		return parts[2]
	}
	return ""
}

func dashed(d string) string {
	if len(d) != 8 {
		return d
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:]
}

// snomedConcepts turns a snapshot into look-up concepts.
func snomedConcepts(p *rf2.Package) []*Concept {
	byID := make(map[string]*Concept, len(p.Concepts))
	out := make([]*Concept, 0, len(p.Concepts))
	for _, c := range p.Concepts {
		con := &Concept{Code: c.ID, Active: c.Active, ModuleID: c.ModuleID, EffectiveTime: c.EffectiveTime,
			Defined: c.DefinitionStatusID == rf2.Defined}
		byID[c.ID] = con
		out = append(out, con)
	}
	accept := map[string][2][]string{} // description id → preferred, acceptable refsets
	for _, m := range p.Language {
		if !m.Active {
			continue
		}
		a := accept[m.ReferencedComponentID]
		switch m.Extra[0] {
		case rf2.Preferred:
			a[0] = append(a[0], m.RefsetID)
		case rf2.Acceptable:
			a[1] = append(a[1], m.RefsetID)
		}
		accept[m.ReferencedComponentID] = a
	}
	for _, d := range p.Descriptions {
		con := byID[d.ConceptID]
		if con == nil || !d.Active || d.TypeID == rf2.TypeDefinition {
			continue
		}
		a := accept[d.ID]
		con.Descriptions = append(con.Descriptions, Description{ID: d.ID, Term: d.Term, Language: d.LanguageCode,
			Type: d.TypeID, Preferred: a[0], Accepted: a[1]})
	}
	for _, con := range out {
		// FSN first, then preferred synonyms, then the rest: stable output.
		sort.SliceStable(con.Descriptions, func(i, j int) bool {
			return descRank(con.Descriptions[i]) < descRank(con.Descriptions[j])
		})
	}
	for _, r := range p.Relationships {
		if !r.Active || r.TypeID != rf2.IsA || r.CharacteristicTypeID == rf2.StatedRelationship {
			continue
		}
		if con := byID[r.SourceID]; con != nil {
			con.Parents = append(con.Parents, r.DestinationID)
		}
	}
	for _, m := range p.Associations {
		if m.Active && (m.RefsetID == rf2.RefsetReplacedBy || m.RefsetID == rf2.RefsetSameAs) {
			if con := byID[m.ReferencedComponentID]; con != nil {
				con.ReplacedBy = append(con.ReplacedBy, m.Extra[0])
			}
		}
	}
	for _, con := range out {
		sort.Strings(con.Parents)
	}
	return out
}

func descRank(d Description) int {
	switch {
	case d.Type == typeFSN:
		return 0
	case len(d.Preferred) > 0:
		return 1
	}
	return 2
}

// dmdIndex turns a dm+d release into a look-up index. Invalid concepts are
// inactive; a VMP/VTM/ingredient whose previous code is in the release makes
// that previous code point at it (replacedBy).
func dmdIndex(rel *dmd.Release) *Index {
	v := CodeSystemVersion{
		System: SystemDMD, Name: systemNames[SystemDMD], Version: rel.Date, EffectiveDate: rel.Date,
		ReleaseID: rel.ReleaseID, Source: rel.Name, ImportedAt: time.Now().UTC(), Status: "active",
	}
	v.Title = "dm+d " + dashed(rel.Date)
	if rel.ReleaseID != "" {
		v.Title += " (release " + rel.ReleaseID + ")"
	}
	byID := map[string]*Concept{}
	var out []*Concept
	for _, c := range rel.Concepts {
		con := &Concept{Code: c.ID, Active: !c.Invalid, EffectiveTime: strings.ReplaceAll(c.ChangedOn, "-", ""),
			Parents: append([]string(nil), c.Parents...)}
		con.Descriptions = append(con.Descriptions, Description{Term: c.Name, Language: "en", Type: typeSynonym,
			Preferred: []string{RefsetNHSDMDRealm}})
		if c.Description != "" && c.Description != c.Name {
			con.Descriptions = append(con.Descriptions, Description{Term: c.Description, Language: "en", Type: typeSynonym})
		}
		con.Extra = append(con.Extra, Property{Code: "class", Type: "code", Value: string(c.Class)})
		if c.PreviousID != "" {
			con.Extra = append(con.Extra, Property{Code: "previousCode", Type: "code", Value: c.PreviousID})
		}
		byID[c.ID] = con
		out = append(out, con)
	}
	for _, c := range rel.Concepts {
		if c.PreviousID == "" || c.PreviousID == c.ID {
			continue
		}
		prev := byID[c.PreviousID]
		if prev == nil {
			// The old code is gone from the release but GP records still
			// hold it: keep it, inactive, pointing at its successor.
			prev = &Concept{Code: c.PreviousID, EffectiveTime: strings.ReplaceAll(c.ChangedOn, "-", ""),
				Descriptions: []Description{{Term: c.Name, Language: "en", Type: typeSynonym, Preferred: []string{RefsetNHSDMDRealm}}},
				Extra:        []Property{{Code: "class", Type: "code", Value: string(c.Class)}}}
			byID[c.PreviousID] = prev
			out = append(out, prev)
		}
		prev.ReplacedBy = append(prev.ReplacedBy, c.ID)
	}
	return NewIndex(v, out)
}
