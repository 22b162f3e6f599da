package emis

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"im1fhir/record"
)

// SystemHumanLanguage is the code system of Communication.Language.
const SystemHumanLanguage = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1"

// CustomRegistrationEntry field names for values the schema has no element
// for. EMIS practices define their own registration fields, so a reader of
// the file finds them where a practice would put them.
const (
	FieldNHSNumberStatus     = "NHSNumberStatus"
	FieldMainLanguage        = "MainLanguage"
	FieldMainLanguageTerm    = "MainLanguageTerm"
	FieldLanguagePreferred   = "LanguagePreferred"
	FieldInterpreterRequired = "InterpreterRequired"
	FieldSpineSensitive      = "SpineSensitive"
	FieldNHSNumberSuperseded = "NHSNumberSuperseded"
	FieldNotOnSpine          = "NotOnSpine"
	FieldMultipleBirth       = "MultipleBirth"
)

// statusRecordsInTransit is written in RegistrationStatus/CurrentStatus/Code
// while a GP2GP transfer is under way. The schema says only "status code
// e.g. records received"; the value is ours.
const statusRecordsInTransit = 2

// patientTypes maps CareConnect-RegistrationType-1 codes to EMIS patient
// types (StatusType.PatientType). 1-5 are the schema's; 6 and 7 are
// user-defined types, which the schema allows.
var patientTypes = []struct {
	code  string
	value int64
	term  string
}{
	{"E", 1, "Emergency"},
	{"IN", 2, "Immediately necessary"},
	{"P", 3, "Private"},
	{"R", 4, "Regular"},
	{"T", 5, "Temporary resident"},
	{"O", 6, "Other"},
	{"S", 7, "Walk-in"},
}

func patientType(code string) *IntegerCodeType {
	for _, t := range patientTypes {
		if t.code == code {
			return &IntegerCodeType{Value: int64p(t.value), Term: t.term}
		}
	}
	return nil
}

// registrationType reads a patient type back; any other user-defined type
// is "O" (other).
func registrationType(c *IntegerCodeType) string {
	if c == nil || c.Value == nil {
		return ""
	}
	for _, t := range patientTypes {
		if t.value == *c.Value {
			return t.code
		}
	}
	return "O"
}

func yn(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

func isYes(s string) bool {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "Y", "YES", "TRUE", "1":
		return true
	}
	return false
}

// EncodePatient writes one patient as a <MedicalRecord>: the Registration,
// its RegistrationStatus, the coded consent entry, and — as EMIS embeds them
// — the PeopleList, LocationList and LocationTypeList entries it refers to,
// taken from practice (which may be nil: references then carry GUIDs only).
func EncodePatient(w io.Writer, practice *record.Practice, p *record.Patient) error {
	if p == nil {
		return errors.New("emis: patient: nil")
	}
	if p.ID == "" {
		return errors.New("emis: patient: no id")
	}
	mr, err := patientRecord(practice, p)
	if err == nil {
		err = writeMedicalRecord(w, mr)
	}
	if err != nil {
		return fmt.Errorf("emis: patient %s: %w", p.ID, err)
	}
	return nil
}

