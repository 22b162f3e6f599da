package generate

import (
	"time"

	"im1fhir/record"
)

// ageBands approximate the age structure of an English GP list (ONS mid-year
// estimates, rounded): weight in percent, age range in years.
var ageBands = []struct{ weight, lo, hi int }{
	{5, 0, 4}, {15, 5, 17}, {28, 18, 39}, {32, 40, 64}, {14, 65, 79}, {6, 80, 99},
}

func (g *gen) age() int {
	n := g.r.IntN(100)
	for _, b := range ageBands {
		if n < b.weight {
			return b.lo + g.r.IntN(b.hi-b.lo+1)
		}
		n -= b.weight
	}
	return 40
}

// patient makes one registered (or formerly registered) patient with
// demographics, registration and a clinical record.
func (g *gen) patient() record.Patient {
	age := g.age()
	birth := g.now.AddDate(-age, 0, -g.r.IntN(365))
	birth = time.Date(birth.Year(), birth.Month(), birth.Day(), 0, 0, 0, 0, time.UTC)
	pt := record.Patient{
		ID:              g.uuid(),
		NHSNumberStatus: record.NHSNumberVerified,
		BirthDate:       record.Date{Time: birth, Precision: record.PrecisionDay},
	}
	switch n := g.r.IntN(1000); {
	case n < 5: // no NHS number yet (newly arrived, not traced)
		pt.NHSNumberStatus = "07"
	case n < 25:
		pt.NHSNumber = g.nhsNumber()
		pt.NHSNumberStatus = record.NHSNumberNotTraced
	default:
		pt.NHSNumber = g.nhsNumber()
	}

	switch n := g.r.IntN(1000); {
	case n < 493:
		pt.Gender = record.GenderMale
	case n < 992:
		pt.Gender = record.GenderFemale
	case n < 997:
		pt.Gender = record.GenderOther
	default:
		pt.Gender = record.GenderUnknown
	}
	g.names(&pt, age)
	home := g.address("home")
	pt.Addresses = []record.Address{home}
	g.telecom(&pt, age)
	g.contacts(&pt, age, home)
	if age >= 16 && g.chance(0.08) {
		l := pick(g, languages)
		pt.Communication = &record.Communication{
			Language:            record.Code{System: humanLanguageSystem, Code: l.code, Display: l.display},
			Preferred:           true,
			InterpreterRequired: l.code != "cy" && g.chance(0.4),
		}
	}
	pt.MultipleBirth = g.chance(0.015)

	g.registration(&pt, age)
	switch n := g.r.IntN(100); {
	case n < 1:
		pt.Consent = record.ConsentDissent
	case n < 4:
		pt.Consent = record.ConsentGiven
	}
	g.clinical(&pt, age)
	pt.LastModified = patientLastModified(&pt, g.now)
	return pt
}

// givenPool picks names by gender; other and unknown draw from both.
func (g *gen) givenPool(gender record.Gender) []string {
	switch gender {
	case record.GenderMale:
		return maleGiven
	case record.GenderFemale:
		return femaleGiven
	}
	if g.chance(0.5) {
		return maleGiven
	}
	return femaleGiven
}

func (g *gen) family() string {
	f := pick(g, familyNames)
	if g.chance(0.08) {
		if s := pick(g, familyNames); s != f {
			f += "-" + s
		}
	}
	return f
}

func (g *gen) names(pt *record.Patient, age int) {
	pool := g.givenPool(pt.Gender)
	given := []string{pick(g, pool)}
	if g.chance(0.4) {
		if m := pick(g, pool); m != given[0] {
			given = append(given, m)
		}
	}
	title := ""
	switch {
	case age < 16 && pt.Gender == record.GenderMale:
		title = "Master"
	case age < 16:
		title = "Miss"
	case g.chance(0.02):
		title = "Dr"
	case pt.Gender == record.GenderMale:
		title = "Mr"
	case pt.Gender == record.GenderFemale:
		title = pick(g, []string{"Mrs", "Mrs", "Mrs", "Ms", "Ms", "Miss", "Miss"})
	default:
		title = "Mx"
	}
	pt.Name = record.HumanName{Use: "official", Family: g.family(), Given: given, Prefix: []string{title}}
	if title == "Mrs" && g.chance(0.3) {
		pt.OtherNames = append(pt.OtherNames, record.HumanName{Use: "old", Family: pick(g, familyNames), Given: given})
	}
	if c, ok := callingNames[given[0]]; ok && g.chance(0.5) {
		pt.OtherNames = append(pt.OtherNames, record.HumanName{Use: "usual", Family: pt.Name.Family, Given: []string{c}})
	}
}

func (g *gen) telecom(pt *record.Patient, age int) {
	if g.chance(0.5) {
		pt.Telecom = append(pt.Telecom, record.ContactPoint{System: "phone", Value: g.phone(), Use: "home"})
	}
	if age >= 12 && g.chance(0.85) {
		pt.Telecom = append(pt.Telecom, record.ContactPoint{System: "phone", Value: g.mobile(), Use: "mobile"})
	}
	if age >= 18 && g.chance(0.1) {
		pt.Telecom = append(pt.Telecom, record.ContactPoint{System: "phone", Value: g.phone(), Use: "work"})
	}
	if age >= 16 && g.chance(0.45) {
		local := asciiLower(pt.Name.Given[0]) + "." + asciiLower(pt.Name.Family)
		if g.chance(0.3) {
			local += g.digits(2)
		}
		pt.Telecom = append(pt.Telecom, record.ContactPoint{System: "email", Value: local + "@" + pick(g, emailDomains), Use: "home"})
	}
}

