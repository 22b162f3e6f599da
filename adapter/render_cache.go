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

// renderCache holds rendered resource JSON keyed by type, id and versionId.
// FHIR rendering is the hot path (the library costs ~300 µs for a Patient);
// a version is a content hash, so a cached body can never be stale.
type renderCache struct {
	lru *lru.Cache[string, []byte]
}

func newRenderCache() *renderCache {
	c, err := lru.New[string, []byte](renderCacheSize)
	if err != nil {
		panic(err) // only for a non-positive size
	}
	return &renderCache{lru: c}
}

// resourceJSON renders a sealed resource once per version and returns the
// shared, read-only JSON with the versionId.
func (s *Server) resourceJSON(ctx context.Context, r sealed) ([]byte, string, error) {
	vid := r.GetMeta().GetVersionId().GetValue()
	key := string(r.ProtoReflect().Descriptor().Name()) + "/" + r.GetId().GetValue() + "/" + vid
	if vid != "" {
		if b, ok := s.rendered.lru.Get(key); ok {
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
		s.rendered.lru.Add(key, b)
	}
	return b, vid, nil
}

// searchsetJSON assembles a GPConnect-Searchset-Bundle-1 from cached entry
// bodies: the envelope is rendered by the FHIR library (so its shape is the
// library's), then the entries are spliced in as {"resource": ...}.
func (s *Server) searchsetJSON(ctx context.Context, resources ...sealed) ([]byte, error) {
	env, err := s.searchsetEnvelope()
	if err != nil {
		return nil, err
	}
	if len(resources) == 0 {
		return env, nil
	}
	end := bytes.LastIndexByte(env, '}')
	if end < 0 {
		return nil, fmt.Errorf("searchset envelope is not a JSON object")
	}
	var buf bytes.Buffer
	buf.Grow(len(env) + 2048*len(resources))
	buf.Write(env[:end])
	buf.WriteString(`,"entry":[`)
	for i, r := range resources {
		b, _, err := s.resourceJSON(ctx, r)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"resource":`)
		buf.Write(b)
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
