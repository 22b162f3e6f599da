package terminology

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("im1fhir/terminology")

// Config configures a Service.
type Config struct {
	Cache  Cache        // nil = NewMemoryCache(0)
	Logger *slog.Logger // nil = slog.Default()
}

// Service holds the loaded releases and answers look-ups in-process.
type Service struct {
	cat    atomic.Pointer[catalog]
	cache  Cache
	log    *slog.Logger
	loadMu sync.Mutex // serialises release switches; look-ups never take it
}

// NewService makes a Service with nothing loaded.
func NewService(cfg Config) *Service {
	s := &Service{cache: cfg.Cache, log: cfg.Logger}
	if s.cache == nil {
		s.cache = NewMemoryCache(0)
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.cat.Store(newCatalog(nil))
	return s
}

// CatalogID identifies the loaded set of versions; it changes on every switch.
func (s *Service) CatalogID() string { return s.cat.Load().id }

// Add publishes indexes (replacing any with the same system and version) in
// one atomic switch and tells the cache.
func (s *Service) Add(ctx context.Context, indexes ...*Index) {
	s.loadMu.Lock()
	old := s.cat.Load()
	next := newCatalog(append(old.indexes(), indexes...))
	s.cat.Store(next)
	s.loadMu.Unlock()
	for _, ix := range indexes {
		s.log.InfoContext(ctx, "terminology release loaded", "system", ix.Version.System,
			"version", ix.Version.Version, "concepts", ix.Version.Concepts, "source", ix.Version.Source)
	}
	s.cache.ReleaseChanged(ctx, next.id)
}

// Resolve names the loaded version a request would use.
func (s *Service) Resolve(system, version string) (CodeSystemVersion, error) {
	ix, err := s.cat.Load().resolve(system, version)
	if err != nil {
		return CodeSystemVersion{}, err
	}
	return ix.Version, nil
}

// Versions implements Client.
func (s *Service) Versions(ctx context.Context, system string) ([]CodeSystemVersion, error) {
	cat := s.cat.Load()
	system, _ = normaliseSystem(system, "")
	k := VersionsKey(cat.id, system)
	if v, ok := s.cache.GetVersions(ctx, k); ok {
		return v, nil
	}
	var out []CodeSystemVersion
	for _, v := range cat.versions {
		if system == "" || v.System == system {
			out = append(out, v)
		}
	}
	if system != "" && len(out) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrUnknownSystem, system)
	}
	s.cache.SetVersions(ctx, k, out)
	return out, nil
}

