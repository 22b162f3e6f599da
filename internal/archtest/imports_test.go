package archtest

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// rule says which im1fhir packages and which outside modules a package (and
// its subpackages) may import. DESIGN.md's "may import" column.
type rule struct {
	pkg      string
	internal []string // im1fhir package prefixes allowed
	external []string // outside module prefixes allowed; std lib is always allowed
	// anyExternal allows every outside module: the rule is only about which
	// im1fhir packages it may reach.
	anyExternal bool
}

var fhirModules = []string{"github.com/google/fhir/go", "google.golang.org/protobuf", "github.com/golang/protobuf",
	"github.com/json-iterator/go", "github.com/modern-go/", "github.com/pkg/errors", "github.com/serenize/snaker",
	"bitbucket.org/creachadair/stringset", "github.com/golang/glog", "google.golang.org/genproto"}

var rules = []rule{
	{pkg: "im1fhir/record"},
	{pkg: "im1fhir/mappings/emis", internal: []string{"im1fhir/record"}},
	{pkg: "im1fhir/mappings/tpp", internal: []string{"im1fhir/record"}},
	{pkg: "im1fhir/mappings/vision", internal: []string{"im1fhir/record"}},
	{pkg: "im1fhir/mappings/gpconnect", internal: []string{"im1fhir/record"}, external: fhirModules},
	{pkg: "im1fhir/conformance", external: fhirModules},
	// terminology knows nothing of GP Connect, records or suppliers.
	{pkg: "im1fhir/terminology", internal: []string{"im1fhir/internal/telemetry"}, anyExternal: true},
	{pkg: "im1fhir/source", internal: []string{"im1fhir/record", "im1fhir/mappings/emis", "im1fhir/mappings/tpp", "im1fhir/mappings/vision", "im1fhir/source"}},
}

type listed struct {
	ImportPath string
	Deps       []string
	Standard   bool
}

func TestImportRules(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not on PATH")
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", "-json", r.pkg+"/...").Output()
		if err != nil {
			t.Fatalf("go list %s: %v", r.pkg, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(out)))
		var roots []listed
		for dec.More() {
			var l listed
			if err := dec.Decode(&l); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(l.ImportPath, r.pkg) {
				roots = append(roots, l)
			}
		}
		std := stdPackages(t)
		for _, l := range roots {
			for _, d := range l.Deps {
				if std[d] || strings.HasPrefix(d, r.pkg) || strings.HasPrefix(d, "vendor/") || allowed(r, d) {
					continue
				}
				t.Errorf("%s imports %s, which DESIGN.md does not allow", l.ImportPath, d)
			}
		}
	}
}

func allowed(r rule, dep string) bool {
	if r.anyExternal && !strings.HasPrefix(dep, "im1fhir") {
		return true
	}
	for _, p := range append(r.internal, r.external...) {
		if strings.HasPrefix(dep, p) {
			return true
		}
	}
	return false
}

var stdCache map[string]bool

func stdPackages(t *testing.T) map[string]bool {
	if stdCache != nil {
		return stdCache
	}
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatal(err)
	}
	stdCache = map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		stdCache[p] = true
	}
	return stdCache
}
