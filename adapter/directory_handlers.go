package adapter

import (
	"net/http"

	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"
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
	res := gpconnect.Organization(o)
	return s.writeFHIR(c, http.StatusOK, res, res.GetMeta().GetVersionId().GetValue())
}

// handleOrganizationSearch serves GET [base]/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|X.
func (s *Server) handleOrganizationSearch(c echo.Context) error {
	code, err := identifierParam(c, gpconnect.SystemODSOrganization)
	if err != nil {
		return err
	}
	var entries []*rpb.ContainedResource
	if o, ok := requestInfoFrom(c).directory.OrganisationByODS(code); ok {
		entries = append(entries, &rpb.ContainedResource{OneofResource: &rpb.ContainedResource_Organization{Organization: gpconnect.Organization(o)}})
	}
	return s.writeFHIR(c, http.StatusOK, gpconnect.SearchsetBundle(newBundleID(), entries...), "")
}

// handlePractitionerRead serves GET [base]/Practitioner/{id}.
func (s *Server) handlePractitionerRead(c echo.Context) error {
	id := c.Param("id")
	p, ok := requestInfoFrom(c).directory.Practitioner(id)
	if !ok || !validID(id) {
		return conformance.Errorf(conformance.PractitionerNotFound, "no practitioner with id %q", id)
	}
	res := gpconnect.Practitioner(p)
	return s.writeFHIR(c, http.StatusOK, res, res.GetMeta().GetVersionId().GetValue())
}

// handlePractitionerSearch serves GET [base]/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|X.
func (s *Server) handlePractitionerSearch(c echo.Context) error {
	sds, err := identifierParam(c, gpconnect.SystemSDSUserID)
	if err != nil {
		return err
	}
	var entries []*rpb.ContainedResource
	if p, ok := requestInfoFrom(c).directory.PractitionerBySDS(sds); ok {
		entries = append(entries, &rpb.ContainedResource{OneofResource: &rpb.ContainedResource_Practitioner{Practitioner: gpconnect.Practitioner(p)}})
	}
	return s.writeFHIR(c, http.StatusOK, gpconnect.SearchsetBundle(newBundleID(), entries...), "")
}

// handleLocationRead serves GET [base]/Location/{id}.
func (s *Server) handleLocationRead(c echo.Context) error {
	id := c.Param("id")
	l, ok := requestInfoFrom(c).directory.Location(id)
	if !ok || !validID(id) {
		return conformance.Errorf(conformance.NoRecordFound, "no location with id %q", id).WithStatus(http.StatusNotFound)
	}
	res := gpconnect.Location(l)
	return s.writeFHIR(c, http.StatusOK, res, res.GetMeta().GetVersionId().GetValue())
}
