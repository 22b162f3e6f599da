package main

import (
	"os"
	"path/filepath"
	"strings"
)

// Legacy code lists (format in terminology/legacy.go). Read v2 and CTV3
// codes and terms are real; the EMIS local codes are synthetic (EMIS's local
// code list is not public).
var legacyLists = map[string][][4]string{
	"legacy_readv2_20160401.txt": {
		{"H33..", "1", "Asthma", "195967001"},
		{"G2...", "1", "Hypertensive disease", "38341003"},
		{"C10F.", "1", "Type 2 diabetes mellitus", "44054006"},
		{"C10..", "1", "Diabetes mellitus", "73211009"},
	},
	"legacy_ctv3_20180401.txt": {
		{"H33..", "1", "Asthma", "195967001"},
		{"G2...", "1", "Hypertensive disease", "38341003"},
		{"X40J5", "1", "Type 2 diabetes mellitus", "44054006"},
		{"C10..", "1", "Diabetes mellitus", "73211009"},
	},
	"legacy_emis_20260311.txt": {
		{"EMISSYN001", "1", "Synthetic EMIS local code: asthma clinic attendance", "195967001"},
		{"EMISSYN002", "0", "Synthetic EMIS local code: retired review code", ""},
	},
}

func writeLegacy(out string) error {
	for name, rows := range legacyLists {
		var b strings.Builder
		b.WriteString("code\tactive\tterm\tsnomedConceptId\r\n")
		for _, r := range rows {
			b.WriteString(strings.Join(r[:], "\t") + "\r\n")
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
