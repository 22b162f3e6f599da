package tpp

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"im1fhir/record"
)

// sdsJobRoleSystem is the code system of User/RoleCode (SDS job roles).
const sdsJobRoleSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"

// roleProfilePrefix marks the Access entries that carry SDS role profile
// ids, setting them apart from SystmOne's own access rights.
const roleProfilePrefix = "SDSRoleProfileID:"

// DecodePractice reads the practice directory file: a PatientRecord whose
// OrganisationID is the practice ODS code and whose Metadata lists the
// organisations and locations (as Sites) and staff (as Users). Its Patient is
// the schema-required placeholder and is ignored.
func DecodePractice(r io.Reader) (*record.Practice, error) {
	pr, _, err := decodeRoot(r, false)
	if err != nil {
		return nil, fmt.Errorf("tpp: practice: %w", err)
	}
	ods := strings.TrimSpace(pr.OrganisationID)
	if ods == "" {
		return nil, errors.New("tpp: practice: no OrganisationID")
	}
	p := &record.Practice{
		Organisation: record.Organisation{ID: ods, ODSCode: ods, Type: "gp-practice"},
		Supplier:     Supplier,
		LastModified: messageUIDTime(pr.MessageUID),
	}
	for _, s := range pr.Metadata.Site {
		id := parseSiteID(s.ID)
		if id.Kind != kindOrganisation {
			p.Locations = append(p.Locations, siteToLocation(s, id, ods))
			continue
		}
		org := siteToOrganisation(s, id)
		if org.ID == ods {
			if org.Type == "" {
				org.Type = "gp-practice"
			}
			p.Organisation = org
			continue
		}
		p.Organisations = append(p.Organisations, org)
	}
	for _, u := range pr.Metadata.User {
		p.Practitioners = append(p.Practitioners, userFromTPP(u, ods))
	}
	return p, nil
}

// EncodePractice writes the practice directory. Patients, schedules and
// appointments in p are not part of the directory and are not written.
func EncodePractice(w io.Writer, p *record.Practice) error {
	if p == nil {
		return errors.New("tpp: encode practice: nil practice")
	}
	ods := orgKey(p.Organisation)
	if ods == "" {
		return errors.New("tpp: encode practice: no organisation ODS code or ID")
	}
	pr := &PatientRecord{
		MessageUID:     newMessageUID(ods, p.LastModified),
		OrganisationID: ods,
		Patient:        directoryPlaceholder,
	}
	pr.Metadata.Site = append(pr.Metadata.Site, organisationToSite(p, p.Organisation))
	for i := range p.Organisations {
		pr.Metadata.Site = append(pr.Metadata.Site, organisationToSite(p, p.Organisations[i]))
	}
	for i := range p.Locations {
		pr.Metadata.Site = append(pr.Metadata.Site, locationToSite(p, &p.Locations[i]))
	}
	for i := range p.Practitioners {
		pr.Metadata.User = append(pr.Metadata.User, userToTPP(&p.Practitioners[i]))
	}
	if err := writeXML(w, pr); err != nil {
		return fmt.Errorf("tpp: practice %s: %w", ods, err)
	}
	return nil
}

// directoryPlaceholder fills the Patient element that the schema makes
// mandatory even in a directory-only file. It is recognisable by the empty
// PatientUID beside it; the date and sex fillers exist only to satisfy the
// schema's types and are never read.
var directoryPlaceholder = Patient{
	Demographics: Demographics{
		DateOfBirth:    "1900-01-01",
		Sex:            "F",
		EnglishSpeaker: "Unknown",
		CareStartDate:  "1900-01-01",
	},
}

// orgKey is an organisation's TPP key: its ODS code, else its id.
func orgKey(o record.Organisation) string {
	if o.ODSCode != "" {
		return o.ODSCode
	}
	return o.ID
}

// organisationToSite writes an organisation as a Site of kind organisation.
// TPP keys organisations by ODS code, so the code is the Site key and
// becomes the organisation's id on reading.
func organisationToSite(practice *record.Practice, o record.Organisation) Site {
	id := siteID{Key: orgKey(o), Kind: kindOrganisation, Type: o.Type}
	if o.PartOfID != "" {
		id.PartOf = organisationODS(practice, o.PartOfID)
	}
	s := Site{Name: o.Name, ID: id.String()}
	s.Telephone, s.Fax, s.Email = telecomToSite(o.Telecom)
	if len(o.Addresses) > 0 {
		s.Address = addressToTPP(o.Addresses[0])
	}
	return s
}

func siteToOrganisation(s Site, id siteID) record.Organisation {
	o := record.Organisation{
		ID:       id.Key,
		ODSCode:  id.Key,
		Name:     strings.TrimSpace(s.Name),
		Type:     id.Type,
		PartOfID: id.PartOf,
		Telecom:  telecomFromSite(s),
	}
	if a := addressFromTPP(&s.Address, "work"); !a.IsZero() {
		o.Addresses = []record.Address{a}
	}
	return o
}

// locationToSite writes a location; qualifiers are left out when they hold
// the defaults (managed by the practice, active). practice may be nil.
func locationToSite(practice *record.Practice, l *record.Location) Site {
	id := siteID{Key: l.ID, ODS: l.SiteODSCode}
	var practiceID string
	if practice != nil {
		practiceID = practice.Organisation.ID
	}
	if l.ManagingOrganisationID != practiceID || practice == nil {
		id.Org = organisationODS(practice, l.ManagingOrganisationID)
		if id.Org == "" {
			id.Org = "-" // explicitly none, as opposed to the default
		}
	}
	if l.Status != "active" {
		id.Status = l.Status
		if id.Status == "" {
			id.Status = "-"
		}
	}
	s := Site{Name: l.Name, ID: id.String(), Address: addressToTPP(l.Address)}
	s.Telephone, s.Fax, s.Email = telecomToSite(l.Telecom)
	return s
}

