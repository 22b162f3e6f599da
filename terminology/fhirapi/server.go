package fhirapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"im1fhir/terminology"
)

// Config configures a Server.
type Config struct {
	Service    *terminology.Service
	Logger     *slog.Logger // nil = slog.Default()
	Version    string       // software version reported in metadata
	AdminToken string       // bearer token for /admin; "" = loopback clients only
	MaxUpload  int64        // bytes; 0 = 2 GiB
	StartedAt  time.Time    // metadata date; zero = now
	Metrics    http.Handler // served at GET /metrics when set (Prometheus text)
}

// Server is the sidecar's HTTP face.
type Server struct {
	cfg      Config
	echo     *echo.Echo
	log      *slog.Logger
	rendered *rendered
}

// NewServer builds the routes.
func NewServer(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.MaxUpload == 0 {
		cfg.MaxUpload = 2 << 30
	}
	if cfg.StartedAt.IsZero() {
		cfg.StartedAt = time.Now().UTC()
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{cfg: cfg, echo: e, log: cfg.Logger, rendered: newRendered(50_000)}
	e.HTTPErrorHandler = s.handleError
	e.Use(s.routeSpan, s.noStore)

	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })
	e.GET("/readyz", s.handleReady)
	e.GET("/releases", s.handleReleases)
	if cfg.Metrics != nil {
		e.GET("/metrics", echo.WrapHandler(cfg.Metrics))
	}
	e.GET("/admin/releases", s.handleReleases, s.adminOnly)
	e.POST("/admin/releases", s.handleReleaseUpload, s.adminOnly)

	f := e.Group("/fhir")
	f.GET("/metadata", s.handleMetadata)
	f.GET("/CodeSystem", s.handleCodeSystemSearch)
	f.GET("/CodeSystem/$lookup", s.handleLookup)
	f.POST("/CodeSystem/$lookup", s.handleLookup)
	f.GET("/CodeSystem/$validate-code", s.handleValidateCode(false))
	f.POST("/CodeSystem/$validate-code", s.handleValidateCode(false))
	f.GET("/ValueSet/$validate-code", s.handleValidateCode(true))
	f.POST("/ValueSet/$validate-code", s.handleValidateCode(true))
	f.GET("/CodeSystem/:id", s.handleCodeSystemRead)
	return s
}

// Handler is the server wrapped in OpenTelemetry HTTP instrumentation.
func (s *Server) Handler() http.Handler { return otelhttp.NewHandler(s.echo, "terminology") }

// routeSpan names the server span after the route (the echo contrib
// module is deprecated upstream; this is its replacement).
func (s *Server) routeSpan(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		span := trace.SpanFromContext(c.Request().Context())
		span.SetName(c.Request().Method + " " + c.Path())
		span.SetAttributes(attribute.String("http.route", c.Path()))
		return err
	}
}

func (s *Server) noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

// handleError renders every error as an OperationOutcome; 5xx are logged
// with their cause, which never reaches the client.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg := http.StatusText(he.Code)
		if m, ok := he.Message.(string); ok {
			msg = m
		}
		code := "processing"
		switch he.Code {
		case http.StatusNotFound:
			code = "not-found"
		case http.StatusMethodNotAllowed:
			code = "not-supported"
		case http.StatusRequestEntityTooLarge:
			code = "too-long"
		}
		err = &Error{Status: he.Code, Code: code, Message: msg}
	}
	status, oo := toOutcome(err)
	ctx := c.Request().Context()
	traceID := trace.SpanContextFromContext(ctx).TraceID().String()
	if status >= 500 {
		s.log.ErrorContext(ctx, "terminology request failed", "path", c.Path(), "status", status, "error", err.Error(), "trace_id", traceID)
	}
	s.writeJSON(c, status, negotiate(c.Request().Header.Get("Accept")), oo)
}

func (s *Server) writeJSON(c echo.Context, status int, v fhirVersion, body any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	return c.Blob(status, contentType(v), b)
}

func (s *Server) handleReady(c echo.Context) error {
	vs, _ := s.cfg.Service.Versions(c.Request().Context(), "")
	if len(vs) == 0 {
		return c.String(http.StatusServiceUnavailable, "no releases loaded\n")
	}
	return c.String(http.StatusOK, "ready\n")
}

