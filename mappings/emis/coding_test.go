package emis

import (
	"reflect"
	"testing"

	"im1fhir/record"
)

func TestConcept(t *testing.T) {
	tests := []struct {
		name string
		code *StringCodeType
		text string
		want record.Concept
	}{
		{"nil", nil, "Cough", record.Concept{Text: "Cough"}},
		{"read2 with snomed map", &StringCodeType{Value: "171..", Scheme: "READ2", Term: "Cough", MapCode: "49727002", MapScheme: "SNOMED"}, "Dry cough",
			record.Concept{Text: "Dry cough", Codings: []record.Code{
				{System: record.SystemReadV2, Code: "171..", Display: "Cough"},
				{System: record.SystemSNOMED, Code: "49727002"},
			}}},
		{"read2 padded", &StringCodeType{Value: "9Nd1", Scheme: "READ2"}, "",
			record.Concept{Codings: []record.Code{{System: record.SystemReadV2, Code: "9Nd1."}}}},
		{"local code under READ2", &StringCodeType{Value: "EMISNQAD2", Scheme: "READ2", Term: "Added to register"}, "",
			record.Concept{Codings: []record.Code{{System: record.SystemEMISLocal, Code: "EMISNQAD2", Display: "Added to register"}}}},
		{"long code is local", &StringCodeType{Value: "ABCDEF", Scheme: "READ2"}, "",
			record.Concept{Codings: []record.Code{{System: record.SystemEMISLocal, Code: "ABCDEF"}}}},
		{"snomed", &StringCodeType{Value: "416308001", Scheme: "SNOMED"}, "",
			record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: "416308001"}}}},
		{"drug group", &StringCodeType{Value: "PENICILLINS", Scheme: "EMISDRUGGROUP", Term: "Penicillins"}, "",
			record.Concept{Codings: []record.Code{{System: record.SystemEMISDrug, Code: "PENICILLINS", Display: "Penicillins"}}}},
		{"unknown scheme dropped", &StringCodeType{Value: "X", Scheme: "OTHER"}, "t", record.Concept{Text: "t"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.code.Concept(tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Concept = %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestCodeOfRoundTrip(t *testing.T) {
	tests := []*StringCodeType{
		{Value: "171..", Scheme: "READ2", Term: "Cough", MapCode: "49727002", MapScheme: "SNOMED"},
		{Value: "EMISNQAD2", Scheme: "EMISCLINICAL", Term: "Added to register"},
		{Value: "416308001", Scheme: "SNOMED", Term: "No consent for electronic record sharing"},
		{Value: "4816", Scheme: "EMISDRUGNAME", Term: "Amoxicillin 500mg capsules"},
	}
	for _, c := range tests {
		if got := CodeOf(c.Concept("")); !reflect.DeepEqual(got, c) {
			t.Errorf("CodeOf(%+v.Concept()) = %+v", *c, got)
		}
	}
	if got := CodeOf(record.Concept{Codings: []record.Code{{System: record.SystemCTV3, Code: "XE0Uh"}}}); got != nil {
		t.Errorf("CodeOf(CTV3 only) = %+v, want nil", got)
	}
}
