package adapter

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"im1fhir"
	"im1fhir/conformance"
	"im1fhir/source/sandbox"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// TestGoldenPatientPerSupplier reads one patient from each shipped practice
// — each held in a different supplier's native format — through the whole
// stack and compares the Patient JSON with testdata/golden. Regenerate with
// go test ./adapter -run Golden -update and review the diff.
func TestGoldenPatientPerSupplier(t *testing.T) {
	src, err := sandbox.Open(context.Background(), sandbox.Config{Data: im1fhir.SandboxFS()})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Source: src, ASID: testASID, SoftwareName: "im1fhir", SoftwareVersion: "golden",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, ods := range src.Practices() {
		dir, _ := src.Directory(context.Background(), ods)
		var id string
		for _, p := range dir.Record.Patients {
			if p.Disclosable() {
				id = p.ID
				break
			}
		}
		if id == "" {
			t.Fatalf("practice %s has no disclosable patient", ods)
		}
		t.Run(dir.Record.Supplier, func(t *testing.T) {
			r := gpcReq{path: "/" + ods + "/STU3/1/gpconnect/fhir/Patient/" + id, interaction: conformance.IDPatientRead}
			resp := r.do(t, ts)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, body, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			golden := filepath.Join("..", "testdata", "golden", dir.Record.Supplier+"-patient.json")
			if *update {
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(want, pretty.Bytes()) {
				t.Errorf("Patient JSON differs from %s (run with -update and review the diff):\n%s", golden, pretty.String())
			}
		})
	}
}
