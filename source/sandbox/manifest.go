package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"im1fhir/record"
)

// Manifest is sandbox.json: which practices the sandbox holds and in which
// supplier format each is kept.
type Manifest struct {
	Practices []ManifestPractice `json:"practices"`
}

// ManifestPractice is one practice entry of the manifest.
type ManifestPractice struct {
	ODS      string `json:"ods"`
	Supplier string `json:"supplier"`
	// GPConnect lists the GP Connect capabilities the practice has enabled
	// (source.CapabilityFoundations, ...). Absent means none: GP Connect is
	// off unless a practice switches it on.
	GPConnect []string `json:"gpconnect,omitempty"`
}

// PDSFlags is one pds.json entry.
type PDSFlags struct {
	Sensitive  bool `json:"sensitive,omitempty"`
	Superseded bool `json:"superseded,omitempty"`
	NotOnSpine bool `json:"notOnSpine,omitempty"`
}

// Spine converts the flags to the record's form.
func (f PDSFlags) Spine() record.SpineStatus {
	return record.SpineStatus{Sensitive: f.Sensitive, Superseded: f.Superseded, NotOnSpine: f.NotOnSpine}
}

func readManifest(fsys fs.FS) (Manifest, error) {
	var m Manifest
	b, err := fs.ReadFile(fsys, "sandbox.json")
	if err != nil {
		return m, fmt.Errorf("sandbox: reading manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("sandbox: sandbox.json: %w", err)
	}
	if len(m.Practices) == 0 {
		return m, errors.New("sandbox: sandbox.json lists no practices")
	}
	return m, nil
}

// readPDS reads pds.json; a sandbox without one has a clean spine.
func readPDS(fsys fs.FS) (map[record.NHSNumber]PDSFlags, error) {
	b, err := fs.ReadFile(fsys, "pds.json")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sandbox: reading pds.json: %w", err)
	}
	var m map[record.NHSNumber]PDSFlags
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("sandbox: pds.json: %w", err)
	}
	return m, nil
}
