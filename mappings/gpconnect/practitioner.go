package gpconnect

import (
	"strconv"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// Practitioner renders p as a CareConnect-GPC-Practitioner-1 resource: the
// SDS user id and each SDS role profile id as identifiers, the name (use
// "usual" when the source gave none), gender when recorded and telecom (use
// "work" when the source gave none). The supplier's local login id is not
// sent: GP Connect defines no identifier system for it.
func Practitioner(p *record.Practitioner) *rpb.Practitioner {
	meta := newMeta(ProfilePractitioner, p.LastModified)
	out := &rpb.Practitioner{
		Id:      id(p.ID),
		Meta:    meta,
		Telecom: telecoms(p.Telecom, "work"),
	}
	if p.SDSUserID != "" {
		out.Identifier = append(out.Identifier, identifier(SystemSDSUserID, p.SDSUserID))
	}
	for _, rp := range p.SDSRoleProfileIDs {
		if rp != "" {
			out.Identifier = append(out.Identifier, identifier(SystemSDSRoleProfileID, rp))
		}
	}
	if n := humanName(p.Name, "usual"); n != nil {
		out.Name = []*dpb.HumanName{n}
	}
	if p.Gender != "" {
		out.Gender = gender(p.Gender)
	}
	seal(out, meta)
	return out
}

// PractitionerRoles renders each of p's roles as a
// CareConnect-GPC-PractitionerRole-1 resource linking Practitioner/{p.ID} to
// Organization/{role organisation}, coded with the SDS job role. A role
// without its own id gets "{practitioner id}-role-{n}" (n counted from 1 in
// the record's order), which stays stable while the record's roles do.
// meta.lastUpdated is the practitioner's, as roles carry no date of their own.
func PractitionerRoles(p *record.Practitioner) []*rpb.PractitionerRole {
	var out []*rpb.PractitionerRole
	for i, r := range p.Roles {
		roleID := r.ID
		if roleID == "" {
			roleID = p.ID + "-role-" + strconv.Itoa(i+1)
		}
		meta := newMeta(ProfilePractitionerRole, p.LastModified)
		role := &rpb.PractitionerRole{
			Id:           id(roleID),
			Meta:         meta,
			Practitioner: practitionerRef(p.ID),
			Organization: orgRef(r.OrganisationID),
		}
		if !r.JobRole.IsZero() {
			system := r.JobRole.System
			if system == "" {
				system = CodeSystemSDSJobRoleName
			}
			role.Code = []*dpb.CodeableConcept{{Coding: []*dpb.Coding{coding(system, r.JobRole.Code, r.JobRole.Display)}}}
		}
		seal(role, meta)
		out = append(out, role)
	}
	return out
}
