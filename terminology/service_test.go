package terminology

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"im1fhir"
)

// syntheticRelease is a UK Monolith version dated date whose asthma
// concept's display names that date, so a reader can tell whether the
// answer and the version it claims belong together.
func syntheticRelease(date string) *Index {
	v := CodeSystemVersion{System: SystemSNOMED, Edition: EditionUKMonolith, Version: SNOMEDVersionURI(EditionUKMonolith, date),
		EffectiveDate: date, Source: "test", Status: "active"}
	return NewIndex(v, []*Concept{{Code: "195967001", Active: true, Descriptions: []Description{
		{Term: "Asthma " + date, Type: typeSynonym, Preferred: []string{RefsetGB}}}}})
}

// TestAtomicSwitchUnderLoad switches releases while look-ups run (run with
// -race): every answer must be internally consistent (display matches the
// version it names) and the default must only move forwards.
func TestAtomicSwitchUnderLoad(t *testing.T) {
	s := mustService(t)
	ctx := context.Background()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var checked atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := ""
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, err := s.Lookup(ctx, LookupRequest{System: SystemSNOMED, Code: "195967001"})
				if err != nil {
					t.Errorf("look-up during switch: %v", err)
					return
				}
				date := r.Version[len(r.Version)-8:]
				if r.Display != "Asthma" && r.Display != "Asthma "+date {
					t.Errorf("torn answer: version %s with display %q", r.Version, r.Display)
					return
				}
				if r.Version < last {
					t.Errorf("default went backwards: %s after %s", r.Version, last)
					return
				}
				last = r.Version
				// A pinned look-up against an old version is unaffected by switches.
				old, err := s.Lookup(ctx, LookupRequest{System: SystemSNOMED, Code: "19999999103", Version: "20251119"})
				if err != nil || !old.Active {
					t.Errorf("pinned look-up: %+v, %v", old, err)
					return
				}
				checked.Add(1)
			}
		}()
	}
	for i := 0; i < 50; i++ {
		s.Add(ctx, syntheticRelease(fmt.Sprintf("202604%02d", i%28+1)))
		time.Sleep(time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if checked.Load() == 0 {
		t.Fatal("no look-ups ran during the switches")
	}
	vs, _ := s.Versions(ctx, SystemSNOMED)
	if len(vs) < 7+28 {
		t.Errorf("%d SNOMED versions after switches; older versions must stay loaded", len(vs))
	}
}

func TestWatchLoadsNewRelease(t *testing.T) {
	s := mustService(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { s.Watch(ctx, dir, 20*time.Millisecond); close(done) }()
	time.Sleep(50 * time.Millisecond)
	body := "code\tactive\tterm\tsnomedConceptId\nH33..\t1\tAsthma\t195967001\n"
	if err := os.WriteFile(filepath.Join(dir, "legacy_readv2_20170401.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if v, err := s.Resolve(SystemReadV2, ""); err == nil && v.Version == "20170401" {
			cancel()
			<-done
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("watched release not loaded within 3s")
}

func TestDMDCodeChange(t *testing.T) {
	s := mustService(t)
	ctx := context.Background()
	old, err := s.Lookup(ctx, LookupRequest{System: SystemDMD, Code: "318135008"})
	if err != nil {
		t.Fatal(err)
	}
	var replaced string
	for _, p := range old.Properties {
		if p.Code == "replacedBy" {
			replaced = p.Value
		}
	}
	if old.Active || replaced == "" {
		t.Fatalf("old VMP code in the new week: active=%v replacedBy=%q", old.Active, replaced)
	}
	nw, err := s.Lookup(ctx, LookupRequest{System: SystemDMD, Code: replaced})
	if err != nil || !nw.Active || nw.Display != old.Display {
		t.Fatalf("new VMP code %s: %+v, %v", replaced, nw, err)
	}
	if prev, err := s.Lookup(ctx, LookupRequest{System: SystemDMD, Code: "318135008", Version: "20210826"}); err != nil || !prev.Active {
		t.Fatalf("old code pinned to the earlier week: %+v, %v", prev, err)
	}
}

func TestDisplayLanguageIsPartOfTheKey(t *testing.T) {
	s := mustService(t)
	ctx := context.Background()
	for _, lang := range []string{"en-GB", "en-US", ""} {
		r, err := s.Lookup(ctx, LookupRequest{System: SystemSNOMED, Code: "38341003", DisplayLanguage: lang})
		if err != nil || r.Display != "Hypertension" {
			t.Errorf("%q: %+v %v", lang, r.Display, err)
		}
	}
	mc := s.cache.(*MemoryCache)
	if mc.Len() != 2 { // "" is the default en-GB
		t.Errorf("cache holds %d entries, want 2 (one per language)", mc.Len())
	}
}

// noCache disables caching to measure the index itself.
type noCache struct{ *MemoryCache }

func (noCache) GetLookup(context.Context, string) (LookupResult, bool) { return LookupResult{}, false }
func (noCache) SetLookup(context.Context, string, LookupResult)        {}

func BenchmarkLookup(b *testing.B) {
	for _, tc := range []struct {
		name  string
		cache Cache
	}{{"cached", nil}, {"uncached", noCache{NewMemoryCache(0)}}} {
		b.Run(tc.name, func(b *testing.B) {
			s := NewService(Config{Logger: quiet, Cache: tc.cache})
			if _, err := s.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
				b.Fatal(err)
			}
			req := LookupRequest{System: SystemSNOMED, Code: "195967001"}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Lookup(ctx, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkResolveAlias(b *testing.B) {
	s := mustService(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Resolve(SystemSNOMED, "http://snomed.info/sct/999000041000000102/version/20251119"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFixtures(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s := NewService(Config{Logger: quiet})
		if _, err := s.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
			b.Fatal(err)
		}
	}
}
