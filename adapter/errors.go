package adapter

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
)

// handleError is Echo's error handler and the one place an error becomes a
// GPConnect-OperationOutcome-1. Consumers never see internal detail: a 5xx
// carries the trace id to quote, the cause goes to the log.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	ge := s.toGPConnect(err, c)
	if ge.Status >= 500 {
		s.cfg.Logger.ErrorContext(c.Request().Context(), "internal error", slog.String("error", err.Error()),
			slog.String("trace_id", traceID(c)))
	}
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "no-store")
	for k, v := range ge.Header {
		h.Set(k, v)
	}
	body, err := s.outcomeJSON(ge)
	if err == nil {
		err = writeJSON(c, ge.Status, body, "")
	}
	if err != nil {
		s.cfg.Logger.ErrorContext(c.Request().Context(), "writing OperationOutcome", slog.String("error", err.Error()))
	}
}

// outcomeJSON renders the OperationOutcome for an error, cached by code and
// diagnostics: a client repeating a bad request must not cost a full FHIR
// marshal (~30 µs) each time, or errors would be cheaper to send than to
// answer.
func (s *Server) outcomeJSON(ge *conformance.Error) ([]byte, error) {
	key := string(ge.Code) + "\x00" + ge.Diagnostics
	if b, ok := s.outcomes.Get(key); ok {
		return b, nil
	}
	b, err := s.renderer.JSON(gpconnect.OperationOutcome(gpconnect.Issue{
		Severity:     "error",
		Code:         ge.Code.IssueType(),
		SpineCode:    string(ge.Code),
		SpineDisplay: ge.Code.Display(),
		Diagnostics:  ge.Diagnostics,
	}))
	if err != nil {
		return nil, err
	}
	s.outcomes.Add(key, b)
	return b, nil
}

// toGPConnect maps any error to a GP Connect error.
func (s *Server) toGPConnect(err error, c echo.Context) *conformance.Error {
	if ge, ok := conformance.As(err); ok {
		return ge
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return fromHTTPError(he, c)
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return conformance.Errorf(conformance.BadRequest, "request body larger than %d bytes", mbe.Limit).WithStatus(http.StatusRequestEntityTooLarge)
	}
	tid := traceID(c)
	return conformance.Errorf(conformance.InternalServerError, "unexpected internal error; quote trace id %s", tid).WithCause(err)
}

func fromHTTPError(he *echo.HTTPError, c echo.Context) *conformance.Error {
	switch he.Code {
	case http.StatusNotFound:
		return conformance.Errorf(conformance.NoRecordFound, "no such resource or operation: %s %s", c.Request().Method, c.Request().URL.Path)
	case http.StatusMethodNotAllowed:
		return conformance.Errorf(conformance.BadRequest, "method %s not allowed here", c.Request().Method).WithStatus(http.StatusMethodNotAllowed)
	case http.StatusRequestEntityTooLarge:
		return conformance.Errorf(conformance.BadRequest, "request body too large").WithStatus(http.StatusRequestEntityTooLarge)
	case http.StatusUnsupportedMediaType:
		return conformance.Errorf(conformance.UnsupportedMediaType, "%v", he.Message)
	}
	if he.Code >= 400 && he.Code < 500 {
		return conformance.Errorf(conformance.BadRequest, "%v", he.Message).WithStatus(he.Code)
	}
	return conformance.Errorf(conformance.InternalServerError, "unexpected internal error; quote trace id %s", traceID(c)).WithCause(fmt.Errorf("%v", he.Message))
}
