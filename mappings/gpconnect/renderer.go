package gpconnect

import (
	"fmt"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	"github.com/google/fhir/go/jsonformat/fhirvalidate"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
	"google.golang.org/protobuf/proto"
)

// Renderer turns STU3 resources into compact FHIR JSON with one shared
// jsonformat marshaller (building one costs the library's large tables once,
// not per request). It is safe for concurrent use.
//
// Ownership rule: JSON consumes its argument. jsonformat rewrites the message
// it marshals (typed references become plain URIs, empty-valued extensions
// are stripped), so the caller hands over a message nobody else holds —
// every builder in this package returns such a fresh message — and must not
// use it afterwards. A message that is shared or kept (a cached resource, a
// CapabilityStatement built once) goes through JSONCopy instead, which
// marshals a private clone.
type Renderer struct {
	m *jsonformat.Marshaller
}

// NewRenderer makes a Renderer for compact (unindented) STU3 JSON.
func NewRenderer() (*Renderer, error) {
	m, err := jsonformat.NewMarshaller(false, "", "", fhirversion.STU3)
	if err != nil {
		return nil, fmt.Errorf("gpconnect: STU3 marshaller: %w", err)
	}
	return &Renderer{m: m}, nil
}

// JSON renders msg, a bare STU3 resource (*rpb.Patient, *rpb.Bundle…) or a
// *rpb.ContainedResource, and consumes it (see the ownership rule on
// Renderer). It does not validate: the builders are tested with
// fhirvalidate instead.
func (r *Renderer) JSON(msg proto.Message) ([]byte, error) {
	if cr, ok := msg.(*rpb.ContainedResource); ok {
		return r.m.Marshal(cr)
	}
	return r.m.MarshalResource(msg)
}

// JSONCopy renders a private clone of msg, leaving msg untouched, for
// messages that are shared between goroutines or kept for reuse. Cloning adds
// a few per cent to the marshalling cost.
func (r *Renderer) JSONCopy(msg proto.Message) ([]byte, error) {
	return r.JSON(proto.Clone(msg))
}

// Validate applies the FHIR library's base-spec checks to a resource before
// it is rendered: required elements, reference target types and primitive
// formats (an id outside [A-Za-z0-9-.]{1,64}, a code with spaces). The
// builders cannot refuse bad source data themselves, and the marshaller checks
// nothing, so a caller that wants GP Connect's "cannot build to profile →
// 500 INTERNAL_SERVER_ERROR" rule calls Validate first. It must run before
// JSON, which rewrites references. It does not check GP Connect profiles.
func Validate(msg proto.Message) error {
	return fhirvalidate.Validate(Contain(msg))
}
