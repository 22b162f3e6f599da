package conformance

import (
	"strings"
	"time"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
)

// CapabilityConfig says what one root's CapabilityStatement describes.
type CapabilityConfig struct {
	Root Root
	// SpecVersion is the GP Connect specification release implemented
	// (CapabilityStatement.version), e.g. "1.2.7" or "1.6.2".
	SpecVersion     string
	SoftwareName    string
	SoftwareVersion string
	// Formats are the mime types actually served.
	Formats  []string
	Profiles []string
	// Routed are the interactions with a handler attached at this root, in
	// route order. Only these are listed.
	Routed []*Interaction
	Date   time.Time
}

// CapabilityStatement builds the statement for one root from what is routed.
// It returns a fresh message each call: the FHIR marshaller mutates its
// input, so a statement must never be shared between requests.
func CapabilityStatement(cfg CapabilityConfig) *rpb.CapabilityStatement {
	cs := &rpb.CapabilityStatement{
		Version:       str(cfg.SpecVersion),
		Name:          str(capabilityName(cfg.Root)),
		Status:        &cpb.PublicationStatusCode{Value: cpb.PublicationStatusCode_ACTIVE},
		Date:          &dpb.DateTime{ValueUs: cfg.Date.UnixMicro(), Timezone: "Z", Precision: dpb.DateTime_SECOND},
		Publisher:     str(cfg.SoftwareName),
		Description:   &dpb.Markdown{Value: "GP Connect provider (" + string(cfg.Root) + ") over IM1 GP supplier records."},
		Kind:          &cpb.CapabilityStatementKindCode{Value: cpb.CapabilityStatementKindCode_CAPABILITY},
		Software:      &rpb.CapabilityStatement_Software{Name: str(cfg.SoftwareName), Version: str(cfg.SoftwareVersion)},
		FhirVersion:   &dpb.Id{Value: "3.0.1"},
		AcceptUnknown: &cpb.UnknownContentCodeCode{Value: cpb.UnknownContentCodeCode_BOTH},
	}
	for _, f := range cfg.Formats {
		cs.Format = append(cs.Format, &dpb.MimeTypeCode{Value: f})
	}
	for _, p := range cfg.Profiles {
		cs.Profile = append(cs.Profile, &dpb.Reference{Reference: &dpb.Reference_Uri{Uri: str(p)}})
	}
	rest := &rpb.CapabilityStatement_Rest{
		Mode:     &cpb.RestfulCapabilityModeCode{Value: cpb.RestfulCapabilityModeCode_SERVER},
		Security: &rpb.CapabilityStatement_Rest_Security{Cors: &dpb.Boolean{Value: true}},
	}
	rest.Resource, rest.Operation = restEntries(cfg.Routed)
	cs.Rest = []*rpb.CapabilityStatement_Rest{rest}
	return cs
}

func capabilityName(r Root) string {
	if r == RootStructured {
		return "GP Connect Access Record Structured"
	}
	return "GP Connect Foundations and Appointment Management"
}

// restEntries groups the routed interactions by resource type, in route
// order, listing each interaction code, search parameter and include once.
func restEntries(routed []*Interaction) ([]*rpb.CapabilityStatement_Rest_Resource, []*rpb.CapabilityStatement_Rest_Operation) {
	var resources []*rpb.CapabilityStatement_Rest_Resource
	byType := map[string]*rpb.CapabilityStatement_Rest_Resource{}
	seen := map[string]bool{}
	var ops []*rpb.CapabilityStatement_Rest_Operation
	for _, in := range routed {
		if in.Operation != nil {
			ops = append(ops, &rpb.CapabilityStatement_Rest_Operation{
				Name:       str(in.Operation.Name),
				Definition: &dpb.Reference{Reference: &dpb.Reference_Uri{Uri: str(in.Operation.Definition)}},
			})
			continue
		}
		if in.Resource == "" {
			continue
		}
		res := byType[in.Resource]
		if res == nil {
			res = &rpb.CapabilityStatement_Rest_Resource{
				Type:         &cpb.ResourceTypeCode{Value: resourceType(in.Resource)},
				UpdateCreate: &dpb.Boolean{Value: false},
			}
			byType[in.Resource] = res
			resources = append(resources, res)
		}
		if key := in.Resource + "|i|" + in.Code; !seen[key] {
			seen[key] = true
			code := cpb.TypeRestfulInteractionCode_Value(cpb.TypeRestfulInteractionCode_Value_value[strings.ToUpper(strings.ReplaceAll(in.Code, "-", "_"))])
			res.Interaction = append(res.Interaction, &rpb.CapabilityStatement_Rest_Resource_ResourceInteraction{
				Code:          &cpb.TypeRestfulInteractionCode{Value: code},
				Documentation: optStr(in.Documentation),
			})
		}
		for _, sp := range in.SearchParams {
			if key := in.Resource + "|p|" + sp.Name; !seen[key] {
				seen[key] = true
				res.SearchParam = append(res.SearchParam, &rpb.CapabilityStatement_Rest_Resource_SearchParam{
					Name:          str(sp.Name),
					Type:          &cpb.SearchParamTypeCode{Value: cpb.SearchParamTypeCode_Value(cpb.SearchParamTypeCode_Value_value[strings.ToUpper(sp.Type)])},
					Documentation: optStr(sp.Documentation),
				})
			}
		}
		for _, inc := range in.SearchInclude {
			if key := in.Resource + "|inc|" + inc; !seen[key] {
				seen[key] = true
				res.SearchInclude = append(res.SearchInclude, str(inc))
			}
		}
	}
	return resources, ops
}

// resourceType maps a FHIR resource type name to the proto enum, whose
// names are upper snake case (CodeSystem → CODE_SYSTEM).
func resourceType(name string) cpb.ResourceTypeCode_Value {
	var b strings.Builder
	for i, r := range name {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(r)
	}
	return cpb.ResourceTypeCode_Value(cpb.ResourceTypeCode_Value_value[strings.ToUpper(b.String())])
}

func str(s string) *dpb.String { return &dpb.String{Value: s} }

func optStr(s string) *dpb.String {
	if s == "" {
		return nil
	}
	return str(s)
}