// contacts gives every child a parent and some adults a next of kin.
func (g *gen) contacts(pt *record.Patient, age int, home record.Address) {
	var rel string
	switch {
	case age < 16:
		rel = pick(g, childRelationships)
	case g.chance(0.25):
		rel = pick(g, adultRelationships)
	default:
		return
	}
	gender := record.GenderFemale
	switch rel {
	case "Father", "Husband", "Son", "Brother":
		gender = record.GenderMale
	case "Mother", "Wife", "Daughter", "Sister":
	default:
		if g.chance(0.5) {
			gender = record.GenderMale
		}
	}
	family := pt.Name.Family
	if rel == "Next of kin" || rel == "Partner" || rel == "Guardian" {
		family = g.family()
	}
	c := record.Contact{
		Relationship: rel,
		Name:         record.HumanName{Use: "official", Family: family, Given: []string{pick(g, g.givenPool(gender))}},
		Gender:       gender,
		Telecom:      []record.ContactPoint{{System: "phone", Value: g.mobile(), Use: "mobile"}},
	}
	if age < 16 || g.chance(0.5) {
		c.Address = home
	}
	pt.Contacts = append(pt.Contacts, c)
}

// registration sets the registration history: most patients regular and
// current; some temporary, some deducted (left the practice), some
// deceased (deducted on death).
func (g *gen) registration(pt *record.Patient, age int) {
	birth := pt.BirthDate.Time
	years := min(age, 40)
	start := g.between(g.now.AddDate(-years, 0, 0), g.now.AddDate(0, 0, -1))
	if age == 0 || g.chance(0.05) && age < 40 {
		start = birth.AddDate(0, 0, 7+g.r.IntN(21)) // registered as a newborn
	}
	if start.Before(birth) {
		start = birth
	}
	if start.After(g.now) {
		start = g.now.AddDate(0, 0, -1)
	}
	reg := record.Registration{
		Type:              record.RegistrationRegular,
		Active:            true,
		OrganisationID:    g.practice.Organisation.ID,
		UsualGPID:         pick(g, g.gps),
		PreferredBranchID: g.locations[0],
	}
	if len(g.locations) > 1 && g.chance(0.3) {
		reg.PreferredBranchID = pick(g, g.locations[1:])
	}
	startDay := func(t time.Time) record.Date {
		return record.DateOf(t.Year(), t.Month(), t.Day())
	}
	switch n := g.r.IntN(1000); {
	case n < 30: // temporary resident: up to three months
		start = g.between(g.now.AddDate(0, -5, 0), g.now.AddDate(0, 0, -1))
		if start.Before(birth) {
			start = birth
		}
		reg.Type = record.RegistrationTemporary
		end := start.AddDate(0, 3, 0)
		reg.Period.End = startDay(end)
		reg.Active = end.After(g.now)
	case n < 35:
		reg.Type = record.RegistrationEmergency
		start = g.between(g.now.AddDate(0, -1, 0), g.now.AddDate(0, 0, -1))
		if start.Before(birth) {
			start = birth
		}
		end := start.AddDate(0, 0, 14)
		reg.Period.End = startDay(end)
		reg.Active = end.After(g.now)
	case n < 80: // deducted: moved away
		end := g.between(start.Add(24*time.Hour), g.now)
		reg.Period.End = startDay(end)
		reg.Active = false
	case n < 80+max(5, age/4): // deceased, more likely with age
		from := start.Add(24 * time.Hour)
		if f := g.now.AddDate(-5, 0, 0); f.After(from) {
			from = f
		}
		death := g.between(from, g.now)
		pt.Deceased = startDay(death)
		reg.Period.End = pt.Deceased
		reg.Active = false
	}
	reg.Period.Start = startDay(start)
	if !reg.Period.End.IsZero() && reg.Period.End.Time.Before(reg.Period.Start.Time) {
		reg.Period.End = reg.Period.Start
	}
	pt.Registration = reg
	// GP2GP transfers take days: a few newly registered patients' records
	// are still on their way.
	if reg.Active && g.now.Sub(start) < 30*24*time.Hour && g.chance(0.3) {
		pt.RecordInTransit = true
	}
}

// patientLastModified is the latest change to the patient or their record.
// Registration changes count from 09:00 on their day, when not in the
// future (a temporary registration's planned end).
func patientLastModified(pt *record.Patient, now time.Time) time.Time {
	t := pt.Registration.Period.Start.Time.Add(9 * time.Hour)
	if !pt.Registration.Period.End.IsZero() {
		if e := pt.Registration.Period.End.Time.Add(9 * time.Hour); e.After(t) && !e.After(now) {
			t = e
		}
	}
	if t.After(now) {
		t = now
	}
	for _, lm := range itemTimes(&pt.Record) {
		if lm.After(t) {
			t = lm
		}
	}
	return t
}

// itemTimes lists every LastModified in a record.
func itemTimes(r *record.ClinicalRecord) []time.Time {
	var ts []time.Time
	for _, a := range r.Allergies {
		ts = append(ts, a.LastModified)
	}
	for _, m := range r.Medications {
		ts = append(ts, m.LastModified)
		for _, is := range m.Issues {
			ts = append(ts, is.LastModified)
		}
	}
	for _, x := range r.Problems {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.Consultations {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.Observations {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.Immunisations {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.Investigations {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.Referrals {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.DiaryEntries {
		ts = append(ts, x.LastModified)
	}
	for _, x := range r.Documents {
		ts = append(ts, x.LastModified)
	}
	if r.NoKnownAllergies != nil {
		ts = append(ts, r.NoKnownAllergies.LastModified)
	}
	return ts
}