func siteToLocation(s Site, id siteID, practiceID string) record.Location {
	l := record.Location{
		ID:                     id.Key,
		SiteODSCode:            id.ODS,
		Name:                   strings.TrimSpace(s.Name),
		Status:                 "active",
		Address:                addressFromTPP(&s.Address, "work"),
		Telecom:                telecomFromSite(s),
		ManagingOrganisationID: practiceID,
	}
	if id.Org != "" {
		l.ManagingOrganisationID = strings.TrimPrefix(id.Org, "-")
	}
	if id.Status != "" {
		l.Status = strings.TrimPrefix(id.Status, "-")
	}
	return l
}

// telecomToSite takes the first phone, fax and email.
func telecomToSite(cps []record.ContactPoint) (phone, fax, email string) {
	for _, cp := range cps {
		switch {
		case cp.System == "phone" && phone == "":
			phone = cp.Value
		case cp.System == "fax" && fax == "":
			fax = cp.Value
		case cp.System == "email" && email == "":
			email = cp.Value
		}
	}
	return phone, fax, email
}

func telecomFromSite(s Site) []record.ContactPoint {
	var out []record.ContactPoint
	for _, c := range []struct{ system, value string }{
		{"phone", s.Telephone}, {"fax", s.Fax}, {"email", s.Email},
	} {
		if v := strings.TrimSpace(c.value); v != "" {
			out = append(out, record.ContactPoint{System: c.system, Value: v, Use: "work"})
		}
	}
	return out
}

// userToTPP writes a practitioner. The user name (LocalUserID, else ID) is
// the key records refer to; the SDS user id is the NationalID of type
// "Other"; SDS role profile ids are Access entries prefixed
// "SDSRoleProfileID:"; the first role is Role (display) and RoleCode (SDS
// job role code).
func userToTPP(p *record.Practitioner) User {
	u := User{UserName: practitionerKey(p), Gender: genderToTPP(p.Gender)}
	u.Title, u.FirstName, u.MiddleNames, u.Surname = nameToTPP(p.Name)
	if len(p.Roles) > 0 {
		u.Role = p.Roles[0].JobRole.Display
		u.RoleCode = p.Roles[0].JobRole.Code
	}
	if p.SDSUserID != "" {
		u.NationalID, u.NationalIDType = p.SDSUserID, "Other"
	}
	for _, rp := range p.SDSRoleProfileIDs {
		u.AccessRights.Access = append(u.AccessRights.Access, roleProfilePrefix+rp)
	}
	return u
}

func userFromTPP(u User, practiceID string) record.Practitioner {
	name := strings.TrimSpace(u.UserName)
	p := record.Practitioner{
		ID:          name,
		LocalUserID: name,
		Name:        nameFromTPP(u.Title, u.FirstName, u.MiddleNames, u.Surname),
		Gender:      genderFromTPP(u.Gender),
	}
	// A GMC or NMC number is not an SDS user id; only "Other" (or untyped) is.
	if t := strings.TrimSpace(u.NationalIDType); t == "" || t == "Other" {
		p.SDSUserID = strings.TrimSpace(u.NationalID)
	}
	for _, a := range u.AccessRights.Access {
		if rp, ok := strings.CutPrefix(strings.TrimSpace(a), roleProfilePrefix); ok && rp != "" {
			p.SDSRoleProfileIDs = append(p.SDSRoleProfileIDs, rp)
		}
	}
	role, code := strings.TrimSpace(u.Role), strings.TrimSpace(u.RoleCode)
	if role != "" || code != "" {
		p.Roles = []record.PractitionerRole{{
			ID:             name + "-role",
			OrganisationID: practiceID,
			JobRole:        record.Code{System: sdsJobRoleSystem, Code: code, Display: role},
		}}
	}
	return p
}

func practitionerKey(p *record.Practitioner) string {
	if p.LocalUserID != "" {
		return p.LocalUserID
	}
	return p.ID
}

// The lookups below turn record ids into TPP keys through the practice
// directory; without a directory entry the id is used as it is.

func organisationODS(practice *record.Practice, id string) string {
	if practice != nil {
		if practice.Organisation.ID == id {
			return orgKey(practice.Organisation)
		}
		for _, o := range practice.Organisations {
			if o.ID == id {
				return orgKey(o)
			}
		}
	}
	return id
}

func findPractitioner(practice *record.Practice, id string) *record.Practitioner {
	if practice == nil {
		return nil
	}
	for i := range practice.Practitioners {
		if practice.Practitioners[i].ID == id {
			return &practice.Practitioners[i]
		}
	}
	return nil
}

func userName(practice *record.Practice, id string) string {
	if p := findPractitioner(practice, id); p != nil {
		return practitionerKey(p)
	}
	return id
}

func findLocation(practice *record.Practice, id string) *record.Location {
	if practice == nil {
		return nil
	}
	for i := range practice.Locations {
		if practice.Locations[i].ID == id {
			return &practice.Locations[i]
		}
	}
	return nil
}
