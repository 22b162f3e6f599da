package emis

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"im1fhir/record"
)

// SystemSDSJobRole is the code system of practitioner job roles.
const SystemSDSJobRole = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"

// originatorSystem names the writer in Originator/System. It is not EMIS Web
// and does not pretend to be.
const originatorSystem = "im1fhir sandbox"

// Location type descriptions. Organisations and sites share EMIS's
// LocationList; the LocationTypeList entry each points to tells them apart.
const (
	typeOrganisation  = "Organisation"
	typeMainSurgery   = "Main Surgery"
	typeBranchSurgery = "Branch Surgery"
)

// organisationTypes maps GPConnect-OrganisationType-1 codes to the location
// type descriptions EMIS uses. Codes not listed travel verbatim.
var organisationTypes = map[string]string{
	"gp-practice": "General Practice",
}

// organisationTypeAliases are other descriptions EMIS uses for a practice.
var organisationTypeAliases = map[string]string{
	"general practice":         "gp-practice",
	"general practice surgery": "gp-practice",
	"gp practice":              "gp-practice",
}

func organisationTypeDescription(code string) string {
	if code == "" {
		return typeOrganisation
	}
	if d, ok := organisationTypes[code]; ok {
		return d
	}
	return code
}

func organisationTypeCode(desc string) string {
	if c, ok := organisationTypeAliases[strings.ToLower(desc)]; ok {
		return c
	}
	if strings.EqualFold(desc, typeOrganisation) {
		return ""
	}
	return desc
}

// siteTypeDescription is "Main Surgery" for the practice's first site and
// "Branch Surgery" for the others. A status other than active is appended in
// brackets: the schema has no status for a location, and its type is the
// closest place that a reader of the directory would look.
func siteTypeDescription(main bool, status string) string {
	d := typeBranchSurgery
	if main {
		d = typeMainSurgery
	}
	if status != "" && status != "active" {
		d += " (" + status + ")"
	}
	return d
}

// siteStatus reports whether desc is a site type and the site's status.
func siteStatus(desc string) (status string, ok bool) {
	base := strings.TrimSpace(desc)
	status = "active"
	if i := strings.LastIndex(base, " ("); i > 0 && strings.HasSuffix(base, ")") {
		if st := strings.ToLower(strings.TrimSpace(base[i+2 : len(base)-1])); st != "" {
			status = st
		}
		base = base[:i]
	}
	switch strings.ToLower(base) {
	case "main surgery", "branch surgery", "surgery", "site":
		return status, true
	}
	return "", false
}

// directory is a practice laid out as EMIS's three directory lists, with
// the RefIDs each entry gets. Patient files embed a subset with the same
// RefIDs so that both kinds of file agree.
type directory struct {
	locations []LocationType
	people    []PersonType
	types     []TypeOfLocationType

	locationRef map[string]int64 // location GUID → RefID
	personRef   map[string]int64 // person GUID → RefID of its first entry
	typeRef     map[string]int64 // description → RefID
	practiceID  string
}

func newDirectory(p *record.Practice) *directory {
	d := &directory{
		locationRef: map[string]int64{},
		personRef:   map[string]int64{},
		typeRef:     map[string]int64{},
	}
	if p == nil {
		return d
	}
	d.practiceID = p.Organisation.ID
	// RefIDs first, so that links may point forwards.
	n := int64(0)
	assign := func(id string) {
		if _, dup := d.locationRef[id]; id != "" && !dup {
			n++
			d.locationRef[id] = n
		}
	}
	assign(p.Organisation.ID)
	for _, o := range p.Organisations {
		assign(o.ID)
	}
	for _, l := range p.Locations {
		assign(l.ID)
	}
	ods := map[string]string{p.Organisation.ID: p.Organisation.ODSCode}
	for _, o := range p.Organisations {
		ods[o.ID] = o.ODSCode
	}

	d.addOrganisation(p.Organisation, ods)
	for _, o := range p.Organisations {
		d.addOrganisation(o, ods)
	}
	for i, l := range p.Locations {
		d.addSite(l, i == 0, ods)
	}
	for _, pr := range p.Practitioners {
		d.addPractitioner(pr)
	}
	return d
}

func (d *directory) typeID(desc string) *IdentType {
	r, ok := d.typeRef[desc]
	if !ok {
		r = int64(len(d.types) + 1)
		d.typeRef[desc] = r
		d.types = append(d.types, TypeOfLocationType{
			IdentType:   IdentType{RefID: int64p(r), GUID: derivedGUID("emis location type", desc)},
			Description: desc,
		})
	}
	return ref(d.types[r-1].GUID, r)
}

