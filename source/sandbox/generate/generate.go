package generate

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"im1fhir/record"
)

// Config says what practice to generate.
type Config struct {
	// ODS is the practice's ODS code; it is also the Organisation id.
	ODS string
	// Name is the practice name; empty picks one (the fixture organisations
	// GPC001, R1A14 and R1A17 have fixed names).
	Name string
	// Supplier is the native format the practice is kept in: "emis", "tpp"
	// or "vision". It only labels the practice; the record is the same.
	Supplier string
	// Patients is how many patients to generate.
	Patients int
	// Seed makes the output: the same Config gives the same practice.
	Seed int64
	// Now is the day the practice is generated on: every date is at or
	// before it, and ages and histories are measured back from it.
	Now time.Time
}

// DefaultNow is the fixed "today" of the shipped sandbox, so that building
// it again does not churn the files. Callers that want a live sandbox pass
// time.Now().
var DefaultNow = time.Date(2026, time.November, 2, 9, 0, 0, 0, time.UTC)

// Generate returns a practice: its directory (organisation, sites, staff,
// referral organisations) and cfg.Patients patients with full clinical
// records. The same cfg always gives a deeply equal practice.
func Generate(cfg Config) *record.Practice {
	cfg = cfg.normalised()
	g := newGen(cfg.Seed, cfg.Now, "directory")
	p := g.directory(cfg)
	Populate(p, cfg)
	return p
}

// Populate adds cfg.Patients generated patients to p, registered with p's
// practitioners and sites and clear of NHS numbers p already holds and of
// the assurance fixtures' numbers. It is how the fixture practice GPC001
// gets its generated population. Only cfg.Patients, Seed and Now are used.
func Populate(p *record.Practice, cfg Config) {
	cfg = cfg.normalised()
	g := newGen(cfg.Seed, cfg.Now, "patients:"+p.Organisation.ODSCode)
	for _, pt := range p.Patients {
		g.usedNHS[pt.NHSNumber] = true
		g.usedIDs[pt.ID] = true
	}
	g.bind(p)
	for range cfg.Patients {
		pt := g.patient()
		p.Patients = append(p.Patients, pt)
	}
	p.LastModified = practiceLastModified(p)
}

func (c Config) normalised() Config {
	if c.Now.IsZero() {
		c.Now = DefaultNow
	}
	c.Now = c.Now.UTC().Truncate(time.Second)
	c.ODS = strings.ToUpper(strings.TrimSpace(c.ODS))
	if c.Supplier == "" {
		c.Supplier = "emis"
	}
	if c.Patients < 0 {
		c.Patients = 0
	}
	return c
}

// gen holds the random source and what a practice's patients refer to.
type gen struct {
	r   *rand.Rand
	now time.Time

	practice  *record.Practice
	area      area
	gps       []string // practitioner ids with a GP role
	nurses    []string
	locations []string
	referTo   []record.Organisation
	usedNHS   map[record.NHSNumber]bool
	usedIDs   map[string]bool
}

// newGen seeds a generator for one purpose: separate streams for the
// directory and the patients mean adding a field to one does not reshuffle
// the other.
func newGen(seed int64, now time.Time, stream string) *gen {
	h := fnv.New64a()
	h.Write([]byte(stream))
	return &gen{
		r:       rand.New(rand.NewPCG(uint64(seed), h.Sum64())),
		now:     now,
		usedNHS: map[record.NHSNumber]bool{},
		usedIDs: map[string]bool{},
	}
}

// bind points the generator at a practice's directory.
func (g *gen) bind(p *record.Practice) {
	g.practice = p
	g.area = areaFor(p.Organisation.ODSCode)
	g.gps, g.nurses, g.locations = nil, nil, nil
	for _, pr := range p.Practitioners {
		for _, role := range pr.Roles {
			switch role.JobRole.Code {
			case jobRoleGP.Code, jobRoleSalariedGP.Code:
				g.gps = append(g.gps, pr.ID)
			case jobRoleNurse.Code:
				g.nurses = append(g.nurses, pr.ID)
			}
		}
	}
	for _, l := range p.Locations {
		if l.Status == "" || l.Status == "active" {
			g.locations = append(g.locations, l.ID)
		}
	}
	g.referTo = p.Organisations
	for _, id := range fixtureNHSNumbers() {
		g.usedNHS[id] = true
	}
}

