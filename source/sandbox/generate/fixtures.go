package generate

import (
	"fmt"
	"time"

	"im1fhir/record"
)

// FixtureODS is the ODS code of the GP Connect assurance fixture practice.
const FixtureODS = "GPC001"

// Fixture NHS numbers the assurance suite leaves to the provider: valid
// modulus 11 numbers in the 999 test range, never issued by the generator.
const (
	Patient19NHSNumber record.NHSNumber = "9990000018"
	Patient21NHSNumber record.NHSNumber = "9990000026"
)

// fixturePatient is one row of spec/gpconnect-test-fixtures.md: the
// suite's native name, the NHS number and the demographics we give them.
type fixturePatient struct {
	native string
	id     string
	nhs    record.NHSNumber
	title  string
	given  []string
	family string
	gender record.Gender
	born   record.Date
	build  func(c *clin) // the clinical traits the suite relies on
}

// fixturePatients in the suite's order. Patient ids are the native numbers
// ("patient7" is Patient/7); patientNoAppointments takes the unused 20.
var fixturePatients = []fixturePatient{
	{"patient1", "1", "9476719915", "Mr", []string{"Ewan", "Robert"}, "Fothergill", record.GenderMale, record.DateOf(1962, 3, 14), fixtureNothing},
	{"patient2", "2", "9476719931", "Mrs", []string{"Siân"}, "Llewellyn-Pritchard", record.GenderFemale, record.DateOf(1953, 7, 2), fixtureRich},
	{"patient3", "3", "9476719974", "Mr", []string{"Kwame"}, "Mensah", record.GenderMale, record.DateOf(1978, 11, 23), fixtureInvestigationChain},
	{"patient4", "4", "9476719958", "Ms", []string{"Zoë"}, "O'Neill", record.GenderFemale, record.DateOf(1990, 1, 9), fixtureLargeDocument},
	{"patient5", "5", "9476719966", "Mr", []string{"Arjun"}, "Patel", record.GenderMale, record.DateOf(1969, 5, 30), fixtureNoKnownAllergies},
	{"patient6", "6", "9476719923", "Miss", []string{"Aoife", "Mary"}, "Fitzgerald", record.GenderFemale, record.DateOf(2001, 9, 17), fixtureAllergiesNoProblems},
	{"patient7", "7", "9476718870", "Mr", []string{"Łukasz"}, "Nowak", record.GenderMale, record.DateOf(1985, 4, 4), fixtureAllergiesNoProblems},
	{"patient8", "8", "9476718889", "Mrs", []string{"Fatima"}, "Begum", record.GenderFemale, record.DateOf(1974, 12, 12), fixtureAllergiesNoProblems},
	{"patient9", "9", "9476718897", "Mr", []string{"Hamish"}, "MacLeod", record.GenderMale, record.DateOf(1958, 6, 21), fixtureOrdinary},
	{"patient10", "10", "9476718900", "Ms", []string{"Chloë"}, "Ashworth", record.GenderFemale, record.DateOf(1982, 8, 8), fixtureOrdinary},
	{"patient11", "11", "9476718919", "Mr", []string{"Dafydd"}, "Hughes", record.GenderMale, record.DateOf(1947, 2, 27), fixtureOrdinary},
	{"patient12", "12", "9476718927", "Mrs", []string{"Margaret", "Joan"}, "Sutcliffe", record.GenderFemale, record.DateOf(1939, 10, 5), fixtureMerged},
	{"patient13", "13", "9476718935", "Mr", []string{"Oluwaseun"}, "Adeyemi", record.GenderMale, record.DateOf(1995, 3, 3), fixtureInTransit},
	{"patient14", "14", "9476718943", "Miss", []string{"Ioana"}, "Popescu", record.GenderFemale, record.DateOf(1999, 7, 19), fixtureOrdinary},
	{"patient15", "15", "9476718951", "Mr", []string{"Seán"}, "O'Brien", record.GenderMale, record.DateOf(1966, 1, 31), fixtureDissent},
	{"patient16", "16", "9006763985", "Mrs", []string{"Priya"}, "Chaudhry", record.GenderFemale, record.DateOf(1971, 4, 16), fixtureConfidentialAllergy},
	{"patient17", "17", "9226868522", "Mr", []string{"Derek"}, "Holroyd", record.GenderMale, record.DateOf(1950, 11, 11), fixtureEndedAllergy},
	{"patient18", "18", "9973179641", "Miss", []string{"Ruby"}, "Barraclough", record.GenderFemale, record.DateOf(1988, 6, 6), fixtureOrdinary},
	{"patient19", "19", Patient19NHSNumber, "Mr", []string{"Yusuf"}, "Khan", record.GenderMale, record.DateOf(1979, 9, 1), fixtureOrdinary},
	{"patientNoAppointments", "20", "9866105660", "Ms", []string{"Renée"}, "Lefèvre", record.GenderFemale, record.DateOf(1992, 2, 14), fixtureOrdinary},
	{"patient21", "21", Patient21NHSNumber, "Mr", []string{"Albert"}, "Bottomley", record.GenderMale, record.DateOf(1944, 8, 30), fixtureOrdinary},
}

