package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"im1fhir/terminology"
)

// fixedTime is the zip entry time, so regenerated zips are byte-identical.
var fixedTime = time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("out", "testdata/terminology", "directory to write the fixture releases into (replaced)")
	sample := flag.String("dmd-sample", "", "folder holding the real OGL dm+d extract (dmd-2021-08-26)")
	flag.Parse()
	if *sample == "" {
		log.Fatal("fixturegen: -dmd-sample is required")
	}
	if err := generate(*out, *sample); err != nil {
		log.Fatalf("fixturegen: %v", err)
	}
}

func generate(out, sample string) error {
	checkIDs()
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	steps := []func(string) error{writeSNOMED, func(o string) error { return writeDMD(o, sample) }, writeLegacy, writeReadme}
	for _, s := range steps {
		if err := s(out); err != nil {
			return err
		}
	}
	return nil
}

// A tree is a set of files (path → content) written as a folder or a zip.
type tree map[string][]byte

func (t tree) writeDir(dir string) error {
	for _, name := range t.names() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, t[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (t tree) zip() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range t.names() {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(t[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (t tree) names() []string {
	names := make([]string, 0, len(t))
	for n := range t {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// uuidFor derives a stable UUID-shaped refset member id from its content.
func uuidFor(parts ...string) string {
	h := sha1.Sum([]byte(strings.Join(parts, "\x00")))
	h[6] = (h[6] & 0x0f) | 0x50 // version 5 (name-based, SHA-1)
	h[8] = (h[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// mint makes a Verhoeff-valid SCTID in the made-up namespace 9999999.
func mint(item int, partition string) string {
	body := fmt.Sprintf("%d9999999%s", item, partition)
	return body + string(terminology.VerhoeffCheckDigit(body))
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
