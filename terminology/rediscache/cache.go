package rediscache

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"im1fhir/terminology"
)

var tracer = otel.Tracer("im1fhir/terminology")

// DefaultChannel carries release-switch events between replicas.
const DefaultChannel = "im1fhir:terminology:releases"

// Config configures a Cache.
type Config struct {
	Client  redis.UniversalClient
	Local   *terminology.MemoryCache // nil = a new one
	TTL     time.Duration            // Redis entry lifetime; 0 = 24h
	Timeout time.Duration            // per Redis call; 0 = 50ms
	Backoff time.Duration            // skip Redis this long after a failure; 0 = 1s
	Channel string                   // "" = DefaultChannel
	Logger  *slog.Logger
}

// Cache implements terminology.Cache over Redis plus an in-process tier.
type Cache struct {
	cfg       Config
	local     *terminology.MemoryCache
	replica   string
	downUntil atomic.Int64 // unix nanos; Redis skipped before then
	stop      context.CancelFunc
	wg        sync.WaitGroup
	events    atomic.Int64 // release events heard (for tests and metrics)
}

var _ terminology.Cache = (*Cache)(nil)

// New makes a Cache and starts listening for release events. Close stops it.
func New(cfg Config) *Cache {
	if cfg.TTL == 0 {
		cfg.TTL = 24 * time.Hour
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 50 * time.Millisecond
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = time.Second
	}
	if cfg.Channel == "" {
		cfg.Channel = DefaultChannel
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	c := &Cache{cfg: cfg, local: cfg.Local, replica: randomID()}
	if c.local == nil {
		c.local = terminology.NewMemoryCache(0)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.stop = cancel
	c.wg.Add(1)
	go c.listen(ctx)
	return c
}

// Close stops the event listener (the Redis client is the caller's).
func (c *Cache) Close() {
	c.stop()
	c.wg.Wait()
}

// Local is the in-process tier.
func (c *Cache) Local() *terminology.MemoryCache { return c.local }

// EventsHeard counts release events received from the channel.
func (c *Cache) EventsHeard() int64 { return c.events.Load() }

func (c *Cache) up() bool { return time.Now().UnixNano() >= c.downUntil.Load() }

func (c *Cache) failed(ctx context.Context, op string, err error) {
	if errors.Is(err, redis.Nil) {
		return
	}
	c.downUntil.Store(time.Now().Add(c.cfg.Backoff).UnixNano())
	c.cfg.Logger.WarnContext(ctx, "redis unavailable; serving terminology from memory", "op", op, "error", err.Error())
}

func (c *Cache) get(ctx context.Context, key string, into any) bool {
	if !c.up() {
		return false
	}
	ctx, span := tracer.Start(ctx, "redis.get", trace.WithAttributes(attribute.String("cache.key", key)))
	defer span.End()
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	b, err := c.cfg.Client.Get(ctx, key).Bytes()
	if err != nil {
		if !errors.Is(err, redis.Nil) {
			span.SetStatus(codes.Error, err.Error())
		}
		c.failed(ctx, "get", err)
		return false
	}
	if err := json.Unmarshal(b, into); err != nil {
		return false // a foreign or corrupt value is a miss
	}
	span.SetAttributes(attribute.Bool("cache.hit", true))
	return true
}

func (c *Cache) set(ctx context.Context, key string, v any) {
	if !c.up() {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	ctx, span := tracer.Start(ctx, "redis.set", trace.WithAttributes(attribute.String("cache.key", key)))
	defer span.End()
	// The request may be finishing; the write gets its own short budget.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.cfg.Timeout)
	defer cancel()
	if err := c.cfg.Client.Set(ctx, key, b, c.cfg.TTL).Err(); err != nil {
		span.SetStatus(codes.Error, err.Error())
		c.failed(ctx, "set", err)
	}
}

// GetLookup implements terminology.Cache.
func (c *Cache) GetLookup(ctx context.Context, key string) (terminology.LookupResult, bool) {
	if r, ok := c.local.GetLookup(ctx, key); ok {
		return r, true
	}
	var r terminology.LookupResult
	if c.get(ctx, key, &r) {
		c.local.SetLookup(ctx, key, r)
		return r, true
	}
	return terminology.LookupResult{}, false
}

// SetLookup implements terminology.Cache.
func (c *Cache) SetLookup(ctx context.Context, key string, r terminology.LookupResult) {
	c.local.SetLookup(ctx, key, r)
	c.set(ctx, key, r)
}

// GetVersions implements terminology.Cache.
func (c *Cache) GetVersions(ctx context.Context, key string) ([]terminology.CodeSystemVersion, bool) {
	if v, ok := c.local.GetVersions(ctx, key); ok {
		return v, true
	}
	var v []terminology.CodeSystemVersion
	if c.get(ctx, key, &v) {
		c.local.SetVersions(ctx, key, v)
		return v, true
	}
	return nil, false
}

// SetVersions implements terminology.Cache.
func (c *Cache) SetVersions(ctx context.Context, key string, v []terminology.CodeSystemVersion) {
	c.local.SetVersions(ctx, key, v)
	c.set(ctx, key, v)
}

type event struct {
	Replica   string `json:"replica"`
	CatalogID string `json:"catalogId"`
}

// ReleaseChanged drops the local tier and tells every replica to do the same.
func (c *Cache) ReleaseChanged(ctx context.Context, catalogID string) {
	c.local.Purge()
	if !c.up() {
		return
	}
	b, _ := json.Marshal(event{Replica: c.replica, CatalogID: catalogID})
	ctx, span := tracer.Start(ctx, "redis.publish")
	defer span.End()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.cfg.Timeout)
	defer cancel()
	if err := c.cfg.Client.Publish(ctx, c.cfg.Channel, b).Err(); err != nil {
		span.SetStatus(codes.Error, err.Error())
		c.failed(ctx, "publish", err)
	}
}

// listen purges the local tier on every release event. go-redis resubscribes
// by itself after a connection loss.
func (c *Cache) listen(ctx context.Context) {
	defer c.wg.Done()
	ps := c.cfg.Client.Subscribe(ctx, c.cfg.Channel)
	defer ps.Close()
	ch := ps.Channel(redis.WithChannelHealthCheckInterval(5 * time.Second))
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			var ev event
			if json.Unmarshal([]byte(msg.Payload), &ev) != nil {
				continue
			}
			c.events.Add(1)
			if ev.Replica != c.replica {
				c.local.Purge()
				c.cfg.Logger.InfoContext(ctx, "terminology release changed on a peer; local cache dropped", "catalog", ev.CatalogID)
			}
		}
	}
}

// randomID names this replica so it can ignore its own events.
func randomID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
