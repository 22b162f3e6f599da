package gpconnect

import (
	"google.golang.org/protobuf/proto"

	"im1fhir/record"
)

// structuredGoldenCases are the structured-record Bundles kept as golden
// files: the rich record with every area, an allergies-only request that
// pulls in a linked problem, and an empty record in transit.
func structuredGoldenCases() []goldenCase {
	return []goldenCase{
		{"structured_rich", func() proto.Message {
			p, pr, sel := richStructured()
			return StructuredBundle("3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", p, pr, sel, []Issue{{
				Severity: "warning", Code: "not-supported", SpineCode: "NOT_IMPLEMENTED", SpineDisplay: "Not implemented",
				Diagnostics: "includeFoo", DetailsText: "includeFoo is an unrecognised parameter",
			}})
		}},
		{"structured_allergies_linked_problem", func() proto.Message {
			p, pr, sel := richStructured()
			sel.Query = record.StructuredQuery{Allergies: &record.AllergyQuery{IncludeResolved: true}}
			return StructuredBundle("trace-allergies", p, pr, sel, nil)
		}},
		{"structured_empty_in_transit", func() proto.Message {
			p, pr, _ := richStructured()
			p.Record = record.ClinicalRecord{}
			p.RecordInTransit = true
			return StructuredBundle("trace-empty", p, pr, selectAll(p, ""), nil)
		}},
	}
}