// fixtureNHSNumbers are every NHS number the fixtures use, plus the
// suite's patientNotInSystem (9999999999), which must never exist.
func fixtureNHSNumbers() []record.NHSNumber {
	ns := []record.NHSNumber{"9999999999"}
	for _, f := range fixturePatients {
		ns = append(ns, f.nhs)
	}
	return ns
}

// fixtureSites: Location 1 at SIT1, 2 and 3 at SIT2, 4 to 11 at SIT3.
var fixtureSites = []struct {
	ods, name, street string
	ids               []string
}{
	{"Z26556", "Main Surgery", "12 Wellington Street", []string{"1"}},
	{"Z33432", "Headingley Branch", "4 Otley Road", []string{"2", "3"}},
	{"Z33433", "Chapel Allerton Health Centre", "21 Harrogate Road", []string{"4", "5", "6", "7", "8", "9", "10", "11"}},
}

// Fixtures returns the GP Connect assurance fixture practice GPC001 (see
// spec/gpconnect-test-fixtures.md): its organisation with R1A14 and R1A17
// alongside, Locations 1 to 11 at sites Z26556, Z33432 and Z33433,
// practitioners 1, 2, 3 and 5 with zero, one, two and one SDS role profile
// ids, and patients 1 to 21 and patientNoAppointments with the exact NHS
// numbers and the traits the suite relies on. Dates are relative to now.
func Fixtures(now time.Time) *record.Practice {
	now = now.UTC().Truncate(time.Second)
	g := newGen(20180101, now, "fixtures")
	g.area = areas["leeds"]
	stamp := now.AddDate(0, -3, 0).Truncate(time.Hour)
	org := g.practiceOrganisation(FixtureODS, "")
	org.LastModified = stamp
	p := &record.Practice{Organisation: org, Supplier: "emis"}
	for _, ods := range []string{"R1A14", "R1A17"} {
		o := g.practiceOrganisation(ods, "")
		o.LastModified = stamp
		p.Organisations = append(p.Organisations, o)
	}
	for _, t := range referralTrusts {
		t.LastModified = stamp
		p.Organisations = append(p.Organisations, t)
	}
	for _, s := range fixtureSites {
		for i, id := range s.ids {
			name := s.name
			if len(s.ids) > 1 {
				name = fmt.Sprintf("%s, Room %d", s.name, i+1)
			}
			addr := record.Address{Use: "work", Lines: []string{s.street}, City: "Leeds", District: "West Yorkshire", PostalCode: org.Addresses[0].PostalCode}
			if s.ods != "Z26556" {
				addr.PostalCode = g.postcode(g.area.districts[map[string]int{"Z33432": 2, "Z33433": 3}[s.ods]]) // LS6 Headingley, LS7 Chapel Allerton
			}
			p.Locations = append(p.Locations, record.Location{ID: id, SiteODSCode: s.ods, Name: name, Status: "active",
				Address: addr, Telecom: org.Telecom, ManagingOrganisationID: org.ID, LastModified: stamp})
		}
	}
	staff := []struct {
		id, sds, title, given, family string
		gender                        record.Gender
		role                          record.Code
		profiles                      []string
	}{
		{"1", "900000000100", "Dr", "Olivia", "Whitfield", record.GenderFemale, jobRoleGP, nil},
		{"2", "900000000200", "Dr", "Rajesh", "Singh", record.GenderMale, jobRoleSalariedGP, []string{"900000000201"}},
		{"3", "900000000300", "Dr", "Catrin", "Davies", record.GenderFemale, jobRoleGP, []string{"900000000301", "900000000302"}},
		{"5", "900000000500", "Ms", "Grace", "Okafor", record.GenderFemale, jobRoleNurse, []string{"900000000501"}},
	}
	for _, s := range staff {
		pr := record.Practitioner{ID: s.id, SDSUserID: s.sds,
			SDSRoleProfileIDs: s.profiles, LocalUserID: asciiLower(s.given)[:1] + asciiLower(s.family),
			Name:         record.HumanName{Use: "official", Family: s.family, Given: []string{s.given}, Prefix: []string{s.title}},
			Gender:       s.gender,
			Telecom:      []record.ContactPoint{{System: "phone", Value: org.Telecom[0].Value, Use: "work"}},
			Roles:        []record.PractitionerRole{{ID: s.id + "-1", OrganisationID: org.ID, JobRole: s.role}},
			LastModified: stamp}
		p.Practitioners = append(p.Practitioners, pr)
	}
	g.bind(p)
	for i, f := range fixturePatients {
		p.Patients = append(p.Patients, g.fixturePatient(f, i))
	}
	p.LastModified = practiceLastModified(p)
	return p
}

