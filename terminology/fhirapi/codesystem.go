package fhirapi

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"im1fhir/terminology"
)

// codeSystemID names one loaded version as a resource id, e.g.
// sct-83821000000107-20260311, dmd-20210906, readv2-20160401.
func codeSystemID(v terminology.CodeSystemVersion) string {
	prefix := map[string]string{
		terminology.SystemSNOMED: "sct", terminology.SystemDMD: "dmd", terminology.SystemReadV2: "readv2",
		terminology.SystemCTV3: "ctv3", terminology.SystemEMISLocal: "emis",
	}[v.System]
	if prefix == "" {
		prefix = "cs"
	}
	if v.Edition != "" {
		return prefix + "-" + v.Edition + "-" + v.EffectiveDate
	}
	return prefix + "-" + v.EffectiveDate
}

func codeSystemResource(v terminology.CodeSystemVersion, fv fhirVersion) map[string]any {
	status := "active"
	if v.Status == "retired" {
		status = "retired"
	}
	r := map[string]any{
		"resourceType":  "CodeSystem",
		"id":            codeSystemID(v),
		"url":           v.System,
		"version":       v.Version,
		"name":          compact(nonEmpty(v.EditionName, v.Name)),
		"title":         v.Title,
		"status":        status,
		"date":          dashed(v.EffectiveDate),
		"publisher":     publisher(v.System),
		"content":       "not-present",
		"caseSensitive": true,
		"count":         v.Concepts,
	}
	if v.ReleaseID != "" {
		id := map[string]any{"system": "urn:im1fhir:release-id", "value": v.ReleaseID}
		if fv == stu3 {
			r["identifier"] = id // 0..1 in STU3
		} else {
			r["identifier"] = []any{id}
		}
	}
	return r
}

func publisher(system string) string {
	switch system {
	case terminology.SystemSNOMED:
		return "SNOMED International / NHS England"
	case terminology.SystemDMD:
		return "NHS Business Services Authority"
	}
	return "NHS England (retired scheme)"
}

// mandatory elements kept whatever _elements says, so the result still parses.
var mandatory = map[string]bool{"resourceType": true, "id": true, "meta": true, "status": true, "content": true}

func subset(r map[string]any, elements []string, v fhirVersion) map[string]any {
	if len(elements) == 0 {
		return r
	}
	keep := map[string]bool{}
	for _, e := range elements {
		keep[strings.TrimSpace(e)] = true
	}
	out := map[string]any{}
	for k, val := range r {
		if keep[k] || mandatory[k] {
			out[k] = val
		}
	}
	sys := "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"
	if v == stu3 {
		sys = "http://hl7.org/fhir/v3/ObservationValue"
	}
	out["meta"] = map[string]any{"tag": []any{map[string]any{"system": sys, "code": "SUBSETTED", "display": "subsetted"}}}
	return out
}

// handleCodeSystemSearch serves GET /fhir/CodeSystem?url=&version=&_elements=.
func (s *Server) handleCodeSystemSearch(c echo.Context) error {
	ctx := c.Request().Context()
	v := negotiate(c.Request().Header.Get("Accept"))
	q := c.QueryParams()
	var elements []string
	for _, e := range q["_elements"] {
		elements = append(elements, strings.Split(e, ",")...)
	}
	url := q.Get("url")
	all, err := s.cfg.Service.Versions(ctx, "")
	if err != nil {
		return err
	}
	var matched []terminology.CodeSystemVersion
	if url != "" {
		system := url
		version := q.Get("version")
		if strings.HasPrefix(url, terminology.SystemSNOMED+"/") {
			system, version = terminology.SystemSNOMED, url // an edition URI given as url
		}
		if version != "" {
			res, err := s.cfg.Service.Resolve(system, version)
			if err == nil {
				matched = append(matched, res)
			} else if !isUnknown(err) {
				return err
			}
			// An unknown version is an empty search result, not an error.
		} else {
			for _, x := range all {
				if x.System == system {
					matched = append(matched, x)
				}
			}
		}
	} else if ver := q.Get("version"); ver != "" {
		for _, x := range all {
			if x.Version == ver {
				matched = append(matched, x)
			}
		}
	} else {
		matched = all
	}
	base := baseURL(c)
	entries := make([]any, 0, len(matched))
	for _, x := range matched {
		r := subset(codeSystemResource(x, v), elements, v)
		entries = append(entries, map[string]any{
			"fullUrl":  base + "/CodeSystem/" + codeSystemID(x),
			"resource": r,
			"search":   map[string]any{"mode": "match"},
		})
	}
	bundle := map[string]any{
		"resourceType": "Bundle",
		"type":         "searchset",
		"total":        len(entries),
		"link":         []any{map[string]any{"relation": "self", "url": base + "/CodeSystem?" + q.Encode()}},
	}
	if len(entries) > 0 {
		bundle["entry"] = entries
	}
	return s.writeJSON(c, http.StatusOK, v, bundle)
}

func isUnknown(err error) bool {
	_, oo := toOutcome(err)
	return len(oo.Issue) > 0 && (oo.Issue[0].Code == "not-found" || oo.Issue[0].Code == "not-supported")
}

// handleCodeSystemRead serves GET /fhir/CodeSystem/{id}.
func (s *Server) handleCodeSystemRead(c echo.Context) error {
	all, err := s.cfg.Service.Versions(c.Request().Context(), "")
	if err != nil {
		return err
	}
	id := c.Param("id")
	for _, x := range all {
		if codeSystemID(x) == id {
			c.Response().Header().Set("ETag", `W/"`+id+`"`) // one id names one immutable release
			return s.writeJSON(c, http.StatusOK, negotiate(c.Request().Header.Get("Accept")), codeSystemResource(x, negotiate(c.Request().Header.Get("Accept"))))
		}
	}
	return &Error{Status: http.StatusNotFound, Code: "not-found", Message: "CodeSystem/" + id + " is not loaded"}
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
