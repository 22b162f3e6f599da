package terminology

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	s := mustService(t)
	mono := func(d string) string { return SNOMEDVersionURI(EditionUKMonolith, d) }
	tests := []struct {
		system, version string
		want            string // resolved version, or "!" + error kind
	}{
		{SystemSNOMED, "", mono("20260311")},
		{SystemSNOMED, mono("20251119"), mono("20251119")},
		{SystemSNOMED, "http://snomed.info/sct/83821000000107", mono("20260311")},
		{SystemSNOMED, "http://snomed.info/sct/83821000000107/", mono("20260311")},
		{SystemSNOMED, "http://snomed.info/sct/999000041000000102", mono("20260311")},
		{SystemSNOMED, "http://snomed.info/sct/999000041000000102/version/20251119", mono("20251119")},
		{SystemSNOMED, "http://snomed.info/sct/999000021000000109", SNOMEDVersionURI(EditionUKClinical, "20260311")},
		{SystemSNOMED, "http://snomed.info/sct/999000011000000103", SNOMEDVersionURI(EditionUKClinical, "20260311")},
		{SystemSNOMED, "http://snomed.info/sct/999000021000001108", SNOMEDVersionURI(EditionUKDrug, "20260311")},
		{SystemSNOMED, "http://snomed.info/sct/999000011000001104/version/20190612", SNOMEDVersionURI(EditionUKDrug, "20190612")},
		{SystemSNOMED, "20251119", mono("20251119")},
		{SystemSNOMED, "2025-11-19", mono("20251119")},
		{SystemSNOMED, "20260201", SNOMEDVersionURI(EditionInternational, "20260201")},
		{SystemSNOMED, "http://snomed.info/sct/900000000000207008", SNOMEDVersionURI(EditionInternational, "20260201")},
		{"http://snomed.info/sct/83821000000107", "", mono("20260311")},
		{"https://snomed.info/sct", "", mono("20260311")},
		{SystemDMD, "", "20210906"},
		{SystemDMD, "2021-08-26", "20210826"},
		{SystemDMD, "9.0.0_20210906", "20210906"},
		{SystemDMD, "2021 9.0.0", "20210906"},
		{SystemDMD, "http://dmd.nhs.uk", "!version"},
		{"http://dmd.nhs.uk", "", "20210906"},
		{SystemCTV3, "", "20180401"},
		{SystemSNOMED, mono("20990101"), "!version"},
		{SystemSNOMED, "http://snomed.info/sct/123456/version/20260311", "!version"},
		{SystemSNOMED, "latest", "!version"},
		{SystemSNOMED, "http://snomed.info/sct/83821000000107/version/2026", "!invalid"},
		{SystemSNOMED, "http://snomed.info/xsct/83821000000107", "!invalid"},
		{SystemSNOMED, "20261399", "!version"},
		{"http://loinc.org", "", "!system"},
		{"", "", "!invalid"},
	}
	kinds := map[string]error{"!version": ErrUnknownVersion, "!invalid": ErrInvalid, "!system": ErrUnknownSystem}
	for _, tt := range tests {
		t.Run(tt.system+" "+tt.version, func(t *testing.T) {
			v, err := s.Resolve(tt.system, tt.version)
			if want, ok := kinds[tt.want]; ok {
				if !errors.Is(err, want) {
					t.Fatalf("Resolve = %q, %v; want %v", v.Version, err, want)
				}
				return
			}
			if err != nil || v.Version != tt.want {
				t.Fatalf("Resolve = %q, %v; want %q", v.Version, err, tt.want)
			}
		})
	}
}

func TestUnknownVersionListsValidOnes(t *testing.T) {
	s := mustService(t)
	_, err := s.Lookup(context.Background(), LookupRequest{System: SystemSNOMED, Version: "20990101", Code: "195967001"})
	var ve *VersionError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *VersionError", err)
	}
	if len(ve.Valid) != 7 || !strings.Contains(err.Error(), SNOMEDVersionURI(EditionUKMonolith, "20251119")) {
		t.Fatalf("valid = %v", ve.Valid)
	}
}

func TestVerhoeff(t *testing.T) {
	valid := []string{"195967001", "38341003", "44054006", "91936005", "425691002", "83821000000107", "999000011000001104",
		"999000021000000109", "900000000000207008", "886921000000105", "19999999103", "3009999999105"}
	for _, id := range valid {
		if !ValidSCTID(id) {
			t.Errorf("ValidSCTID(%s) = false", id)
		}
		if got := VerhoeffCheckDigit(id[:len(id)-1]); got != id[len(id)-1] {
			t.Errorf("VerhoeffCheckDigit(%s) = %c", id[:len(id)-1], got)
		}
	}
	// 425689007 is named as a consent code in the issue but fails the check.
	for _, id := range []string{"425689007", "195967002", "12345", "0195967001", "19596700a", "1234567890123456789", "195967031"} {
		if ValidSCTID(id) {
			t.Errorf("ValidSCTID(%s) = true", id)
		}
	}
}
