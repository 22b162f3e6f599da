package gpconnect

import (
	"time"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
)

// CodeSystemVersion describes one loaded version of a coding scheme, as the
// terminology service reports it.
type CodeSystemVersion struct {
	ID      string // logical id, e.g. sct-83821000000107-20260311
	URL     string // the system URI
	Version string // the FHIR version string (a SNOMED version URI for SNOMED CT)
	Name    string
	Title   string
	Status  string    // "active" or "retired"
	Date    time.Time // the release's effective date
	Default bool      // the version used when none is asked for
}

// ExtCodeSystemDefault marks the default version among those listed. It is an
// im1fhir extension: FHIR STU3 has no element for it.
const ExtCodeSystemDefault = "urn:im1fhir:extension:codesystem-default-version"

// CodeSystem renders a version as an STU3 CodeSystem with content
// not-present: the version is discoverable, the content lives in the
// terminology service.
func CodeSystem(v CodeSystemVersion) *rpb.CodeSystem {
	cs := &rpb.CodeSystem{
		Id:      id(v.ID),
		Url:     uri(v.URL),
		Version: str(v.Version),
		Name:    str(v.Name),
		Title:   str(v.Title),
		Status:  &cpb.PublicationStatusCode{Value: publicationStatus(v.Status)},
		Content: &cpb.CodeSystemContentModeCode{Value: cpb.CodeSystemContentModeCode_NOT_PRESENT},
	}
	if !v.Date.IsZero() {
		cs.Date = &dpb.DateTime{ValueUs: v.Date.UnixMicro(), Timezone: "Z", Precision: dpb.DateTime_DAY}
	}
	if v.Default {
		cs.Extension = append(cs.Extension, &dpb.Extension{Url: uri(ExtCodeSystemDefault),
			Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_Boolean{Boolean: &dpb.Boolean{Value: true}}}})
	}
	cs.Meta = &dpb.Meta{}
	seal(cs, cs.Meta)
	return cs
}

func publicationStatus(s string) cpb.PublicationStatusCode_Value {
	switch s {
	case "retired":
		return cpb.PublicationStatusCode_RETIRED
	case "draft":
		return cpb.PublicationStatusCode_DRAFT
	}
	return cpb.PublicationStatusCode_ACTIVE
}
