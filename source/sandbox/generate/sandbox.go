package generate

import (
	"time"

	"im1fhir/record"
)

// Default sizes of the shipped sandbox: enough patients to page through and
// search, small enough to embed in the binary.
const (
	DefaultFixturePracticeExtra = 20 // generated patients beside GPC001's fixtures
	DefaultPracticePatients     = 40 // patients of R1A14 and of R1A17
)

// DefaultSandbox is the sandbox the binary ships: the assurance fixture
// practice GPC001 in EMIS format with generated patients beside the
// fixtures, R1A14 in TPP format and R1A17 in Vision format, each generated
// from a fixed seed so that the output depends on now alone.
func DefaultSandbox(now time.Time) []*record.Practice {
	fx := Fixtures(now)
	Populate(fx, Config{Patients: DefaultFixturePracticeExtra, Seed: 1, Now: now})
	return []*record.Practice{
		fx,
		Generate(Config{ODS: "R1A14", Supplier: "tpp", Patients: DefaultPracticePatients, Seed: 2, Now: now}),
		Generate(Config{ODS: "R1A17", Supplier: "vision", Patients: DefaultPracticePatients, Seed: 3, Now: now}),
	}
}
