package adapter

import (
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// noStore sets Cache-Control: no-store before anything else can answer, so
// that every response — success, error, 404 from the router — carries it.
func noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
		return next(c)
	}
}

// observe names the server span by route, tags it, and writes one log line
// per request. The line holds no patient identifiers: the route pattern, not
// the raw path, and never the query string.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err) // renders the OperationOutcome now, so status is final below
		}
		req := c.Request()
		span := trace.SpanFromContext(req.Context())
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		span.SetName(req.Method + " " + route)
		attrs := []attribute.KeyValue{attribute.String("http.route", route)}
		rc := requestInfoFrom(c)
		if rc.interaction != nil {
			attrs = append(attrs, attribute.String("gpconnect.interaction", rc.interaction.ID))
		}
		if rc.consumer != "" {
			attrs = append(attrs, attribute.String("gpconnect.consumer_asid", rc.consumer))
		}
		if ods := c.Param("ods"); ods != "" {
			attrs = append(attrs, attribute.String("gpconnect.practice", ods))
		}
		span.SetAttributes(attrs...)
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		s.cfg.Logger.LogAttrs(req.Context(), level, "request",
			slog.String("method", req.Method), slog.String("route", route),
			slog.Int("status", status), slog.Duration("duration", time.Since(start)),
			slog.String("interaction", rc.interactionID()), slog.String("consumer_asid", rc.consumer),
			slog.String("practice", c.Param("ods")), slog.String("trace_id", traceID(c)))
		return nil
	}
}

// recoverPanics turns a panic into a 500 OperationOutcome and logs the stack;
// the connection is never dropped.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				s.cfg.Logger.ErrorContext(c.Request().Context(), "panic", slog.Any("panic", r),
					slog.String("stack", string(debug.Stack())), slog.String("trace_id", traceID(c)))
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

func traceID(c echo.Context) string {
	sc := trace.SpanContextFromContext(c.Request().Context())
	if !sc.HasTraceID() {
		return ""
	}
	return sc.TraceID().String()
}

func formatBytes(n int64) string { return strconv.FormatInt(n, 10) + "B" }
