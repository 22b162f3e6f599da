package generate

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

var testNow = time.Date(2026, time.March, 9, 14, 30, 0, 0, time.UTC)

func TestGenerateIsDeterministic(t *testing.T) {
	cfg := Config{ODS: "A12345", Supplier: "tpp", Patients: 60, Seed: 42, Now: testNow}
	a, b := Generate(cfg), Generate(cfg)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Generate(cfg) twice gave different practices")
	}
	cfg.Seed = 43
	if reflect.DeepEqual(a, Generate(cfg)) {
		t.Fatal("Generate with another seed gave the same practice")
	}
	if !reflect.DeepEqual(Fixtures(testNow), Fixtures(testNow)) {
		t.Fatal("Fixtures(now) twice gave different practices")
	}
}

func TestWriteIsByteIdentical(t *testing.T) {
	build := func() []*record.Practice {
		fx := Fixtures(testNow)
		Populate(fx, Config{Patients: 5, Seed: 1, Now: testNow})
		return []*record.Practice{fx,
			Generate(Config{ODS: "R1A14", Supplier: "tpp", Patients: 10, Seed: 2, Now: testNow}),
			Generate(Config{ODS: "R1A17", Supplier: "vision", Patients: 10, Seed: 3, Now: testNow})}
	}
	d1, d2 := t.TempDir(), t.TempDir()
	if err := Write(d1, build()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if err := Write(d2, build()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	a, b := readTree(t, d1), readTree(t, d2)
	// sandbox.json, pds.json, three practice.xml and one file per patient.
	if want := 2 + 3 + len(fixturePatients) + 5 + 10 + 10; len(a) != want {
		t.Errorf("wrote %d files, want %d", len(a), want)
	}
	for name, content := range a {
		if !bytes.Equal(content, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// readTree reads every regular file under root by slash path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestPracticeInvariants(t *testing.T) {
	fx := Fixtures(testNow)
	Populate(fx, Config{Patients: 40, Seed: 7, Now: testNow})
	practices := map[string]*record.Practice{
		"generated": Generate(Config{ODS: "B82001", Supplier: "emis", Patients: 400, Seed: 11, Now: testNow}),
		"fixtures":  fx,
	}
	for name, p := range practices {
		t.Run(name, func(t *testing.T) { checkPractice(t, p, testNow) })
	}
}

// checkPractice asserts what every sandbox practice must satisfy: valid
// unique NHS numbers, and every reference resolving.
func checkPractice(t *testing.T, p *record.Practice, now time.Time) {
	t.Helper()
	staff := map[string]bool{}
	for _, pr := range p.Practitioners {
		staff[pr.ID] = true
		if pr.SDSUserID == "" || pr.LastModified.IsZero() {
			t.Errorf("practitioner %s: SDS user id %q, LastModified %v", pr.ID, pr.SDSUserID, pr.LastModified)
		}
		for _, r := range pr.Roles {
			if r.OrganisationID != p.Organisation.ID || r.JobRole.Code == "" {
				t.Errorf("practitioner %s role %+v does not resolve", pr.ID, r)
			}
		}
	}
	sites := map[string]bool{}
	for _, l := range p.Locations {
		sites[l.ID] = true
		if l.ManagingOrganisationID != p.Organisation.ID || l.SiteODSCode == "" {
			t.Errorf("location %s: managing %q, site %q", l.ID, l.ManagingOrganisationID, l.SiteODSCode)
		}
	}
	orgs := map[string]bool{p.Organisation.ID: true}
	for _, o := range p.Organisations {
		orgs[o.ID] = true
	}
	fixtureIDs := map[string]bool{}
	for _, id := range FixtureNative() {
		fixtureIDs[id] = true
	}
	fixtureNHS := map[record.NHSNumber]bool{}
	for _, n := range fixtureNHSNumbers() {
		fixtureNHS[n] = true
	}
	nhs, ids := map[record.NHSNumber]bool{}, map[string]bool{}
	for i := range p.Patients {
		pt := &p.Patients[i]
		if ids[pt.ID] {
			t.Errorf("patient id %s used twice", pt.ID)
		}
		ids[pt.ID] = true
		if pt.NHSNumber != "" {
			if _, err := record.ParseNHSNumber(string(pt.NHSNumber)); err != nil {
				t.Errorf("patient %s: NHS number %s: %v", pt.ID, pt.NHSNumber, err)
			}
			if nhs[pt.NHSNumber] {
				t.Errorf("patient %s: NHS number %s used twice", pt.ID, pt.NHSNumber)
			}
			nhs[pt.NHSNumber] = true
			if !fixtureIDs[pt.ID] && (fixtureNHS[pt.NHSNumber] || !strings.HasPrefix(string(pt.NHSNumber), "999")) {
				t.Errorf("generated patient %s: NHS number %s outside the 999 range or a fixture's", pt.ID, pt.NHSNumber)
			}
		}
		r := pt.Registration
		if r.OrganisationID != p.Organisation.ID || !staff[r.UsualGPID] || !sites[r.PreferredBranchID] {
			t.Errorf("patient %s: registration %+v does not resolve", pt.ID, r)
		}
		if r.Period.Start.IsZero() || r.Period.Start.Time.Before(pt.BirthDate.Time) {
			t.Errorf("patient %s: registered %v before birth %v", pt.ID, r.Period.Start, pt.BirthDate)
		}
		if pt.IsDeceased() && pt.Deceased.Time.After(now) {
			t.Errorf("patient %s: dies in the future", pt.ID)
		}
		if pt.LastModified.IsZero() || pt.LastModified.After(now) {
			t.Errorf("patient %s: LastModified %v", pt.ID, pt.LastModified)
		}
		checkRecord(t, pt, staff, sites, orgs, now)
	}
}

func checkRecord(t *testing.T, pt *record.Patient, staff, sites, orgs map[string]bool, now time.Time) {
	t.Helper()
	rec := &pt.Record
	items := map[string]*record.Item{}
	add := func(it *record.Item) {
		if it.ID == "" || items[it.ID] != nil {
			t.Errorf("patient %s: item id %q missing or repeated", pt.ID, it.ID)
		}
		items[it.ID] = it
		if it.AuthorID != "" && !staff[it.AuthorID] {
			t.Errorf("patient %s item %s: author %s unknown", pt.ID, it.ID, it.AuthorID)
		}
		if it.OrganisationID != "" && !orgs[it.OrganisationID] {
			t.Errorf("patient %s item %s: organisation %s unknown", pt.ID, it.ID, it.OrganisationID)
		}
		if it.LastModified.IsZero() || it.LastModified.After(now) || it.Recorded.After(now) || it.Effective.Time.After(now) {
			t.Errorf("patient %s item %s: times effective %v recorded %v modified %v against now %v",
				pt.ID, it.ID, it.Effective, it.Recorded, it.LastModified, now)
		}
		if it.LastModified.Before(it.Recorded) {
			t.Errorf("patient %s item %s: modified %v before recorded %v", pt.ID, it.ID, it.LastModified, it.Recorded)
		}
	}
	for i := range rec.Allergies {
		add(&rec.Allergies[i].Item)
	}
	for i := range rec.Medications {
		m := &rec.Medications[i]
		add(&m.Item)
		if len(m.Issues) == 0 || len(m.Issues) > m.AuthorisedIssues {
			t.Errorf("patient %s course %s: %d issues of %d authorised", pt.ID, m.ID, len(m.Issues), m.AuthorisedIssues)
		}
		if m.Drug.IsZero() {
			t.Errorf("patient %s course %s: no drug", pt.ID, m.ID)
		}
	}
	for i := range rec.Problems {
		add(&rec.Problems[i].Item)
	}
	for i := range rec.Consultations {
		add(&rec.Consultations[i].Item)
		if l := rec.Consultations[i].LocationID; l != "" && !sites[l] {
			t.Errorf("patient %s consultation %s: location %s unknown", pt.ID, rec.Consultations[i].ID, l)
		}
	}
	for i := range rec.Observations {
		add(&rec.Observations[i].Item)
	}
	for i := range rec.Immunisations {
		add(&rec.Immunisations[i].Item)
	}
	for i := range rec.Investigations {
		add(&rec.Investigations[i].Item)
	}
	for i := range rec.Referrals {
		add(&rec.Referrals[i].Item)
		if id := rec.Referrals[i].RecipientID; id != "" && !orgs[id] {
			t.Errorf("patient %s referral %s: recipient %s unknown", pt.ID, rec.Referrals[i].ID, id)
		}
	}
	for i := range rec.DiaryEntries {
		add(&rec.DiaryEntries[i].Item)
	}
	for i := range rec.Documents {
		add(&rec.Documents[i].Item)
	}
	problems := map[string]*record.Problem{}
	for i := range rec.Problems {
		problems[rec.Problems[i].ID] = &rec.Problems[i]
	}
	consultations := map[string]*record.Consultation{}
	for i := range rec.Consultations {
		consultations[rec.Consultations[i].ID] = &rec.Consultations[i]
	}
	for _, pr := range rec.Problems {
		if pr.ParentID != "" && problems[pr.ParentID] == nil {
			t.Errorf("patient %s problem %s: parent %s unknown", pt.ID, pr.ID, pr.ParentID)
		}
		for _, id := range pr.ItemIDs {
			it := items[id]
			if it == nil || !contains(it.ProblemIDs, pr.ID) {
				t.Errorf("patient %s problem %s: item %s missing or not linked back", pt.ID, pr.ID, id)
			}
		}
	}
	for id, it := range items {
		for _, pid := range it.ProblemIDs {
			if problems[pid] == nil || !contains(problems[pid].ItemIDs, id) {
				t.Errorf("patient %s item %s: problem %s missing or not listing it", pt.ID, id, pid)
			}
		}
		if it.ConsultationID != "" && consultations[it.ConsultationID] == nil {
			t.Errorf("patient %s item %s: consultation %s unknown", pt.ID, id, it.ConsultationID)
		}
	}
	for _, c := range rec.Consultations {
		if len(c.Topics) == 0 {
			t.Errorf("patient %s consultation %s: empty", pt.ID, c.ID)
		}
		for _, tp := range c.Topics {
			if tp.ProblemID != "" && problems[tp.ProblemID] == nil {
				t.Errorf("patient %s consultation %s: topic problem %s unknown", pt.ID, c.ID, tp.ProblemID)
			}
			for _, h := range tp.Headings {
				for _, id := range h.ItemIDs {
					if it := items[id]; it == nil || it.ConsultationID != c.ID {
						t.Errorf("patient %s consultation %s heading %s: item %s missing or not in it", pt.ID, c.ID, h.Title, id)
					}
				}
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestGeneratedPopulationIsVaried checks the generator actually produces
// the awkward cases the mappings must meet, not just the common one.
func TestGeneratedPopulationIsVaried(t *testing.T) {
	p := Generate(Config{ODS: "B82001", Patients: 1000, Seed: 5, Now: testNow})
	count := map[string]int{}
	for _, pt := range p.Patients {
		r := pt.Registration
		switch {
		case pt.IsDeceased():
			count["deceased"]++
		case r.Type == record.RegistrationTemporary:
			count["temporary"]++
		case !r.Active:
			count["deducted"]++
		}
		if pt.NHSNumber == "" {
			count["no NHS number"]++
		}
		if strings.ContainsAny(pt.Name.Family+strings.Join(pt.Name.Given, ""), "ëâéłńśüŁ") {
			count["diacritics"]++
		}
		if strings.Contains(pt.Name.Family, "'") {
			count["apostrophe"]++
		}
		if strings.Contains(pt.Name.Family, "-") {
			count["double-barrelled"]++
		}
		if pt.Consent == record.ConsentDissent {
			count["dissent"]++
		}
		rec := pt.Record
		for _, o := range rec.Observations {
			if len(o.Components) == 2 {
				count["blood pressure"]++
			}
			if o.Value != nil && o.Value.Unit == "kg" {
				count["weight"]++
			}
		}
		for _, pr := range rec.Problems {
			if pr.ParentID != "" {
				count["child problem"]++
			}
		}
		for _, m := range rec.Medications {
			count["medication "+m.PrescriptionType+" "+m.Status]++
		}
		count["allergies"] += len(rec.Allergies)
		count["immunisations"] += len(rec.Immunisations)
		count["investigations"] += len(rec.Investigations)
		count["referrals"] += len(rec.Referrals)
		count["diary entries"] += len(rec.DiaryEntries)
		for _, a := range rec.Allergies {
			if a.Effective.Precision == record.PrecisionYear {
				count["year-precision date"]++
			}
		}
		if rec.NoKnownAllergies != nil {
			count["no known allergies"]++
		}
	}
	for _, want := range []string{"deceased", "temporary", "deducted", "no NHS number", "diacritics", "apostrophe",
		"double-barrelled", "dissent", "blood pressure", "weight", "child problem", "medication repeat active",
		"medication repeat completed", "medication repeat stopped", "medication acute completed", "allergies",
		"immunisations", "investigations", "referrals", "diary entries", "no known allergies", "year-precision date"} {
		if count[want] == 0 {
			t.Errorf("1000 generated patients hold no %q (counts %v)", want, count)
		}
	}
}

func TestReadV2CodesAreFiveCharacters(t *testing.T) {
	p := Generate(Config{ODS: "B82001", Patients: 200, Seed: 9, Now: testNow})
	for _, pt := range p.Patients {
		for _, o := range pt.Record.Observations {
			if c, ok := o.Code.In(record.SystemReadV2); ok && (len(c.Code) != 5 || len(c.DescriptionID) != 2) {
				t.Fatalf("Read v2 coding %+v: want a 5-character code and a 2-character term code", c)
			}
			if s, ok := o.Code.SNOMED(); !ok || s.Display == "" {
				t.Fatalf("observation %s has no SNOMED coding with a term", o.ID)
			}
		}
	}
}

func TestWithCheckDigit(t *testing.T) {
	cases := []struct {
		nine string
		want record.NHSNumber
		ok   bool
	}{
		{"900000000", "9000000009", true},
		{"947671991", "9476719915", true},
		{"999000001", "9990000018", true},
		{"999000000", "", false}, // check value 10: no valid number
	}
	for _, c := range cases {
		got, ok := withCheckDigit(c.nine)
		if got != c.want || ok != c.ok {
			t.Errorf("withCheckDigit(%s) = %s, %v; want %s, %v", c.nine, got, ok, c.want, c.ok)
		}
	}
}

func BenchmarkGenerate2000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Generate(Config{ODS: "B82001", Patients: 2000, Seed: 1, Now: testNow})
	}
}