// handleLookup serves GET|POST /fhir/CodeSystem/$lookup.
func (s *Server) handleLookup(c echo.Context) error {
	p, err := s.opParams(c)
	if err != nil {
		return err
	}
	req, err := parseLookup(p, c.Request().Header.Get("Accept-Language"))
	if err != nil {
		return err
	}
	fv := negotiate(c.Request().Header.Get("Accept"))
	// Only the common shape (all properties) is kept rendered.
	key := ""
	if req.Properties == nil {
		if v, err := s.cfg.Service.Resolve(req.System, req.Version); err == nil {
			key = s.cfg.Service.CatalogID() + "\x00" + fv.String() + "\x00" +
				terminology.LookupKey(v.System, v.Version, req.Code, req.DisplayLanguage)
			if b, ok := s.rendered.get(key); ok {
				return c.Blob(http.StatusOK, contentType(fv), b)
			}
		}
	}
	res, err := s.cfg.Service.Lookup(c.Request().Context(), req)
	if err != nil {
		return err
	}
	b, err := json.Marshal(lookupParameters(res, fv))
	if err != nil {
		return err
	}
	if key != "" {
		s.rendered.put(key, b)
	}
	return c.Blob(http.StatusOK, contentType(fv), b)
}

// handleValidateCode serves GET|POST {CodeSystem|ValueSet}/$validate-code.
func (s *Server) handleValidateCode(valueSet bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		p, err := s.opParams(c)
		if err != nil {
			return err
		}
		req, err := parseValidate(p, valueSet)
		if err != nil {
			return err
		}
		res, err := s.cfg.Service.ValidateCode(c.Request().Context(), req)
		if err != nil {
			return err
		}
		return s.writeJSON(c, http.StatusOK, negotiate(c.Request().Header.Get("Accept")), validateParameters(res))
	}
}

// maxParamsBody bounds a Parameters body: operations here take a handful of values.
const maxParamsBody = 1 << 20

func (s *Server) opParams(c echo.Context) (opParams, error) {
	r := c.Request()
	if r.Method == http.MethodGet {
		return paramsFromQuery(r.URL.Query())
	}
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		r.Body = http.MaxBytesReader(c.Response(), r.Body, maxParamsBody)
		if err := r.ParseForm(); err != nil {
			return opParams{}, badRequest("form body: %v", err)
		}
		return paramsFromQuery(r.PostForm)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxParamsBody+1))
	if err != nil {
		return opParams{}, badRequest("reading body: %v", err)
	}
	if len(body) > maxParamsBody {
		return opParams{}, &Error{Status: http.StatusRequestEntityTooLarge, Code: "too-long", Message: "Parameters body too large"}
	}
	return paramsFromBody(body)
}

// adminOnly admits a bearer token when one is configured, else only
// loopback clients: loading releases changes what every consumer sees.
func (s *Server) adminOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.cfg.AdminToken != "" {
			if c.Request().Header.Get("Authorization") != "Bearer "+s.cfg.AdminToken {
				return &Error{Status: http.StatusUnauthorized, Code: "security", Message: "admin token required"}
			}
			return next(c)
		}
		host, _, err := net.SplitHostPort(c.Request().RemoteAddr)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
			return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: "admin endpoints are open to loopback clients only unless an admin token is set"}
		}
		return next(c)
	}
}

func (s *Server) handleReleases(c echo.Context) error {
	vs, err := s.cfg.Service.Versions(c.Request().Context(), c.QueryParam("system"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"catalog": s.cfg.Service.CatalogID(), "versions": vs})
}

// handleReleaseUpload loads a release zip from the request body. The name
// parameter carries the release identity (dm+d versions live only in it).
func (s *Server) handleReleaseUpload(c echo.Context) error {
	name := c.QueryParam("name")
	if name == "" || strings.ContainsAny(name, `/\`) || !strings.HasSuffix(strings.ToLower(name), ".zip") {
		return badRequest("name must be the release zip's file name, e.g. uk_sct2mo_41.6.0_20260311000001Z.zip")
	}
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, s.cfg.MaxUpload+1))
	if err != nil {
		return badRequest("reading upload: %v", err)
	}
	if int64(len(body)) > s.cfg.MaxUpload {
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too-long", Message: "release larger than the upload limit"}
	}
	ctx := context.WithoutCancel(c.Request().Context()) // a switch must not be half-abandoned
	vs, err := s.cfg.Service.LoadZip(ctx, body, name)
	if err != nil {
		if errors.Is(err, terminology.ErrInvalid) {
			return err
		}
		s.log.WarnContext(ctx, "release upload rejected", "name", name, "error", err.Error())
		return badRequest("release %s could not be loaded: %v", name, err)
	}
	return c.JSON(http.StatusCreated, map[string]any{"catalog": s.cfg.Service.CatalogID(), "loaded": vs})
}
