package vision

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"im1fhir/record"
)

// Directory is the practice directory file (practice.xml). Vision's patient
// export carries no directory, so this shape is ours: rows of attributes in
// the export's style, modelled on the bulk extract's Practice and Staff
// tables with their column names lower-cased (see doc.go).
type Directory struct {
	XMLName xml.Name `xml:"directory"`
	Created string   `xml:"created,attr,omitempty"`
	PracID  string   `xml:"prac_id,attr,omitempty"`
	// Practices holds the practice itself: exactly one row.
	Practices     []OrganisationRow `xml:"practice"`
	Organisations []OrganisationRow `xml:"organisation"`
	Sites         []SiteRow         `xml:"site"`
	Staff         []StaffRow        `xml:"staff"`
	StaffRoles    []StaffRoleRow    `xml:"staff_role"`
}

// OrganisationRow is a row of the bulk extract's Practice table (ID, NAME,
// IDENTIFIER = ODS code, ADDRESS_1..5, POSTCODE, PHONE, EMAIL, FAX) plus
// org_type, parent_id and sysdate.
type OrganisationRow struct {
	ID         string     `xml:"id,attr,omitempty"`
	Name       string     `xml:"name,attr,omitempty"`
	Identifier string     `xml:"identifier,attr,omitempty"`
	OrgType    string     `xml:"org_type,attr,omitempty"`
	ParentID   string     `xml:"parent_id,attr,omitempty"`
	Address1   string     `xml:"address_1,attr,omitempty"`
	Address2   string     `xml:"address_2,attr,omitempty"`
	Address3   string     `xml:"address_3,attr,omitempty"`
	Address4   string     `xml:"address_4,attr,omitempty"`
	Address5   string     `xml:"address_5,attr,omitempty"`
	Postcode   string     `xml:"postcode,attr,omitempty"`
	Phone      string     `xml:"phone,attr,omitempty"`
	Email      string     `xml:"email,attr,omitempty"`
	Fax        string     `xml:"fax,attr,omitempty"`
	SysDate    string     `xml:"sysdate,attr,omitempty"`
	Other      []xml.Attr `xml:",any,attr"`
}

// SiteRow is a site (surgery, branch): the Practice table's columns plus
// status and service_id, the owning organisation (the Staff table's name for
// that link). A patient's surgery attribute names a site id.
type SiteRow struct {
	ID         string     `xml:"id,attr,omitempty"`
	Name       string     `xml:"name,attr,omitempty"`
	Identifier string     `xml:"identifier,attr,omitempty"`
	Status     string     `xml:"status,attr,omitempty"`
	ServiceID  string     `xml:"service_id,attr,omitempty"`
	Address1   string     `xml:"address_1,attr,omitempty"`
	Address2   string     `xml:"address_2,attr,omitempty"`
	Address3   string     `xml:"address_3,attr,omitempty"`
	Address4   string     `xml:"address_4,attr,omitempty"`
	Address5   string     `xml:"address_5,attr,omitempty"`
	Postcode   string     `xml:"postcode,attr,omitempty"`
	Phone      string     `xml:"phone,attr,omitempty"`
	Email      string     `xml:"email,attr,omitempty"`
	Fax        string     `xml:"fax,attr,omitempty"`
	SysDate    string     `xml:"sysdate,attr,omitempty"`
	Other      []xml.Attr `xml:",any,attr"`
}

// StaffRow is a row of the bulk extract's Staff table (ID, TITLE, FORENAME,
// SURNAME, SEX as a SEX lookup key) with the forenames split as the patient
// row splits them, plus the national and local user ids and telecom. Its id
// is what clinical rows' clinician and the patient's usual_gp refer to.
type StaffRow struct {
	ID        string     `xml:"id,attr,omitempty"`
	Title     string     `xml:"title,attr,omitempty"`
	Forename1 string     `xml:"forename1,attr,omitempty"`
	Forename2 string     `xml:"forename2,attr,omitempty"`
	OthForNam string     `xml:"othforenam,attr,omitempty"`
	Surname   string     `xml:"surname,attr,omitempty"`
	Sex       string     `xml:"sex,attr,omitempty"`
	SDSID     string     `xml:"sds_id,attr,omitempty"`
	SDSRoles  string     `xml:"sds_roles,attr,omitempty"` // space-separated role profile ids
	LoginID   string     `xml:"login_id,attr,omitempty"`
	Phone     string     `xml:"phone,attr,omitempty"`
	Email     string     `xml:"email,attr,omitempty"`
	SysDate   string     `xml:"sysdate,attr,omitempty"`
	Other     []xml.Attr `xml:",any,attr"`
}

