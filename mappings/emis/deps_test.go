package emis

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports enforces DESIGN.md's rule for mappings/*: the standard library
// and im1fhir/record only.
func TestImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "im1fhir/mappings/emis", "im1fhir/record":
		default:
			t.Errorf("mappings/emis depends on %s; only the standard library and im1fhir/record are allowed", dep)
		}
	}
}
