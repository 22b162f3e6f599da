package tpp

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"im1fhir/record"
)

// Supplier is this format's name in the sandbox manifest.
const Supplier = "tpp"

// DecodePatient reads one patient's record: either a PatientRecord document
// (the schema's root, as the sandbox stores it) or a Client Integration
// GetPatientRecord response (ClientIntegrationResponse/Response).
func DecodePatient(r io.Reader) (record.Patient, error) {
	pr, resp, err := decodeRoot(r, true)
	if err != nil {
		return record.Patient{}, fmt.Errorf("tpp: patient record: %w", err)
	}
	if resp != nil {
		id := strings.TrimSpace(resp.Response.Identity.StrategicReportingIdentifier)
		return patientFromTPP(id, "", resp.ResponseUID, &resp.Response, nil)
	}
	id := strings.TrimSpace(pr.PatientUID)
	if id == "" {
		return record.Patient{}, errors.New("tpp: patient record: no PatientUID (a directory-only file?)")
	}
	return patientFromTPP(id, pr.OrganisationID, pr.MessageUID, &pr.Patient, &pr.Metadata)
}

// patientFromTPP maps the demographic, registration and directory-linked
// parts of a patient. md is nil for a Client Integration response.
func patientFromTPP(id, orgID, messageUID string, p *Patient, md *Metadata) (record.Patient, error) {
	fail := func(field string, err error) (record.Patient, error) {
		return record.Patient{}, fmt.Errorf("tpp: patient %s: %s: %w", id, field, err)
	}
	d := &p.Demographics
	out := record.Patient{ID: id}
	out.NHSNumber, out.NHSNumberStatus = nhsNumberFromTPP(p.Identity.NHSNumber)
	out.Name = nameFromTPP(d.Title, d.FirstName, d.MiddleNames, d.Surname)
	if ka := strings.TrimSpace(d.KnownAs); ka != "" {
		out.OtherNames = []record.HumanName{{Use: "nickname", Given: []string{ka}, Family: out.Name.Family}}
	}
	var err error
	if out.BirthDate, err = parseDate(d.DateOfBirth); err != nil {
		return fail("DateOfBirth", err)
	}
	if out.Deceased, err = parseDate(d.DateOfDeath); err != nil {
		return fail("DateOfDeath", err)
	}
	out.Gender = genderFromTPP(d.Sex)
	if a := addressFromTPP(d.Address, "home"); !a.IsZero() {
		out.Addresses = []record.Address{a}
	}
	out.Telecom = telecomFromTPP(d)
	out.Communication = communicationFromTPP(d)

	reg := &out.Registration
	reg.Type = registrationTypeFromTPP(d.RegistrationType)
	if reg.Period.Start, err = parseDate(d.CareStartDate); err != nil {
		return fail("CareStartDate", err)
	}
	if reg.Period.End, err = parseDate(d.CareEndDate); err != nil {
		return fail("CareEndDate", err)
	}
	reg.Active = reg.Period.End.IsZero()
	reg.OrganisationID = strings.TrimSpace(orgID)
	reg.UsualGPID = strings.TrimSpace(d.UsualGPUserName)
	if md != nil && len(md.Site) > 0 {
		reg.PreferredBranchID = parseSiteID(md.Site[0].ID).Key
	}

	out.Contacts = contactsFromEvents(p.Clinical.Event)
	out.Consent = consentFromEvents(p.Clinical.Event)
	if out.Record, err = clinicalFromEvents(p.Clinical.Event); err != nil {
		return fail("clinical", err)
	}
	out.RecordInTransit = inTransit(p)
	out.LastModified = messageUIDTime(messageUID)
	return out, nil
}

// nhsNumberFromTPP validates the NHS number. A number that fails modulus 11
// is not passed on (it would identify someone else, or no one): the patient
// is kept with no NHS number and status 03 "Trace required". A valid number
// is taken as verified (01), the schema having no status element; no number
// gives no status.
func nhsNumberFromTPP(s string) (record.NHSNumber, record.NHSNumberStatus) {
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return "", ""
	}
	n, err := record.ParseNHSNumber(s)
	if err != nil {
		return "", record.NHSNumberTraceRequired
	}
	return n, record.NHSNumberVerified
}

// telecomFromTPP reads the fixed telephone and email slots, in schema order.
func telecomFromTPP(d *Demographics) []record.ContactPoint {
	var out []record.ContactPoint
	for _, s := range []struct{ system, use, value string }{
		{"phone", "home", d.HomeTelephone},
		{"phone", "work", d.WorkTelephone},
		{"phone", "mobile", d.MobileTelephone},
		{"phone", "", d.AlternateTelephone},
		{"email", "home", d.EmailAddress},
	} {
		if v := strings.TrimSpace(s.value); v != "" {
			out = append(out, record.ContactPoint{System: s.system, Value: v, Use: s.use})
		}
	}
	return out
}

// telecomToTPP fills the slots; a second number for a slot already taken is
// dropped (TPP holds one of each).
func telecomToTPP(cps []record.ContactPoint, d *Demographics) {
	set := func(slot *string, v string) {
		if *slot == "" {
			*slot = v
		}
	}
	for _, cp := range cps {
		switch {
		case cp.System == "email":
			set(&d.EmailAddress, cp.Value)
		case cp.System != "phone" && cp.System != "sms":
		case cp.Use == "home":
			set(&d.HomeTelephone, cp.Value)
		case cp.Use == "work":
			set(&d.WorkTelephone, cp.Value)
		case cp.Use == "mobile" || cp.System == "sms":
			set(&d.MobileTelephone, cp.Value)
		default:
			set(&d.AlternateTelephone, cp.Value)
		}
	}
}

