package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// Location renders l as a CareConnect-GPC-Location-1 resource: the site ODS
// code identifier, name, status (active, suspended, inactive; left out when
// the source holds another value), address, telecom (use "work" when the
// source gave none) and managingOrganization, which GP Connect requires for
// locations that hold schedules.
func Location(l *record.Location) *rpb.Location {
	meta := newMeta(ProfileLocation, l.LastModified)
	out := &rpb.Location{
		Id:                   id(l.ID),
		Meta:                 meta,
		Name:                 optStr(l.Name),
		Address:              address(l.Address),
		Telecom:              telecoms(l.Telecom, "work"),
		ManagingOrganization: orgRef(l.ManagingOrganisationID),
	}
	if l.SiteODSCode != "" {
		out.Identifier = []*dpb.Identifier{identifier(SystemODSSite, l.SiteODSCode)}
	}
	if v, ok := enumValue(cpb.LocationStatusCode_Value_value, l.Status); ok {
		out.Status = &cpb.LocationStatusCode{Value: cpb.LocationStatusCode_Value(v)}
	}
	seal(out, meta)
	return out
}
