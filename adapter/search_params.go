package adapter

import (
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
)

// queryParams parses the raw query strictly: a malformed query is a bad
// request, not an empty one (Echo's QueryParams drops what it cannot parse).
func queryParams(c echo.Context) (url.Values, error) {
	q, err := url.ParseQuery(c.Request().URL.RawQuery)
	if err != nil {
		return nil, conformance.Errorf(conformance.BadRequest, "query string is malformed: %v", err)
	}
	return q, nil
}

// identifierParam reads the one token search parameter `identifier`
// (system|value) and checks its system, with the error codes the GP Connect
// demonstrator and assurance suite use (gpconnect.md §4.1, §9.10):
// missing, repeated or mis-cased → 400 BAD_REQUEST; no '|' or a blank part →
// 422 INVALID_PARAMETER; another system → 400 INVALID_IDENTIFIER_SYSTEM.
// Other parameters are ignored.
func identifierParam(c echo.Context, wantSystem string) (string, error) {
	q, err := queryParams(c)
	if err != nil {
		return "", err
	}
	vals, ok := q["identifier"]
	switch {
	case !ok:
		return "", conformance.Errorf(conformance.BadRequest, "search parameter 'identifier' is required")
	case len(vals) > 1:
		return "", conformance.Errorf(conformance.BadRequest, "search parameter 'identifier' given %d times; give it once", len(vals))
	}
	system, value, found := strings.Cut(vals[0], "|")
	if !found || strings.TrimSpace(system) == "" || strings.TrimSpace(value) == "" {
		return "", conformance.Errorf(conformance.InvalidParameter, "identifier must be %s|{value}", wantSystem)
	}
	if system != wantSystem {
		return "", conformance.Errorf(conformance.InvalidIdentifierSystem, "identifier system %q is not supported here; use %s", system, wantSystem)
	}
	return value, nil
}

// validID reports whether s is a FHIR logical id: 1–64 of [A-Za-z0-9-.].
func validID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
