package adapter

import (
	"bytes"
	"context"
	"fmt"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	lru "github.com/hashicorp/golang-lru/v2"
	"google.golang.org/protobuf/proto"

	"im1fhir/mappings/gpconnect"
)

// sealed is a built resource whose meta.versionId is its content hash (the
// gpconnect builders seal every resource they return).
type sealed interface {
	proto.Message
	GetId() *dpb.Id
	GetMeta() *dpb.Meta
}

// renderCacheSize bounds the rendered-JSON cache: about 2 KB a resource, so
// roughly 16 MB when full.
const renderCacheSize = 8192

// renderCache holds rendered resource JSON at two levels. byVersion is keyed
// by type, id and versionId: FHIR rendering is the hot path (the library
// costs ~300 µs for a Patient) and a version is a content hash, so a cached
// body can never be stale. bySource is keyed by the identity of the source
// record it was built from: sources hand out immutable snapshots (the
// source.Source contract), so the same record always renders the same, and
// a hit skips even building and hashing the resource (~50 µs).
type renderCache struct {
	byVersion *lru.Cache[string, []byte]
	bySource  *lru.Cache[sourceKey, rendered]
}

// sourceKey identifies what a resource is built from: the record and the
// context it is built in (the practice, for a Patient's references).
type sourceKey struct {
	record, context any
}

// rendered is a resource's JSON with its versionId.
type rendered struct {
	body []byte
	vid  string
}

func newRenderCache() *renderCache {
	byVersion, err := lru.New[string, []byte](renderCacheSize)
	if err != nil {
		panic(err) // only for a non-positive size
	}
	bySource, err := lru.New[sourceKey, rendered](renderCacheSize)
	if err != nil {
		panic(err)
	}
	return &renderCache{byVersion: byVersion, bySource: bySource}
}

// renderFrom returns the JSON of the resource built from record (in
// context) by build, building and rendering it only on a miss.
func (s *Server) renderFrom(ctx context.Context, record, context any, build func() sealed) (rendered, error) {
	key := sourceKey{record, context}
	if r, ok := s.rendered.bySource.Get(key); ok {
		return r, nil
	}
	_, sp := span(ctx, "mapping")
	res := build()
	sp.End()
	b, vid, err := s.resourceJSON(ctx, res)
	if err != nil {
		return rendered{}, err
	}
	r := rendered{body: b, vid: vid}
	if vid != "" {
		s.rendered.bySource.Add(key, r)
	}
	return r, nil
}

// resourceJSON renders a sealed resource once per version and returns the
// shared, read-only JSON with the versionId.
func (s *Server) resourceJSON(ctx context.Context, r sealed) ([]byte, string, error) {
	vid := r.GetMeta().GetVersionId().GetValue()
	key := string(r.ProtoReflect().Descriptor().Name()) + "/" + r.GetId().GetValue() + "/" + vid
	if vid != "" {
		if b, ok := s.rendered.byVersion.Get(key); ok {
			return b, vid, nil
		}
	}
	_, sp := span(ctx, "render")
	b, err := s.renderer.JSON(r)
	sp.End()
	if err != nil {
		return nil, "", err
	}
	if vid != "" {
		s.rendered.byVersion.Add(key, b)
	}
	return b, vid, nil
}

// searchsetJSON assembles a GPConnect-Searchset-Bundle-1 from rendered entry
// bodies: the envelope is rendered by the FHIR library (so its shape is the
// library's), then the entries are spliced in as {"resource": ...}.
func (s *Server) searchsetJSON(entries ...rendered) ([]byte, error) {
	env, err := s.searchsetEnvelope()
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return env, nil
	}
	end := bytes.LastIndexByte(env, '}')
	if end < 0 {
		return nil, fmt.Errorf("searchset envelope is not a JSON object")
	}
	var buf bytes.Buffer
	size := len(env) + 16
	for _, e := range entries {
		size += len(e.body) + 16
	}
	buf.Grow(size)
	buf.Write(env[:end])
	buf.WriteString(`,"entry":[`)
	for i, e := range entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"resource":`)
		buf.Write(e.body)
		buf.WriteByte('}')
	}
	buf.WriteString("]}")
	return buf.Bytes(), nil
}

// envelopeID is the placeholder id the searchset envelope is rendered with
// once; each response swaps in its own id of the same length.
const envelopeID = "00000000000000000000000000000000"

// searchsetEnvelope returns an empty searchset Bundle rendered by the FHIR
// library, with a fresh id.
func (s *Server) searchsetEnvelope() ([]byte, error) {
	s.envelopeOnce.Do(func() {
		s.envelope, s.envelopeErr = s.renderer.JSON(gpconnect.SearchsetBundle(envelopeID))
	})
	if s.envelopeErr != nil {
		return nil, s.envelopeErr
	}
	return bytes.Replace(s.envelope, []byte(envelopeID), []byte(newBundleID()), 1), nil
}