// link writes a reference to another organisation as a GP link: the
// linked location's identity, with its ODS code (else its id) as LinkCode.
func (d *directory) link(id string, ods map[string]string) *GPLinkCodeListType {
	if id == "" {
		return nil
	}
	code := ods[id]
	if code == "" {
		code = id
	}
	l := GPLinkCodeType{IdentType: IdentType{GUID: id}, LinkCode: code}
	if r := d.locationRef[id]; r > 0 {
		l.RefID = int64p(r)
	}
	return &GPLinkCodeListType{GPLinkCode: []GPLinkCodeType{l}}
}

func (d *directory) addOrganisation(o record.Organisation, ods map[string]string) {
	if o.ID == "" {
		return
	}
	var addr record.Address
	if len(o.Addresses) > 0 {
		addr = o.Addresses[0]
	}
	t := organisationTelecom(o.Telecom)
	d.locations = append(d.locations, LocationType{
		IdentType:      *ref(o.ID, d.locationRef[o.ID]),
		LocationName:   o.Name,
		NationalCode:   o.ODSCode,
		LocationTypeID: d.typeID(organisationTypeDescription(o.Type)),
		Address:        addressToEMIS(addr),
		Telephone1:     t.Telephone1,
		Telephone2:     t.Telephone2,
		Fax:            t.Fax,
		Email:          t.Email,
		GPLinkCodeList: d.link(o.PartOfID, ods),
	})
}

func (d *directory) addSite(l record.Location, main bool, ods map[string]string) {
	if l.ID == "" {
		return
	}
	t := organisationTelecom(l.Telecom)
	d.locations = append(d.locations, LocationType{
		IdentType:      *ref(l.ID, d.locationRef[l.ID]),
		LocationName:   l.Name,
		NationalCode:   l.SiteODSCode,
		LocationTypeID: d.typeID(siteTypeDescription(main, l.Status)),
		Address:        addressToEMIS(l.Address),
		Telephone1:     t.Telephone1,
		Telephone2:     t.Telephone2,
		Fax:            t.Fax,
		Email:          t.Email,
		GPLinkCodeList: d.link(l.ManagingOrganisationID, ods),
	})
}

// addPractitioner writes one Person per role (EMIS's user-in-role), all
// with the practitioner's GUID; a practitioner without roles gets one.
func (d *directory) addPractitioner(pr record.Practitioner) {
	if pr.ID == "" {
		return
	}
	t := personTelecom(pr.Telecom)
	base := PersonType{
		IdentType:      IdentType{GUID: pr.ID},
		Mnemonic:       pr.LocalUserID,
		PCSUser:        int64p(1),
		ActiveEMISUser: "Y",
		Title:          strings.Join(pr.Name.Prefix, " "),
		FirstNames:     strings.Join(pr.Name.Given, " "),
		LastName:       pr.Name.Family,
		NationalCode:   pr.SDSUserID,
		Telephone1:     t.Telephone1,
		Telephone2:     t.Telephone2,
		Fax:            t.Fax,
		Email:          t.Email,
		Security1:      strings.Join(pr.SDSRoleProfileIDs, " "),
		Security2:      sexCode(pr.Gender),
	}
	roles := pr.Roles
	if len(roles) == 0 {
		roles = []record.PractitionerRole{{}}
	}
	for _, r := range roles {
		p := base
		p.RefID = int64p(int64(len(d.people) + 1))
		if _, seen := d.personRef[pr.ID]; !seen {
			d.personRef[pr.ID] = *p.RefID
		}
		if r.JobRole.Code != "" || r.JobRole.Display != "" {
			p.Category = &PersonCategoryType{Mnemonic: r.JobRole.Code, Description: r.JobRole.Display}
		}
		if r.ID != "" || r.OrganisationID != "" {
			p.Role = &RoleType{IdentType: IdentType{GUID: r.ID}, Location: ref(r.OrganisationID, d.locationRef[r.OrganisationID])}
		}
		d.people = append(d.people, p)
	}
}