// Lookup implements Client.
func (s *Service) Lookup(ctx context.Context, req LookupRequest) (res LookupResult, err error) {
	ctx, span := tracer.Start(ctx, "terminology.lookup", trace.WithAttributes(
		attribute.String("terminology.system", req.System), attribute.String("terminology.code", req.Code)))
	defer func() {
		if err != nil {
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	if strings.TrimSpace(req.Code) == "" {
		return LookupResult{}, fmt.Errorf("%w: code is required", ErrInvalid)
	}
	ix, err := s.cat.Load().resolve(req.System, req.Version)
	if err != nil {
		return LookupResult{}, err
	}
	lang := req.DisplayLanguage
	if lang == "" {
		lang = defaultDisplayLang
	}
	span.SetAttributes(attribute.String("terminology.version", ix.Version.Version))
	k := LookupKey(ix.Version.System, ix.Version.Version, req.Code, lang)
	if r, ok := s.cache.GetLookup(ctx, k); ok {
		span.SetAttributes(attribute.Bool("terminology.cache_hit", true))
		return filterProperties(r, req.Properties), nil
	}
	r, err := lookupIn(ix, req.Code, lang)
	if err != nil {
		return LookupResult{}, err
	}
	s.cache.SetLookup(ctx, k, r)
	return filterProperties(r, req.Properties), nil
}

func lookupIn(ix *Index, code, lang string) (LookupResult, error) {
	v := ix.Version
	c, _ := ix.concept(code)
	if c == nil {
		return LookupResult{}, notFound(v.System, v.Version, code)
	}
	display := c.display(lang)
	return LookupResult{
		System: v.System, Name: systemNames[v.System], Version: v.Version, Code: code,
		Display: display, Active: c.Active,
		Designations: c.designations(v.System, lang, display),
		Properties:   c.properties(v.System),
	}, nil
}

func filterProperties(r LookupResult, want []string) LookupResult {
	if want == nil {
		return r
	}
	out := r
	out.Properties = nil
	for _, p := range r.Properties {
		if slices.Contains(want, p.Code) || slices.Contains(want, "*") {
			out.Properties = append(out.Properties, p)
		}
	}
	return out
}

// ValidateRequest is the input of $validate-code.
type ValidateRequest struct {
	ValueSet string // ValueSet/$validate-code url: {system-or-version}?fhir_vs[=isa/{id}]; "" for CodeSystem/$validate-code
	System   string
	Version  string
	Code     string
	Display  string
}

// ValidateResult is the output of $validate-code.
type ValidateResult struct {
	Result  bool
	Message string
	Display string
	Version string // resolved version
}

// ValidateCode checks a code against a code system version or an implicit
// value set (?fhir_vs: every concept; ?fhir_vs=isa/X: X and its active
// descendants). A wrong display keeps result true only when it matches a
// designation, as FHIR servers do.
func (s *Service) ValidateCode(ctx context.Context, req ValidateRequest) (ValidateResult, error) {
	ctx, span := tracer.Start(ctx, "terminology.validate_code")
	defer span.End()
	system, version := req.System, req.Version
	isa := ""
	if req.ValueSet != "" {
		base, query, ok := strings.Cut(req.ValueSet, "?")
		if !ok || !strings.HasPrefix(query, "fhir_vs") {
			return ValidateResult{}, fmt.Errorf("%w: only implicit value sets ({system}?fhir_vs…) are supported", ErrInvalid)
		}
		vsSystem, vsVersion := normaliseSystem(base, "")
		if system != "" && normSys(system) != vsSystem {
			return ValidateResult{Result: false, Message: fmt.Sprintf("system %s is not in value set %s", system, req.ValueSet)}, nil
		}
		system = vsSystem
		if vsVersion != "" {
			version = vsVersion
		}
		switch {
		case query == "fhir_vs":
		case strings.HasPrefix(query, "fhir_vs=isa/"):
			isa = strings.TrimPrefix(query, "fhir_vs=isa/")
		default:
			return ValidateResult{}, fmt.Errorf("%w: implicit value set %q is not supported (only ?fhir_vs and ?fhir_vs=isa/{id})", ErrInvalid, query)
		}
	}
	ix, err := s.cat.Load().resolve(system, version)
	if err != nil {
		return ValidateResult{}, err
	}
	r, err := s.Lookup(ctx, LookupRequest{System: ix.Version.System, Version: ix.Version.Version, Code: req.Code, Properties: []string{"inactive"}})
	if err != nil {
		if isNotFound(err) {
			return ValidateResult{Result: false, Version: ix.Version.Version,
				Message: fmt.Sprintf("Unknown code %s|%s in version %s", ix.Version.System, req.Code, ix.Version.Version)}, nil
		}
		return ValidateResult{}, err
	}
	out := ValidateResult{Result: true, Display: r.Display, Version: r.Version}
	if isa != "" {
		if !r.Active || !descendantOrSelf(ix, req.Code, isa) {
			return ValidateResult{Result: false, Display: r.Display, Version: r.Version,
				Message: fmt.Sprintf("%s is not an active descendant of %s", req.Code, isa)}, nil
		}
	}
	if !r.Active {
		out.Message = fmt.Sprintf("%s is inactive in version %s", req.Code, r.Version)
	}
	if req.Display != "" && !matchesDesignation(r, req.Display) {
		out.Result = false
		out.Message = fmt.Sprintf("Display %q is not a valid term for %s; the preferred term is %q", req.Display, req.Code, r.Display)
	}
	return out, nil
}

func normSys(s string) string { s, _ = normaliseSystem(s, ""); return s }

func isNotFound(err error) bool { return err != nil && errors.Is(err, ErrNotFound) }

func matchesDesignation(r LookupResult, display string) bool {
	if strings.EqualFold(r.Display, display) {
		return true
	}
	for _, d := range r.Designations {
		if strings.EqualFold(d.Value, display) {
			return true
		}
	}
	return false
}

// descendantOrSelf walks parents breadth-first (bounded: hierarchies are DAGs).
func descendantOrSelf(ix *Index, code, ancestor string) bool {
	seen := map[string]bool{}
	queue := []string{code}
	for len(queue) > 0 && len(seen) < 100_000 {
		c := queue[0]
		queue = queue[1:]
		if c == ancestor {
			return true
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		if con, _ := ix.concept(c); con != nil {
			queue = append(queue, con.Parents...)
		}
	}
	return false
}
