package rediscache

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"im1fhir"
	"im1fhir/internal/redistest"
	"im1fhir/terminology"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// replica is one sidecar instance: a Service over the fixtures with its own
// two-tier cache on the shared Redis.
type replica struct {
	svc   *terminology.Service
	cache *Cache
}

func newReplica(t *testing.T, url string) replica {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	rc := redis.NewClient(opt)
	t.Cleanup(func() { rc.Close() })
	c := New(Config{Client: rc, Logger: quiet, Backoff: 200 * time.Millisecond})
	t.Cleanup(c.Close)
	svc := terminology.NewService(terminology.Config{Cache: c, Logger: quiet})
	if _, err := svc.LoadDir(context.Background(), im1fhir.TerminologyFS()); err != nil {
		t.Fatal(err)
	}
	return replica{svc, c}
}

func TestSharedTierKeyedByResolvedVersion(t *testing.T) {
	url := redistest.Start(t)
	a, b := newReplica(t, url), newReplica(t, url)
	ctx := context.Background()
	req := terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "195967001"}
	ra, err := a.svc.Lookup(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	opt, _ := redis.ParseURL(url)
	rc := redis.NewClient(opt)
	defer rc.Close()
	key := terminology.LookupKey(terminology.SystemSNOMED, ra.Version, "195967001", "en-GB")
	if n, err := rc.Exists(ctx, key).Result(); err != nil || n != 1 {
		t.Fatalf("Redis key %s exists = %d, %v; want 1 (keys carry the resolved version, never \"latest\")", key, n, err)
	}
	// Replica b has an empty local tier: its answer must come from Redis.
	// Prove it by planting a marker in Redis that only a Redis read can return.
	planted := ra
	planted.Display = "from-redis"
	b.cache.local.Purge()
	b.cache.set(ctx, key, planted)
	b.cache.local.Purge()
	rb, err := b.svc.Lookup(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if rb.Display != "from-redis" {
		t.Fatalf("replica b display = %q, want the Redis tier's %q", rb.Display, "from-redis")
	}
}

func TestReleaseEventDropsPeerLocalTier(t *testing.T) {
	url := redistest.Start(t)
	a, b := newReplica(t, url), newReplica(t, url)
	ctx := context.Background()
	if _, err := b.svc.Lookup(ctx, terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "38341003"}); err != nil {
		t.Fatal(err)
	}
	if b.cache.local.Len() == 0 {
		t.Fatal("replica b local tier empty after a look-up")
	}
	heard := b.cache.EventsHeard()
	// A release switch on replica a (reloading a release is a switch too).
	if _, err := a.svc.LoadRelease(ctx, im1fhir.TerminologyFS(), "uk_sct2mo_41.6.0_20260311000001Z.zip"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for b.cache.EventsHeard() == heard && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if b.cache.EventsHeard() == heard {
		t.Fatal("replica b heard no release event within 3s")
	}
	if n := b.cache.local.Len(); n != 0 {
		t.Fatalf("replica b local tier holds %d entries after a peer's release event, want 0", n)
	}
}

// TestRedisDownMidRun stops a real Redis while look-ups run: none may fail,
// and after a restart the shared tier is written again.
func TestRedisDownMidRun(t *testing.T) {
	srv := redistest.StartServer(t)
	r := newReplica(t, srv.URL())
	ctx := context.Background()
	codes := []string{"195967001", "38341003", "44054006", "91936005", "425691002"}
	var failures, calls atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if i%50 == 0 {
					r.cache.local.Purge() // force trips to the Redis tier
				}
				_, err := r.svc.Lookup(ctx, terminology.LookupRequest{System: terminology.SystemSNOMED, Code: codes[(i+w)%len(codes)]})
				calls.Add(1)
				if err != nil {
					failures.Add(1)
					t.Errorf("look-up failed: %v", err)
				}
			}
		}(w)
	}
	time.Sleep(200 * time.Millisecond)
	srv.Stop()
	time.Sleep(500 * time.Millisecond)
	srv.Restart()
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()
	if failures.Load() != 0 {
		t.Fatalf("%d of %d look-ups failed while Redis was down", failures.Load(), calls.Load())
	}
	// Back up: a fresh look-up reaches Redis again once the back-off ends.
	time.Sleep(300 * time.Millisecond)
	r.cache.local.Purge()
	res, err := r.svc.Lookup(ctx, terminology.LookupRequest{System: terminology.SystemSNOMED, Code: "73211009"})
	if err != nil {
		t.Fatal(err)
	}
	opt, _ := redis.ParseURL(srv.URL())
	rc := redis.NewClient(opt)
	defer rc.Close()
	key := terminology.LookupKey(res.System, res.Version, "73211009", "en-GB")
	if n, _ := rc.Exists(ctx, key).Result(); n != 1 {
		t.Fatalf("after Redis restart, key %s not written (exists=%d)", key, n)
	}
	t.Logf("%d look-ups, 0 failures across a Redis stop/restart", calls.Load())
}
