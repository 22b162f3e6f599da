package gpconnect

import (
	"testing"

	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// BenchmarkStructuredBundle measures building the structured Bundle and
// rendering it to JSON, for the rich fixture record and for a generated
// record of about 2,000 clinical items. The record is built once; each
// iteration builds fresh protos (JSON consumes them).
func BenchmarkStructuredBundle(b *testing.B) {
	cases := []struct {
		name  string
		build func() (*record.Patient, *record.Practice, *record.Selection)
	}{
		{"rich", richStructured},
		{"items2000", func() (*record.Patient, *record.Practice, *record.Selection) { return bigStructured(2000) }},
	}
	r := mustRenderer(b)
	for _, tc := range cases {
		p, pr, sel := tc.build()
		b.Run(tc.name+"/build", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				StructuredBundle("bench", p, pr, sel, nil)
			}
		})
		b.Run(tc.name+"/build+json", func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				out, err := r.JSON(StructuredBundle("bench", p, pr, sel, nil))
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes/bundle")
		})
	}
}

// mapCache is the simplest entry cache: what the adapter's LRU does, minus
// eviction.
type mapCache struct {
	r *Renderer
	m map[string][]byte
}

func (c *mapCache) entry(cr *rpb.ContainedResource) ([]byte, error) {
	k := EntryKey(cr)
	if b, ok := c.m[k]; ok {
		return b, nil
	}
	b, err := c.r.JSON(cr)
	if err == nil {
		c.m[k] = b
	}
	return b, err
}

// BenchmarkStructuredBundleCached measures a request once every entry's JSON
// is cached by EntryKey: build the Bundle, key every entry, assemble.
func BenchmarkStructuredBundleCached(b *testing.B) {
	r := mustRenderer(b)
	for _, tc := range []struct {
		name  string
		build func() (*record.Patient, *record.Practice, *record.Selection)
	}{
		{"rich", richStructured},
		{"items2000", func() (*record.Patient, *record.Practice, *record.Selection) { return bigStructured(2000) }},
	} {
		p, pr, sel := tc.build()
		cache := &mapCache{r: r, m: map[string][]byte{}}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.BundleJSON(StructuredBundle("bench", p, pr, sel, nil), cache.entry); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
