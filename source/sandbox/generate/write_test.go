package generate

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"im1fhir/mappings/emis"
	"im1fhir/mappings/tpp"
	"im1fhir/mappings/vision"
	"im1fhir/record"
	"im1fhir/source/sandbox"
)

// fakeEncoders write one line naming what was encoded, so the layout can
// be checked without the supplier formats.
var fakeEncoders = map[string]Encoder{"fake": {
	EncodePractice: func(w io.Writer, p *record.Practice) error {
		_, err := fmt.Fprintf(w, "practice %s patients %d\n", p.Organisation.ODSCode, len(p.Patients))
		return err
	},
	EncodePatient: func(w io.Writer, p *record.Practice, pt *record.Patient) error {
		_, err := fmt.Fprintf(w, "patient %s of %s\n", pt.ID, p.Organisation.ODSCode)
		return err
	},
}}

func TestWriteLayout(t *testing.T) {
	root := t.TempDir()
	fx := Fixtures(testNow)
	fx.Supplier = "fake"
	other := Generate(Config{ODS: "B82001", Supplier: "fake", Patients: 3, Seed: 1, Now: testNow})
	// A stale file from an earlier build must go.
	stale := filepath.Join(root, "B82001", "patients", "gone.xml")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := write(root, []*record.Practice{fx, other}, fakeEncoders); err != nil {
		t.Fatalf("write: %v", err)
	}
	var m sandbox.Manifest
	mustJSON(t, filepath.Join(root, "sandbox.json"), &m)
	if len(m.Practices) != 2 || m.Practices[0].ODS != "GPC001" || m.Practices[0].Supplier != "fake" || len(m.Practices[0].GPConnect) != 3 || m.Practices[1].ODS != "B82001" {
		t.Errorf("sandbox.json = %+v", m)
	}
	var pds map[string]map[string]bool
	mustJSON(t, filepath.Join(root, "pds.json"), &pds)
	want := map[string]map[string]bool{
		"9476718897": {"sensitive": true}, "9476718900": {"sensitive": true},
		"9476718919": {"superseded": true}, "9476718943": {"notOnSpine": true},
	}
	if fmt.Sprint(pds) != fmt.Sprint(want) {
		t.Errorf("pds.json = %v, want %v", pds, want)
	}
	b, err := os.ReadFile(filepath.Join(root, "GPC001", "practice.xml"))
	if err != nil || string(b) != "practice GPC001 patients 0\n" {
		t.Errorf("GPC001/practice.xml = %q, %v; want the directory without patients", b, err)
	}
	b, err = os.ReadFile(filepath.Join(root, "GPC001", "patients", "15.xml"))
	if err != nil || string(b) != "patient 15 of GPC001\n" {
		t.Errorf("GPC001/patients/15.xml = %q, %v", b, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale patient file survived: %v", err)
	}
}

func TestWriteRefuses(t *testing.T) {
	dup := Generate(Config{ODS: "B82001", Supplier: "fake", Patients: 2, Seed: 1, Now: testNow})
	dup2 := Generate(Config{ODS: "B82002", Supplier: "fake", Patients: 2, Seed: 2, Now: testNow})
	dup2.Patients[0].NHSNumber = dup.Patients[0].NHSNumber
	if dup.Patients[0].NHSNumber == "" {
		dup.Patients[0].NHSNumber, dup2.Patients[0].NHSNumber = "9990000034", "9990000034"
	}
	badID := Generate(Config{ODS: "B82003", Supplier: "fake", Patients: 1, Seed: 3, Now: testNow})
	badID.Patients[0].ID = "../escape"
	cases := []struct {
		name      string
		practices []*record.Practice
		want      string
	}{
		{"none", nil, "no practices"},
		{"unknown supplier", []*record.Practice{Generate(Config{ODS: "B82004", Supplier: "nosuch", Now: testNow})}, "no encoder"},
		{"shared NHS number", []*record.Practice{dup, dup2}, "shares an NHS number"},
		{"path in patient id", []*record.Practice{badID}, "not a usable file name"},
		{"practice twice", []*record.Practice{dup, dup}, "listed twice"},
	}
	for _, c := range cases {
		err := write(t.TempDir(), c.practices, fakeEncoders)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: write = %v, want an error containing %q", c.name, err, c.want)
		}
	}
}

func mustJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func BenchmarkWrite(b *testing.B) {
	p := Generate(Config{ODS: "B82001", Supplier: "emis", Patients: 100, Seed: 1, Now: testNow})
	root := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(root, []*record.Practice{p}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWrittenSandboxOpens reads what Write produced back through the
// sandbox source and the real supplier decoders.
func TestWrittenSandboxOpens(t *testing.T) {
	root := t.TempDir()
	fx := Fixtures(testNow)
	Populate(fx, Config{Patients: 5, Seed: 1, Now: testNow})
	practices := []*record.Practice{fx,
		Generate(Config{ODS: "R1A14", Supplier: "tpp", Patients: 8, Seed: 2, Now: testNow}),
		Generate(Config{ODS: "R1A17", Supplier: "vision", Patients: 8, Seed: 3, Now: testNow})}
	if err := Write(root, practices); err != nil {
		t.Fatalf("Write: %v", err)
	}
	codecs := map[string]sandbox.Codec{
		"emis":   {DecodePractice: emis.DecodePractice, DecodePatient: emis.DecodePatient},
		"tpp":    {DecodePractice: tpp.DecodePractice, DecodePatient: tpp.DecodePatient},
		"vision": {DecodePractice: vision.DecodePractice, DecodePatient: vision.DecodePatient},
	}
	s, err := sandbox.Open(context.Background(), sandbox.Config{Data: os.DirFS(root), Codecs: codecs})
	if err != nil {
		t.Fatalf("sandbox.Open: %v", err)
	}
	for _, p := range practices {
		for _, want := range p.Patients {
			if want.NHSNumber == "" {
				continue
			}
			got, err := s.PatientByNHSNumber(context.Background(), p.Organisation.ODSCode, want.NHSNumber)
			if err != nil {
				t.Errorf("%s patient %s: %v", p.Organisation.ODSCode, want.ID, err)
				continue
			}
			if got.ID != want.ID || got.Spine != want.Spine || got.Name.Family != want.Name.Family || got.Consent != want.Consent {
				t.Errorf("%s patient %s read back as id %s, spine %+v, family %q, consent %v; want %+v, %q, %v", p.Organisation.ODSCode,
					want.ID, got.ID, got.Spine, got.Name.Family, got.Consent, want.Spine, want.Name.Family, want.Consent)
			}
		}
	}
}