// StaffRoleRow is one role of one staff member at one organisation: the
// Staff table's SERVICE_ID link, with the role as an SDS job role code and
// term (role_code R0260, role_term "General Medical Practitioner") in place
// of Vision's local HCP_TYPE, which GP Connect cannot use.
type StaffRoleRow struct {
	ID        string     `xml:"id,attr,omitempty"`
	StaffID   string     `xml:"staff_id,attr,omitempty"`
	ServiceID string     `xml:"service_id,attr,omitempty"`
	RoleCode  string     `xml:"role_code,attr,omitempty"`
	RoleTerm  string     `xml:"role_term,attr,omitempty"`
	Other     []xml.Attr `xml:",any,attr"`
}

// systemSDSJobRole is the code system of PractitionerRole.JobRole.
const systemSDSJobRole = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"

// DecodePractice reads practice.xml: the practice, the other organisations
// it refers to, its sites and its staff with their roles.
func DecodePractice(r io.Reader) (*record.Practice, error) {
	var d Directory
	if err := decodeXML(r, &d); err != nil {
		return nil, fmt.Errorf("vision: practice: %w", err)
	}
	p, err := d.toRecord()
	if err != nil {
		if d.PracID == "" {
			return nil, fmt.Errorf("vision: practice: %w", err)
		}
		return nil, fmt.Errorf("vision: practice %s: %w", d.PracID, err)
	}
	return p, nil
}

// EncodePractice writes practice.xml; it round-trips with DecodePractice.
// Patients and the appointment book are not part of the directory.
func EncodePractice(w io.Writer, p *record.Practice) error {
	if p == nil {
		return errors.New("vision: encode practice: nil practice")
	}
	d := directoryOf(p)
	if err := encodeXML(w, &d); err != nil {
		return fmt.Errorf("vision: practice %s: %w", p.Organisation.ID, err)
	}
	return nil
}

func (d *Directory) toRecord() (*record.Practice, error) {
	if len(d.Practices) != 1 {
		return nil, fmt.Errorf("want one practice row, got %d", len(d.Practices))
	}
	p := &record.Practice{Supplier: Supplier}
	var err error
	if p.LastModified, err = parseTimestamp(d.Created); err != nil {
		return nil, fmt.Errorf("created: %w", err)
	}
	if p.Organisation, err = d.Practices[0].toRecord(); err != nil {
		return nil, fmt.Errorf("practice row: %w", err)
	}
	if p.Organisation.ID == "" {
		return nil, errors.New("practice row has no id")
	}
	if p.Organisation.Type == "" {
		p.Organisation.Type = "gp-practice"
	}
	for i := range d.Organisations {
		o, err := d.Organisations[i].toRecord()
		if err != nil {
			return nil, fmt.Errorf("organisation row %d: %w", i+1, err)
		}
		p.Organisations = append(p.Organisations, o)
	}
	for i := range d.Sites {
		l, err := d.Sites[i].toRecord()
		if err != nil {
			return nil, fmt.Errorf("site row %d: %w", i+1, err)
		}
		p.Locations = append(p.Locations, l)
	}
	byID := make(map[string]int, len(d.Staff))
	for i := range d.Staff {
		s, err := d.Staff[i].toRecord()
		if err != nil {
			return nil, fmt.Errorf("staff row %d: %w", i+1, err)
		}
		if _, dup := byID[s.ID]; dup {
			return nil, fmt.Errorf("staff row %d: duplicate id", i+1)
		}
		byID[s.ID] = len(p.Practitioners)
		p.Practitioners = append(p.Practitioners, s)
	}
	for i := range d.StaffRoles {
		r := &d.StaffRoles[i]
		j, ok := byID[r.StaffID]
		if !ok {
			return nil, fmt.Errorf("staff_role row %d: no staff row with its staff_id", i+1)
		}
		role := record.PractitionerRole{ID: r.ID, OrganisationID: r.ServiceID}
		if r.RoleCode != "" || r.RoleTerm != "" {
			role.JobRole = record.Code{System: systemSDSJobRole, Code: r.RoleCode, Display: r.RoleTerm}
		}
		p.Practitioners[j].Roles = append(p.Practitioners[j].Roles, role)
	}
	return p, nil
}

func directoryOf(p *record.Practice) Directory {
	d := Directory{
		Created:   formatTimestamp(p.LastModified),
		PracID:    p.Organisation.ID,
		Practices: []OrganisationRow{organisationRowOf(&p.Organisation)},
	}
	for i := range p.Organisations {
		d.Organisations = append(d.Organisations, organisationRowOf(&p.Organisations[i]))
	}
	for i := range p.Locations {
		d.Sites = append(d.Sites, siteRowOf(&p.Locations[i]))
	}
	for i := range p.Practitioners {
		pr := &p.Practitioners[i]
		d.Staff = append(d.Staff, staffRowOf(pr))
		for _, r := range pr.Roles {
			d.StaffRoles = append(d.StaffRoles, StaffRoleRow{
				ID: r.ID, StaffID: pr.ID, ServiceID: r.OrganisationID,
				RoleCode: r.JobRole.Code, RoleTerm: r.JobRole.Display,
			})
		}
	}
	return d
}