// registrationTypes pairs CareConnect-RegistrationType-1 codes with the text
// SystmOne writes in RegistrationType.
var registrationTypes = []struct{ code, text string }{
	{"R", "Regular"},
	{"T", "Temporary"},
	{"E", "Emergency"},
	{"IN", "Immediately Necessary"},
	{"P", "Private"},
	{"S", "Walk-In"},
	{"O", "Other"},
}

// registrationTypeFromTPP reads RegistrationType. "GMS" and "Applied" (a
// regular registration not yet accepted) are regular; unknown text is "O".
func registrationTypeFromTPP(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, rt := range registrationTypes {
		if strings.EqualFold(s, rt.text) || strings.EqualFold(s, rt.code) {
			return rt.code
		}
	}
	switch strings.ToLower(s) {
	case "gms", "applied", "permanent":
		return record.RegistrationRegular
	}
	return "O"
}

func registrationTypeToTPP(code string) string {
	for _, rt := range registrationTypes {
		if rt.code == code {
			return rt.text
		}
	}
	return code
}

// gp2gpTaskType marks the task SystmOne raises while a GP2GP transfer is
// pending; its presence is how RecordInTransit is carried (the XSD has no
// RecordState).
const gp2gpTaskType = "GP2GP"

// inTransit reports a pending GP2GP task, or a Client Integration
// RecordState mentioning transit.
func inTransit(p *Patient) bool {
	if strings.Contains(strings.ToLower(p.RecordState), "transit") {
		return true
	}
	for _, t := range p.NonClinical.Task {
		if strings.EqualFold(strings.TrimSpace(t.TaskType), gp2gpTaskType) {
			return true
		}
	}
	return false
}

// EncodePatient writes one patient as a PatientRecord. practice (may be nil)
// resolves the record's references to TPP keys (organisation ODS code, user
// names) and supplies the Site and User entries embedded in Metadata.
func EncodePatient(w io.Writer, practice *record.Practice, p *record.Patient) error {
	if p == nil {
		return errors.New("tpp: encode patient: nil patient")
	}
	pr, err := patientToTPP(practice, p)
	if err != nil {
		return fmt.Errorf("tpp: patient %s: %w", p.ID, err)
	}
	if err := writeXML(w, pr); err != nil {
		return fmt.Errorf("tpp: patient %s: %w", p.ID, err)
	}
	return nil
}

func patientToTPP(practice *record.Practice, p *record.Patient) (*PatientRecord, error) {
	if p.ID == "" {
		return nil, errors.New("no patient ID (PatientUID is required)")
	}
	// The schema requires both dates; writing a made-up one would be worse
	// than refusing.
	if p.BirthDate.IsZero() {
		return nil, errors.New("no date of birth (DateOfBirth is required by the schema)")
	}
	if p.Registration.Period.Start.IsZero() {
		return nil, errors.New("no registration start (CareStartDate is required by the schema)")
	}
	d := Demographics{
		DateOfBirth:      formatDate(p.BirthDate),
		DateOfDeath:      formatDate(p.Deceased),
		Sex:              genderToTPP(p.Gender),
		CareStartDate:    formatDate(p.Registration.Period.Start),
		CareEndDate:      formatDate(p.Registration.Period.End),
		RegistrationType: registrationTypeToTPP(p.Registration.Type),
	}
	d.Title, d.FirstName, d.MiddleNames, d.Surname = nameToTPP(p.Name)
	for _, n := range p.OtherNames {
		if (n.Use == "nickname" || n.Use == "usual") && len(n.Given) > 0 {
			d.KnownAs = strings.Join(n.Given, " ")
			break
		}
	}
	d.MainLanguage, d.EnglishSpeaker = communicationToTPP(p.Communication)
	if len(p.Addresses) > 0 && !p.Addresses[0].IsZero() {
		a := addressToTPP(p.Addresses[0])
		d.Address = &a
	}
	telecomToTPP(p.Telecom, &d)

	pr := &PatientRecord{
		MessageUID:     newMessageUID(p.ID, p.LastModified),
		PatientUID:     p.ID,
		OrganisationID: organisationODS(practice, p.Registration.OrganisationID),
	}
	pr.Patient.Identity.NHSNumber = p.NHSNumber.String()
	if gp := p.Registration.UsualGPID; gp != "" {
		d.UsualGPUserName = userName(practice, gp)
		if pr2 := findPractitioner(practice, gp); pr2 != nil {
			pr.Metadata.User = append(pr.Metadata.User, userToTPP(pr2))
		}
	}
	if br := p.Registration.PreferredBranchID; br != "" {
		site := Site{ID: siteID{Key: br}.String()}
		if loc := findLocation(practice, br); loc != nil {
			site = locationToSite(practice, loc)
		}
		pr.Metadata.Site = append(pr.Metadata.Site, site)
	}
	pr.Patient.Demographics = d
	pr.Patient.Clinical.Event = contactEvents(p)
	if ev, ok := consentEvent(p); ok {
		pr.Patient.Clinical.Event = append(pr.Patient.Clinical.Event, ev)
	}
	pr.Patient.Clinical.Event = append(pr.Patient.Clinical.Event, clinicalEvents(practice, &p.Record)...)
	if p.RecordInTransit {
		pr.Patient.NonClinical.Task = append(pr.Patient.NonClinical.Task, Task{
			TaskType: gp2gpTaskType,
			Content:  "GP2GP record transfer in progress",
			TaskUID:  p.ID + "-gp2gp",
		})
	}
	return pr, nil
}

// writeXML writes v as an indented UTF-8 document.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
