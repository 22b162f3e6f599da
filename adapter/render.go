package adapter

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("im1fhir/adapter")

const contentTypeFHIRJSON = mimeFHIRJSON + ";charset=utf-8"

// writeRead writes the resource built from record (in context) for a read,
// with its ETag, through the render cache.
func (s *Server) writeRead(c echo.Context, record, context any, build func() sealed) error {
	r, err := s.renderFrom(c.Request().Context(), record, context, build)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, r.body, r.vid)
}

// writeSearchset writes a searchset Bundle of already rendered entries.
func (s *Server) writeSearchset(c echo.Context, entries ...rendered) error {
	b, err := s.searchsetJSON(entries...)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, b, "")
}

// writeSearchResult writes a searchset with the one resource built from
// record, or an empty searchset when record is nil.
func (s *Server) writeSearchResult(c echo.Context, record, context any, build func() sealed) error {
	if record == nil {
		return s.writeSearchset(c)
	}
	r, err := s.renderFrom(c.Request().Context(), record, context, build)
	if err != nil {
		return err
	}
	return s.writeSearchset(c, r)
}

func writeJSON(c echo.Context, status int, body []byte, versionID string) error {
	if versionID != "" {
		c.Response().Header().Set("ETag", `W/"`+versionID+`"`)
	}
	return c.Blob(status, contentTypeFHIRJSON, body)
}

// span starts a child span for one stage of a request.
func span(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}