// EncodePractice writes the practice directory file: a <MedicalRecord>
// holding only PeopleList, LocationList, LocationTypeList and an Originator
// pointing at the practice.
func EncodePractice(w io.Writer, p *record.Practice) error {
	if p == nil {
		return errors.New("emis: practice: nil")
	}
	if p.Organisation.ID == "" {
		return errors.New("emis: practice: organisation has no id")
	}
	d := newDirectory(p)
	mr := &MedicalRecordType{
		Originator: &OriginatorType{
			System:       &OriginatorSystemType{Name: originatorSystem},
			Organisation: ref(p.Organisation.ID, d.locationRef[p.Organisation.ID]),
		},
		MessageInformation: messageInformation(p.LastModified),
	}
	if len(d.people) > 0 {
		mr.PeopleList = &PeopleListType{Person: d.people}
	}
	if len(d.locations) > 0 {
		mr.LocationList = &LocationListType{Location: d.locations}
	}
	if len(d.types) > 0 {
		mr.LocationTypeList = &LocationTypeListType{LocationType: d.types}
	}
	if err := writeMedicalRecord(w, mr); err != nil {
		return fmt.Errorf("emis: practice %s: %w", p.Organisation.ODSCode, err)
	}
	return nil
}

// messageInformation carries a file's LastModified as the message creation
// time: a sandbox file is (re)written whenever its content changes, so the
// two are the same instant. Zero writes nothing.
func messageInformation(t time.Time) *MessageInformationType {
	if t.IsZero() {
		return nil
	}
	date, clock := formatTimestamp(t)
	return &MessageInformationType{DateCreated: date, TimeCreated: clock}
}

// DecodePractice reads a practice directory file.
func DecodePractice(r io.Reader) (*record.Practice, error) {
	mr, err := readMedicalRecord(r)
	if err != nil {
		return nil, fmt.Errorf("emis: practice: %w", err)
	}
	p, err := practiceFromRecord(mr)
	if err != nil {
		return nil, fmt.Errorf("emis: practice: %w", err)
	}
	return p, nil
}

// resolver turns references (GUID, else RefID) into directory identities.
type resolver struct {
	locationByRef map[int64]string
	personByRef   map[int64]string
	typeByID      map[string]string // type identity → description
	typeByRef     map[int64]string
}

func newResolver(mr *MedicalRecordType) *resolver {
	rs := &resolver{
		locationByRef: map[int64]string{},
		personByRef:   map[int64]string{},
		typeByID:      map[string]string{},
		typeByRef:     map[int64]string{},
	}
	if mr.LocationList != nil {
		for i := range mr.LocationList.Location {
			l := &mr.LocationList.Location[i]
			if l.RefID != nil {
				rs.locationByRef[*l.RefID] = l.identity()
			}
		}
	}
	if mr.PeopleList != nil {
		for i := range mr.PeopleList.Person {
			p := &mr.PeopleList.Person[i]
			if p.RefID != nil {
				rs.personByRef[*p.RefID] = p.identity()
			}
		}
	}
	if mr.LocationTypeList != nil {
		for i := range mr.LocationTypeList.LocationType {
			t := &mr.LocationTypeList.LocationType[i]
			desc := strings.TrimSpace(t.Description)
			if id := t.identity(); id != "" {
				rs.typeByID[id] = desc
			}
			if t.RefID != nil {
				rs.typeByRef[*t.RefID] = desc
			}
		}
	}
	return rs
}

func resolve(id *IdentType, byRef map[int64]string) string {
	if id == nil {
		return ""
	}
	if s := id.identity(); s != "" {
		return s
	}
	if id.RefID != nil {
		return byRef[*id.RefID]
	}
	return ""
}

func (rs *resolver) location(id *IdentType) string { return resolve(id, rs.locationByRef) }
func (rs *resolver) person(id *IdentType) string   { return resolve(id, rs.personByRef) }

func (rs *resolver) locationType(id *IdentType) string {
	if id == nil {
		return ""
	}
	if s := id.identity(); s != "" {
		return rs.typeByID[s]
	}
	if id.RefID != nil {
		return rs.typeByRef[*id.RefID]
	}
	return ""
}

