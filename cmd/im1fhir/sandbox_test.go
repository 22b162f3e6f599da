package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSandboxCommand(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		args    []string
		wantErr string // "" = success
		files   []string
	}{
		{"build", []string{"sandbox", "build", "--out", dir + "/build", "--now", "2026-01-05"}, "",
			[]string{"build/sandbox.json", "build/pds.json", "build/GPC001/practice.xml", "build/GPC001/patients/15.xml", "build/R1A14/practice.xml", "build/R1A17/practice.xml"}},
		{"generate", []string{"sandbox", "generate", "--ods", "a81001", "--format", "vision", "--patients", "3", "--seed", "9", "--out", dir + "/gen"}, "",
			[]string{"gen/sandbox.json", "gen/A81001/practice.xml"}},
		{"help", []string{"sandbox", "generate", "--help"}, flag.ErrHelp.Error(), nil},
		{"no subcommand", []string{"sandbox"}, "no subcommand", nil},
		{"unknown subcommand", []string{"sandbox", "grow"}, "unknown subcommand", nil},
		{"no out", []string{"sandbox", "build"}, "--out is required", nil},
		{"bad format", []string{"sandbox", "generate", "--ods", "A81001", "--format", "microtest", "--out", dir}, "--format", nil},
		{"bad ods", []string{"sandbox", "generate", "--ods", "../x", "--out", dir}, "not an ODS code", nil},
		{"bad now", []string{"sandbox", "build", "--now", "yesterday", "--out", dir}, "invalid value", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), c.args, &stdout, &stderr)
			switch {
			case c.wantErr == "" && err != nil:
				t.Fatalf("run(%q) = %v; stderr %s", c.args, err, stderr.String())
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Fatalf("run(%q) = %v, want an error containing %q", c.args, err, c.wantErr)
			}
			if errors.Is(err, flag.ErrHelp) && !strings.Contains(stderr.String(), "--patients") && !strings.Contains(stderr.String(), "-patients") {
				t.Errorf("--help does not explain --patients:\n%s", stderr.String())
			}
			for _, f := range c.files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("%s not written: %v", f, err)
				}
			}
		})
	}
}
