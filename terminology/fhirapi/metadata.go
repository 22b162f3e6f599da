package fhirapi

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"im1fhir/terminology"
)

// Extensions for what TerminologyCapabilities cannot say natively: a
// retired scheme and its last release. Project-local URNs, not HL7 ones.
const (
	extStatus      = "urn:im1fhir:extension:code-system-status"
	extLastRelease = "urn:im1fhir:extension:code-system-last-release"
	// STU3 has no TerminologyCapabilities; this core extension lists systems.
	extSupportedSystem = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-supported-system"
)

var lookupProperties = []string{"inactive", "parent", "child", "moduleId", "effectiveTime", "sufficientlyDefined", "replacedBy"}

// handleMetadata serves GET /fhir/metadata[?mode=terminology].
func (s *Server) handleMetadata(c echo.Context) error {
	v := negotiate(c.Request().Header.Get("Accept"))
	vs, err := s.cfg.Service.Versions(c.Request().Context(), "")
	if err != nil {
		return err
	}
	base := baseURL(c)
	mode := c.QueryParam("mode")
	switch mode {
	case "", "full", "normative":
		return s.writeJSON(c, http.StatusOK, v, s.capabilityStatement(v, vs, base))
	case "terminology":
		if v == stu3 {
			return &Error{Status: http.StatusBadRequest, Code: "not-supported",
				Message: "STU3 has no TerminologyCapabilities; use GET CodeSystem?url=… or the supported-system extensions in metadata"}
		}
		return s.writeJSON(c, http.StatusOK, v, s.terminologyCapabilities(vs, base))
	}
	return badRequest("mode %q is not supported (use terminology)", mode)
}

func baseURL(c echo.Context) string {
	return c.Scheme() + "://" + c.Request().Host + "/fhir"
}

func (s *Server) date() string { return s.cfg.StartedAt.UTC().Format("2006-01-02T15:04:05Z") }

func (s *Server) capabilityStatement(v fhirVersion, vs []terminology.CodeSystemVersion, base string) map[string]any {
	op := func(name, def string) map[string]any {
		if v == stu3 {
			return map[string]any{"name": name, "definition": map[string]any{"reference": def}}
		}
		return map[string]any{"name": name, "definition": def}
	}
	fhirVer := "4.0.1"
	if v == stu3 {
		fhirVer = "3.0.1"
	}
	csOps := []any{
		op("lookup", "http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup"),
		op("validate-code", "http://hl7.org/fhir/OperationDefinition/CodeSystem-validate-code"),
	}
	vsOps := []any{op("validate-code", "http://hl7.org/fhir/OperationDefinition/ValueSet-validate-code")}
	csRes := map[string]any{
		"type":        "CodeSystem",
		"interaction": []any{map[string]any{"code": "read"}, map[string]any{"code": "search-type"}},
		"searchParam": []any{
			map[string]any{"name": "url", "type": "uri"},
			map[string]any{"name": "version", "type": "token"},
		},
	}
	vsRes := map[string]any{"type": "ValueSet"}
	rest := map[string]any{"mode": "server", "resource": []any{csRes, vsRes}}
	if v == stu3 {
		// STU3 lists operations on rest, not per resource; the names must differ.
		rest["operation"] = []any{
			op("lookup", "http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup"),
			op("validate-code", "http://hl7.org/fhir/OperationDefinition/CodeSystem-validate-code"),
			op("validate-code", "http://hl7.org/fhir/OperationDefinition/ValueSet-validate-code"),
		}
		// STU3 requires an interaction per resource and ValueSet has none
		// here (only the operation above), so it is not listed.
		rest["resource"] = []any{csRes}
	} else {
		csRes["operation"], vsRes["operation"] = csOps, vsOps
	}
	cs := map[string]any{
		"resourceType":   "CapabilityStatement",
		"id":             "im1fhir-terminology",
		"name":           "Im1fhirTerminologySidecar",
		"title":          "im1fhir terminology sidecar",
		"status":         "active",
		"date":           s.date(),
		"publisher":      "im1fhir",
		"kind":           "instance",
		"software":       map[string]any{"name": "im1fhir terminology", "version": s.cfg.Version},
		"implementation": map[string]any{"description": "SNOMED CT and dm+d look-ups by resolved release version", "url": base},
		"fhirVersion":    fhirVer,
		"format":         []string{"application/fhir+json", "json"},
		"rest":           []any{rest},
	}
	if v == stu3 {
		cs["acceptUnknown"] = "no"
		seen := map[string]bool{}
		var exts []any
		for _, x := range vs {
			if !seen[x.System] {
				seen[x.System] = true
				exts = append(exts, map[string]any{"url": extSupportedSystem, "valueUri": x.System})
			}
		}
		cs["extension"] = exts
	} else {
		cs["instantiates"] = []string{"http://hl7.org/fhir/CapabilityStatement/terminology-server"}
	}
	return cs
}

// terminologyCapabilities lists every scheme with every loaded version.
func (s *Server) terminologyCapabilities(vs []terminology.CodeSystemVersion, base string) map[string]any {
	var systems []any
	index := map[string]int{}
	for _, x := range vs {
		i, ok := index[x.System]
		if !ok {
			entry := map[string]any{"uri": x.System, "version": []any{}, "subsumption": false}
			if x.Status == "retired" {
				entry["extension"] = []any{
					map[string]any{"url": extStatus, "valueCode": "retired"},
				}
			}
			systems = append(systems, entry)
			i = len(systems) - 1
			index[x.System] = i
		}
		entry := systems[i].(map[string]any)
		ver := map[string]any{"code": x.Version, "isDefault": x.IsDefault, "language": []string{"en"}}
		if x.System == terminology.SystemSNOMED {
			ver["property"] = lookupProperties
			ver["compositional"] = false
		} else {
			ver["property"] = []string{"inactive", "parent", "child", "replacedBy"}
		}
		if x.Status == "retired" {
			ver["extension"] = []any{map[string]any{"url": extLastRelease, "valueDate": dashed(x.EffectiveDate)}}
		}
		entry["version"] = append(entry["version"].([]any), ver)
	}
	return map[string]any{
		"resourceType":   "TerminologyCapabilities",
		"id":             "im1fhir-terminology",
		"name":           "Im1fhirTerminology",
		"title":          "im1fhir terminology sidecar: loaded code systems and versions",
		"status":         "active",
		"date":           s.date(),
		"kind":           "instance",
		"software":       map[string]any{"name": "im1fhir terminology", "version": s.cfg.Version},
		"implementation": map[string]any{"description": "im1fhir terminology sidecar", "url": base},
		"codeSystem":     systems,
		"validateCode":   map[string]any{"translations": false},
	}
}

func dashed(d string) string {
	if len(d) != 8 {
		return d
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:]
}

func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
