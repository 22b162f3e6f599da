package terminology

import (
	"context"
	"sync"
)

// Cache holds look-up results and version lists between requests. Keys
// always carry the resolved version (see LookupKey), so entries never go
// stale; ReleaseChanged is still called on every release switch so tiers
// that mirror peers (Redis pub/sub) can drop their local copies.
// Implementations must not fail a request: a broken tier is a miss.
type Cache interface {
	GetLookup(ctx context.Context, key string) (LookupResult, bool)
	SetLookup(ctx context.Context, key string, r LookupResult)
	GetVersions(ctx context.Context, key string) ([]CodeSystemVersion, bool)
	SetVersions(ctx context.Context, key string, v []CodeSystemVersion)
	ReleaseChanged(ctx context.Context, catalogID string)
}

// LookupKey is term:{system}|{resolvedVersion}:{code}:{lang}.
func LookupKey(system, resolvedVersion, code, lang string) string {
	return "term:" + system + "|" + resolvedVersion + ":" + code + ":" + lang
}

// VersionsKey names the version list of one catalog (content-addressed).
func VersionsKey(catalogID, system string) string {
	return "term:versions:" + catalogID + ":" + system
}

// MemoryCache is the in-process tier: a bounded map. When full it is
// cleared rather than evicting one by one; the working set of codes a GP
// estate uses is small next to the bound, so this stays simple and cheap.
type MemoryCache struct {
	mu       sync.RWMutex
	max      int
	lookups  map[string]LookupResult
	versions map[string][]CodeSystemVersion
}

// NewMemoryCache makes a cache holding up to max look-up results.
func NewMemoryCache(max int) *MemoryCache {
	if max <= 0 {
		max = 100_000
	}
	return &MemoryCache{max: max, lookups: map[string]LookupResult{}, versions: map[string][]CodeSystemVersion{}}
}

func (m *MemoryCache) GetLookup(_ context.Context, key string) (LookupResult, bool) {
	m.mu.RLock()
	r, ok := m.lookups[key]
	m.mu.RUnlock()
	return r, ok
}

func (m *MemoryCache) SetLookup(_ context.Context, key string, r LookupResult) {
	m.mu.Lock()
	if len(m.lookups) >= m.max {
		m.lookups = map[string]LookupResult{}
	}
	m.lookups[key] = r
	m.mu.Unlock()
}

func (m *MemoryCache) GetVersions(_ context.Context, key string) ([]CodeSystemVersion, bool) {
	m.mu.RLock()
	v, ok := m.versions[key]
	m.mu.RUnlock()
	return v, ok
}

func (m *MemoryCache) SetVersions(_ context.Context, key string, v []CodeSystemVersion) {
	m.mu.Lock()
	if len(m.versions) >= 64 {
		m.versions = map[string][]CodeSystemVersion{}
	}
	m.versions[key] = v
	m.mu.Unlock()
}

// ReleaseChanged drops everything held.
func (m *MemoryCache) ReleaseChanged(context.Context, string) { m.Purge() }

// Purge empties the cache.
func (m *MemoryCache) Purge() {
	m.mu.Lock()
	m.lookups = map[string]LookupResult{}
	m.versions = map[string][]CodeSystemVersion{}
	m.mu.Unlock()
}

// Len is the number of cached look-ups.
func (m *MemoryCache) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.lookups)
}
