package generate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"im1fhir/mappings/emis"
	"im1fhir/mappings/tpp"
	"im1fhir/mappings/vision"
	"im1fhir/record"
	"im1fhir/source"
	"im1fhir/source/sandbox"
)

// Encoder writes one supplier's native format.
type Encoder struct {
	EncodePractice func(w io.Writer, p *record.Practice) error
	EncodePatient  func(w io.Writer, practice *record.Practice, p *record.Patient) error
}

// Encoders returns the supplier formats Write can produce, by the name the
// manifest uses.
func Encoders() map[string]Encoder {
	return map[string]Encoder{
		emis.Supplier:   {EncodePractice: emis.EncodePractice, EncodePatient: emis.EncodePatient},
		tpp.Supplier:    {EncodePractice: tpp.EncodePractice, EncodePatient: tpp.EncodePatient},
		vision.Supplier: {EncodePractice: vision.EncodePractice, EncodePatient: vision.EncodePatient},
	}
}

// Write lays practices out as a sandbox folder under root (see package
// source/sandbox): sandbox.json, pds.json, and for each practice
// <ODS>/practice.xml and <ODS>/patients/<id>.xml in the practice's
// Supplier format. Each practice folder is replaced whole, so patients
// dropped from a practice do not linger; other files under root are left
// alone. An NHS number held by two patients anywhere is an error: the
// spine mock is national.
func Write(root string, practices []*record.Practice) error {
	return write(root, practices, Encoders())
}

// safeName is what an ODS code or patient id must look like to become a
// path element (FHIR ids are [A-Za-z0-9.-]{1,64}).
var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$`)

func write(root string, practices []*record.Practice, encoders map[string]Encoder) error {
	if len(practices) == 0 {
		return errors.New("generate: no practices to write")
	}
	manifest := sandbox.Manifest{}
	pds := map[record.NHSNumber]sandbox.PDSFlags{}
	seenODS := map[string]bool{}
	seenNHS := map[record.NHSNumber]string{}
	for _, p := range practices {
		ods := p.Organisation.ODSCode
		if !safeName.MatchString(ods) || seenODS[ods] {
			return fmt.Errorf("generate: practice ODS code %q is not usable or listed twice", ods)
		}
		seenODS[ods] = true
		if _, ok := encoders[p.Supplier]; !ok {
			return fmt.Errorf("generate: practice %s: no encoder for supplier format %q", ods, p.Supplier)
		}
		manifest.Practices = append(manifest.Practices, sandbox.ManifestPractice{ODS: ods, Supplier: p.Supplier, GPConnect: source.AllCapabilities})
		for i := range p.Patients {
			pt := &p.Patients[i]
			if !safeName.MatchString(pt.ID) {
				return fmt.Errorf("generate: practice %s: patient id %q is not a usable file name", ods, pt.ID)
			}
			if pt.NHSNumber == "" {
				continue
			}
			if other, dup := seenNHS[pt.NHSNumber]; dup {
				return fmt.Errorf("generate: practice %s patient %s shares an NHS number with %s", ods, pt.ID, other)
			}
			seenNHS[pt.NHSNumber] = ods + " patient " + pt.ID
			if s := pt.Spine; s.Sensitive || s.Superseded || s.NotOnSpine {
				pds[pt.NHSNumber] = sandbox.PDSFlags{Sensitive: s.Sensitive, Superseded: s.Superseded, NotOnSpine: s.NotOnSpine}
			}
		}
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if err := writeJSON(filepath.Join(root, "sandbox.json"), manifest); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(root, "pds.json"), pds); err != nil {
		return err
	}
	for _, p := range practices {
		if err := writePractice(root, p, encoders[p.Supplier]); err != nil {
			return err
		}
	}
	return nil
}

func writePractice(root string, p *record.Practice, enc Encoder) error {
	ods := p.Organisation.ODSCode
	dir := filepath.Join(root, ods)
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("generate: clearing %s: %w", ods, err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "patients"), 0o755); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	// The directory file carries no patients: they have their own files.
	directory := *p
	directory.Patients = nil
	err := writeFile(filepath.Join(dir, "practice.xml"), func(w io.Writer) error { return enc.EncodePractice(w, &directory) })
	if err != nil {
		return fmt.Errorf("generate: practice %s directory: %w", ods, err)
	}
	for i := range p.Patients {
		pt := &p.Patients[i]
		err := writeFile(filepath.Join(dir, "patients", pt.ID+".xml"), func(w io.Writer) error { return enc.EncodePatient(w, &directory, pt) })
		if err != nil {
			return fmt.Errorf("generate: practice %s patient %s: %w", ods, pt.ID, err)
		}
	}
	return nil
}

func writeJSON(name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("generate: %s: %w", filepath.Base(name), err)
	}
	return writeFile(name, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// writeFile writes through a buffer and only then to disk, so that a
// failing encoder leaves no half-written file behind.
func writeFile(name string, fill func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	return nil
}
