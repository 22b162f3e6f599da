package adapter

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
	"im1fhir/source"
	"im1fhir/terminology"
)

// Config configures the adapter. Zero values get the defaults noted.
type Config struct {
	Source source.Source
	// ASID is this provider's Spine ASID; Ssp-To must equal it.
	ASID string
	// SoftwareName and SoftwareVersion go into every CapabilityStatement.
	SoftwareName, SoftwareVersion string
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// Metrics serves GET /metrics (Prometheus text); nil answers 404.
	Metrics http.Handler
	// Now defaults to time.Now; tests pin it to check JWT expiry.
	Now func() time.Time
	// MaxBodyBytes bounds request bodies (default 1 MiB).
	MaxBodyBytes int64
	// Terminology answers version discovery and stamps code versions; nil
	// means codes go out without versions and CodeSystem search answers 503.
	Terminology terminology.Client
}

// GP Connect specification releases implemented, per root.
const (
	specFoundations = "1.2.7"
	specStructured  = "1.6.2"
)

// Server is the adapter's HTTP handler.
type Server struct {
	cfg      Config
	echo     *echo.Echo
	handler  http.Handler
	renderer *gpconnect.Renderer
	rendered *renderCache
	outcomes *lru.Cache[string, []byte]
	versions *codeVersions
	// envelope is the empty searchset Bundle, rendered once.
	envelopeOnce sync.Once
	envelope     []byte
	envelopeErr  error
	jwt          *jwtChecker
	routed       map[conformance.Root][]*conformance.Interaction
	// capabilities holds each root's rendered CapabilityStatement.
	capabilities map[conformance.Root]*capabilityCache
	started      time.Time
}

// New builds the server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	r, err := gpconnect.NewRenderer()
	if err != nil {
		return nil, err
	}
	jc, err := newJWTChecker(cfg.Now)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, echo: echo.New(), renderer: r, rendered: newRenderCache(), jwt: jc,
		routed:       map[conformance.Root][]*conformance.Interaction{},
		capabilities: map[conformance.Root]*capabilityCache{conformance.RootFoundations: {}, conformance.RootStructured: {}},
		started:      cfg.Now()}
	e := s.echo
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.Use(noStore, s.observe, s.recoverPanics, middleware.BodyLimit(formatBytes(cfg.MaxBodyBytes)))
	e.GET("/healthz", s.handleHealthz)
	e.GET("/readyz", s.handleReadyz)
	e.GET("/metrics", s.handleMetrics)
	s.versions = newCodeVersions(cfg.Terminology, cfg.Logger, cfg.Now)
	if s.outcomes, err = lru.New[string, []byte](1024); err != nil {
		return nil, err
	}
	s.registerGPConnect()
	// gzip (GP Connect: Accept-Encoding gzip must be honoured) wraps Echo
	// with klauspost's gzhttp: under load Echo's own middleware spent a
	// quarter of all CPU resetting compress/flate state per request.
	gz, err := gzhttp.NewWrapper(gzhttp.MinSize(1024), gzhttp.CompressionLevel(gzip.BestSpeed))
	if err != nil {
		return nil, err
	}
	// otelhttp starts the server span; s.observe names it by route.
	s.handler = otelhttp.NewHandler(gz(e), "im1fhir")
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// HTTPServer returns an http.Server with bounded headers and timeouts,
// serving s on addr.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

func (s *Server) handleHealthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "up"})
}

func (s *Server) handleReadyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Source.Ready(ctx); err != nil {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "not ready", "reason": err.Error()})
	}
	return c.JSON(http.StatusOK, map[string]any{"status": "ready", "practices": s.cfg.Source.Practices()})
}

func (s *Server) handleMetrics(c echo.Context) error {
	if s.cfg.Metrics == nil {
		return echo.ErrNotFound
	}
	s.cfg.Metrics.ServeHTTP(c.Response(), c.Request())
	return nil
}