// FixtureNative maps the suite's native patient names to the fixture
// patients' logical ids, for tests and for the suite's CSV mapping files.
func FixtureNative() map[string]string {
	m := make(map[string]string, len(fixturePatients))
	for _, f := range fixturePatients {
		m[f.native] = f.id
	}
	return m
}

func (g *gen) fixturePatient(f fixturePatient, i int) record.Patient {
	g.usedIDs[f.id] = true
	regStart := g.now.AddDate(-6-i%5, -i, 0)
	if regStart.Before(f.born.Time) {
		regStart = f.born.Time
	}
	pt := record.Patient{
		ID: f.id, NHSNumber: f.nhs, NHSNumberStatus: record.NHSNumberVerified,
		Name:      record.HumanName{Use: "official", Family: f.family, Given: f.given, Prefix: []string{f.title}},
		BirthDate: f.born, Gender: f.gender,
		Registration: record.Registration{Type: record.RegistrationRegular, Active: true,
			Period:         record.Period{Start: day(regStart)},
			OrganisationID: g.practice.Organisation.ID,
			UsualGPID:      []string{"1", "2", "3"}[i%3],
			// Location 1 is the main surgery; a few patients prefer the branch.
			PreferredBranchID: []string{"1", "1", "2"}[i%3]},
	}
	home := g.address("home")
	pt.Addresses = []record.Address{home}
	pt.Telecom = []record.ContactPoint{{System: "phone", Value: g.phone(), Use: "home"}, {System: "phone", Value: g.mobile(), Use: "mobile"}}
	age := g.now.Year() - f.born.Time.Year()
	c := &clin{g: g, pt: &pt, rec: &pt.Record, age: age, from: g.now.AddDate(-12, 0, 0), to: g.now}
	if c.from.Before(f.born.Time) {
		c.from = f.born.Time
	}
	switch f.native {
	case "patient9", "patient10":
		pt.Spine.Sensitive = true
	case "patient11":
		pt.Spine.Superseded = true
	case "patient13":
		pt.RecordInTransit = true
	case "patient14":
		pt.Spine.NotOnSpine = true
	case "patient15":
		pt.Consent = record.ConsentDissent
	case "patient18":
		// Deceased a year ago and a twin. The registration is left active
		// so that the suite's "deceased patients are not found" test fails
		// only through the death, not through a deduction.
		pt.Deceased = day(g.now.AddDate(-1, 0, -12))
		pt.MultipleBirth = true
		c.to = pt.Deceased.Time
	case "patient21":
		end := g.now.AddDate(-2, -1, 0)
		pt.Registration.Active = false
		pt.Registration.Period.End = day(end)
		c.to = end
	}
	if f.native == "patient2" {
		pt.Contacts = []record.Contact{{Relationship: "Husband", Gender: record.GenderMale,
			Name:    record.HumanName{Use: "official", Family: f.family, Given: []string{"Rhys"}},
			Telecom: []record.ContactPoint{{System: "phone", Value: g.mobile(), Use: "mobile"}}, Address: home}}
		pt.Communication = &record.Communication{Language: record.Code{System: humanLanguageSystem, Code: "cy", Display: "Welsh"}, Preferred: true}
		pt.OtherNames = []record.HumanName{{Use: "old", Family: "Llewellyn", Given: f.given}}
	}
	f.build(c)
	pt.LastModified = patientLastModified(&pt, g.now)
	return pt
}

