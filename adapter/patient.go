package adapter

import (
	"errors"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
	"im1fhir/record"
	"im1fhir/source"
)

// handlePatientSearch serves GET [base]/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|N.
// Not found is not an error: an empty searchset. Sensitive, deceased,
// inactive and unverifiable patients are left out (gpconnect.md §4.1).
func (s *Server) handlePatientSearch(c echo.Context) error {
	value, err := identifierParam(c, gpconnect.SystemNHSNumber)
	if err != nil {
		return err
	}
	nhs, err := record.ParseNHSNumber(value)
	if err != nil {
		return conformance.Errorf(conformance.InvalidNHSNumber, "identifier value is not a valid NHS number (10 digits, modulus 11 check digit)")
	}
	ri := requestInfoFrom(c)
	ctx, sp := span(c.Request().Context(), "source.patient_by_nhs_number")
	pt, err := s.cfg.Source.PatientByNHSNumber(ctx, c.Param("ods"), nhs)
	sp.End()
	switch {
	case errors.Is(err, source.ErrNotFound):
	case err != nil:
		return err
	case pt.Disclosable():
		practice := ri.directory.Record
		return s.writeSearchResult(c, pt, practice, func() sealed { return gpconnect.Patient(pt, practice) })
	}
	return s.writeSearchset(c)
}

// handlePatientRead serves GET [base]/Patient/{id}.
func (s *Server) handlePatientRead(c echo.Context) error {
	id := c.Param("id")
	notFound := conformance.Errorf(conformance.PatientNotFound, "no patient with id %q at this practice", id)
	if !validID(id) {
		return notFound
	}
	ctx, sp := span(c.Request().Context(), "source.patient")
	pt, err := s.cfg.Source.Patient(ctx, c.Param("ods"), id)
	sp.End()
	if errors.Is(err, source.ErrNotFound) || (err == nil && !pt.Disclosable()) {
		return notFound
	}
	if err != nil {
		return err
	}
	practice := requestInfoFrom(c).directory.Record
	return s.writeRead(c, pt, practice, func() sealed { return gpconnect.Patient(pt, practice) })
}
