package fhirapi

import (
	"encoding/json"
	"net/url"
	"strings"

	"im1fhir/terminology"
)

// opParams is an operation's input, flattened from a query string, a form
// or a Parameters resource. Repeated names keep every value in order.
type opParams struct {
	strs    map[string][]string
	codings map[string][]coding
}

// maxParamValue bounds one parameter value: no code, URI or term is longer.
const maxParamValue = 8192

// paramsFromQuery reads GET query or form values.
func paramsFromQuery(q url.Values) (opParams, error) {
	p := opParams{strs: map[string][]string{}, codings: map[string][]coding{}}
	for name, vals := range q {
		for _, v := range vals {
			if len(v) > maxParamValue {
				return p, badRequest("parameter %s is longer than %d characters", name, maxParamValue)
			}
			if name == "coding" {
				// GET has no Coding type; accept system|code (and system|version|code).
				parts := strings.Split(v, "|")
				switch len(parts) {
				case 2:
					p.codings[name] = append(p.codings[name], coding{System: parts[0], Code: parts[1]})
				case 3:
					p.codings[name] = append(p.codings[name], coding{System: parts[0], Version: parts[1], Code: parts[2]})
				default:
					return p, badRequest("coding must be system|code, got %q", v)
				}
				continue
			}
			p.strs[name] = append(p.strs[name], v)
		}
	}
	return p, nil
}

// paramsFromBody reads a FHIR Parameters resource.
func paramsFromBody(body []byte) (opParams, error) {
	p := opParams{strs: map[string][]string{}, codings: map[string][]coding{}}
	var in parameters
	if err := json.Unmarshal(body, &in); err != nil {
		return p, badRequest("body is not a FHIR Parameters resource: %v", err)
	}
	if in.ResourceType != "Parameters" {
		return p, badRequest("body resourceType is %q, want Parameters", in.ResourceType)
	}
	for _, pp := range in.Parameter {
		switch {
		case pp.ValueCoding != nil:
			p.codings[pp.Name] = append(p.codings[pp.Name], *pp.ValueCoding)
		case pp.ValueCodeableConcept != nil:
			p.codings[pp.Name] = append(p.codings[pp.Name], pp.ValueCodeableConcept.Coding...)
		default:
			var v *string
			for _, c := range []*string{pp.ValueString, pp.ValueCode, pp.ValueURI, pp.ValueCanonical} {
				if c != nil {
					v = c
					break
				}
			}
			if v == nil {
				if pp.ValueBoolean != nil {
					b := "false"
					if *pp.ValueBoolean {
						b = "true"
					}
					v = &b
				} else {
					return p, badRequest("parameter %q has no supported value[x]", pp.Name)
				}
			}
			if len(*v) > maxParamValue {
				return p, badRequest("parameter %s is longer than %d characters", pp.Name, maxParamValue)
			}
			p.strs[pp.Name] = append(p.strs[pp.Name], *v)
		}
	}
	return p, nil
}

// one returns the single value of name; a repeat is an error.
func (p opParams) one(name string) (string, error) {
	v := p.strs[name]
	if len(v) > 1 {
		return "", badRequest("parameter %s given %d times", name, len(v))
	}
	if len(v) == 0 {
		return "", nil
	}
	return strings.TrimSpace(v[0]), nil
}

func (p opParams) first(names ...string) (string, error) {
	for _, n := range names {
		v, err := p.one(n)
		if err != nil || v != "" {
			return v, err
		}
	}
	return "", nil
}

// parseLookup builds a look-up request from $lookup parameters.
func parseLookup(p opParams, acceptLanguage string) (terminology.LookupRequest, error) {
	var req terminology.LookupRequest
	var err error
	if req.System, err = p.one("system"); err != nil {
		return req, err
	}
	if req.Code, err = p.one("code"); err != nil {
		return req, err
	}
	if req.Version, err = p.one("version"); err != nil {
		return req, err
	}
	if d, _ := p.one("date"); d != "" {
		return req, &Error{Status: 400, Code: "not-supported", Message: "date is not supported; name a version instead (see CodeSystem?url=)"}
	}
	if cs := p.codings["coding"]; len(cs) > 0 {
		if len(cs) > 1 {
			return req, badRequest("coding given %d times", len(cs))
		}
		c := cs[0]
		if (req.Code != "" && req.Code != c.Code) || (req.System != "" && req.System != c.System) {
			return req, badRequest("coding disagrees with code/system")
		}
		req.System, req.Code = c.System, c.Code
		if c.Version != "" {
			if req.Version != "" && req.Version != c.Version {
				return req, badRequest("coding.version disagrees with version")
			}
			req.Version = c.Version
		}
	}
	if req.Code == "" {
		return req, badRequest("code (or coding) is required")
	}
	if req.System == "" {
		return req, badRequest("system (or coding) is required")
	}
	if req.DisplayLanguage, err = p.one("displayLanguage"); err != nil {
		return req, err
	}
	if req.DisplayLanguage == "" {
		req.DisplayLanguage = firstLanguage(acceptLanguage)
	}
	for _, v := range p.strs["property"] {
		for _, prop := range strings.Split(v, ",") {
			if prop = strings.TrimSpace(prop); prop != "" {
				if !isToken(prop) {
					return req, badRequest("property %q is not a code", prop)
				}
				req.Properties = append(req.Properties, prop)
			}
		}
	}
	return req, nil
}

// parseValidate builds a $validate-code request; valueSet says which
// operation (ValueSet needs url, CodeSystem takes url as the system).
func parseValidate(p opParams, valueSet bool) (terminology.ValidateRequest, error) {
	var req terminology.ValidateRequest
	var err error
	url, err := p.one("url")
	if err != nil {
		return req, err
	}
	if valueSet {
		if url == "" {
			return req, badRequest("url (the value set) is required; only implicit value sets {system}?fhir_vs are served")
		}
		req.ValueSet = url
		if req.System, err = p.one("system"); err != nil {
			return req, err
		}
		if req.Version, err = p.first("systemVersion", "version"); err != nil {
			return req, err
		}
	} else {
		if req.System, err = p.first("system", "url"); err != nil {
			return req, err
		}
		if req.Version, err = p.one("version"); err != nil {
			return req, err
		}
	}
	if req.Code, err = p.one("code"); err != nil {
		return req, err
	}
	if req.Display, err = p.one("display"); err != nil {
		return req, err
	}
	cs := append(p.codings["coding"], p.codings["codeableConcept"]...)
	if req.Code == "" && len(cs) > 0 {
		c := cs[0]
		req.System, req.Code, req.Display = c.System, c.Code, c.Display
		if c.Version != "" {
			req.Version = c.Version
		}
	}
	if req.Code == "" {
		return req, badRequest("code (or coding) is required")
	}
	if req.System == "" && !valueSet {
		return req, badRequest("url or system is required")
	}
	return req, nil
}

func firstLanguage(h string) string {
	tag, _, _ := strings.Cut(h, ",")
	tag, _, _ = strings.Cut(tag, ";")
	tag = strings.TrimSpace(tag)
	if tag == "*" || !isToken(tag) {
		return ""
	}
	return tag
}

func isToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
