package adapter

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
)

// handleOrganizationRead serves GET [base]/Organization/{id}.
func (s *Server) handleOrganizationRead(c echo.Context) error {
	id := c.Param("id")
	o, ok := requestInfoFrom(c).directory.Organisation(id)
	if !ok || !validID(id) {
		return conformance.Errorf(conformance.OrganisationNotFound, "no organisation with id %q", id)
	}
	return s.writeRead(c, o, nil, func() sealed { return gpconnect.Organization(o) })
}

// handleOrganizationSearch serves GET [base]/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|X.
func (s *Server) handleOrganizationSearch(c echo.Context) error {
	code, err := identifierParam(c, gpconnect.SystemODSOrganization)
	if err != nil {
		return err
	}
	if o, ok := requestInfoFrom(c).directory.OrganisationByODS(code); ok {
		return s.writeSearchResult(c, o, nil, func() sealed { return gpconnect.Organization(o) })
	}
	return s.writeSearchset(c)
}

// handlePractitionerRead serves GET [base]/Practitioner/{id}.
func (s *Server) handlePractitionerRead(c echo.Context) error {
	id := c.Param("id")
	p, ok := requestInfoFrom(c).directory.Practitioner(id)
	if !ok || !validID(id) {
		return conformance.Errorf(conformance.PractitionerNotFound, "no practitioner with id %q", id)
	}
	return s.writeRead(c, p, nil, func() sealed { return gpconnect.Practitioner(p) })
}

// handlePractitionerSearch serves GET [base]/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|X.
func (s *Server) handlePractitionerSearch(c echo.Context) error {
	sds, err := identifierParam(c, gpconnect.SystemSDSUserID)
	if err != nil {
		return err
	}
	if p, ok := requestInfoFrom(c).directory.PractitionerBySDS(sds); ok {
		return s.writeSearchResult(c, p, nil, func() sealed { return gpconnect.Practitioner(p) })
	}
	return s.writeSearchset(c)
}

// handleLocationRead serves GET [base]/Location/{id}.
func (s *Server) handleLocationRead(c echo.Context) error {
	id := c.Param("id")
	l, ok := requestInfoFrom(c).directory.Location(id)
	if !ok || !validID(id) {
		return conformance.Errorf(conformance.NoRecordFound, "no location with id %q", id).WithStatus(http.StatusNotFound)
	}
	return s.writeRead(c, l, nil, func() sealed { return gpconnect.Location(l) })
}
