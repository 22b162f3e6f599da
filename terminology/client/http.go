package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"im1fhir/terminology"
)

// Config configures an HTTP client.
type Config struct {
	BaseURL          string        // sidecar root, e.g. http://127.0.0.1:8081 (no /fhir)
	HTTPClient       *http.Client  // nil = one with an OpenTelemetry transport
	Timeout          time.Duration // per attempt; 0 = 2s
	Retries          int           // extra attempts after a transient failure; 0 = 2, <0 = none
	Backoff          time.Duration // first retry delay, doubling; 0 = 50ms
	BreakerThreshold int           // consecutive transient failures that open the breaker; 0 = 5
	BreakerCooldown  time.Duration // how long it stays open; 0 = 5s
}

// HTTP implements terminology.Client against a running sidecar.
type HTTP struct {
	cfg  Config
	base *url.URL
	hc   *http.Client
	br   *breaker
}

var _ terminology.Client = (*HTTP)(nil)

// New makes an HTTP client.
func New(cfg Config) (*HTTP, error) {
	u, err := url.Parse(strings.TrimSuffix(cfg.BaseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("client: base URL %q must be http(s)://host[:port]", cfg.BaseURL)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 2 * time.Second
	}
	if cfg.Retries == 0 {
		cfg.Retries = 2
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = 50 * time.Millisecond
	}
	if cfg.BreakerThreshold == 0 {
		cfg.BreakerThreshold = 5
	}
	if cfg.BreakerCooldown == 0 {
		cfg.BreakerCooldown = 5 * time.Second
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	}
	return &HTTP{cfg: cfg, base: u, hc: hc,
		br: &breaker{threshold: cfg.BreakerThreshold, cooldown: cfg.BreakerCooldown, now: time.Now}}, nil
}

// Lookup implements terminology.Client with GET /fhir/CodeSystem/$lookup.
func (h *HTTP) Lookup(ctx context.Context, req terminology.LookupRequest) (terminology.LookupResult, error) {
	q := url.Values{"system": {req.System}, "code": {req.Code}}
	if req.Version != "" {
		q.Set("version", req.Version)
	}
	if req.DisplayLanguage != "" {
		q.Set("displayLanguage", req.DisplayLanguage)
	}
	if req.Properties != nil {
		// inactive is always asked for: Active depends on it.
		props := slices.Clone(req.Properties)
		if !slices.Contains(props, "inactive") {
			props = append(props, "inactive")
		}
		q["property"] = props
	}
	body, err := h.get(ctx, "/fhir/CodeSystem/$lookup", q)
	if err != nil {
		return terminology.LookupResult{}, err
	}
	res, err := parseLookup(body)
	if err != nil {
		return terminology.LookupResult{}, err
	}
	res.System, res.Code = terminology.NormaliseSystem(req.System), req.Code
	if req.Properties != nil && !slices.Contains(req.Properties, "inactive") {
		res.Properties = slices.DeleteFunc(res.Properties, func(p terminology.Property) bool { return p.Code == "inactive" })
	}
	return res, nil
}

// Versions implements terminology.Client with GET /releases.
func (h *HTTP) Versions(ctx context.Context, system string) ([]terminology.CodeSystemVersion, error) {
	q := url.Values{}
	if system != "" {
		q.Set("system", system)
	}
	body, err := h.get(ctx, "/releases", q)
	if err != nil {
		return nil, err
	}
	var out struct {
		Versions []terminology.CodeSystemVersion `json:"versions"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, fmt.Errorf("%w: bad /releases answer: %v", terminology.ErrUnavailable, err)
	}
	return out.Versions, nil
}

// transient marks failures worth retrying (and counted by the breaker).
type transient struct{ err error }

func (t transient) Error() string { return t.err.Error() }

func (h *HTTP) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	if !h.br.allow() {
		return nil, fmt.Errorf("%w: circuit open after repeated failures reaching %s", terminology.ErrUnavailable, h.base.Host)
	}
	u := *h.base
	u.Path += path
	u.RawQuery = q.Encode()
	delay := h.cfg.Backoff
	var last error
	for attempt := 0; attempt <= h.cfg.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				h.br.failure()
				return nil, fmt.Errorf("%w: %v", terminology.ErrUnavailable, ctx.Err())
			case <-time.After(delay):
			}
			delay *= 2
		}
		body, err := h.once(ctx, u.String())
		var tr transient
		if !errors.As(err, &tr) {
			h.br.success() // an answer, even a 4xx, means the sidecar is up
			return body, err
		}
		last = tr.err
		if ctx.Err() != nil {
			break
		}
	}
	h.br.failure()
	return nil, fmt.Errorf("%w: %v", terminology.ErrUnavailable, last)
}

// maxResponse bounds a response body; look-ups are a few KB.
const maxResponse = 8 << 20

func (h *HTTP) once(ctx context.Context, u string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, h.cfg.Timeout)
	defer cancel()
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	r.Header.Set("Accept", "application/fhir+json; fhirVersion=4.0")
	resp, err := h.hc.Do(r)
	if err != nil {
		return nil, transient{err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return nil, transient{err}
	}
	switch {
	case resp.StatusCode == http.StatusOK:
		return body, nil
	case resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable ||
		resp.StatusCode == http.StatusGatewayTimeout || resp.StatusCode == http.StatusTooManyRequests:
		return nil, transient{fmt.Errorf("sidecar answered %d", resp.StatusCode)}
	case resp.StatusCode >= 500:
		return nil, fmt.Errorf("%w: sidecar answered %d", terminology.ErrUnavailable, resp.StatusCode)
	}
	return nil, outcomeError(resp.StatusCode, body)
}

// outcomeError maps the sidecar's OperationOutcome back to the error kinds.
func outcomeError(status int, body []byte) error {
	var oo struct {
		Issue []struct {
			Code        string `json:"code"`
			Diagnostics string `json:"diagnostics"`
		} `json:"issue"`
	}
	if json.Unmarshal(body, &oo) != nil || len(oo.Issue) == 0 {
		return fmt.Errorf("%w: sidecar answered %d without an OperationOutcome", terminology.ErrInvalid, status)
	}
	is := oo.Issue[0]
	switch is.Code {
	case "code-invalid":
		return fmt.Errorf("%w: %s", terminology.ErrNotFound, is.Diagnostics)
	case "not-found":
		return parseVersionError(is.Diagnostics)
	case "not-supported":
		return fmt.Errorf("%w: %s", terminology.ErrUnknownSystem, is.Diagnostics)
	}
	return fmt.Errorf("%w: %s", terminology.ErrInvalid, is.Diagnostics)
}

// parseVersionError reads `Version "v" of sys is not loaded. Valid versions: [a, b]`.
func parseVersionError(msg string) error {
	ve := &terminology.VersionError{}
	if _, rest, ok := strings.Cut(msg, "Version \""); ok {
		ve.Version, rest, _ = strings.Cut(rest, "\" of ")
		ve.System, _, _ = strings.Cut(rest, " is not loaded")
	}
	if _, list, ok := strings.Cut(msg, "Valid versions: ["); ok {
		list = strings.TrimSuffix(list, "]")
		for _, v := range strings.Split(list, ", ") {
			if v != "" {
				ve.Valid = append(ve.Valid, v)
			}
		}
	}
	return ve
}

// parseLookup reads a $lookup Parameters answer.
func parseLookup(body []byte) (terminology.LookupResult, error) {
	type value struct {
		ValueString  *string `json:"valueString"`
		ValueCode    *string `json:"valueCode"`
		ValueBoolean *bool   `json:"valueBoolean"`
		ValueCoding  *struct {
			System, Code, Display string
		} `json:"valueCoding"`
	}
	type part struct {
		Name string `json:"name"`
		value
	}
	var p struct {
		ResourceType string `json:"resourceType"`
		Parameter    []struct {
			Name string `json:"name"`
			value
			Part []part `json:"part"`
		} `json:"parameter"`
	}
	if err := json.Unmarshal(body, &p); err != nil || p.ResourceType != "Parameters" {
		return terminology.LookupResult{}, fmt.Errorf("%w: $lookup answer is not Parameters", terminology.ErrUnavailable)
	}
	text := func(v value) (string, string) {
		switch {
		case v.ValueString != nil:
			return *v.ValueString, "string"
		case v.ValueCode != nil:
			return *v.ValueCode, "code"
		case v.ValueBoolean != nil:
			if *v.ValueBoolean {
				return "true", "boolean"
			}
			return "false", "boolean"
		case v.ValueCoding != nil:
			return v.ValueCoding.System + "|" + v.ValueCoding.Code, "Coding"
		}
		return "", ""
	}
	res := terminology.LookupResult{Active: true}
	for _, pp := range p.Parameter {
		s, _ := text(pp.value)
		switch pp.Name {
		case "name":
			res.Name = s
		case "version":
			res.Version = s
		case "display":
			res.Display = s
		case "abstract":
			res.Abstract = s == "true"
		case "designation":
			var d terminology.Designation
			for _, pt := range pp.Part {
				switch pt.Name {
				case "language":
					d.Language, _ = text(pt.value)
				case "use":
					if pt.ValueCoding != nil {
						d.UseSystem, d.UseCode, d.UseDisplay = pt.ValueCoding.System, pt.ValueCoding.Code, pt.ValueCoding.Display
					}
				case "value":
					d.Value, _ = text(pt.value)
				}
			}
			res.Designations = append(res.Designations, d)
		case "property":
			var pr terminology.Property
			for _, pt := range pp.Part {
				switch pt.Name {
				case "code":
					pr.Code, _ = text(pt.value)
				case "value":
					pr.Value, pr.Type = text(pt.value)
				}
			}
			if pr.Code == "inactive" && pr.Value == "true" {
				res.Active = false
			}
			res.Properties = append(res.Properties, pr)
		}
	}
	return res, nil
}
