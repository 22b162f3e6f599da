package vision

import (
	"errors"
	"fmt"
	"io"

	"im1fhir/record"
)

// Supplier is this format's name in the sandbox manifest.
const Supplier = "vision"

// systemLanguage is the code system of Communication.Language.
const systemLanguage = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1"

// DecodePatient reads one patient's Vision 3 XML export: demographics,
// registration, contacts, record-sharing consent and, from the journal, the
// clinical record.
func DecodePatient(r io.Reader) (record.Patient, error) {
	var x Export
	if err := decodeXML(r, &x); err != nil {
		return record.Patient{}, fmt.Errorf("vision: patient: %w", err)
	}
	p, err := x.toRecord()
	if err != nil {
		if p.ID == "" {
			return record.Patient{}, fmt.Errorf("vision: patient: %w", err)
		}
		return record.Patient{}, fmt.Errorf("vision: patient %s: %w", p.ID, err)
	}
	return p, nil
}

// EncodePatient writes p as a Vision 3 XML export. Vision does not embed the
// practice directory in a patient's export, so practice is not needed and
// may be nil.
func EncodePatient(w io.Writer, practice *record.Practice, p *record.Patient) error {
	if p == nil {
		return errors.New("vision: encode patient: nil patient")
	}
	if p.ID == "" {
		return errors.New("vision: encode patient: patient has no ID")
	}
	x, err := exportOf(p)
	if err != nil {
		return fmt.Errorf("vision: patient %s: %w", p.ID, err)
	}
	if err := encodeXML(w, &x); err != nil {
		return fmt.Errorf("vision: patient %s: %w", p.ID, err)
	}
	return nil
}

// toRecord maps an export to a Patient. On error the returned Patient holds
// at most its ID, for the caller's error message.
func (x *Export) toRecord() (record.Patient, error) {
	if len(x.Patients) != 1 {
		return record.Patient{}, fmt.Errorf("want one patient row, got %d", len(x.Patients))
	}
	row := &x.Patients[0]
	p := record.Patient{ID: x.PatID}
	if p.ID == "" {
		p.ID = row.EntityID
	}
	if p.ID == "" {
		return p, errors.New("no pat_id or entity_id")
	}
	fail := func(field string, err error) (record.Patient, error) {
		return record.Patient{ID: p.ID}, fmt.Errorf("%s: %w", field, err)
	}

	// newnhsno is the current number; nhs_no may hold a pre-1996 one.
	nhs := row.NewNHSNo
	if nhs == "" {
		nhs = row.NHSNo
	}
	if nhs != "" {
		n, err := record.ParseNHSNumber(nhs)
		if err != nil {
			return fail("nhs_no", record.ErrInvalidNHSNumber)
		}
		p.NHSNumber = n
		p.NHSNumberStatus = record.NHSNumberVerified
	}
	if row.NHSNoStat != "" {
		p.NHSNumberStatus = record.NHSNumberStatus(row.NHSNoStat)
	}

	p.Name = nameAttrs{row.Title, row.Forename1, row.Forename2, row.OthForNam, row.Surname}.toRecord("official")
	if row.PrevName != "" {
		p.OtherNames = append(p.OtherNames, record.HumanName{Use: "old", Family: row.PrevName})
	}
	if row.BirthName != "" {
		p.OtherNames = append(p.OtherNames, record.HumanName{Use: "maiden", Family: row.BirthName})
	}

	var err error
	if p.BirthDate, err = parseDate(row.DOB, row.DOBFlag); err != nil {
		return fail("dob", err)
	}
	if p.Deceased, err = parseDate(row.DOD, row.DODFlag); err != nil {
		return fail("dod", err)
	}
	p.Gender = genderOf(row.Sex)

	addr := addressAttrs{[5]string{row.Address1, row.Address2, row.Address3, row.Address4, row.Address5}, row.Postcode}.toRecord("home")
	if !addr.IsZero() {
		p.Addresses = []record.Address{addr}
	}
	p.Telecom = personTelecom{home: row.PhoneNumber, work: row.WorkPhone, mobile: row.Cell, email: row.Email}.toRecord()

	for i := range x.Contacts {
		p.Contacts = append(p.Contacts, x.Contacts[i].toRecord())
	}

	if row.Language != "" || boolFlag(row.Interpret) {
		c := &record.Communication{InterpreterRequired: boolFlag(row.Interpret)}
		if row.Language != "" {
			c.Language = record.Code{System: systemLanguage, Code: row.Language}
			c.Preferred = true
		}
		p.Communication = c
	}

	reg := &p.Registration
	reg.Type = regStatusType[row.RegStatus]
	reg.Active = !boolFlag(row.Deduct)
	if reg.Period.Start, err = parseDate(row.Accept, row.AcceptFl); err != nil {
		return fail("accept", err)
	}
	if reg.Period.Start.IsZero() {
		if reg.Period.Start, err = parseDate(row.Applied, row.AppliedFl); err != nil {
			return fail("applied", err)
		}
	}
	if reg.Period.End, err = parseDate(row.Removed, row.RemovedFl); err != nil {
		return fail("removed", err)
	}
	if !noneID(row.PracID) {
		reg.OrganisationID = row.PracID
	}
	switch {
	case !noneID(row.UsualGP):
		reg.UsualGPID = row.UsualGP
	case !noneID(row.RegGP):
		reg.UsualGPID = row.RegGP
	}
	if !noneID(row.Surgery) {
		reg.PreferredBranchID = row.Surgery
	}

	if p.Consent, err = consentOf(x.Clinical); err != nil {
		return fail("consent", err)
	}
	if p.Record, err = decodeClinical(x); err != nil {
		return fail("journal", err)
	}
	p.RecordInTransit = boolFlag(row.InTransit)
	if p.LastModified, err = parseTimestamp(row.SysDate); err != nil {
		return fail("sysdate", err)
	}
	return p, nil
}

