package sandbox

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"testing"

	"im1fhir"
	"im1fhir/record"
	"im1fhir/source"
)

func openShipped(t *testing.T) *Sandbox {
	t.Helper()
	s, err := Open(context.Background(), Config{Data: im1fhir.SandboxFS()})
	if err != nil {
		t.Fatalf("opening the embedded sandbox: %v", err)
	}
	return s
}

// TestShippedSandbox checks the practices and the assurance fixture traits
// the GP Connect suite relies on (spec/gpconnect-test-fixtures.md).
func TestShippedSandbox(t *testing.T) {
	s := openShipped(t)
	suppliers := map[string]string{"GPC001": "emis", "R1A14": "tpp", "R1A17": "vision"}
	for ods, sup := range suppliers {
		d, err := s.Directory(context.Background(), ods)
		if err != nil {
			t.Fatalf("practice %s: %v", ods, err)
		}
		if d.Record.Supplier != sup {
			t.Errorf("practice %s supplier = %q, want %q", ods, d.Record.Supplier, sup)
		}
		if len(d.Record.Patients) < 10 {
			t.Errorf("practice %s has %d patients", ods, len(d.Record.Patients))
		}
	}
	ctx := context.Background()
	cases := []struct {
		name, nhs   string
		disclosable bool
		check       func(*record.Patient) bool
	}{
		{"patient1", "9476719915", true, nil},
		{"patient2", "9476719931", true, nil},
		{"patient9 sensitive", "9476718897", false, func(p *record.Patient) bool { return p.Spine.Sensitive }},
		{"patient10 sensitive", "9476718900", false, func(p *record.Patient) bool { return p.Spine.Sensitive }},
		{"patient13 in transit", "9476718935", true, func(p *record.Patient) bool { return p.RecordInTransit }},
		{"patient15 dissent", "9476718951", true, func(p *record.Patient) bool { return p.Consent == record.ConsentDissent }},
		{"patient18 deceased", "9973179641", false, func(p *record.Patient) bool { return p.IsDeceased() }},
	}
	for _, c := range cases {
		p, err := s.PatientByNHSNumber(ctx, "GPC001", record.NHSNumber(c.nhs))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p.Disclosable() != c.disclosable {
			t.Errorf("%s: Disclosable = %v, want %v", c.name, p.Disclosable(), c.disclosable)
		}
		if c.check != nil && !c.check(p) {
			t.Errorf("%s: trait missing", c.name)
		}
	}
	if _, err := s.PatientByNHSNumber(ctx, "GPC001", "9999999999"); !errors.Is(err, source.ErrNotFound) {
		t.Errorf("patientNotInSystem: err = %v, want not found", err)
	}
	d, _ := s.Directory(ctx, "GPC001")
	for _, ods := range []string{"GPC001", "R1A14", "R1A17"} {
		if _, ok := d.OrganisationByODS(ods); !ok {
			t.Errorf("GPC001 does not know organisation %s", ods)
		}
	}
	if len(d.Locations) < 11 {
		t.Errorf("GPC001 has %d locations, want the 11 fixture locations", len(d.Locations))
	}
}

// TestShippedFilesValidate runs xmllint against the public XSDs over every
// shipped EMIS and TPP file (Vision publishes no schema).
func TestShippedFilesValidate(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("SKIPPED: xmllint not on PATH (apt-get install libxml2-utils); shipped files not schema-checked")
	}
	schemas := map[string]string{
		"emis": "../../../shared/samples/emis/EomMedicalRecord38.xsd",
		"tpp":  "../../../shared/samples/tpp/TppPatientRecord.xsd",
	}
	m, err := readManifest(im1fhir.SandboxFS())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Practices {
		xsd, ok := schemas[p.Supplier]
		if !ok {
			continue
		}
		if _, err := os.Stat(xsd); err != nil {
			t.Skipf("SKIPPED: schema %s not found beside the checkout", xsd)
		}
		files, _ := fs.Glob(im1fhir.SandboxFS(), path.Join(p.ODS, "patients", "*.xml"))
		files = append(files, path.Join(p.ODS, "practice.xml"))
		args := []string{"--noout", "--schema", xsd}
		for _, f := range files {
			args = append(args, filepath.Join("../../testdata/sandbox", f))
		}
		if out, err := exec.Command("xmllint", args...).CombinedOutput(); err != nil {
			t.Errorf("practice %s (%s): xmllint: %v\n%s", p.ODS, p.Supplier, err, tail(out, 2000))
		}
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
