package adapter

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/protobuf/proto"
)

var tracer = otel.Tracer("im1fhir/adapter")

const contentTypeFHIRJSON = mimeFHIRJSON + ";charset=utf-8"

// writeFHIR renders a freshly built resource as FHIR JSON. The message must
// not be shared with another request: the FHIR marshaller mutates it.
// versionID, when set, becomes the weak ETag.
func (s *Server) writeFHIR(c echo.Context, status int, msg proto.Message, versionID string) error {
	_, span := tracer.Start(c.Request().Context(), "render")
	b, err := s.renderer.JSON(msg)
	span.End()
	if err != nil {
		return err
	}
	return writeJSON(c, status, b, versionID)
}

// writeResource writes a sealed resource through the render cache, with its ETag.
func (s *Server) writeResource(c echo.Context, r sealed) error {
	b, vid, err := s.resourceJSON(c.Request().Context(), r)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, b, vid)
}

// writeSearchset writes a searchset Bundle of sealed resources.
func (s *Server) writeSearchset(c echo.Context, resources ...sealed) error {
	b, err := s.searchsetJSON(c.Request().Context(), resources...)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, b, "")
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

// mapped runs one record → FHIR mapping inside a "mapping" span.
func mapped[T, C any, R sealed](ctx context.Context, v T, ctxArg C, build func(T, C) R) R {
	_, sp := span(ctx, "mapping")
	defer sp.End()
	return build(v, ctxArg)
}
