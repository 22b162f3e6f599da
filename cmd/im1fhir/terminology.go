package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"

	"im1fhir"
	"im1fhir/internal/telemetry"
	"im1fhir/terminology"
	"im1fhir/terminology/fhirapi"
	"im1fhir/terminology/rediscache"
)

const terminologySummary = `Runs the terminology sidecar: SNOMED CT editions (RF2), dm+d weekly releases
and retired legacy schemes (Read v2, CTV3, EMIS local codes), served as FHIR at
/fhir (R4 by default; Accept "application/fhir+json; fhirVersion=3.0" for STU3):
  GET      /fhir/metadata[?mode=terminology]   CapabilityStatement / TerminologyCapabilities
  GET      /fhir/CodeSystem?url=&version=      one CodeSystem per loaded version
  GET|POST /fhir/CodeSystem/$lookup, /fhir/CodeSystem/$validate-code, /fhir/ValueSet/$validate-code
  GET      /releases                           the version registry as JSON
  POST     /admin/releases?name={zip}          load a release zip (body) and switch to it
  GET      /healthz, /readyz, /metrics
Every request is answered from one resolved release version; a new release
switches atomically and older versions stay loaded for pinned look-ups.
Each flag's default comes from the environment variable named beside it.`

// terminologyConfig is the effective configuration of `im1fhir terminology`.
type terminologyConfig struct {
	Addr          string
	ReleaseDir    string
	RedisURL      string
	WatchDir      string
	WatchInterval time.Duration
	AdminToken    string
	OTLPEndpoint  string
	LogLevel      string
}

func parseTerminologyFlags(args []string, stderr io.Writer) (terminologyConfig, error) {
	var c terminologyConfig
	fs := newFlagSet("terminology", terminologySummary, stderr)
	fs.StringVar(&c.Addr, "addr", envString("IM1FHIR_TERMINOLOGY_ADDR", "127.0.0.1:8081"), "listen address (IM1FHIR_TERMINOLOGY_ADDR)")
	fs.StringVar(&c.ReleaseDir, "release-dir", envString("IM1FHIR_RELEASE_DIR", ""),
		"folder of releases to load at start: RF2 folders or zips (uk_sct2*.zip, SnomedCT_*), dm+d zips or folders\n"+
			"(nhsbsa_dmd_*.zip), legacy_{readv2,ctv3,emis}_YYYYMMDD.txt lists; empty = the fixture releases\n"+
			"embedded in the binary (IM1FHIR_RELEASE_DIR)")
	fs.StringVar(&c.RedisURL, "redis-url", envString("REDIS_URL", ""),
		"Redis for the shared look-up cache and release events, e.g. redis://redis:6379/0; empty = in-process\n"+
			"cache only. If Redis goes away requests are served from memory (REDIS_URL)")
	fs.StringVar(&c.WatchDir, "watch", envString("IM1FHIR_TERMINOLOGY_WATCH", ""),
		"folder polled for new releases, each loaded and switched to once its size is stable; empty = no\n"+
			"watching (IM1FHIR_TERMINOLOGY_WATCH)")
	fs.DurationVar(&c.WatchInterval, "watch-interval", 10*time.Second, "poll interval for --watch")
	fs.StringVar(&c.AdminToken, "admin-token", envString("IM1FHIR_TERMINOLOGY_ADMIN_TOKEN", ""),
		"bearer token required by /admin endpoints; empty = /admin open to loopback clients only\n"+
			"(IM1FHIR_TERMINOLOGY_ADMIN_TOKEN)")
	fs.StringVar(&c.OTLPEndpoint, "otlp-endpoint", envString("OTEL_EXPORTER_OTLP_ENDPOINT", ""),
		"OTLP/HTTP endpoint for traces; empty = spans not exported (OTEL_EXPORTER_OTLP_ENDPOINT)")
	fs.StringVar(&c.LogLevel, "log-level", envString("IM1FHIR_LOG_LEVEL", "info"), "debug, info, warn or error (IM1FHIR_LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return c, fmt.Errorf("terminology: unexpected arguments %q", fs.Args())
	}
	if c.WatchInterval <= 0 {
		return c, fmt.Errorf("terminology: --watch-interval must be positive")
	}
	return c, nil
}

func terminologyMain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseTerminologyFlags(args, stderr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("terminology: %w", err)
	}
	return runTerminology(ctx, cfg, ln, stderr)
}

// runTerminology serves on ln until ctx is cancelled. Tests call it with a
// 127.0.0.1:0 listener.
func runTerminology(ctx context.Context, cfg terminologyConfig, ln net.Listener, logOut io.Writer) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return fmt.Errorf("terminology: --log-level: %w", err)
	}
	logger := telemetry.NewLogger(logOut, level)
	tel, err := telemetry.Setup(ctx, telemetry.Config{ServiceName: "im1fhir-terminology", ServiceVersion: version, OTLPEndpoint: cfg.OTLPEndpoint})
	if err != nil {
		return fmt.Errorf("terminology: telemetry: %w", err)
	}
	defer shutdownWithin(tel.Shutdown, 5*time.Second)

	var cache terminology.Cache = terminology.NewMemoryCache(0)
	if cfg.RedisURL != "" {
		opt, err := redis.ParseURL(cfg.RedisURL)
		if err != nil {
			return fmt.Errorf("terminology: --redis-url: %w", err)
		}
		// go-redis logs pool errors in plain text; route them into our JSON log.
		redis.SetLogger(redisLog{logger})
		rc := redis.NewClient(opt)
		defer rc.Close()
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		if err := rc.Ping(pctx).Err(); err != nil {
			// Not fatal: Redis is an optimisation; the cache retries it later.
			logger.Warn("redis not reachable at start; serving from memory until it is", slog.String("error", err.Error()))
		}
		cancel()
		rcache := rediscache.New(rediscache.Config{Client: rc, Logger: logger})
		defer rcache.Close()
		cache = rcache
	}
	svc := terminology.NewService(terminology.Config{Cache: cache, Logger: logger})
	var releases fs.FS = im1fhir.TerminologyFS()
	if cfg.ReleaseDir != "" {
		releases = os.DirFS(cfg.ReleaseDir)
	}
	loaded, err := svc.LoadDir(ctx, releases)
	if err != nil {
		return fmt.Errorf("terminology: loading releases from %s: %w", orEmbedded(cfg.ReleaseDir), err)
	}
	if cfg.WatchDir != "" {
		go svc.Watch(ctx, cfg.WatchDir, cfg.WatchInterval)
	}
	api := fhirapi.NewServer(fhirapi.Config{Service: svc, Logger: logger, Version: version,
		AdminToken: cfg.AdminToken, Metrics: tel.Metrics})
	hs := &http.Server{Addr: ln.Addr().String(), Handler: api.Handler(),
		ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	logger.Info("terminology sidecar serving", slog.String("addr", ln.Addr().String()),
		slog.String("release_dir", orEmbedded(cfg.ReleaseDir)), slog.Int("versions", len(loaded)),
		slog.Bool("redis", cfg.RedisURL != ""), slog.String("watch", cfg.WatchDir),
		slog.Bool("admin_token", cfg.AdminToken != ""), slog.Bool("otlp_export", cfg.OTLPEndpoint != ""),
		slog.String("version", version))
	return serveUntilDone(ctx, hs, ln, logger)
}

// redisLog adapts go-redis's internal logger to slog (debug: the cache
// already warns once per outage).
type redisLog struct{ l *slog.Logger }

func (r redisLog) Printf(ctx context.Context, format string, v ...any) {
	r.l.DebugContext(ctx, "redis: "+fmt.Sprintf(format, v...))
}
