package gpconnect

import (
	"strings"
	"testing"
	"time"
)

func TestCodeSystem(t *testing.T) {
	v := CodeSystemVersion{ID: "sct-83821000000107-20260311", URL: "http://snomed.info/sct",
		Version: "http://snomed.info/sct/83821000000107/version/20260311", Name: "SNOMED_CT", Title: "SNOMED CT UK Edition",
		Status: "active", Date: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC), Default: true}
	cs := CodeSystem(v)
	if err := Validate(cs); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.JSON(cs)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"content":"not-present"`, `"version":"http://snomed.info/sct/83821000000107/version/20260311"`,
		`"date":"2026-03-11"`, ExtCodeSystemDefault, `"versionId":`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("CodeSystem JSON lacks %s:\n%s", want, b)
		}
	}
	v.Default = false
	if b, _ := r.JSON(CodeSystem(v)); strings.Contains(string(b), ExtCodeSystemDefault) {
		t.Errorf("non-default version carries the default extension")
	}
}
