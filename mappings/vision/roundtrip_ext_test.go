package vision_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
	"time"

	"im1fhir/mappings/vision"
	"im1fhir/record"
	"im1fhir/source/sandbox/generate"
)

// The sandbox generator's records are what Vision files in the sandbox hold,
// so every one of them must come back from EncodePatient and DecodePatient
// with the same clinical record. (An external test package: generate
// imports this one.)

var now = time.Date(2026, time.November, 2, 9, 0, 0, 0, time.UTC)

func generated(tb testing.TB) []record.Patient {
	tb.Helper()
	var out []record.Patient
	out = append(out, generate.Fixtures(now).Patients...)
	p := generate.Generate(generate.Config{ODS: "Y12345", Supplier: vision.Supplier, Patients: 60, Seed: 7, Now: now})
	out = append(out, p.Patients...)
	return out
}

func TestGeneratedClinicalRoundTrip(t *testing.T) {
	items := 0
	for _, p := range generated(t) {
		t.Run(p.ID, func(t *testing.T) {
			var buf bytes.Buffer
			if err := vision.EncodePatient(&buf, nil, &p); err != nil {
				t.Fatalf("EncodePatient: %v", err)
			}
			got, err := vision.DecodePatient(&buf)
			if err != nil {
				t.Fatalf("DecodePatient: %v", err)
			}
			if !reflect.DeepEqual(got.Record, p.Record) {
				t.Errorf("clinical record differs: %s", firstDiff(got.Record, p.Record))
			}
			if got.Consent != p.Consent {
				t.Errorf("Consent = %v, want %v", got.Consent, p.Consent)
			}
		})
		r := &p.Record
		items += len(r.Allergies) + len(r.Medications) + len(r.Problems) + len(r.Consultations) + len(r.Observations) +
			len(r.Immunisations) + len(r.Investigations) + len(r.Referrals) + len(r.DiaryEntries) + len(r.Documents)
	}
	// The test is only as good as what the generator gave it.
	if items < 500 {
		t.Errorf("generated only %d clinical items; the round trip proves little", items)
	}
}

// TestGeneratedRecordAreas makes sure the generated population exercises
// every clinical area the mapping has, so the round trip above covers them.
func TestGeneratedRecordAreas(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range generated(t) {
		r := &p.Record
		mark := func(area string, n int) {
			if n > 0 {
				seen[area] = true
			}
		}
		mark("allergies", len(r.Allergies))
		mark("medications", len(r.Medications))
		mark("problems", len(r.Problems))
		mark("consultations", len(r.Consultations))
		mark("observations", len(r.Observations))
		mark("immunisations", len(r.Immunisations))
		mark("investigations", len(r.Investigations))
		mark("referrals", len(r.Referrals))
		mark("diary", len(r.DiaryEntries))
		mark("documents", len(r.Documents))
		if r.NoKnownAllergies != nil {
			seen["no known allergies"] = true
		}
		for _, pr := range r.Problems {
			if pr.ParentID != "" {
				seen["child problem"] = true
			}
		}
		for _, m := range r.Medications {
			if m.Confidential {
				seen["confidential"] = true
			}
		}
	}
	for _, area := range []string{"allergies", "medications", "problems", "consultations", "observations", "immunisations",
		"investigations", "referrals", "diary", "documents", "no known allergies", "child problem", "confidential"} {
		if !seen[area] {
			t.Errorf("no generated patient has %s", area)
		}
	}
}

// richest is the generated patient with the most clinical items.
func richest(tb testing.TB) record.Patient {
	best, n := record.Patient{}, -1
	for _, p := range generated(tb) {
		r := &p.Record
		c := len(r.Observations) + len(r.Medications) + len(r.Consultations) + len(r.Problems) + len(r.Investigations)
		if c > n {
			best, n = p, c
		}
	}
	return best
}

func BenchmarkDecodeRichPatient(b *testing.B) {
	p := richest(b)
	var buf bytes.Buffer
	if err := vision.EncodePatient(&buf, nil, &p); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := vision.DecodePatient(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeRichPatient(b *testing.B) {
	p := richest(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := vision.EncodePatient(&bytes.Buffer{}, nil, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// firstDiff names the first place two values differ.
func firstDiff(got, want any) string {
	return diffValues("", reflect.ValueOf(got), reflect.ValueOf(want))
}

func diffValues(path string, a, b reflect.Value) string {
	switch {
	case !a.IsValid() || !b.IsValid():
		if a.IsValid() != b.IsValid() {
			return path + ": one side missing"
		}
		return ""
	case a.Kind() == reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: got %v, want %v", path, a, b)
			}
			return ""
		}
		return diffValues(path, a.Elem(), b.Elem())
	case a.Kind() == reflect.Struct && a.Type() != reflect.TypeFor[time.Time]():
		for i := 0; i < a.NumField(); i++ {
			if d := diffValues(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case a.Kind() == reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: got %#v, want %#v", path, a.Interface(), b.Interface())
		}
		for i := 0; i < a.Len(); i++ {
			if d := diffValues(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf("%s: got %#v, want %#v", path, a.Interface(), b.Interface())
	}
	return ""
}