// fixtureNothing: no allergies and no "no known allergies" coding, no
// medications; a registration check only.
func fixtureNothing(c *clin) { c.fixtureCheck() }

// fixtureOrdinary: an unremarkable record.
func fixtureOrdinary(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[6], false, false, false) // latex
}

// fixtureCheck is a registration check dated inside the registration.
func (c *clin) fixtureCheck() {
	at := c.at(c.pt.Registration.Period.Start.Time.AddDate(0, 0, 10))
	k := c.consult(at, "Surgery consultation", c.nurse())
	c.measurements(k, -1)
	c.bloodPressure(k, -1, 128, 82)
	c.observe(k, "History", -1, obsNeverSmoked, at, k.rec.AuthorID, record.Observation{})
	k.close()
}

// at puts a date into surgery hours, clamped inside the record's window.
func (c *clin) at(t time.Time) time.Time {
	if t.Before(c.from) {
		t = c.from
	}
	if !t.Before(c.to) {
		t = c.to.Add(-48 * time.Hour)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 10, 30, 0, 0, time.UTC)
}

// ago is a surgery-hours time the given years, months and days before the
// end of the record.
func (c *clin) ago(y, m, d int) time.Time { return c.at(c.to.AddDate(-y, -m, -d)) }

// fixtureRich (patient2): current and ended allergies; current, repeat and
// past medications reaching back over three years, one confidential;
// immunisations; uncategorised data; problems with a parent and child;
// consultations; investigations; referrals.
func fixtureRich(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[0], false, false, false) // penicillin, current
	c.allergy(allergens[5], true, true, false)   // eggs, ended with a reason
	// Hypertension since four years ago, with a child problem.
	start := c.ago(4, 2, 0)
	gp := "1"
	pi := c.problem(condEssentialHypertension, start, gp, true, time.Time{}, "")
	k := c.consult(start, "Surgery consultation", gp)
	c.note(k, "History", pi, "Raised readings on home monitoring. No chest pain or headaches.")
	c.bloodPressure(k, pi, 162, 98)
	c.prescribe(k, pi, drugAmlodipine, start, true, c.ago(3, 0, 0), "Ankle swelling")
	k.close()
	sw := c.ago(3, 0, 0)
	k = c.consult(sw, "Telephone consultation", gp)
	ci := c.problem(condDizzinessOnStanding, sw, gp, false, sw.AddDate(0, 2, 0), c.rec.Problems[pi].ID)
	c.note(k, "History", ci, "Light-headed on standing since starting amlodipine.")
	c.prescribe(k, pi, drugBendroflumethiaz, sw, true, time.Time{}, "")
	k.close()
	// Past depression, treated and resolved.
	dep := c.ago(5, 6, 0)
	di := c.problem(condDepression, dep, "3", true, dep.AddDate(0, 9, 0), "")
	k = c.consult(dep, "Surgery consultation", "3")
	c.note(k, "History", di, "Low mood after bereavement, poor sleep.")
	c.prescribe(k, di, drugFluvoxamine, dep, true, dep.AddDate(0, 9, 0), "Course completed")
	k.close()
	// A current acute course and a confidential repeat.
	ac := c.ago(0, 0, 1) // a three-day course, still running
	k = c.consult(ac, "Surgery consultation", "2")
	c.note(k, "History", -1, "Productive cough for ten days after a cold.")
	c.prescribe(k, -1, drugCiprofloxacin, ac, false, time.Time{}, "")
	k.close()
	conf := c.prescribe(nil, -1, drugLevocetirizine, c.ago(1, 0, 0), true, time.Time{}, "")
	for i := range c.rec.Medications {
		for _, id := range conf {
			if c.rec.Medications[i].ID == id {
				c.rec.Medications[i].Confidential = true
			}
		}
	}
	// Uncategorised data outside any consultation, investigations, referrals.
	c.observe(nil, "", -1, obsWeight, c.ago(0, 6, 0), "5", record.Observation{Value: qty(71.4, "kg")})
	c.observe(nil, "", -1, obsSmoker, c.ago(0, 6, 0), "5", record.Observation{})
	k = c.consult(c.ago(0, 8, 0), "Surgery consultation", gp)
	c.observe(k, "History", pi, obsTiredAllTheTime, k.at, gp, record.Observation{})
	c.fullBloodCount(k, pi, k.at.AddDate(0, 0, 2), true)
	c.refer(k, pi, refCardiology, "Cardiology", "routine")
	k.close()
	c.vaccinate(immFlu, c.ago(1, 1, 0), 1, "Influenza vaccine (surface antigen, inactivated) suspension for injection", record.PrecisionDay)
	c.vaccinate(immPneumococcal, c.ago(3, 0, 0), 1, "Pneumococcal polysaccharide vaccine solution for injection", record.PrecisionDay)
	c.vaccinate(immFlu, c.ago(8, 0, 0), 1, "Influenza vaccine", record.PrecisionYear)
	c.diary()
}

