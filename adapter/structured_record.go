package adapter

import (
	"errors"
	"io"
	"net/http"

	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
	"im1fhir/record"
	"im1fhir/source"
)

// handleStructuredRecord serves
// POST [structured base]/Patient/$gpc.getstructuredrecord (gpconnect.md §5):
// validate the Parameters, find the patient at the practice in the URL,
// refuse patients GP Connect may not share, select what the query asks
// for, and answer with a GPConnect-StructuredRecord-Bundle-1 whose id is
// the Ssp-TraceID. Unrecognised parameters become one warning
// OperationOutcome entry in the Bundle.
//
// The Bundle is built afresh for every request (its content depends on the
// query and it carries the trace id), but its entries are content-addressed
// resources that recur across requests: their JSON comes from the render
// cache and only the envelope is marshalled each time. The FHIR marshaller,
// not building, dominates the cost of a rich record.
func (s *Server) handleStructuredRecord(c echo.Context) error {
	ctx := c.Request().Context()
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return err // a body over the limit maps to 413 in toGPConnect
	}
	now := s.cfg.Now()
	req, err := parseStructuredParams(body, now)
	if err != nil {
		return err
	}

	sctx, sp := span(ctx, "source.patient_by_nhs_number")
	pt, err := s.cfg.Source.PatientByNHSNumber(sctx, c.Param("ods"), req.NHSNumber)
	sp.End()
	// Diagnostics never carry the NHS number: error bodies reach logs.
	notFound := conformance.Errorf(conformance.PatientNotFound, "no patient with that NHS number whose record may be shared is registered at this practice")
	switch {
	case errors.Is(err, source.ErrNotFound):
		return notFound
	case err != nil:
		return err
	case !structuredShareable(pt):
		return notFound
	case pt.Consent == record.ConsentDissent:
		return conformance.Errorf(conformance.NoPatientConsent, "the patient has dissented from sharing their record")
	}

	_, sp = span(ctx, "select")
	sel := pt.Record.Select(req.Query, now)
	sp.End()
	if _, versions, err := s.versions.current(ctx); err == nil {
		sel.CodeVersions = versions
	}

	ri := requestInfoFrom(c)
	_, sp = span(ctx, "mapping")
	bundle := gpconnect.StructuredBundle(ri.traceID, pt, ri.directory.Record, sel, unrecognisedIssues(req.Unrecognised))
	sp.End()
	_, sp = span(ctx, "render")
	out, err := s.renderer.BundleJSON(bundle, s.entryJSON)
	sp.End()
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, out, "")
}

// entryJSON renders one Bundle entry's resource through the render cache,
// keyed by type, id and content hash (gpconnect.EntryKey), so a cached body
// can never be stale. The key is taken before rendering, which consumes cr.
func (s *Server) entryJSON(cr *rpb.ContainedResource) ([]byte, error) {
	key := gpconnect.EntryKey(cr)
	if b, ok := s.rendered.byVersion.Get(key); ok && key != "" {
		return b, nil
	}
	b, err := s.renderer.JSON(cr)
	if err != nil {
		return nil, err
	}
	if key != "" {
		s.rendered.byVersion.Add(key, b)
	}
	return b, nil
}

// structuredShareable reports whether GP Connect may return the patient's
// structured record at all (gpconnect.md §5.1 error table): disclosable
// (active, alive, not sensitive), registered for regular GMS services, and
// with a verified NHS number — the structured record, unlike patient
// search, does not trace unverified numbers.
func structuredShareable(p *record.Patient) bool {
	return p.Disclosable() && p.Registration.Type == record.RegistrationRegular && p.NHSNumberStatus == record.NHSNumberVerified
}
