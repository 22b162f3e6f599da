package gpconnect

import (
	"fmt"
	"testing"
	"time"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"im1fhir/record"
)

func TestVersionIDStable(t *testing.T) {
	pr := richPractice()
	a := Patient(&pr.Patients[0], pr).GetMeta().GetVersionId().GetValue()
	b := Patient(&pr.Patients[0], pr).GetMeta().GetVersionId().GetValue()
	if a == "" || a != b {
		t.Fatalf("two builds of one record gave versionIds %q and %q", a, b)
	}
	if len(a) != versionIDLen {
		t.Errorf("versionId %q has %d characters, want %d", a, len(a), versionIDLen)
	}
}

// TestVersionIDIgnoresUnrenderedRecordFields: a version must not move when
// nothing a consumer can see changed, e.g. the clinical record or a field the
// profile forbids.
func TestVersionIDIgnoresUnrenderedRecordFields(t *testing.T) {
	pr := richPractice()
	base := Patient(&pr.Patients[0], pr).GetMeta().GetVersionId().GetValue()
	tests := map[string]func(*record.Patient){
		"clinical record": func(p *record.Patient) {
			p.Record.Allergies = append(p.Record.Allergies, record.Allergy{Item: record.Item{ID: "a1"}})
		},
		"multiple birth":       func(p *record.Patient) { p.MultipleBirth = !p.MultipleBirth },
		"consent":              func(p *record.Patient) { p.Consent = record.ConsentDissent },
		"spine flags":          func(p *record.Patient) { p.Spine.Sensitive = true },
		"record in transit":    func(p *record.Patient) { p.RecordInTransit = true },
		"sub-second timestamp": func(p *record.Patient) { p.LastModified = p.LastModified.Add(300 * time.Millisecond) },
	}
	for name, mutate := range tests {
		t.Run(name, func(t *testing.T) {
			p := pr.Patients[0]
			mutate(&p)
			if got := Patient(&p, pr).GetMeta().GetVersionId().GetValue(); got != base {
				t.Errorf("versionId moved to %s (from %s) though nothing rendered changed", got, base)
			}
		})
	}
}

// TestVersionIDFollowsEveryRenderedField changes, one at a time, every leaf
// value of each built resource (except versionId itself) and checks the
// version changes: "any rendered field" is checked exhaustively, not by a
// hand-picked list that would go stale as the builders grow.
func TestVersionIDFollowsEveryRenderedField(t *testing.T) {
	pr := richPractice()
	resources := map[string]proto.Message{
		"patient":      Patient(&pr.Patients[0], pr),
		"organization": Organization(&pr.Organisation),
		"practitioner": Practitioner(&pr.Practitioners[0]),
		"role":         PractitionerRoles(&pr.Practitioners[0])[0],
		"location":     Location(&pr.Locations[0]),
	}
	for name, res := range resources {
		t.Run(name, func(t *testing.T) {
			unsealed := proto.Clone(res)
			clearVersionID(unsealed)
			base := VersionID(unsealed)
			if want := metaOf(res).GetVersionId().GetValue(); base != want {
				t.Fatalf("VersionID of the resource without versionId = %s, but meta.versionId = %s", base, want)
			}
			leaves := 0
			forEachLeaf(unsealed.ProtoReflect(), "", func(path string, mutate func()) {
				leaves++
				m := proto.Clone(unsealed)
				// Paths are unique (list indices included), so the same
				// leaf is found again in the clone.
				forEachLeaf(m.ProtoReflect(), "", func(p string, mut func()) {
					if p == path {
						mut()
					}
				})
				if got := VersionID(m); got == base {
					t.Errorf("changing %s left versionId at %s", path, base)
				}
			})
			if leaves < 5 {
				t.Fatalf("only %d leaves walked; the walker is broken", leaves)
			}
		})
	}
}

func metaOf(m proto.Message) *dpb.Meta {
	return m.(interface{ GetMeta() *dpb.Meta }).GetMeta()
}

func clearVersionID(m proto.Message) { metaOf(m).VersionId = nil }

// forEachLeaf calls visit for every set scalar field under m, in a fixed
// order, with a path and a function that changes that value.
func forEachLeaf(m protoreflect.Message, prefix string, visit func(path string, mutate func())) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		path := prefix + "." + string(fd.Name())
		switch {
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				p := fmt.Sprintf("%s[%d]", path, i)
				if fd.Message() != nil {
					forEachLeaf(l.Get(i).Message(), p, visit)
				}
			}
		case fd.Message() != nil:
			forEachLeaf(v.Message(), path, visit)
		default:
			visit(path, func() { m.Set(fd, changed(fd, v)) })
		}
		return true
	})
}

func changed(fd protoreflect.FieldDescriptor, v protoreflect.Value) protoreflect.Value {
	switch fd.Kind() {
	case protoreflect.StringKind:
		return protoreflect.ValueOfString(v.String() + "x")
	case protoreflect.BoolKind:
		return protoreflect.ValueOfBool(!v.Bool())
	case protoreflect.EnumKind:
		return protoreflect.ValueOfEnum(v.Enum() + 1)
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return protoreflect.ValueOfInt64(v.Int() + 1)
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return protoreflect.ValueOfInt32(int32(v.Int()) + 1)
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return protoreflect.ValueOfUint32(uint32(v.Uint()) + 1)
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return protoreflect.ValueOfUint64(v.Uint() + 1)
	case protoreflect.BytesKind:
		return protoreflect.ValueOfBytes(append(append([]byte(nil), v.Bytes()...), 'x'))
	}
	panic("unhandled kind " + fd.Kind().String())
}
