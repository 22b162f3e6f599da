package generate

import (
	"fmt"
	"time"

	"im1fhir/record"
)

// knownPractice fixes the name and address of the organisations the GP
// Connect assurance fixtures name, so that GPC001's directory and the
// generated R1A14 and R1A17 practices agree about each other.
type knownPractice struct {
	name, area string
	lines      []string
	postcode   string
	phone      string
}

var knownPractices = map[string]knownPractice{
	"GPC001": {name: "GP Connect Test Practice", area: "leeds",
		lines: []string{"Wellington House", "12 Wellington Street"}, postcode: "LS1 4DL", phone: "0113 496 0001"},
	"R1A14": {name: "Riverside Health Centre", area: "sheffield",
		lines: []string{"40 Penistone Road", "Hillsborough"}, postcode: "S6 2GZ", phone: "0114 496 0014"},
	"R1A17": {name: "Moorland View Surgery", area: "nottingham",
		lines: []string{"7 Mansfield Road", "Sherwood"}, postcode: "NG5 2DW", phone: "0115 496 0017"},
}

// referralTrusts are real NHS trusts (ODS codes RR8 and RCB) that the
// generated practices refer to: a referral names a real kind of recipient.
var referralTrusts = []record.Organisation{
	{ID: "RR8", ODSCode: "RR8", Name: "Leeds Teaching Hospitals NHS Trust",
		Addresses: []record.Address{{Use: "work", Lines: []string{"St James's University Hospital", "Beckett Street"}, City: "Leeds", District: "West Yorkshire", PostalCode: "LS9 7TF"}}},
	{ID: "RCB", ODSCode: "RCB", Name: "York and Scarborough Teaching Hospitals NHS Foundation Trust",
		Addresses: []record.Address{{Use: "work", Lines: []string{"York Hospital", "Wigginton Road"}, City: "York", District: "North Yorkshire", PostalCode: "YO31 8HE"}}},
}

// practiceOrganisation returns the practice Organisation for an ODS code:
// the fixed one for a known practice, else one made from g.
func (g *gen) practiceOrganisation(ods, name string) record.Organisation {
	o := record.Organisation{ID: ods, ODSCode: ods, Type: "gp-practice"}
	if k, ok := knownPractices[ods]; ok {
		a := areas[k.area]
		o.Name = k.name
		o.Addresses = []record.Address{{Use: "work", Lines: k.lines, City: a.town, District: a.county, PostalCode: k.postcode}}
		o.Telecom = []record.ContactPoint{{System: "phone", Value: k.phone, Use: "work"}}
	} else {
		o.Name = pick(g, surgeryNames)
		addr := g.address("work")
		o.Addresses = []record.Address{addr}
		o.Telecom = []record.ContactPoint{{System: "phone", Value: g.phone(), Use: "work"}}
	}
	if name != "" {
		o.Name = name
	}
	return o
}

// directory makes the practice's organisation, sites and staff.
func (g *gen) directory(cfg Config) *record.Practice {
	g.area = areaFor(cfg.ODS)
	// The directory was last touched some weeks before now.
	changed := func() time.Time { return g.between(g.now.AddDate(0, -18, 0), g.now.AddDate(0, 0, -7)) }
	org := g.practiceOrganisation(cfg.ODS, cfg.Name)
	org.LastModified = changed()
	p := &record.Practice{Organisation: org, Supplier: cfg.Supplier}
	for _, t := range referralTrusts {
		t.LastModified = changed()
		p.Organisations = append(p.Organisations, t)
	}

	main := record.Location{ID: g.uuid(), SiteODSCode: cfg.ODS, Name: org.Name, Status: "active",
		Address: org.Addresses[0], Telecom: org.Telecom, ManagingOrganisationID: org.ID, LastModified: changed()}
	p.Locations = append(p.Locations, main)
	for range g.r.IntN(3) {
		addr := g.address("work")
		loc := "Branch"
		if len(addr.Lines) > 1 {
			loc = addr.Lines[len(addr.Lines)-1]
		}
		p.Locations = append(p.Locations, record.Location{ID: g.uuid(), SiteODSCode: fmt.Sprintf("Y%05d", g.r.IntN(100000)),
			Name: loc + " Branch Surgery", Status: "active", Address: addr,
			Telecom: []record.ContactPoint{{System: "phone", Value: g.phone(), Use: "work"}}, ManagingOrganisationID: org.ID,
			LastModified: changed()})
	}

	nGP := 3 + g.r.IntN(4)
	for i := range nGP {
		role := jobRoleGP
		if i >= 2 && g.chance(0.5) {
			role = jobRoleSalariedGP
		}
		p.Practitioners = append(p.Practitioners, g.practitioner(org.ID, role, changed()))
	}
	for range 1 + g.r.IntN(2) {
		p.Practitioners = append(p.Practitioners, g.practitioner(org.ID, jobRoleNurse, changed()))
	}
	p.LastModified = practiceLastModified(p)
	return p
}

// practitioner makes one member of staff with national (SDS) identifiers:
// a 12-digit user id and one or two 12-digit role profile ids, one
// PractitionerRole per role profile.
func (g *gen) practitioner(orgID string, role record.Code, changed time.Time) record.Practitioner {
	gender := record.GenderFemale
	given := pick(g, femaleGiven)
	if g.chance(0.45) {
		gender, given = record.GenderMale, pick(g, maleGiven)
	}
	family := pick(g, familyNames)
	prefix := "Dr"
	if role.Code == jobRoleNurse.Code {
		prefix = map[record.Gender]string{record.GenderFemale: "Ms", record.GenderMale: "Mr"}[gender]
	}
	id := g.uuid()
	pr := record.Practitioner{
		ID:           id,
		SDSUserID:    "9" + g.digits(11),
		LocalUserID:  asciiLower(given)[:1] + asciiLower(family),
		Name:         record.HumanName{Use: "official", Family: family, Given: []string{given}, Prefix: []string{prefix}},
		Gender:       gender,
		Telecom:      []record.ContactPoint{{System: "phone", Value: g.phone(), Use: "work"}},
		LastModified: changed,
	}
	for i := range 1 + g.r.IntN(2) {
		pr.SDSRoleProfileIDs = append(pr.SDSRoleProfileIDs, "9"+g.digits(11))
		pr.Roles = append(pr.Roles, record.PractitionerRole{ID: fmt.Sprintf("%s-%d", id, i+1), OrganisationID: orgID, JobRole: role})
	}
	return pr
}
