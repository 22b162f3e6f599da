package rf2

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Package is every row read from one RF2 release package.
type Package struct {
	Files              []string // paths read, in order
	Full               bool     // rows came from Full files (history available)
	Concepts           []Concept
	Descriptions       []Description
	Relationships      []Relationship
	Language           []Member // acceptabilityId in Extra[0]
	Associations       []Member // targetComponentId in Extra[0]
	AttributeValues    []Member // valueId in Extra[0]
	ModuleDependencies []Member // sourceEffectiveTime, targetEffectiveTime in Extra
}

// ReadPackage reads the RF2 files under fsys (a folder or an opened zip).
// Per component kind and release tag it reads the Full files when present
// (they carry history) and otherwise the Snapshot files; Delta files are
// ignored. Files that are not RF2 (readme, json, pdf) are skipped.
func ReadPackage(fsys fs.FS) (*Package, error) {
	type candidate struct {
		path string
		name FileName
	}
	groups := map[string][]candidate{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		fn, perr := ParseFileName(p)
		if perr != nil || fn.Kind() == "" || fn.Ext != "txt" || fn.ReleaseType == "Delta" {
			return nil
		}
		key := string(fn.Kind()) + "|" + fn.Namespace + "|" + fn.ReleaseTag + "|" + path.Dir(path.Dir(p))
		groups[key] = append(groups[key], candidate{p, fn})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rf2: walk: %w", err)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pkg := &Package{}
	for _, k := range keys {
		cands := groups[k]
		hasFull := slices.ContainsFunc(cands, func(c candidate) bool { return c.name.ReleaseType == "Full" })
		for _, c := range cands {
			if hasFull != (c.name.ReleaseType == "Full") {
				continue
			}
			if err := pkg.readFile(fsys, c.path, c.name); err != nil {
				return nil, err
			}
			pkg.Full = pkg.Full || hasFull
		}
	}
	if len(pkg.Files) == 0 {
		return nil, fmt.Errorf("rf2: no RF2 Snapshot or Full files found")
	}
	return pkg, nil
}

func (p *Package) readFile(fsys fs.FS, name string, fn FileName) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	kind := fn.Kind()
	_, err = ReadRows(f, func(cols []string) error {
		switch kind {
		case KindConcept:
			c, err := ParseConcept(cols)
			p.Concepts = append(p.Concepts, c)
			return err
		case KindDescription:
			d, err := ParseDescription(cols)
			p.Descriptions = append(p.Descriptions, d)
			return err
		case KindRelationship:
			r, err := ParseRelationship(cols)
			p.Relationships = append(p.Relationships, r)
			return err
		case KindLanguage:
			m, err := ParseMember(cols, 1)
			p.Language = append(p.Language, m)
			return err
		case KindAssociation:
			m, err := ParseMember(cols, 1)
			p.Associations = append(p.Associations, m)
			return err
		case KindAttributeValue:
			m, err := ParseMember(cols, 1)
			p.AttributeValues = append(p.AttributeValues, m)
			return err
		case KindModuleDependency:
			m, err := ParseMember(cols, 2)
			if err == nil && (!isDate(m.Extra[0]) || !isDate(m.Extra[1])) {
				err = fmt.Errorf("rf2: module dependency times %q/%q are not YYYYMMDD", m.Extra[0], m.Extra[1])
			}
			p.ModuleDependencies = append(p.ModuleDependencies, m)
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rf2: %s: %w", name, err)
	}
	p.Files = append(p.Files, name)
	return nil
}

type keyed interface{ rowKey() (string, string) }

// latestAt keeps, per id, the row with the greatest effectiveTime <= date.
func latestAt[T keyed](rows []T, date string) []T {
	best := make(map[string]int, len(rows))
	order := make([]string, 0, len(rows))
	for i, r := range rows {
		id, et := r.rowKey()
		if et > date {
			continue
		}
		j, ok := best[id]
		if !ok {
			order = append(order, id)
			best[id] = i
			continue
		}
		if _, jet := rows[j].rowKey(); et >= jet {
			best[id] = i
		}
	}
	out := make([]T, 0, len(order))
	for _, id := range order {
		out = append(out, rows[best[id]])
	}
	return out
}

// SnapshotAt is the package as it stood at release date (YYYYMMDD): for
// every component the latest row whose effectiveTime is not after date.
func (p *Package) SnapshotAt(date string) *Package {
	return &Package{
		Files:              p.Files,
		Concepts:           latestAt(p.Concepts, date),
		Descriptions:       latestAt(p.Descriptions, date),
		Relationships:      latestAt(p.Relationships, date),
		Language:           latestAt(p.Language, date),
		Associations:       latestAt(p.Associations, date),
		AttributeValues:    latestAt(p.AttributeValues, date),
		ModuleDependencies: latestAt(p.ModuleDependencies, date),
	}
}

// EditionVersion is one dated version of an edition found in a package.
type EditionVersion struct {
	Module       string // the edition's top module
	Date         string // its sourceEffectiveTime, YYYYMMDD
	Dependencies []Dependency
}

// Dependency is one module the edition version needs, checked against what
// the package itself holds.
type Dependency struct {
	Module string // referencedComponentId
	Target string // targetEffectiveTime required
	Actual string // version of Module found in the package, "" when not in it
}

// Satisfied reports whether the package holds the module at (or after) the
// required version; a module the package does not hold is not judged here.
func (d Dependency) Satisfied() bool { return d.Actual == "" || d.Actual >= d.Target }

// Versions derives the package's editions and dated versions from the module
// dependency reference set. An edition's top module is one no other module
// in the package depends on. A Full package yields one version per
// sourceEffectiveTime of the top module; a Snapshot package yields the
// latest only (the snapshot keeps one row per dependency pair).
func (p *Package) Versions() ([]EditionVersion, error) {
	var rows []Member
	for _, m := range p.ModuleDependencies {
		if m.Active && m.RefsetID == RefsetModuleDependency {
			rows = append(rows, m)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("rf2: no active module dependency rows (refset %s): cannot tell the release version", RefsetModuleDependency)
	}
	modules := map[string]bool{}
	dependedOn := map[string]bool{}
	for _, m := range rows {
		modules[m.ModuleID] = true
		if m.ReferencedComponentID != m.ModuleID {
			dependedOn[m.ReferencedComponentID] = true
		}
	}
	var tops []string
	for m := range modules {
		if !dependedOn[m] {
			tops = append(tops, m)
		}
	}
	sort.Strings(tops)
	if len(tops) == 0 {
		return nil, fmt.Errorf("rf2: module dependencies form a cycle; no top module")
	}
	actual := func(module, at string) string {
		best := ""
		for _, m := range rows {
			if m.ModuleID == module && m.Extra[0] <= at && m.Extra[0] > best {
				best = m.Extra[0]
			}
		}
		if best == "" && module == ModuleModel {
			// hermes' rule: the model module ships with the core module and
			// often has no dependency row of its own.
			return actualCore(rows, at)
		}
		return best
	}
	var out []EditionVersion
	for _, top := range tops {
		dates := map[string]bool{}
		for _, m := range rows {
			if m.ModuleID == top {
				dates[m.Extra[0]] = true
			}
		}
		ds := make([]string, 0, len(dates))
		for d := range dates {
			ds = append(ds, d)
		}
		sort.Strings(ds)
		for _, d := range ds {
			ev := EditionVersion{Module: top, Date: d}
			latest := map[string]Member{}
			for _, m := range rows {
				if m.ModuleID == top && m.Extra[0] == d {
					if prev, ok := latest[m.ReferencedComponentID]; !ok || m.EffectiveTime > prev.EffectiveTime {
						latest[m.ReferencedComponentID] = m
					}
				}
			}
			for ref, m := range latest {
				ev.Dependencies = append(ev.Dependencies, Dependency{Module: ref, Target: m.Extra[1], Actual: actual(ref, d)})
			}
			sort.Slice(ev.Dependencies, func(i, j int) bool { return ev.Dependencies[i].Module < ev.Dependencies[j].Module })
			out = append(out, ev)
		}
	}
	return out, nil
}

func actualCore(rows []Member, at string) string {
	best := ""
	for _, m := range rows {
		if m.ModuleID == ModuleCore && m.Extra[0] <= at && m.Extra[0] > best {
			best = m.Extra[0]
		}
	}
	return best
}

// PackageDate reads the date from a package folder or zip name such as
// SnomedCT_MonolithRF2_PRODUCTION_20260311T120000Z or
// uk_sct2mo_41.6.0_20260311000001Z.zip; "" when there is none.
func PackageDate(name string) string {
	base := path.Base(name)
	for i := 0; i+8 <= len(base); i++ {
		if (i == 0 || base[i-1] == '_') && isDate(base[i:i+8]) && strings.HasPrefix(base[i:i+8], "20") {
			return base[i : i+8]
		}
	}
	return ""
}