// fixtureInvestigationChain (patient3): allergies current and ended, past
// medications, immunisations, uncategorised data, consultations, and a
// report linked to its request, specimen and test group but to no problem.
func fixtureInvestigationChain(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[4], false, false, false) // erythromycin
	c.allergy(allergens[8], true, true, false)   // peanuts, ended
	k := c.consult(c.ago(2, 0, 0), "Surgery consultation", "2")
	c.note(k, "History", -1, "Sore throat for three days, fever, no cough.")
	c.prescribe(k, -1, drugAmoxicillin, k.at, false, time.Time{}, "")
	k.close()
	c.vaccinate(immCovid1, c.at(time.Date(2021, 3, 15, 0, 0, 0, 0, time.UTC)), 1, "COVID-19 mRNA Vaccine BNT162b2 30micrograms/0.3ml dose concentrate for suspension for injection", record.PrecisionDay)
	c.vaccinate(immCovid2, c.at(time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)), 2, "COVID-19 mRNA Vaccine BNT162b2 30micrograms/0.3ml dose concentrate for suspension for injection", record.PrecisionDay)
	c.observe(nil, "", -1, obsBMI, c.ago(1, 0, 0), "5", record.Observation{Value: qty(24.3, "kg/m2")})
	k = c.consult(c.ago(0, 3, 0), "Surgery consultation", "3")
	c.observe(k, "History", -1, obsMalaise, k.at, "3", record.Observation{})
	c.fullBloodCount(k, -1, k.at.AddDate(0, 0, 1), false)
	k.close()
}

