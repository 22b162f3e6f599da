// Package im1fhir holds the data shipped inside the binary: the sandbox
// practices and the terminology fixture releases. Go embeds files only from
// a package's own directory tree, so the embedding lives at the module root.
package im1fhir

import (
	"embed"
	"io/fs"
)

//go:embed testdata/sandbox testdata/terminology
var data embed.FS

// SandboxFS is the default sandbox: testdata/sandbox as shipped.
func SandboxFS() fs.FS { return sub("testdata/sandbox") }

// TerminologyFS is the default terminology release folder: testdata/terminology.
func TerminologyFS() fs.FS { return sub("testdata/terminology") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(data, dir)
	if err != nil {
		panic(err) // cannot happen: dir is a literal embedded above
	}
	return f
}
