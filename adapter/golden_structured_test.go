package adapter

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"im1fhir"
	"im1fhir/record"
	"im1fhir/source/sandbox"
)

// allAreasBody asks for every clinical area of the structured record.
func allAreasBody(nhs record.NHSNumber) string {
	return `{"resourceType":"Parameters","parameter":[` +
		`{"name":"patientNHSNumber","valueIdentifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"` + string(nhs) + `"}},` +
		`{"name":"includeAllergies","part":[{"name":"includeResolvedAllergies","valueBoolean":true}]},` +
		`{"name":"includeMedication"},{"name":"includeProblems"},{"name":"includeConsultations"},` +
		`{"name":"includeImmunisations"},{"name":"includeUncategorisedData"},{"name":"includeInvestigations"},` +
		`{"name":"includeReferrals"},{"name":"includeDiaryEntries"}]}`
}

// TestGoldenStructuredPerSupplier renders the full structured record of the
// richest shareable patient of each shipped practice — one per supplier
// format — and compares it with testdata/golden/<supplier>-structured.json
// (-update to regenerate; review the diff).
func TestGoldenStructuredPerSupplier(t *testing.T) {
	src, err := sandbox.Open(context.Background(), sandbox.Config{Data: im1fhir.SandboxFS()})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Source: src, ASID: testASID, SoftwareName: "im1fhir", SoftwareVersion: "golden",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow },
		Terminology: inProcessTerminology(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, ods := range src.Practices() {
		dir, _ := src.Directory(context.Background(), ods)
		pt := richestShareable(dir.Record)
		if pt == nil {
			t.Fatalf("practice %s has no shareable patient", ods)
		}
		t.Run(dir.Record.Supplier, func(t *testing.T) {
			r := structuredReq(allAreasBody(pt.NHSNumber))
			r.path = "/" + ods + "/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord"
			resp := r.do(t, ts)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %.500s", resp.StatusCode, body)
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, body, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			golden := filepath.Join("..", "testdata", "golden", dir.Record.Supplier+"-structured.json")
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
				t.Errorf("structured Bundle differs from %s (run with -update and review the diff)", golden)
			}
		})
	}
}

// richestShareable picks the patient with the most clinical items among
// those the structured record may be served for.
func richestShareable(p *record.Practice) *record.Patient {
	var best *record.Patient
	size := func(r *record.ClinicalRecord) int {
		return len(r.Allergies) + len(r.Medications) + len(r.Problems) + len(r.Consultations) + len(r.Observations) +
			len(r.Immunisations) + len(r.Investigations) + len(r.Referrals) + len(r.DiaryEntries)
	}
	for i := range p.Patients {
		pt := &p.Patients[i]
		if !structuredShareable(pt) || pt.Consent == record.ConsentDissent {
			continue
		}
		if best == nil || size(&pt.Record) > size(&best.Record) {
			best = pt
		}
	}
	return best
}
