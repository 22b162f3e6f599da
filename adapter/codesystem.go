package adapter

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
	"im1fhir/terminology"
)

// handleCodeSystemSearch serves GET [base]/CodeSystem?url=...[&version=...]:
// the coding-scheme versions in use, from the terminology service, as STU3
// CodeSystems with content not-present (an im1fhir extension interaction).
func (s *Server) handleCodeSystemSearch(c echo.Context) error {
	q, err := queryParams(c)
	if err != nil {
		return err
	}
	list, _, err := s.versions.current(c.Request().Context())
	if err != nil {
		return conformance.Errorf(conformance.InternalServerError, "the terminology service is unavailable; try again shortly").
			WithStatus(http.StatusServiceUnavailable).WithHeader("Retry-After", "30")
	}
	system, version := q.Get("url"), q.Get("version")
	var out []rendered
	for i := range list {
		v := &list[i]
		if (system == "" || v.System == system) && (version == "" || v.Version == version || v.EffectiveDate == version) {
			r, err := s.renderFrom(c.Request().Context(), v, nil, func() sealed { return gpconnect.CodeSystem(codeSystemInfo(*v)) })
			if err != nil {
				return err
			}
			out = append(out, r)
		}
	}
	return s.writeSearchset(c, out...)
}

func codeSystemInfo(v terminology.CodeSystemVersion) gpconnect.CodeSystemVersion {
	date, _ := time.Parse("20060102", v.EffectiveDate)
	title := v.Title
	if title == "" {
		title = v.EditionName
	}
	return gpconnect.CodeSystemVersion{ID: codeSystemID(v), URL: v.System, Version: v.Version, Name: v.Name,
		Title: title, Status: v.Status, Date: date, Default: v.IsDefault}
}

// codeSystemID makes a FHIR id from the system and version, e.g.
// sct-83821000000107-20260311 (64 characters at most).
func codeSystemID(v terminology.CodeSystemVersion) string {
	name := map[string]string{terminology.SystemSNOMED: "sct", terminology.SystemDMD: "dmd",
		terminology.SystemReadV2: "readv2", terminology.SystemCTV3: "ctv3", terminology.SystemEMISLocal: "emis"}[v.System]
	if name == "" {
		name = "cs"
	}
	id := name
	if v.Edition != "" {
		id += "-" + v.Edition
	}
	id += "-" + v.EffectiveDate
	b := []byte(id)
	for i, ch := range b {
		if !(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '.') {
			b[i] = '-'
		}
	}
	if len(b) > 64 {
		b = b[:64]
	}
	return string(b)
}
