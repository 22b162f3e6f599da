package gpconnect

import (
	"bytes"
	"fmt"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// The FHIR library's marshaller costs tens of microseconds per resource, so a
// structured Bundle of a rich record takes milliseconds to render while
// building it takes about one. Entries are content-addressed (every built
// resource carries its content hash as versionId), so their JSON can be
// cached and the Bundle assembled from the pieces: BundleJSON does the
// assembly, EntryKey names the pieces.

// EntryKey names the JSON of one Bundle entry's resource for a cache:
// "Type/id/versionId". Lists and other resources without a versionId are
// keyed by a hash of their content instead, so a key never names two
// different renderings.
func EntryKey(cr *rpb.ContainedResource) string {
	m := containedMessage(cr)
	if m == nil {
		return ""
	}
	typ := string(m.Descriptor().Name())
	idv, vid := "", ""
	if f := m.Descriptor().Fields().ByName("id"); f != nil && m.Has(f) {
		if v, ok := m.Get(f).Message().Interface().(*dpb.Id); ok {
			idv = v.GetValue()
		}
	}
	if f := m.Descriptor().Fields().ByName("meta"); f != nil && m.Has(f) {
		if v, ok := m.Get(f).Message().Interface().(*dpb.Meta); ok {
			vid = v.GetVersionId().GetValue()
		}
	}
	if vid == "" {
		vid = "h" + VersionID(cr)
	}
	return typ + "/" + idv + "/" + vid
}

func containedMessage(cr *rpb.ContainedResource) protoreflect.Message {
	rm := cr.ProtoReflect()
	fd := rm.WhichOneof(rm.Descriptor().Oneofs().Get(0))
	if fd == nil {
		return nil
	}
	return rm.Get(fd).Message()
}

// BundleJSON renders b with each entry's resource rendered by entry — a
// cache lookup that falls back to Renderer.JSON on a miss, say — and the
// Bundle's own elements rendered here. The result is byte-identical to
// JSON(b) (the library writes keys in alphabetical order, so "entry" leads).
// Like JSON, it consumes b.
func (r *Renderer) BundleJSON(b *rpb.Bundle, entry func(*rpb.ContainedResource) ([]byte, error)) ([]byte, error) {
	entries := b.Entry
	b.Entry = nil
	shell, err := r.JSON(b)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return shell, nil
	}
	if len(shell) < 2 || shell[0] != '{' {
		return nil, fmt.Errorf("gpconnect: unexpected Bundle JSON %.20q", shell)
	}
	var buf bytes.Buffer
	buf.Grow(len(shell) + 2048*len(entries))
	buf.WriteString(`{"entry":[`)
	for i, e := range entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		body, err := entry(e.GetResource())
		if err != nil {
			return nil, err
		}
		buf.WriteString(`{"resource":`)
		buf.Write(body)
		buf.WriteByte('}')
	}
	buf.WriteString(`],`)
	buf.Write(shell[1:])
	return buf.Bytes(), nil
}
