package terminology

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"log/slog"
	"strings"
	"testing"

	"im1fhir"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func mustService(tb testing.TB) *Service {
	tb.Helper()
	s := NewService(Config{Logger: quiet})
	if _, err := s.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestLoadEachFixture loads every shipped release on its own and checks
// what it yields, and that the file variant it stands for is really there
// (line endings, Full vs Snapshot, zip vs folder).
func TestLoadEachFixture(t *testing.T) {
	fsys := im1fhir.TerminologyFS()
	tests := []struct {
		name     string
		versions []string
		concepts []int
		eol      string // "\r\n" or "\n": line ending every RF2/legacy file must use
	}{
		{"SnomedCT_InternationalRF2_PRODUCTION_20260201T120000Z", []string{SNOMEDVersionURI(EditionInternational, "20251101"), SNOMEDVersionURI(EditionInternational, "20260201")}, []int{14, 14}, "\r\n"},
		{"SnomedCT_MonolithRF2_PRODUCTION_20251119T120000Z", []string{SNOMEDVersionURI(EditionUKMonolith, "20251119")}, []int{29}, "\r\n"},
		{"uk_sct2mo_41.6.0_20260311000001Z.zip", []string{SNOMEDVersionURI(EditionUKMonolith, "20260311")}, []int{30}, ""},
		{"SnomedCT_UKClinicalRF2_PRODUCTION_20260311T000001Z", []string{SNOMEDVersionURI(EditionUKClinical, "20260311")}, []int{13}, "\n"},
		{"uk_sct2dr_41.6.0_20260311000001Z.zip", []string{SNOMEDVersionURI(EditionUKDrug, "20260311")}, []int{3}, ""},
		{"SnomedCT_UKDrugRF2_PRODUCTION_20190612T000001Z", []string{SNOMEDVersionURI(EditionUKDrug, "20190612")}, []int{3}, "\n"},
		{"dmd-2021-08-26", []string{"20210826"}, []int{17}, ""}, // 14 + 3 previous codes kept as inactive
		{"nhsbsa_dmd_9.0.0_20210906000001.zip", []string{"20210906"}, []int{24}, ""},
		{"legacy_readv2_20160401.txt", []string{"20160401"}, []int{4}, "\r\n"},
		{"legacy_ctv3_20180401.txt", []string{"20180401"}, []int{4}, "\r\n"},
		{"legacy_emis_20260311.txt", []string{"20260311"}, []int{2}, "\r\n"},
	}
	entries, _ := fs.ReadDir(fsys, ".")
	if len(entries) != len(tests)+1 { // + README.md
		t.Errorf("fixture folder has %d entries, test covers %d: add the new fixture here", len(entries), len(tests)+1)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ixs, err := ReadRelease(fsys, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var counts []int
			for _, ix := range ixs {
				got = append(got, ix.Version.Version)
				counts = append(counts, ix.Version.Concepts)
			}
			if strings.Join(got, " ") != strings.Join(tt.versions, " ") {
				t.Errorf("versions = %v, want %v", got, tt.versions)
			}
			for i := range counts {
				if i < len(tt.concepts) && counts[i] != tt.concepts[i] {
					t.Errorf("version %d: %d concepts, want %d", i, counts[i], tt.concepts[i])
				}
			}
			if tt.eol != "" {
				checkLineEndings(t, fsys, tt.name, tt.eol)
			}
		})
	}
}

func checkLineEndings(t *testing.T, fsys fs.FS, root, eol string) {
	t.Helper()
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, _ := fs.ReadFile(fsys, p)
		crlf := bytes.Count(b, []byte("\r\n"))
		lf := bytes.Count(b, []byte("\n"))
		if (eol == "\r\n") != (crlf == lf && crlf > 0) {
			t.Errorf("%s: %d CRLF of %d lines, want all %q", p, crlf, lf, eol)
		}
		return nil
	})
}

func TestLongDescriptionKept(t *testing.T) {
	s := mustService(t)
	r, err := s.Lookup(context.Background(), LookupRequest{System: SystemSNOMED, Code: "39999999107"})
	if err != nil {
		t.Fatal(err)
	}
	longest := 0
	for _, d := range r.Designations {
		longest = max(longest, len(d.Value))
	}
	if longest <= 255 {
		t.Fatalf("longest designation %d characters, want > 255 (terms must not be cut)", longest)
	}
}

func TestDependencyLinks(t *testing.T) {
	s := mustService(t)
	v, err := s.Resolve(SystemSNOMED, SNOMEDVersionURI(EditionUKClinical, "20260311"))
	if err != nil {
		t.Fatal(err)
	}
	var linked string
	for _, d := range v.Dependencies {
		if d.Module == EditionInternational {
			linked = d.Linked
		}
	}
	if linked != SNOMEDVersionURI(EditionInternational, "20260201") {
		t.Errorf("UK Clinical's International dependency linked to %q", linked)
	}
	old, _ := s.Resolve(SystemSNOMED, SNOMEDVersionURI(EditionUKDrug, "20190612"))
	for _, d := range old.Dependencies {
		if d.Linked != "" {
			t.Errorf("2019 drug release linked to %q; its International 20190131 is not loaded", d.Linked)
		}
	}
}