// fixtureLargeDocument (patient4): allergies and a document over 5 MB.
func fixtureLargeDocument(c *clin) {
	c.allergy(allergens[7], false, false, false) // wasp sting
	at := c.ago(0, 2, 0)
	d := record.Document{Item: c.item(record.Concept{Text: "Hospital discharge summary"}, at, "1"),
		Title: "Discharge summary, Leeds Teaching Hospitals", ContentType: "application/pdf", Size: 5*1024*1024 + 123_456}
	d.OrganisationID = "RR8"
	c.rec.Documents = append(c.rec.Documents, d)
}

// fixtureNoKnownAllergies (patient5): an explicit "no known allergies"
// coding; current and repeat medications.
func fixtureNoKnownAllergies(c *clin) {
	c.fixtureCheck()
	o := record.Observation{Item: c.item(obsNoKnownAllergy.coded(), c.ago(3, 0, 0), "1")}
	c.rec.NoKnownAllergies = &o
	start := c.ago(2, 4, 0)
	pi := c.problem(condType2Diabetes, start, "1", true, time.Time{}, "")
	k := c.consult(start, "Surgery consultation", "1")
	c.observe(k, "Examination", pi, obsHbA1c, start, "1", record.Observation{Value: qty(61, "mmol/mol"), Range: &record.Range{High: qty(42, "mmol/mol")}, Interpretation: "H"})
	c.prescribe(k, pi, drugMetformin, start, true, time.Time{}, "")
	k.close()
	k = c.consult(c.ago(0, 0, 1), "Telephone consultation", "2")
	c.note(k, "History", -1, "Low back pain after lifting, no red flags.")
	c.prescribe(k, -1, drugParacetamol, k.at, false, time.Time{}, "")
	k.close()
}

// fixtureAllergiesNoProblems (patients 6 to 8): current and ended
// allergies, no problems.
func fixtureAllergiesNoProblems(c *clin) {
	c.fixtureCheck()
	first := c.g.r.IntN(len(allergens))
	c.allergy(allergens[first], false, false, false)
	c.allergy(allergens[(first+3)%len(allergens)], true, true, false)
}

// fixtureMerged (patient12): allergies, past medications, no problems.
func fixtureMerged(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[2], false, false, false) // trimethoprim
	k := c.consult(c.ago(3, 0, 0), "Surgery consultation", "1")
	c.note(k, "History", -1, "Dysuria and frequency for two days.")
	c.prescribe(k, -1, drugCiprofloxacin, k.at, false, time.Time{}, "")
	k.close()
}

// fixtureInTransit (patient13): the practice has recorded a little since
// registration; the rest of the record is still on its way by GP2GP.
func fixtureInTransit(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[1], false, false, false)
	c.prescribe(nil, -1, drugSalbutamol, c.ago(0, 1, 0), true, time.Time{}, "")
}

// fixtureDissent (patient15): a record worth protecting.
func fixtureDissent(c *clin) {
	c.fixtureCheck()
	c.hypertension()
}

// fixtureConfidentialAllergy (patient16): a confidential allergy, an ended
// allergy with no end reason, referrals.
func fixtureConfidentialAllergy(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[3], false, false, true) // simvastatin, confidential
	c.allergy(allergens[5], true, false, false) // eggs, ended, no reason
	k := c.consult(c.ago(1, 0, 0), "Surgery consultation", "3")
	c.note(k, "History", -1, "Low back pain after lifting, no red flags.")
	pi := c.problem(condSciatica, k.at, "3", false, k.at.AddDate(0, 3, 0), "")
	c.refer(k, pi, refService, "Physiotherapy", "routine")
	k.close()
	k = c.consult(c.ago(0, 2, 0), "Surgery consultation", "1")
	c.note(k, "Examination", -1, "Irregularly irregular pulse. ECG arranged.")
	c.refer(k, -1, refCardiology, "Cardiology", "urgent")
	k.close()
}

// fixtureEndedAllergy (patient17): at least one ended allergy.
func fixtureEndedAllergy(c *clin) {
	c.fixtureCheck()
	c.allergy(allergens[2], true, true, false)
}
