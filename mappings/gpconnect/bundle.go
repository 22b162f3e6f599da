package gpconnect

import (
	"fmt"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// SearchsetBundle wraps resources in a GPConnect-Searchset-Bundle-1 Bundle:
// type searchset, meta.profile, one entry per resource in the order given,
// and nothing the profile leaves out (no total, link, entry.fullUrl,
// entry.search, entry.request or entry.response). id may be empty (the
// Bundle then has none). Nil resources are skipped, so an empty search gives
// an empty Bundle, which is GP Connect's "not found".
func SearchsetBundle(id string, resources ...*rpb.ContainedResource) *rpb.Bundle {
	b := &rpb.Bundle{
		Meta: &dpb.Meta{Profile: []*dpb.Uri{uri(ProfileSearchsetBundle)}},
		Type: &cpb.BundleTypeCode{Value: cpb.BundleTypeCode_SEARCHSET},
	}
	if id != "" {
		b.Id = &dpb.Id{Value: id}
	}
	for _, r := range resources {
		if r != nil {
			b.Entry = append(b.Entry, &rpb.Bundle_Entry{Resource: r})
		}
	}
	return b
}

// containedFields maps each STU3 resource message to its field in the
// ContainedResource oneof, so Contain works for every resource type without
// a hand-written switch.
var containedFields = func() map[protoreflect.FullName]protoreflect.FieldDescriptor {
	fields := (&rpb.ContainedResource{}).ProtoReflect().Descriptor().Fields()
	m := make(map[protoreflect.FullName]protoreflect.FieldDescriptor, fields.Len())
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		if fd.Message() != nil {
			m[fd.Message().FullName()] = fd
		}
	}
	return m
}()

// Contain wraps an STU3 resource (e.g. the *rpb.Patient from Patient) in the
// ContainedResource a Bundle entry holds. The resource is not copied. It
// panics when r is not an STU3 resource message, which is a programming
// error, never a data error.
func Contain(r proto.Message) *rpb.ContainedResource {
	if cr, ok := r.(*rpb.ContainedResource); ok {
		return cr
	}
	fd, ok := containedFields[r.ProtoReflect().Descriptor().FullName()]
	if !ok {
		panic(fmt.Sprintf("gpconnect.Contain: %s is not an STU3 resource", r.ProtoReflect().Descriptor().FullName()))
	}
	cr := &rpb.ContainedResource{}
	cr.ProtoReflect().Set(fd, protoreflect.ValueOfMessage(r.ProtoReflect()))
	return cr
}
