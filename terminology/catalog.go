package terminology

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Index is one loaded version of one code system.
type Index struct {
	Version  CodeSystemVersion
	concepts map[string]*Concept
	deps     []*Index // loaded dependency versions searched when a code is not here
}

// NewIndex builds an index from concepts; children are derived from
// parents so loaders only state one direction.
func NewIndex(v CodeSystemVersion, concepts []*Concept) *Index {
	m := make(map[string]*Concept, len(concepts))
	for _, c := range concepts {
		m[c.Code] = c
	}
	for _, c := range concepts {
		for _, p := range c.Parents {
			if pc, ok := m[p]; ok && !slices.Contains(pc.Children, c.Code) {
				pc.Children = append(pc.Children, c.Code)
			}
		}
	}
	for _, c := range concepts {
		sort.Strings(c.Children)
	}
	v.Concepts = len(m)
	return &Index{Version: v, concepts: m}
}

// concept finds code here or in a loaded dependency.
func (ix *Index) concept(code string) (*Concept, *Index) {
	if c, ok := ix.concepts[code]; ok {
		return c, ix
	}
	for _, d := range ix.deps {
		if c, ok := d.concepts[code]; ok {
			return c, d
		}
	}
	return nil, nil
}

// catalog is the immutable set of loaded versions. A release switch builds
// a new catalog; nothing in one is modified after it is published.
type catalog struct {
	id       string              // content identity: changes whenever the loaded set does
	systems  map[string][]*Index // newest first
	defaults map[string]*Index
	versions []CodeSystemVersion
}

func key(v CodeSystemVersion) string { return v.System + "|" + v.Version }

// newCatalog combines the indexes (a later index with the same system and
// version replaces an earlier one), links SNOMED dependencies and picks
// defaults.
func newCatalog(indexes []*Index) *catalog {
	byKey := map[string]*Index{}
	var order []string
	for _, ix := range indexes {
		k := key(ix.Version)
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] = ix
	}
	c := &catalog{systems: map[string][]*Index{}, defaults: map[string]*Index{}}
	for _, k := range order {
		ix := byKey[k]
		c.systems[ix.Version.System] = append(c.systems[ix.Version.System], ix)
	}
	for sys, list := range c.systems {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i].Version, list[j].Version
			if a.EffectiveDate != b.EffectiveDate {
				return a.EffectiveDate > b.EffectiveDate
			}
			return editionRank(a.Edition) < editionRank(b.Edition)
		})
		c.defaults[sys] = pickDefault(sys, list)
	}
	// Link dependencies to loaded versions (copying indexes: published ones are immutable).
	for sys, list := range c.systems {
		for i, ix := range list {
			cp := *ix
			cp.deps = nil
			cp.Version.Dependencies = slices.Clone(ix.Version.Dependencies)
			for j, d := range cp.Version.Dependencies {
				cp.Version.Dependencies[j].Linked = ""
				for _, other := range list {
					if other.Version.Edition == d.Module && other.Version.EffectiveDate == d.Required && other != ix {
						cp.deps = append(cp.deps, other)
						cp.Version.Dependencies[j].Linked = other.Version.Version
					}
				}
			}
			cp.Version.IsDefault = c.defaults[sys] == ix
			list[i] = &cp
			if c.defaults[sys] == ix {
				c.defaults[sys] = &cp
			}
		}
	}
	// deps point at pre-copy indexes whose own deps are unlinked; that is
	// intended: fallback is one level deep, as editions state their direct
	// dependencies.
	h := sha256.New()
	systems := make([]string, 0, len(c.systems))
	for s := range c.systems {
		systems = append(systems, s)
	}
	sort.Strings(systems)
	for _, s := range systems {
		for _, ix := range c.systems[s] {
			c.versions = append(c.versions, ix.Version)
			fmt.Fprintf(h, "%s|%s|%s|%d\n", s, ix.Version.Version, ix.Version.Source, ix.Version.Concepts)
		}
	}
	c.id = hex.EncodeToString(h.Sum(nil))[:16]
	return c
}

func editionRank(e string) int {
	if i := slices.Index(editionPreference, e); i >= 0 {
		return i
	}
	return len(editionPreference)
}

func pickDefault(system string, list []*Index) *Index {
	if system == SystemSNOMED {
		for _, e := range editionPreference {
			for _, ix := range list {
				if ix.Version.Edition == e {
					return ix
				}
			}
		}
	}
	return list[0]
}

// resolve turns a requested (system, version) into one loaded index.
func (c *catalog) resolve(system, version string) (*Index, error) {
	system, version = normaliseSystem(system, version)
	if system == "" {
		return nil, fmt.Errorf("%w: system is required", ErrInvalid)
	}
	list := c.systems[system]
	if len(list) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrUnknownSystem, system)
	}
	q, err := parseVersion(system, version)
	if err != nil {
		return nil, err
	}
	if q == (versionQuery{}) {
		return c.defaults[system], nil
	}
	match := func(edition string) *Index {
		for _, ix := range list { // newest first
			v := ix.Version
			if edition != "" && v.Edition != edition {
				continue
			}
			if q.release != "" && v.ReleaseID != q.release {
				continue
			}
			switch {
			case q.date == "":
			case strings.HasPrefix(q.date, "y"):
				if !strings.HasPrefix(v.EffectiveDate, q.date[1:]) {
					continue
				}
			case v.EffectiveDate != q.date:
				continue
			}
			return ix
		}
		return nil
	}
	if q.edition != "" {
		if ix := match(q.edition); ix != nil {
			return ix, nil
		}
		if !c.hasEdition(system, q.edition) {
			for _, alias := range editionAliases[q.edition] {
				if ix := match(alias); ix != nil {
					return ix, nil
				}
			}
		}
		return nil, c.versionError(system, version)
	}
	// Bare date: the default edition first, then by edition preference.
	if d := c.defaults[system]; d != nil && d.Version.Edition != "" {
		if ix := match(d.Version.Edition); ix != nil {
			return ix, nil
		}
	}
	if ix := match(""); ix != nil {
		return ix, nil
	}
	return nil, c.versionError(system, version)
}

func (c *catalog) hasEdition(system, edition string) bool {
	for _, ix := range c.systems[system] {
		if ix.Version.Edition == edition {
			return true
		}
	}
	return false
}

func (c *catalog) versionError(system, version string) error {
	var valid []string
	for _, ix := range c.systems[system] {
		valid = append(valid, ix.Version.Version)
	}
	return &VersionError{System: system, Version: version, Valid: valid}
}

// indexes lists every loaded index (for rebuilding the catalog).
func (c *catalog) indexes() []*Index {
	var out []*Index
	for _, list := range c.systems {
		out = append(out, list...)
	}
	return out
}