func patientRecord(practice *record.Practice, p *record.Patient) (*MedicalRecordType, error) {
	d := newDirectory(practice)
	reg := &RegistrationType{
		IdentType:     IdentType{GUID: p.ID},
		DateOfBirth:   formatPlainDate(p.BirthDate),
		Sex:           sexCode(p.Gender),
		PreviousNames: previousNames(p.OtherNames),
		FamilyName:    p.Name.Family,
		FirstNames:    strings.Join(p.Name.Given, " "),
		Title:         strings.Join(p.Name.Prefix, " "),
		NhsNumber:     string(p.NHSNumber),
		UsualGpID:     ref(p.Registration.UsualGPID, d.personRef[p.Registration.UsualGPID]),
		RecordsAt:     p.Registration.PreferredBranchID,
		DeductedDate:  formatPlainDate(p.Registration.Period.End),
		DateOfDeath:   formatPlainDate(p.Deceased),
		DateAdded:     formatPlainDate(p.Registration.Period.Start),
	}
	for _, n := range p.OtherNames {
		if n.Use == "usual" {
			reg.CallingName = strings.Join(n.Given, " ")
			break
		}
	}
	if p.IsDeceased() {
		reg.Dead = int64p(1)
	}
	reg.Address, reg.HomeAddress = patientAddresses(p.Addresses)
	for _, cp := range p.Telecom {
		v := strings.TrimSpace(cp.Value)
		if v == "" {
			continue
		}
		switch {
		case cp.System == "email":
			if reg.Email == "" {
				reg.Email = v
			}
		case cp.System == "phone" && cp.Use == "mobile", cp.System == "sms":
			if reg.Mobile == "" {
				reg.Mobile = v
			}
		case cp.System == "phone" && cp.Use == "work":
			if reg.WorkTelephone == "" {
				reg.WorkTelephone = v
			}
		case cp.System == "phone":
			if reg.HomeTelephone == "" {
				reg.HomeTelephone = v
			}
		}
	}
	reg.CustomRegistrationFields = customFields(p)

	current := &CurrentStatusType{PracticeRegistered: int64p(0)}
	if p.Registration.Active {
		current.PracticeRegistered = int64p(1)
	}
	current.PatientType = patientType(p.Registration.Type)
	if p.RecordInTransit {
		current.Code = &IntegerCodeType{Value: int64p(statusRecordsInTransit), Term: "Records in transit"}
	}
	current.StatusDate = reg.DateAdded
	if reg.DeductedDate != "" {
		current.StatusDate = reg.DeductedDate
	}
	status := &RegistrationStatusType{CurrentStatus: current}
	if reg.DateAdded != "" || reg.DeductedDate != "" || current.PatientType != nil {
		status.RegistrationHistoryList = &RegistrationHistoryListType{RegistrationHistory: []RegistrationHistoryType{{
			DateRegistered:   reg.DateAdded,
			DateDeregistered: reg.DeductedDate,
			PatientType:      patientType(p.Registration.Type),
		}}}
	}

	mr := &MedicalRecordType{
		Registration:       reg,
		RegistrationStatus: status,
		MessageInformation: messageInformation(p.LastModified),
	}
	if _, err := strconv.ParseUint(p.ID, 10, 63); err == nil {
		mr.PatientID = p.ID
	}
	if e := consentEvent(p); e != nil {
		mr.EventList = &EventListType{Event: []EventType{*e}}
	}

	orgID := p.Registration.OrganisationID
	if orgID == "" {
		orgID = d.practiceID
	}
	if orgID != "" {
		mr.Originator = &OriginatorType{
			System:       &OriginatorSystemType{Name: originatorSystem},
			Organisation: ref(orgID, d.locationRef[orgID]),
		}
	}
	embedDirectory(mr, d, orgID, p)
	return mr, nil
}

// embedDirectory copies into mr the directory entries the patient refers
// to: the registered organisation, the preferred branch and its managing
// organisation, and the usual GP with the organisations of their roles.
func embedDirectory(mr *MedicalRecordType, d *directory, orgID string, p *record.Patient) {
	wantLoc := map[string]bool{}
	if orgID != "" {
		wantLoc[orgID] = true
	}
	var people []PersonType
	for _, pe := range d.people {
		if pe.GUID == p.Registration.UsualGPID && pe.GUID != "" {
			people = append(people, pe)
			if pe.Role != nil && pe.Role.Location != nil {
				wantLoc[pe.Role.Location.GUID] = true
			}
		}
	}
	if b := p.Registration.PreferredBranchID; b != "" {
		wantLoc[b] = true
		for _, l := range d.locations {
			if l.GUID == b && l.GPLinkCodeList != nil {
				for _, g := range l.GPLinkCodeList.GPLinkCode {
					wantLoc[g.GUID] = true
				}
			}
		}
	}
	var locs []LocationType
	wantType := map[string]bool{}
	for _, l := range d.locations {
		if wantLoc[l.GUID] {
			locs = append(locs, l)
			if l.LocationTypeID != nil {
				wantType[l.LocationTypeID.GUID] = true
			}
		}
	}
	var types []TypeOfLocationType
	for _, t := range d.types {
		if wantType[t.GUID] {
			types = append(types, t)
		}
	}
	if len(people) > 0 {
		mr.PeopleList = &PeopleListType{Person: people}
	}
	if len(locs) > 0 {
		mr.LocationList = &LocationListType{Location: locs}
	}
	if len(types) > 0 {
		mr.LocationTypeList = &LocationTypeListType{LocationType: types}
	}
}

