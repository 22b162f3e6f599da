package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFixturesUpToDate regenerates the fixtures and compares them with the
// committed ones: a generator change without `go generate ./terminology`,
// or a hand edit of testdata/terminology, fails here.
func TestFixturesUpToDate(t *testing.T) {
	committed := filepath.Join("..", "..", "..", "testdata", "terminology")
	sample := filepath.Join(committed, "dmd-2021-08-26") // the copy is byte-identical to the source
	out := t.TempDir()
	if err := generate(out, sample); err != nil {
		t.Fatal(err)
	}
	seen := 0
	err := filepath.WalkDir(committed, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(committed, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Errorf("%s: committed but not generated", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: differs from the generator's output; run go generate ./terminology", rel)
		}
		seen++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	if n != seen {
		t.Errorf("generator writes %d files, %d are committed", n, seen)
	}
}

func TestMintIsVerhoeffValid(t *testing.T) {
	for _, tt := range []struct {
		item      int
		partition string
		want      string
	}{{1, "10", "19999999103"}, {2, "10", "29999999105"}, {300, "10", "3009999999105"}} {
		if got := mint(tt.item, tt.partition); got != tt.want {
			t.Errorf("mint(%d, %s) = %s, want %s (ids from spec/terminology.md §6.2)", tt.item, tt.partition, got, tt.want)
		}
	}
}
