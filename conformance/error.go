package conformance

import (
	"errors"
	"fmt"
)

// Error is a GP Connect error: an HTTP status, a Spine code and diagnostics
// for the consumer. Handlers and middleware return it; one writer in the
// adapter turns it into a GPConnect-OperationOutcome-1.
type Error struct {
	Status      int
	Code        SpineCode
	Diagnostics string
	// Cause is logged, never shown to the consumer.
	Cause error
	// Header holds response headers the error needs (Allow, Retry-After).
	Header map[string]string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Diagnostics)
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Cause }

// Errorf builds an Error with the code's usual status.
func Errorf(code SpineCode, format string, args ...any) *Error {
	return &Error{Status: code.Status(), Code: code, Diagnostics: fmt.Sprintf(format, args...)}
}

// WithStatus overrides the status where GP Connect pairs a code with a
// different one (an invalid JWT claim resource is 422 with INVALID_RESOURCE;
// a missing identifier part is 422 INVALID_PARAMETER).
func (e *Error) WithStatus(status int) *Error { e.Status = status; return e }

// WithCause attaches an internal cause for the log.
func (e *Error) WithCause(err error) *Error { e.Cause = err; return e }

// WithHeader adds a response header to send with the error.
func (e *Error) WithHeader(k, v string) *Error {
	if e.Header == nil {
		e.Header = map[string]string{}
	}
	e.Header[k] = v
	return e
}

// As finds an *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
