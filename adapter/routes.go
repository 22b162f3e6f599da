package adapter

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/source"
)

// rootPrefix is where each capability root hangs: /{ODS}/STU3/1/<root>.
func rootPrefix(r conformance.Root) string { return "/:ods/STU3/1/" + string(r) }

// handlers maps interaction IDs to the handler that serves them. An
// interaction GP Connect defines without an entry here answers 501.
func (s *Server) handlers() map[string]echo.HandlerFunc {
	return map[string]echo.HandlerFunc{
		conformance.IDMetadata:            s.handleMetadata,
		conformance.IDStructuredMetadata:  s.handleMetadata,
		conformance.IDPatientSearch:       s.handlePatientSearch,
		conformance.IDPatientRead:         s.handlePatientRead,
		conformance.IDOrganizationRead:    s.handleOrganizationRead,
		conformance.IDOrganizationSearch:  s.handleOrganizationSearch,
		conformance.IDPractitionerRead:    s.handlePractitionerRead,
		conformance.IDPractitionerSearch:  s.handlePractitionerSearch,
		conformance.IDLocationRead:        s.handleLocationRead,
		conformance.IDCodeSystemSearch:    s.handleCodeSystemSearch,
		conformance.IDGetStructuredRecord: s.handleStructuredRecord,
	}
}

// registerGPConnect adds one Echo route per (root, verb, path) in
// conformance.Interactions. Interactions sharing a verb and path (amend and
// cancel) share the route and are told apart by Ssp-InteractionID.
func (s *Server) registerGPConnect() {
	hs := s.handlers()
	type key struct {
		root         conformance.Root
		method, path string
	}
	var order []key
	group := map[key][]*conformance.Interaction{}
	for i := range conformance.Interactions {
		in := &conformance.Interactions[i]
		k := key{in.Root, in.Method, in.Path}
		if group[k] == nil {
			order = append(order, k)
		}
		group[k] = append(group[k], in)
		if _, ok := hs[in.ID]; ok {
			s.routed[in.Root] = append(s.routed[in.Root], in)
		}
	}
	for _, k := range order {
		allowed := group[k]
		s.echo.Add(k.method, rootPrefix(k.root)+k.path, s.dispatch(hs),
			s.requirePractice, s.requireSSPHeaders, s.requireInteraction(allowed), s.requireJWT, s.negotiate)
	}
}

// dispatch runs the handler of the interaction the pipeline identified,
// once the practice is known to have the interaction's capability switched
// on (gpconnect.md §7: off unless enabled; 403 ACCESS DENIED otherwise).
func (s *Server) dispatch(hs map[string]echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ri := requestInfoFrom(c)
		in := ri.interaction
		if capability := capabilityOf(in); !ri.directory.Enabled[capability] {
			return conformance.Errorf(conformance.AccessDenied, "GP Connect %s is not enabled at practice %s", capability, c.Param("ods"))
		}
		h, ok := hs[in.ID]
		if !ok {
			return conformance.Errorf(conformance.NotImplemented, "interaction %s is not implemented by this provider yet", in.ID)
		}
		return h(c)
	}
}

// requirePractice answers 404 for an ODS code this provider does not serve,
// before anything else: there is no GP Connect endpoint at that URL.
func (s *Server) requirePractice(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ods := c.Param("ods")
		dir, err := s.cfg.Source.Directory(c.Request().Context(), ods)
		if errors.Is(err, source.ErrUnknownPractice) {
			return conformance.Errorf(conformance.NoRecordFound, "no GP Connect endpoint for practice %q", ods).WithStatus(http.StatusNotFound)
		}
		if err != nil {
			return err
		}
		requestInfoFrom(c).directory = dir
		return next(c)
	}
}

// requireSSPHeaders checks the Spine proxy headers (gpconnect.md §1.2).
// Header names are case-insensitive (the suite sends Ssp-InteractionId).
func (s *Server) requireSSPHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header
		for _, name := range []string{"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID"} {
			if len(h.Values(name)) > 1 {
				return conformance.Errorf(conformance.BadRequest, "header %s sent more than once", name)
			}
			if strings.TrimSpace(h.Get(name)) == "" {
				return conformance.Errorf(conformance.BadRequest, "header %s is missing or blank", name)
			}
		}
		if to := strings.TrimSpace(h.Get("Ssp-To")); to != s.cfg.ASID {
			return conformance.Errorf(conformance.BadRequest, "Ssp-To %q is not this provider's ASID", to)
		}
		ri := requestInfoFrom(c)
		ri.consumer = strings.TrimSpace(h.Get("Ssp-From"))
		ri.traceID = strings.TrimSpace(h.Get("Ssp-TraceID"))
		return next(c)
	}
}

// requireInteraction checks that Ssp-InteractionID is a GP Connect
// interaction and one of those served by this verb and path.
func (s *Server) requireInteraction(allowed []*conformance.Interaction) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			id := strings.TrimSpace(c.Request().Header.Get("Ssp-InteractionID"))
			in, known := conformance.Lookup(id)
			if !known {
				return conformance.Errorf(conformance.BadRequest, "Ssp-InteractionID %q is not a GP Connect interaction", id)
			}
			for _, a := range allowed {
				if a == in {
					requestInfoFrom(c).interaction = in
					return next(c)
				}
			}
			return conformance.Errorf(conformance.BadRequest, "Ssp-InteractionID %s does not match %s %s", id, c.Request().Method, strings.TrimPrefix(c.Path(), "/:ods/STU3/1/"))
		}
	}
}

// capabilityOf says which switchable GP Connect capability an interaction
// belongs to.
func capabilityOf(in *conformance.Interaction) string {
	switch {
	case in.Root == conformance.RootStructured:
		return source.CapabilityStructured
	case in.Resource == "Slot" || in.Resource == "Appointment":
		return source.CapabilityAppointments
	}
	return source.CapabilityFoundations
}
