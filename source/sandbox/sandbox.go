package sandbox

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"im1fhir/record"
	"im1fhir/source"
)

// Codec reads one supplier's native format.
type Codec struct {
	DecodePractice func(io.Reader) (*record.Practice, error)
	DecodePatient  func(io.Reader) (record.Patient, error)
}

// Config configures Open.
type Config struct {
	// Data is the sandbox folder (embedded or on disk).
	Data fs.FS
	// Codecs by supplier name; nil means Codecs().
	Codecs map[string]Codec
}

// Sandbox is a source.Source over sandbox practice data, loaded whole at
// Open and read-only afterwards.
type Sandbox struct {
	practices map[string]*practice
	codes     []string
}

var _ source.Source = (*Sandbox)(nil)

type practice struct {
	data  *record.Practice
	dir   *source.Directory
	byNHS map[record.NHSNumber]*record.Patient
	byID  map[string]*record.Patient
}

// Open loads every practice the manifest lists. A file that does not parse
// fails the whole open, naming the file: shipped data must be right.
func Open(ctx context.Context, cfg Config) (*Sandbox, error) {
	codecs := cfg.Codecs
	if codecs == nil {
		codecs = Codecs()
	}
	m, err := readManifest(cfg.Data)
	if err != nil {
		return nil, err
	}
	pds, err := readPDS(cfg.Data)
	if err != nil {
		return nil, err
	}
	s := &Sandbox{practices: map[string]*practice{}}
	for _, mp := range m.Practices {
		c, ok := codecs[mp.Supplier]
		if !ok {
			return nil, fmt.Errorf("sandbox: practice %s: unknown supplier format %q", mp.ODS, mp.Supplier)
		}
		if _, dup := s.practices[mp.ODS]; dup {
			return nil, fmt.Errorf("sandbox: practice %s listed twice", mp.ODS)
		}
		p, err := loadPractice(ctx, cfg.Data, mp, c, pds)
		if err != nil {
			return nil, err
		}
		s.practices[mp.ODS] = p
		s.codes = append(s.codes, mp.ODS)
	}
	sort.Strings(s.codes)
	return s, nil
}

func loadPractice(ctx context.Context, fsys fs.FS, mp ManifestPractice, c Codec, pds map[record.NHSNumber]PDSFlags) (*practice, error) {
	data, err := decodeFile(fsys, path.Join(mp.ODS, "practice.xml"), c.DecodePractice)
	if err != nil {
		return nil, err
	}
	data.Supplier = mp.Supplier
	if data.Organisation.ODSCode != mp.ODS {
		return nil, fmt.Errorf("sandbox: %s/practice.xml holds practice %q, want %q", mp.ODS, data.Organisation.ODSCode, mp.ODS)
	}
	files, err := fs.Glob(fsys, path.Join(mp.ODS, "patients", "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("sandbox: listing %s patients: %w", mp.ODS, err)
	}
	data.Patients = make([]record.Patient, 0, len(files))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pt, err := decodeFile(fsys, f, func(r io.Reader) (*record.Patient, error) {
			p, err := c.DecodePatient(r)
			return &p, err
		})
		if err != nil {
			return nil, err
		}
		if flags, ok := pds[pt.NHSNumber]; ok && pt.NHSNumber != "" {
			pt.Spine = flags.Spine()
		}
		data.Patients = append(data.Patients, *pt)
	}
	p, err := index(data)
	if err != nil {
		return nil, err
	}
	for _, c := range mp.GPConnect {
		if !knownCapability(c) {
			return nil, fmt.Errorf("sandbox: practice %s: unknown GP Connect capability %q", mp.ODS, c)
		}
		p.dir.Enabled[c] = true
	}
	return p, nil
}

func knownCapability(c string) bool {
	for _, k := range source.AllCapabilities {
		if c == k {
			return true
		}
	}
	return false
}

func decodeFile[T any](fsys fs.FS, name string, decode func(io.Reader) (*T, error)) (*T, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	defer f.Close()
	v, err := decode(f)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %s: %w", name, err)
	}
	return v, nil
}

