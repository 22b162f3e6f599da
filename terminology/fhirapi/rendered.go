package fhirapi

import "sync"

// rendered holds $lookup response bodies already encoded, keyed by catalog,
// resolved version, code, language and FHIR version. Profiling showed JSON
// encoding at about half the handler's CPU; the body of a look-up in one
// release never changes, so it is encoded once. Keys carry the resolved
// version and the catalog id, never "latest".
type rendered struct {
	mu  sync.RWMutex
	max int
	m   map[string][]byte
}

func newRendered(max int) *rendered { return &rendered{max: max, m: map[string][]byte{}} }

func (r *rendered) get(k string) ([]byte, bool) {
	r.mu.RLock()
	b, ok := r.m[k]
	r.mu.RUnlock()
	return b, ok
}

func (r *rendered) put(k string, b []byte) {
	r.mu.Lock()
	if len(r.m) >= r.max {
		r.m = map[string][]byte{} // cleared, not evicted: see terminology.MemoryCache
	}
	r.m[k] = b
	r.mu.Unlock()
}