// patientAddresses chooses Address and HomeAddress. The schema's
// HomeAddress is the home of a temporary resident, whose Address is then
// where they stay: so a "temp" address goes in Address with the home
// address in HomeAddress; otherwise the first address is Address.
func patientAddresses(as []record.Address) (address, home *AddressType) {
	var temp, other *record.Address
	for i := range as {
		a := &as[i]
		if a.IsZero() {
			continue
		}
		if a.Use == "temp" && temp == nil {
			temp = a
		} else if a.Use != "temp" && other == nil {
			other = a
		}
	}
	switch {
	case temp != nil && other != nil:
		return addressToEMIS(*temp), addressToEMIS(*other)
	case temp != nil:
		return addressToEMIS(*temp), nil
	case other != nil:
		return addressToEMIS(*other), nil
	}
	return nil, nil
}

// previousNames writes "old" names as "Family, Given Given" joined by "; ".
func previousNames(names []record.HumanName) string {
	var parts []string
	for _, n := range names {
		if n.Use != "old" {
			continue
		}
		s := strings.TrimSpace(n.Family)
		if g := strings.Join(n.Given, " "); g != "" {
			s += ", " + g
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

func parsePreviousNames(s string) []record.HumanName {
	var out []record.HumanName
	for _, part := range strings.Split(s, ";") {
		family, given, _ := strings.Cut(part, ",")
		n := record.HumanName{Use: "old", Family: strings.TrimSpace(family), Given: splitNames(given)}
		if n.Family != "" || len(n.Given) > 0 {
			out = append(out, n)
		}
	}
	return out
}

func customFields(p *record.Patient) *CustomRegistrationFieldsType {
	var es []CustomRegistrationEntryType
	add := func(name, value string) {
		es = append(es, CustomRegistrationEntryType{FieldName: name, FieldValue: value})
	}
	if p.NHSNumberStatus != "" {
		add(FieldNHSNumberStatus, string(p.NHSNumberStatus))
	}
	if c := p.Communication; c != nil {
		if c.Language.Code != "" {
			add(FieldMainLanguage, c.Language.Code)
		}
		if c.Language.Display != "" {
			add(FieldMainLanguageTerm, c.Language.Display)
		}
		add(FieldLanguagePreferred, yn(c.Preferred))
		add(FieldInterpreterRequired, yn(c.InterpreterRequired))
	}
	if p.Spine.Sensitive {
		add(FieldSpineSensitive, "Y")
	}
	if p.Spine.Superseded {
		add(FieldNHSNumberSuperseded, "Y")
	}
	if p.Spine.NotOnSpine {
		add(FieldNotOnSpine, "Y")
	}
	if p.MultipleBirth {
		add(FieldMultipleBirth, "Y")
	}
	if len(es) == 0 {
		return nil
	}
	return &CustomRegistrationFieldsType{CustomRegistrationEntry: es}
}

// DecodePatient reads one patient's <MedicalRecord>.
func DecodePatient(r io.Reader) (record.Patient, error) {
	mr, err := readMedicalRecord(r)
	if err != nil {
		return record.Patient{}, fmt.Errorf("emis: patient: %w", err)
	}
	reg := mr.Registration
	if reg == nil {
		return record.Patient{}, errors.New("emis: patient: no Registration")
	}
	id := reg.identity()
	if id == "" {
		id = strings.TrimSpace(mr.PatientID)
	}
	if id == "" {
		return record.Patient{}, errors.New("emis: patient: Registration has no GUID and the record no PatientID")
	}
	p, err := patientFromRecord(mr, id)
	if err != nil {
		return record.Patient{}, fmt.Errorf("emis: patient %s: %w", id, err)
	}
	return p, nil
}

func patientFromRecord(mr *MedicalRecordType, id string) (record.Patient, error) {
	reg := mr.Registration
	rs := newResolver(mr)
	p := record.Patient{ID: id}
	var err error

	if s := strings.ReplaceAll(strings.TrimSpace(reg.NhsNumber), " ", ""); s != "" {
		if p.NHSNumber, err = record.ParseNHSNumber(s); err != nil {
			return p, fmt.Errorf("NhsNumber: %w", err)
		}
	}
	p.Name = record.HumanName{
		Family: strings.TrimSpace(reg.FamilyName),
		Given:  splitNames(reg.FirstNames),
	}
	if t := strings.TrimSpace(reg.Title); t != "" {
		p.Name.Prefix = []string{t}
	}
	if p.Name.Family != "" || len(p.Name.Given) > 0 || len(p.Name.Prefix) > 0 {
		p.Name.Use = "official"
	}
	if c := splitNames(reg.CallingName); len(c) > 0 {
		p.OtherNames = append(p.OtherNames, record.HumanName{Use: "usual", Family: p.Name.Family, Given: c})
	}
	p.OtherNames = append(p.OtherNames, parsePreviousNames(reg.PreviousNames)...)

	if p.BirthDate, err = parsePlainDate(reg.DateOfBirth); err != nil {
		return p, fmt.Errorf("DateOfBirth: %w", err)
	}
	g, ok := genderFromSex(reg.Sex)
	if !ok {
		return p, errors.New("Sex: not M, F, U or I")
	}
	p.Gender = g
	if p.Deceased, err = parsePlainDate(reg.DateOfDeath); err != nil {
		return p, fmt.Errorf("DateOfDeath: %w", err)
	}

	// With a HomeAddress the patient is a temporary resident and Address is
	// where they are staying.
	if home := addressFromEMIS(reg.HomeAddress, "home"); !home.IsZero() {
		p.Addresses = append(p.Addresses, home)
		if a := addressFromEMIS(reg.Address, "temp"); !a.IsZero() {
			p.Addresses = append(p.Addresses, a)
		}
	} else if a := addressFromEMIS(reg.Address, "home"); !a.IsZero() {
		p.Addresses = append(p.Addresses, a)
	}
	addTel := func(system, value, use string) {
		if value = strings.TrimSpace(value); value != "" {
			p.Telecom = append(p.Telecom, record.ContactPoint{System: system, Value: value, Use: use})
		}
	}
	addTel("phone", reg.HomeTelephone, "home")
	addTel("phone", reg.WorkTelephone, "work")
	addTel("phone", reg.Mobile, "mobile")
	addTel("email", reg.Email, "home")

	if err := applyCustomFields(&p, reg.CustomRegistrationFields); err != nil {
		return p, err
	}

	if err := applyRegistration(&p, mr, rs); err != nil {
		return p, err
	}
	if p.Consent, err = consentFromRecord(mr); err != nil {
		return p, err
	}
	if mi := mr.MessageInformation; mi != nil {
		if p.LastModified, err = parseTimestamp(mi.DateCreated, mi.TimeCreated); err != nil {
			return p, fmt.Errorf("MessageInformation: %w", err)
		}
	}
	return p, nil
}

func applyCustomFields(p *record.Patient, cf *CustomRegistrationFieldsType) error {
	var comm record.Communication
	hasComm := false
	if cf != nil {
		for _, e := range cf.CustomRegistrationEntry {
			v := strings.TrimSpace(e.FieldValue)
			switch strings.TrimSpace(e.FieldName) {
			case FieldNHSNumberStatus:
				if _, ok := record.NHSNumberStatusDisplay[record.NHSNumberStatus(v)]; !ok {
					return errors.New("NHSNumberStatus: not 01-08")
				}
				p.NHSNumberStatus = record.NHSNumberStatus(v)
			case FieldMainLanguage:
				comm.Language.Code, hasComm = v, true
			case FieldMainLanguageTerm:
				comm.Language.Display, hasComm = v, true
			case FieldLanguagePreferred:
				comm.Preferred, hasComm = isYes(v), true
			case FieldInterpreterRequired:
				comm.InterpreterRequired, hasComm = isYes(v), true
			case FieldSpineSensitive:
				p.Spine.Sensitive = isYes(v)
			case FieldNHSNumberSuperseded:
				p.Spine.Superseded = isYes(v)
			case FieldNotOnSpine:
				p.Spine.NotOnSpine = isYes(v)
			case FieldMultipleBirth:
				p.MultipleBirth = isYes(v)
			}
		}
	}
	if hasComm {
		if comm.Language.Code != "" {
			comm.Language.System = SystemHumanLanguage
		}
		p.Communication = &comm
	}
	if p.NHSNumberStatus == "" && p.NHSNumber != "" {
		// The schema has no verification status; a number EMIS holds
		// without one is taken as traced and verified.
		p.NHSNumberStatus = record.NHSNumberVerified
	}
	return nil
}

func applyRegistration(p *record.Patient, mr *MedicalRecordType, rs *resolver) error {
	reg := mr.Registration
	var err error
	r := &p.Registration
	if r.Period.Start, err = parsePlainDate(reg.DateAdded); err != nil {
		return fmt.Errorf("DateAdded: %w", err)
	}
	if r.Period.End, err = parsePlainDate(reg.DeductedDate); err != nil {
		return fmt.Errorf("DeductedDate: %w", err)
	}
	var current *CurrentStatusType
	var history []RegistrationHistoryType
	if st := mr.RegistrationStatus; st != nil {
		current = st.CurrentStatus
		if st.RegistrationHistoryList != nil {
			history = st.RegistrationHistoryList.RegistrationHistory
		}
	}
	if len(history) > 0 {
		// The last entry is the current registration.
		h := history[len(history)-1]
		if r.Period.Start.IsZero() {
			if r.Period.Start, err = parsePlainDate(h.DateRegistered); err != nil {
				return fmt.Errorf("DateRegistered: %w", err)
			}
		}
		if r.Period.End.IsZero() {
			if r.Period.End, err = parsePlainDate(h.DateDeregistered); err != nil {
				return fmt.Errorf("DateDeregistered: %w", err)
			}
		}
		r.Type = registrationType(h.PatientType)
	}
	r.Active = r.Period.End.IsZero() && !p.IsDeceased()
	if current != nil {
		if t := registrationType(current.PatientType); t != "" {
			r.Type = t
		}
		if current.PracticeRegistered != nil {
			r.Active = *current.PracticeRegistered == 1
		}
		if current.Code != nil && current.Code.Value != nil {
			p.RecordInTransit = *current.Code.Value == statusRecordsInTransit
		}
	}
	if reg.Dead != nil && *reg.Dead == 1 && !p.IsDeceased() {
		// Known dead, date unknown: record.Patient cannot say so, and such a
		// patient must never look registered (and so disclosable).
		r.Active = false
	}

	if mr.Originator != nil {
		r.OrganisationID = rs.location(mr.Originator.Organisation)
	}
	if r.OrganisationID == "" && mr.LocationList != nil {
		for i := range mr.LocationList.Location {
			l := &mr.LocationList.Location[i]
			if organisationTypeCode(rs.locationType(l.LocationTypeID)) == "gp-practice" {
				r.OrganisationID = l.identity()
				break
			}
		}
	}
	r.UsualGPID = rs.person(reg.UsualGpID)
	if r.UsualGPID == "" {
		r.UsualGPID = rs.person(reg.RegisteredGpID)
	}
	r.PreferredBranchID = strings.TrimSpace(reg.RecordsAt)
	return nil
}