// exportOf lays a Patient out as a Vision export.
func exportOf(p *record.Patient) (Export, error) {
	row := PatientRow{
		PracID:    p.Registration.OrganisationID,
		SysDate:   formatTimestamp(p.LastModified),
		EntityID:  p.ID,
		NHSNo:     p.NHSNumber.String(),
		NewNHSNo:  p.NHSNumber.String(),
		Sex:       genderSex[p.Gender],
		RegStatus: typeRegStatus[p.Registration.Type],
		RegGP:     p.Registration.UsualGPID,
		UsualGP:   p.Registration.UsualGPID,
		Surgery:   p.Registration.PreferredBranchID,
		Deduct:    flag(!p.Registration.Active),
		InTransit: flag(p.RecordInTransit),
		NHSNoStat: string(p.NHSNumberStatus),
	}
	n := nameAttrsOf(p.Name)
	row.Title, row.Forename1, row.Forename2, row.OthForNam, row.Surname = n.title, n.forename1, n.forename2, n.others, n.surname
	for _, o := range p.OtherNames {
		switch {
		case o.Use == "old" && row.PrevName == "":
			row.PrevName = o.Family
		case o.Use == "maiden" && row.BirthName == "":
			row.BirthName = o.Family
		}
	}
	row.DOB, row.DOBFlag = formatDate(p.BirthDate)
	row.DOD, row.DODFlag = formatDate(p.Deceased)
	row.Accept, row.AcceptFl = formatDate(p.Registration.Period.Start)
	row.Applied, row.AppliedFl = row.Accept, row.AcceptFl
	row.Removed, row.RemovedFl = formatDate(p.Registration.Period.End)

	if a, ok := firstAddress(p.Addresses, "home"); ok {
		aa := fromRecord(a)
		row.Address1, row.Address2, row.Address3, row.Address4, row.Address5 = aa.line[0], aa.line[1], aa.line[2], aa.line[3], aa.line[4]
		row.Postcode = aa.postcode
	}
	t := personTelecomOf(p.Telecom)
	row.PhoneNumber, row.WorkPhone, row.Cell, row.Email = t.home, t.work, t.mobile, t.email

	if c := p.Communication; c != nil {
		row.Language = c.Language.Code
		row.Interpret = flag(c.InterpreterRequired)
	}

	x := Export{
		Created:  formatTimestamp(p.LastModified),
		PatID:    p.ID,
		Patients: []PatientRow{row},
	}
	for i := range p.Contacts {
		x.Contacts = append(x.Contacts, contactRowOf(p.ID, &p.Contacts[i]))
	}
	if err := encodeClinical(&x, p); err != nil {
		return Export{}, err
	}
	if c, ok := consentRow(p); ok {
		x.Clinical = append(x.Clinical, c)
	}
	return x, nil
}

// toRecord maps a contact row.
func (c *ContactRow) toRecord() record.Contact {
	out := record.Contact{
		Relationship: c.Relation,
		Name:         nameAttrs{c.Title, c.Forename1, c.Forename2, c.OthForNam, c.Surname}.toRecord(""),
		Telecom:      personTelecom{home: c.PhoneNumber, work: c.WorkPhone, mobile: c.Cell, email: c.Email}.toRecord(),
		Address:      addressAttrs{[5]string{c.Address1, c.Address2, c.Address3, c.Address4, c.Address5}, c.Postcode}.toRecord(""),
	}
	out.Gender = genderOf(c.Sex)
	return out
}

func contactRowOf(patientID string, c *record.Contact) ContactRow {
	n := nameAttrsOf(c.Name)
	a := fromRecord(c.Address)
	t := personTelecomOf(c.Telecom)
	return ContactRow{
		MasterID:    patientID,
		Relation:    c.Relationship,
		Title:       n.title,
		Forename1:   n.forename1,
		Forename2:   n.forename2,
		OthForNam:   n.others,
		Surname:     n.surname,
		Sex:         genderSex[c.Gender],
		Address1:    a.line[0],
		Address2:    a.line[1],
		Address3:    a.line[2],
		Address4:    a.line[3],
		Address5:    a.line[4],
		Postcode:    a.postcode,
		PhoneNumber: t.home,
		WorkPhone:   t.work,
		Cell:        t.mobile,
		Email:       t.email,
	}
}
