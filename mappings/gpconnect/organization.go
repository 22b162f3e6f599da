package gpconnect

import (
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// organisationTypeDisplay gives the GPConnect-OrganisationType-1 displays.
var organisationTypeDisplay = map[string]string{
	"gp-practice": "GP Practice",
	"urgent-care": "Urgent Care",
}

// Organization renders o as a CareConnect-GPC-Organization-1 resource: ODS
// code identifier, name, GP Connect organisation type when known, telecom
// (use "work" when the source gave none), addresses and partOf for a branch.
func Organization(o *record.Organisation) *rpb.Organization {
	meta := newMeta(ProfileOrganization, o.LastModified)
	out := &rpb.Organization{
		Id:      id(o.ID),
		Meta:    meta,
		Name:    optStr(o.Name),
		Telecom: telecoms(o.Telecom, "work"),
		Address: addresses(o.Addresses),
		PartOf:  orgRef(o.PartOfID),
	}
	if o.ODSCode != "" {
		out.Identifier = []*dpb.Identifier{identifier(SystemODSOrganization, o.ODSCode)}
	}
	if o.Type != "" {
		out.Type = []*dpb.CodeableConcept{{Coding: []*dpb.Coding{
			coding(CodeSystemOrganisationType, o.Type, organisationTypeDisplay[o.Type]),
		}}}
	}
	seal(out, meta)
	return out
}