// areaFor picks the practice's town: fixed for the fixture organisations,
// by hash otherwise.
func areaFor(ods string) area {
	if k, ok := knownPractices[ods]; ok {
		return areas[k.area]
	}
	keys := make([]string, 0, len(areas))
	for k := range areas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := fnv.New32a()
	h.Write([]byte(ods))
	return areas[keys[int(h.Sum32()%uint32(len(keys)))]]
}

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// between returns a time uniformly in [a, b), truncated to the minute.
func (g *gen) between(a, b time.Time) time.Time {
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(g.r.Int64N(int64(b.Sub(a))))).Truncate(time.Minute)
}

// uuid returns a random (version 4 shaped) identifier, as EMIS and TPP use
// for records and items, unique within the generator.
func (g *gen) uuid() string {
	for {
		hi, lo := g.r.Uint64(), g.r.Uint64()
		hi = hi&^0xf000 | 0x4000         // version 4
		lo = lo&^(0xc<<60) | (0x8 << 60) // RFC 4122 variant
		id := fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
		if !g.usedIDs[id] {
			g.usedIDs[id] = true
			return id
		}
	}
}

// digits returns n random decimal digits.
func (g *gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

// nhsNumber returns an unused, valid NHS number in the 999 range (which
// the NHS keeps for test data and never issues to real people).
func (g *gen) nhsNumber() record.NHSNumber {
	for {
		n, ok := withCheckDigit("999" + g.digits(6))
		if ok && !g.usedNHS[n] {
			g.usedNHS[n] = true
			return n
		}
	}
}

// withCheckDigit appends the modulus 11 check digit to nine digits; false
// when the nine digits have none (check value 10).
func withCheckDigit(nine string) (record.NHSNumber, bool) {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(nine[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 {
		return "", false
	}
	return record.NHSNumber(nine + string(rune('0'+check))), true
}

// phone returns a number in the area's Ofcom drama range.
func (g *gen) phone() string { return g.area.phonePrefix + g.digits(3) }

// mobile returns a number in Ofcom's drama range for mobiles (07700 900000-900999).
func (g *gen) mobile() string { return "07700 900" + g.digits(3) }

// postcode returns a real-format postcode in district d.
func (g *gen) postcode(d district) string {
	l := postcodeInwardLetters
	return fmt.Sprintf("%s %d%c%c", d.code, g.r.IntN(10), l[g.r.IntN(len(l))], l[g.r.IntN(len(l))])
}

// address returns a home-style address in the practice's area.
func (g *gen) address(use string) record.Address {
	var lines []string
	switch n := g.r.IntN(20); {
	case n == 0:
		lines = append(lines, pick(g, houseNames))
	case n < 4:
		lines = append(lines, fmt.Sprintf("Flat %d", 1+g.r.IntN(12)))
	}
	lines = append(lines, fmt.Sprintf("%d %s", 1+g.r.IntN(180), pick(g, streets)))
	d := pick(g, g.area.districts)
	if d.locality != "" {
		lines = append(lines, d.locality)
	}
	return record.Address{Use: use, Lines: lines, City: g.area.town, District: g.area.county, PostalCode: g.postcode(d)}
}

// asciiLower folds a name to lower-case ASCII letters, for logins and
// e-mail addresses.
func asciiLower(s string) string {
	fold := map[rune]string{'ë': "e", 'é': "e", 'è': "e", 'ê': "e", 'ę': "e", 'á': "a", 'â': "a", 'à': "a", 'ą': "a",
		'í': "i", 'ó': "o", 'ö': "o", 'ł': "l", 'ś': "s", 'ü': "u", 'ç': "c", 'ń': "n", 'ż': "z", 'ź': "z"}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case fold[r] != "":
			b.WriteString(fold[r])
		}
	}
	return b.String()
}

// practiceLastModified is the latest change anywhere in the practice.
func practiceLastModified(p *record.Practice) time.Time {
	t := p.Organisation.LastModified
	later := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	for _, o := range p.Organisations {
		later(o.LastModified)
	}
	for _, l := range p.Locations {
		later(l.LastModified)
	}
	for _, pr := range p.Practitioners {
		later(pr.LastModified)
	}
	for _, pt := range p.Patients {
		later(pt.LastModified)
	}
	return t
}