// practiceFromRecord reads the directory lists of any MedicalRecord.
func practiceFromRecord(mr *MedicalRecordType) (*record.Practice, error) {
	rs := newResolver(mr)
	p := &record.Practice{Supplier: Supplier}
	if mi := mr.MessageInformation; mi != nil {
		t, err := parseTimestamp(mi.DateCreated, mi.TimeCreated)
		if err != nil {
			return nil, fmt.Errorf("MessageInformation: %w", err)
		}
		p.LastModified = t
	}
	practiceID := ""
	if mr.Originator != nil {
		practiceID = rs.location(mr.Originator.Organisation)
	}
	var orgs []record.Organisation
	if mr.LocationList != nil {
		for i := range mr.LocationList.Location {
			l := &mr.LocationList.Location[i]
			id := l.identity()
			if id == "" {
				return nil, fmt.Errorf("location %d has no GUID", i+1)
			}
			desc := rs.locationType(l.LocationTypeID)
			t := directoryTelecom{l.Telephone1, l.Telephone2, l.Fax, l.Email}
			var linked string
			if l.GPLinkCodeList != nil && len(l.GPLinkCodeList.GPLinkCode) > 0 {
				linked = rs.location(&l.GPLinkCodeList.GPLinkCode[0].IdentType)
			}
			if status, ok := siteStatus(desc); ok {
				p.Locations = append(p.Locations, record.Location{
					ID:                     id,
					SiteODSCode:            strings.TrimSpace(l.NationalCode),
					Name:                   strings.TrimSpace(l.LocationName),
					Status:                 status,
					Address:                addressFromEMIS(l.Address, "work"),
					Telecom:                t.contactPoints("work"),
					ManagingOrganisationID: linked,
					LastModified:           p.LastModified,
				})
				continue
			}
			o := record.Organisation{
				ID:           id,
				ODSCode:      strings.TrimSpace(l.NationalCode),
				Name:         strings.TrimSpace(l.LocationName),
				Type:         organisationTypeCode(desc),
				Telecom:      t.contactPoints("work"),
				PartOfID:     linked,
				LastModified: p.LastModified,
			}
			if a := addressFromEMIS(l.Address, "work"); !a.IsZero() {
				o.Addresses = []record.Address{a}
			}
			orgs = append(orgs, o)
		}
	}
	if practiceID == "" {
		// No Originator: the practice is the first GP practice listed.
		for _, o := range orgs {
			if o.Type == "gp-practice" {
				practiceID = o.ID
				break
			}
		}
	}
	found := false
	for _, o := range orgs {
		if !found && o.ID == practiceID {
			p.Organisation, found = o, true
			continue
		}
		p.Organisations = append(p.Organisations, o)
	}
	if !found {
		return nil, errors.New("no practice organisation: Originator/Organisation names no organisation in LocationList")
	}
	people, err := practitionersFromPeople(mr.PeopleList, rs, p.LastModified)
	if err != nil {
		return nil, err
	}
	p.Practitioners = people
	return p, nil
}

// practitionersFromPeople groups Person entries by GUID into practitioners,
// one role per entry, in order of first appearance. The person fields are
// read from the first entry.
func practitionersFromPeople(pl *PeopleListType, rs *resolver, modified time.Time) ([]record.Practitioner, error) {
	if pl == nil {
		return nil, nil
	}
	var out []record.Practitioner
	index := map[string]int{}
	for i := range pl.Person {
		pe := &pl.Person[i]
		id := pe.identity()
		if id == "" {
			return nil, fmt.Errorf("person %d has no GUID", i+1)
		}
		at, seen := index[id]
		if !seen {
			at = len(out)
			index[id] = at
			g, _ := genderFromSex(pe.Security2) // Security2 may hold other data in files from elsewhere.
			pr := record.Practitioner{
				ID:          id,
				SDSUserID:   strings.TrimSpace(pe.NationalCode),
				LocalUserID: strings.TrimSpace(pe.Mnemonic),
				Name: record.HumanName{
					Use:    "official",
					Family: strings.TrimSpace(pe.LastName),
					Given:  splitNames(pe.FirstNames),
				},
				Gender:       g,
				Telecom:      directoryTelecom{pe.Telephone1, pe.Telephone2, pe.Fax, pe.Email}.contactPoints("mobile"),
				LastModified: modified,
			}
			if t := strings.TrimSpace(pe.Title); t != "" {
				pr.Name.Prefix = []string{t}
			}
			if pr.Name.Family == "" && len(pr.Name.Given) == 0 && len(pr.Name.Prefix) == 0 {
				pr.Name.Use = "" // no name held
			}
			pr.SDSRoleProfileIDs = splitNames(pe.Security1)
			out = append(out, pr)
		}
		if pe.Category == nil && pe.Role == nil {
			continue
		}
		var role record.PractitionerRole
		if c := pe.Category; c != nil {
			role.JobRole = record.Code{Code: strings.TrimSpace(c.Mnemonic), Display: strings.TrimSpace(c.Description)}
			if role.JobRole.Code != "" {
				role.JobRole.System = SystemSDSJobRole
			}
		}
		if r := pe.Role; r != nil {
			role.ID = r.identity()
			role.OrganisationID = rs.location(r.Location)
		}
		if role == (record.PractitionerRole{}) {
			continue // an entry naming neither role, job nor organisation
		}
		out[at].Roles = append(out[at].Roles, role)
	}
	return out, nil
}
