package gpconnect

import (
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// DefaultNHSNumberStatus is the verification status rendered when the record
// holds an NHS number but no (or no recognised) status. The extension is
// required (1..1) on the NHS number identifier, so something must be sent;
// "02 Number present but not traced" is the only value that claims nothing
// the record does not say. "01 verified" would let a consumer, and GP
// Connect's structured-record rule (status must be 01), trust a number nobody
// confirmed. Supplier mappings that know a number was traced set
// record.NHSNumberVerified explicitly.
const DefaultNHSNumberStatus = record.NHSNumberNotTraced

// Patient renders p as a CareConnect-GPC-Patient-1 resource (GP Connect
// Foundations §4.4). practice is the practice addressed by the request, whose
// organisation becomes managingOrganization; when nil, the patient's
// registered organisation is used instead.
//
// Rendered: meta (profile, versionId, lastUpdated), id, the NHS number with
// its verification status, exactly one official name (other names keep their
// own non-official use), telecom, gender, birthDate, deceasedDateTime when
// deceased, address, contacts (relationship as text only), the usual GP as
// generalPractitioner, managingOrganization, and the registrationDetails and
// nhsCommunication extensions when held.
//
// Never rendered, as the profile forbids or discourages them: multipleBirth
// (even when the record says so), maritalStatus, photo, animal,
// communication, link, text, registrationStatus, ethnicCategory,
// religiousAffiliation, residentialStatus, treatmentCategory, birthPlace,
// cadavericDonor, address.state, contact.relationship.coding.
func Patient(p *record.Patient, practice *record.Practice) *rpb.Patient {
	meta := newMeta(ProfilePatient, p.LastModified)
	out := &rpb.Patient{
		Id:        id(p.ID),
		Meta:      meta,
		Gender:    gender(p.Gender),
		BirthDate: date(p.BirthDate),
		Address:   addresses(p.Addresses),
		Telecom:   telecoms(p.Telecom, "home"),
	}
	if p.NHSNumber != "" {
		out.Identifier = []*dpb.Identifier{nhsNumberIdentifier(p.NHSNumber, p.NHSNumberStatus)}
	}
	out.Name = patientNames(p)
	if dt := dateTime(p.Deceased); dt != nil {
		out.Deceased = &rpb.Patient_Deceased{Deceased: &rpb.Patient_Deceased_DateTime{DateTime: dt}}
	}
	for _, c := range p.Contacts {
		if fc := patientContact(c); fc != nil {
			out.Contact = append(out.Contact, fc)
		}
	}
	if ref := practitionerRef(p.Registration.UsualGPID); ref != nil {
		out.GeneralPractitioner = []*dpb.Reference{ref}
	}
	orgID := p.Registration.OrganisationID
	if practice != nil && practice.Organisation.ID != "" {
		orgID = practice.Organisation.ID
	}
	out.ManagingOrganization = orgRef(orgID)
	if ext := registrationDetails(p.Registration); ext != nil {
		out.Extension = append(out.Extension, ext)
	}
	if ext := nhsCommunication(p.Communication); ext != nil {
		out.Extension = append(out.Extension, ext)
	}
	seal(out, meta)
	return out
}

// nhsNumberIdentifier is the identifier:nhsNumber slice with its required
// verification-status extension (see DefaultNHSNumberStatus).
func nhsNumberIdentifier(n record.NHSNumber, status record.NHSNumberStatus) *dpb.Identifier {
	display, ok := record.NHSNumberStatusDisplay[status]
	if !ok {
		status = DefaultNHSNumberStatus
		display = record.NHSNumberStatusDisplay[status]
	}
	ident := identifier(SystemNHSNumber, n.String())
	ident.Extension = []*dpb.Extension{extCodeableConcept(ExtNHSNumberVerificationStatus, &dpb.CodeableConcept{
		Coding: []*dpb.Coding{coding(CodeSystemNHSNumberVerificationStatus, string(status), display)},
	})}
	return ident
}

// patientNames gives exactly one official name (the PDS-synchronised one,
// record.Patient.Name, whatever use the source gave it) followed by the
// other names whose use is a real non-official use. Other names marked
// official, or with no use, are left out: the profile allows only one
// official name and guessing a use would misstate them.
func patientNames(p *record.Patient) []*dpb.HumanName {
	var out []*dpb.HumanName
	official := p.Name
	official.Use = "official"
	if n := humanName(official, "official"); n != nil {
		out = append(out, n)
	}
	for _, other := range p.OtherNames {
		if other.Use == "" || other.Use == "official" {
			continue
		}
		if _, ok := enumValue(dpb.NameUseCode_Value_value, other.Use); !ok {
			continue
		}
		if n := humanName(other, ""); n != nil {
			out = append(out, n)
		}
	}
	return out
}

// patientContact renders a contact with the relationship as text only (GP
// Connect forbids relationship.coding) and a name that always has a use:
// "usual" when the source gave none, since a contact's name is not
// PDS-verified and so not "official".
func patientContact(c record.Contact) *rpb.Patient_Contact {
	out := &rpb.Patient_Contact{
		Name:    humanName(c.Name, "usual"),
		Telecom: telecoms(c.Telecom, "home"),
		Address: address(c.Address),
	}
	if c.Relationship != "" {
		out.Relationship = []*dpb.CodeableConcept{{Text: str(c.Relationship)}}
	}
	if c.Gender != "" {
		out.Gender = gender(c.Gender)
	}
	if out.Name == nil && len(out.Telecom) == 0 && out.Address == nil && out.Relationship == nil {
		return nil
	}
	return out
}

// registrationDetails renders the registrationDetails extension:
// registrationPeriod, registrationType and preferredBranchSurgery.
// registrationStatus is never sent (max 0 in GP Connect).
func registrationDetails(r record.Registration) *dpb.Extension {
	var typ *dpb.Extension
	if r.Type != "" {
		typ = extCodeableConcept(SubExtRegistrationType, &dpb.CodeableConcept{
			Coding: []*dpb.Coding{coding(CodeSystemRegistrationType, r.Type, record.RegistrationTypeDisplay[r.Type])},
		})
	}
	var per *dpb.Extension
	if fp := period(r.Period); fp != nil {
		per = extPeriod(SubExtRegistrationPeriod, fp)
	}
	var branch *dpb.Extension
	if ref := locationRef(r.PreferredBranchID); ref != nil {
		branch = extReference(SubExtPreferredBranchSurgery, ref)
	}
	return extComplex(ExtRegistrationDetails, per, typ, branch)
}

// nhsCommunication renders the patient's language needs. The language
// sub-extension is mandatory, so without a language nothing is sent.
func nhsCommunication(c *record.Communication) *dpb.Extension {
	if c == nil || c.Language.Code == "" {
		return nil
	}
	system := c.Language.System
	if system == "" {
		system = CodeSystemHumanLanguage
	}
	return extComplex(ExtNHSCommunication,
		extCodeableConcept(SubExtLanguage, &dpb.CodeableConcept{
			Coding: []*dpb.Coding{coding(system, c.Language.Code, c.Language.Display)},
		}),
		extBoolean(SubExtPreferred, c.Preferred),
		extBoolean(SubExtInterpreterRequired, c.InterpreterRequired),
	)
}