// index builds the look-up maps; two patients with one id or NHS number
// are a data error.
func index(data *record.Practice) (*practice, error) {
	dir := source.NewDirectory(data)
	dir.Enabled = map[string]bool{}
	p := &practice{data: data, dir: dir,
		byNHS: make(map[record.NHSNumber]*record.Patient, len(data.Patients)),
		byID:  make(map[string]*record.Patient, len(data.Patients))}
	for i := range data.Patients {
		pt := &data.Patients[i]
		if _, dup := p.byID[pt.ID]; dup || pt.ID == "" {
			return nil, fmt.Errorf("sandbox: practice %s: missing or duplicate patient id %q", data.Organisation.ODSCode, pt.ID)
		}
		p.byID[pt.ID] = pt
		if pt.NHSNumber == "" {
			continue
		}
		if _, dup := p.byNHS[pt.NHSNumber]; dup {
			return nil, fmt.Errorf("sandbox: practice %s: two patients share an NHS number (patient id %s)", data.Organisation.ODSCode, pt.ID)
		}
		p.byNHS[pt.NHSNumber] = pt
	}
	return p, nil
}

// Practices lists the ODS codes served.
func (s *Sandbox) Practices() []string { return s.codes }

func (s *Sandbox) practice(ods string) (*practice, error) {
	p, ok := s.practices[ods]
	if !ok {
		return nil, fmt.Errorf("sandbox: %q: %w", ods, source.ErrUnknownPractice)
	}
	return p, nil
}

// Directory returns the practice's directory.
func (s *Sandbox) Directory(_ context.Context, ods string) (*source.Directory, error) {
	p, err := s.practice(ods)
	if err != nil {
		return nil, err
	}
	return p.dir, nil
}

// PatientByNHSNumber finds a patient by NHS number.
func (s *Sandbox) PatientByNHSNumber(_ context.Context, ods string, n record.NHSNumber) (*record.Patient, error) {
	p, err := s.practice(ods)
	if err != nil {
		return nil, err
	}
	if pt, ok := p.byNHS[n]; ok {
		return pt, nil
	}
	return nil, fmt.Errorf("sandbox: patient: %w", source.ErrNotFound)
}

// Patient finds a patient by logical id.
func (s *Sandbox) Patient(_ context.Context, ods, id string) (*record.Patient, error) {
	p, err := s.practice(ods)
	if err != nil {
		return nil, err
	}
	if pt, ok := p.byID[id]; ok {
		return pt, nil
	}
	return nil, fmt.Errorf("sandbox: patient %s: %w", strings.TrimSpace(id), source.ErrNotFound)
}

// Ready is always nil once Open succeeded: everything is in memory.
func (s *Sandbox) Ready(context.Context) error { return nil }

// FromPractices builds a Sandbox from practices already in record form, for
// tests and tools that generate data in memory, with every GP Connect
// capability enabled. pds flags are applied as Open would apply pds.json.
func FromPractices(pds map[record.NHSNumber]PDSFlags, practices ...*record.Practice) (*Sandbox, error) {
	s := &Sandbox{practices: map[string]*practice{}}
	for _, data := range practices {
		ods := data.Organisation.ODSCode
		if _, dup := s.practices[ods]; dup {
			return nil, fmt.Errorf("sandbox: practice %s given twice", ods)
		}
		for i := range data.Patients {
			if f, ok := pds[data.Patients[i].NHSNumber]; ok {
				data.Patients[i].Spine = f.Spine()
			}
		}
		p, err := index(data)
		if err != nil {
			return nil, err
		}
		for _, c := range source.AllCapabilities {
			p.dir.Enabled[c] = true
		}
		s.practices[ods] = p
		s.codes = append(s.codes, ods)
	}
	sort.Strings(s.codes)
	return s, nil
}

// Disable switches a GP Connect capability off for a practice, as a practice
// administrator would. Call it before serving: the sandbox is read without
// locks.
func (s *Sandbox) Disable(ods, capability string) {
	if p, ok := s.practices[ods]; ok {
		delete(p.dir.Enabled, capability)
	}
}
