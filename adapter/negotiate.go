package adapter

import (
	"mime"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
)

// Response formats. XML is a SHOULD in GP Connect and not served yet: a
// request for it gets a clear 415 rather than JSON it did not ask for.
const (
	mimeFHIRJSON = "application/fhir+json"
	mimeFHIRXML  = "application/fhir+xml"
)

type format int

const (
	formatUnknown format = iota
	formatJSON
	formatXML
	formatAny
)

// classify maps a mime type or _format value to a format.
func classify(v string) format {
	switch v { // the common exact values, without parsing
	case mimeFHIRJSON, "application/json", mimeFHIRJSON + ";charset=utf-8", mimeFHIRJSON + "; charset=utf-8":
		return formatJSON
	}
	mt := strings.ToLower(strings.TrimSpace(v))
	if parsed, _, err := mime.ParseMediaType(mt); err == nil {
		mt = parsed
	}
	switch mt {
	case "json", mimeFHIRJSON, "application/json", "application/json+fhir", "text/json":
		return formatJSON
	case "xml", mimeFHIRXML, "application/xml", "application/xml+fhir", "text/xml":
		return formatXML
	case "*/*", "application/*", "":
		return formatAny
	}
	return formatUnknown
}

// negotiate picks the response format (gpconnect.md §1.2): _format beats
// Accept; without either, Content-Type; otherwise JSON.
func (s *Server) negotiate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		f, asked := requestedFormat(c)
		switch f {
		case formatJSON, formatAny:
			return next(c)
		case formatXML:
			return conformance.Errorf(conformance.UnsupportedMediaType, "%s is not served yet; ask for %s", mimeFHIRXML, mimeFHIRJSON)
		}
		return conformance.Errorf(conformance.UnsupportedMediaType, "unsupported format %q; this provider serves %s", asked, mimeFHIRJSON)
	}
}

func requestedFormat(c echo.Context) (format, string) {
	if raw := c.Request().URL.RawQuery; strings.Contains(raw, "_format") {
		q, _ := url.ParseQuery(raw)
		if v, ok := q["_format"]; ok {
			return classify(v[0]), v[0]
		}
	}
	if accept := c.Request().Header.Get(echo.HeaderAccept); accept != "" {
		return fromAccept(accept), accept
	}
	if ct := c.Request().Header.Get(echo.HeaderContentType); ct != "" {
		return classify(ct), ct
	}
	return formatJSON, ""
}

// fromAccept takes the first acceptable type of an Accept list: JSON when
// any entry allows it, else XML when asked, else unknown.
func fromAccept(accept string) format {
	best := formatUnknown
	for _, part := range strings.Split(accept, ",") {
		switch classify(part) {
		case formatJSON, formatAny:
			return formatJSON
		case formatXML:
			best = formatXML
		}
	}
	return best
}