func (o *OrganisationRow) toRecord() (record.Organisation, error) {
	lm, err := parseTimestamp(o.SysDate)
	if err != nil {
		return record.Organisation{}, fmt.Errorf("sysdate: %w", err)
	}
	out := record.Organisation{
		ID: o.ID, ODSCode: o.Identifier, Name: o.Name, Type: o.OrgType, PartOfID: o.ParentID,
		Telecom:      orgTelecom{o.Phone, o.Fax, o.Email}.toRecord(),
		LastModified: lm,
	}
	if a := (addressAttrs{[5]string{o.Address1, o.Address2, o.Address3, o.Address4, o.Address5}, o.Postcode}).toRecord("work"); !a.IsZero() {
		out.Addresses = []record.Address{a}
	}
	return out, nil
}

func organisationRowOf(o *record.Organisation) OrganisationRow {
	row := OrganisationRow{
		ID: o.ID, Name: o.Name, Identifier: o.ODSCode, OrgType: o.Type, ParentID: o.PartOfID,
		SysDate: formatTimestamp(o.LastModified),
	}
	if a, ok := firstAddress(o.Addresses, "work"); ok {
		aa := fromRecord(a)
		row.Address1, row.Address2, row.Address3, row.Address4, row.Address5, row.Postcode = aa.line[0], aa.line[1], aa.line[2], aa.line[3], aa.line[4], aa.postcode
	}
	t := orgTelecomOf(o.Telecom)
	row.Phone, row.Fax, row.Email = t.phone, t.fax, t.email
	return row
}

func (s *SiteRow) toRecord() (record.Location, error) {
	lm, err := parseTimestamp(s.SysDate)
	if err != nil {
		return record.Location{}, fmt.Errorf("sysdate: %w", err)
	}
	return record.Location{
		ID: s.ID, SiteODSCode: s.Identifier, Name: s.Name, Status: s.Status,
		Address:                addressAttrs{[5]string{s.Address1, s.Address2, s.Address3, s.Address4, s.Address5}, s.Postcode}.toRecord("work"),
		Telecom:                orgTelecom{s.Phone, s.Fax, s.Email}.toRecord(),
		ManagingOrganisationID: s.ServiceID,
		LastModified:           lm,
	}, nil
}

func siteRowOf(l *record.Location) SiteRow {
	aa := fromRecord(l.Address)
	t := orgTelecomOf(l.Telecom)
	return SiteRow{
		ID: l.ID, Name: l.Name, Identifier: l.SiteODSCode, Status: l.Status, ServiceID: l.ManagingOrganisationID,
		Address1: aa.line[0], Address2: aa.line[1], Address3: aa.line[2], Address4: aa.line[3], Address5: aa.line[4],
		Postcode: aa.postcode, Phone: t.phone, Email: t.email, Fax: t.fax,
		SysDate: formatTimestamp(l.LastModified),
	}
}

func (s *StaffRow) toRecord() (record.Practitioner, error) {
	if s.ID == "" {
		return record.Practitioner{}, errors.New("no id")
	}
	lm, err := parseTimestamp(s.SysDate)
	if err != nil {
		return record.Practitioner{}, fmt.Errorf("sysdate: %w", err)
	}
	out := record.Practitioner{
		ID: s.ID, SDSUserID: s.SDSID, SDSRoleProfileIDs: fieldsOrNil(s.SDSRoles), LocalUserID: s.LoginID,
		Name:         nameAttrs{s.Title, s.Forename1, s.Forename2, s.OthForNam, s.Surname}.toRecord("official"),
		Telecom:      orgTelecom{phone: s.Phone, email: s.Email}.toRecord(),
		LastModified: lm,
	}
	out.Gender = genderOf(s.Sex)
	return out, nil
}

func staffRowOf(p *record.Practitioner) StaffRow {
	n := nameAttrsOf(p.Name)
	t := orgTelecomOf(p.Telecom)
	return StaffRow{
		ID: p.ID, Title: n.title, Forename1: n.forename1, Forename2: n.forename2, OthForNam: n.others, Surname: n.surname,
		Sex: genderSex[p.Gender], SDSID: p.SDSUserID, SDSRoles: strings.Join(p.SDSRoleProfileIDs, " "), LoginID: p.LocalUserID,
		Phone: t.phone, Email: t.email, SysDate: formatTimestamp(p.LastModified),
	}
}

// fieldsOrNil splits a space-separated list, nil when empty so an absent
// list decodes as the zero value.
func fieldsOrNil(s string) []string {
	if f := strings.Fields(s); len(f) > 0 {
		return f
	}
	return nil
}
