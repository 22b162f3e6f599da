package gpconnect

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	"google.golang.org/protobuf/proto"
)

// versionIDLen is how many hex digits of the hash VersionID keeps: 64 bits
// make an accidental repeat between two versions of one resource negligible,
// and the id stays short in ETags.
const versionIDLen = 16

// hashOptions encode fields in field-number order, so equal messages give
// equal bytes.
var hashOptions = proto.MarshalOptions{Deterministic: true}

// hashBuffers recycles encoding buffers: a structured Bundle seals a hundred
// resources or more, and fresh buffers for each were a large share of its
// building cost.
var hashBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// VersionID returns the content version of a resource: the first 16 hex
// digits of the SHA-256 of its deterministic protobuf encoding. It changes
// whenever any field that would be rendered changes (including
// meta.lastUpdated and meta.profile) and is stable otherwise, so the adapter
// can send ETag W/"<versionId>" although GP systems keep no FHIR versions.
//
// Call it on the finished resource before meta.versionId is set (the
// builders in this package do); a versionId already present is hashed too.
// Deterministic encoding is stable for a given protobuf module version;
// upgrading google.golang.org/protobuf may, in principle, change every
// versionId once, which costs consumers only a re-read.
//
// The hash works on the protos, not on the record, because a record holds
// more than is rendered (a record.Patient carries the whole clinical record)
// and a version must not move when nothing visible changed.
func VersionID(m proto.Message) string {
	bp := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(bp)
	b, err := hashOptions.MarshalAppend((*bp)[:0], m)
	*bp = b[:0]
	if err != nil {
		// Marshal fails only for invalid UTF-8 in a string field, which the
		// builders never produce (str replaces it); for a message from
		// elsewhere, hash its text form rather than give no version.
		b = []byte(protoText(m))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:versionIDLen/2])
}

func protoText(m proto.Message) string {
	// String() of generated messages is the prototext form; used only on the
	// invalid-UTF-8 path above.
	if s, ok := m.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}

// newMeta starts a resource's meta with its one profile and lastUpdated.
// seal fills in versionId once the resource is complete.
func newMeta(profile string, lastModified time.Time) *dpb.Meta {
	return &dpb.Meta{Profile: []*dpb.Uri{uri(profile)}, LastUpdated: instant(lastModified)}
}

// seal stamps meta.versionId from the content of the finished resource.
func seal(m proto.Message, meta *dpb.Meta) {
	meta.VersionId = id(VersionID(m))
}
