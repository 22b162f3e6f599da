package fhirapi

import (
	"strings"
)

// fhirVersion is the FHIR release a response is shaped for.
type fhirVersion int

const (
	r4 fhirVersion = iota
	stu3
)

func (v fhirVersion) String() string {
	if v == stu3 {
		return "3.0"
	}
	return "4.0"
}

// negotiate reads fhirVersion from the Accept header's media type
// parameters (FHIR's versioning convention); R4 is the default.
func negotiate(accept string) fhirVersion {
	for _, part := range strings.Split(accept, ",") {
		for _, p := range strings.Split(part, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "fhirVersion") {
				v = strings.Trim(strings.TrimSpace(v), `"`)
				if strings.HasPrefix(v, "3.") || v == "3" {
					return stu3
				}
				if strings.HasPrefix(v, "4.") || v == "4" {
					return r4
				}
			}
		}
	}
	return r4
}

func contentType(v fhirVersion) string {
	return "application/fhir+json; charset=utf-8; fhirVersion=" + v.String()
}
