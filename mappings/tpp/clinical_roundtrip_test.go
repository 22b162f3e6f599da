package tpp_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"im1fhir/mappings/tpp"
	"im1fhir/record"
	"im1fhir/source/sandbox/generate"
)

// The generator's practices are what the sandbox ships in TPP format, so
// every clinical item it makes must come back from EncodePatient →
// DecodePatient, up to the losses doc.go lists (applied by tppView).

func generatedPractices() map[string]*record.Practice {
	return map[string]*record.Practice{
		"generated": generate.Generate(generate.Config{ODS: "R1A14", Supplier: tpp.Supplier, Patients: 60, Seed: 7, Now: generate.DefaultNow}),
		"fixtures":  generate.Fixtures(generate.DefaultNow),
	}
}

func TestGeneratedClinicalRoundTrip(t *testing.T) {
	for name, practice := range generatedPractices() {
		t.Run(name, func(t *testing.T) {
			items := 0
			for i := range practice.Patients {
				p := &practice.Patients[i]
				var buf bytes.Buffer
				if err := tpp.EncodePatient(&buf, practice, p); err != nil {
					t.Fatalf("patient %s: EncodePatient: %v", p.ID, err)
				}
				got, err := tpp.DecodePatient(&buf)
				if err != nil {
					t.Fatalf("patient %s: DecodePatient: %v", p.ID, err)
				}
				want := tppView(practice, p.Record)
				normalise(&got.Record)
				if msg := diffRecord(got.Record, want); msg != "" {
					t.Errorf("patient %s: %s", p.ID, msg)
				}
				items += countItems(want)
			}
			if items < 100 {
				t.Errorf("only %d clinical items across the practice: the round trip exercised too little", items)
			}
		})
	}
}

// TestGeneratedPatientsValidate runs xmllint over every generated patient.
func TestGeneratedPatientsValidate(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not on PATH (apt-get install -y libxml2-utils): schema validation skipped")
	}
	const xsd = "../../../shared/samples/tpp/TppPatientRecord.xsd"
	if _, err := os.Stat(xsd); err != nil {
		t.Skipf("XSD not available: %v", err)
	}
	dir := t.TempDir()
	var files []string
	for name, practice := range generatedPractices() {
		for i := range practice.Patients {
			p := &practice.Patients[i]
			var buf bytes.Buffer
			if err := tpp.EncodePatient(&buf, practice, p); err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(dir, fmt.Sprintf("%s-%s.xml", name, p.ID))
			if err := os.WriteFile(f, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	out, err := exec.Command(xmllint, append([]string{"--noout", "--schema", xsd}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("generated patients do not validate: %v\n%.4000s", err, out)
	}
}

// tppView is what the TPP format keeps of a clinical record: references
// become TPP keys (user names, ODS codes) and the documented losses apply.
func tppView(practice *record.Practice, rec record.ClinicalRecord) record.ClinicalRecord {
	user := func(id string) string {
		for _, pr := range practice.Practitioners {
			if pr.ID == id && pr.LocalUserID != "" {
				return pr.LocalUserID
			}
		}
		return id
	}
	org := func(id string) string {
		for _, o := range append([]record.Organisation{practice.Organisation}, practice.Organisations...) {
			if o.ID == id && o.ODSCode != "" {
				return o.ODSCode
			}
		}
		return id
	}
	var out record.ClinicalRecord
	deepCopy(&out, rec)
	item := func(it *record.Item) {
		it.AuthorID, it.RecorderID = user(it.AuthorID), user(it.RecorderID)
		if it.OrganisationID != "" {
			it.OrganisationID = org(it.OrganisationID)
		}
		it.Code = tppConcept(it.Code)
	}
	obs := func(o *record.Observation) {
		item(&o.Item)
		for i := range o.Components {
			o.Components[i].Code = tppConcept(o.Components[i].Code)
		}
	}
	for i := range out.Allergies {
		a := &out.Allergies[i]
		item(&a.Item)
		for j := range a.Reactions {
			a.Reactions[j].Manifestation = tppConcept(a.Reactions[j].Manifestation)
		}
	}
	for i := range out.Medications {
		m := &out.Medications[i]
		item(&m.Item)
		m.Drug = tppDrug(m.Drug)
		for j := range m.Issues {
			m.Issues[j].AuthorID = user(m.Issues[j].AuthorID)
		}
	}
	for i := range out.Problems {
		p := &out.Problems[i]
		item(&p.Item)
		p.ProblemIDs = nil // a problem's own links: lost
	}
	for i := range out.Consultations {
		c := &out.Consultations[i]
		item(&c.Item)
		for j := range c.Topics {
			for k := range c.Topics[j].Headings {
				c.Topics[j].Headings[k].Code = record.Concept{} // lost
			}
		}
	}
	for i := range out.Observations {
		obs(&out.Observations[i])
	}
	if out.NoKnownAllergies != nil {
		obs(out.NoKnownAllergies)
	}
	for i := range out.Immunisations {
		im := &out.Immunisations[i]
		item(&im.Item)
		im.Vaccine, im.Site, im.Route, im.Reason = tppConcept(im.Vaccine), tppConcept(im.Site), tppConcept(im.Route), tppConcept(im.Reason)
	}
	for i := range out.Investigations {
		inv := &out.Investigations[i]
		item(&inv.Item)
		if inv.Request != nil {
			inv.Request.Code = tppConcept(inv.Request.Code)
			inv.Request.AuthorID = user(inv.Request.AuthorID)
		}
		for j := range inv.Specimens {
			inv.Specimens[j].Type = tppConcept(inv.Specimens[j].Type)
		}
		for j := range inv.TestGroups {
			g := &inv.TestGroups[j]
			g.Code = tppConcept(g.Code)
			for k := range g.Results {
				obs(&g.Results[k])
			}
		}
		for j := range inv.Results {
			obs(&inv.Results[j])
		}
	}
	for i := range out.Referrals {
		r := &out.Referrals[i]
		item(&r.Item)
		r.Service, r.Reason = tppConcept(r.Service), tppConcept(r.Reason)
		if r.RecipientID != "" {
			r.RecipientID = org(r.RecipientID)
		}
	}
	for i := range out.DiaryEntries {
		item(&out.DiaryEntries[i].Item)
	}
	for i := range out.Documents {
		item(&out.Documents[i].Item)
	}
	normalise(&out)
	return out
}

// tppConcept keeps the one coding a ClinicalCode holds: SNOMED, else CTV3,
// else the text alone. Version, description id and a coded concept's own
// text are lost.
func tppConcept(c record.Concept) record.Concept {
	for _, sys := range []string{record.SystemSNOMED, record.SystemCTV3} {
		if cd, ok := c.In(sys); ok {
			return record.Concept{Codings: []record.Code{{System: cd.System, Code: cd.Code, Display: cd.Display}}}
		}
	}
	if c.IsZero() {
		return record.Concept{}
	}
	return record.Concept{Text: c.Display()}
}

func tppDrug(c record.Concept) record.Concept {
	for _, sys := range []string{record.SystemSNOMED, record.SystemMultilex} {
		if cd, ok := c.In(sys); ok {
			return record.Concept{Codings: []record.Code{{System: cd.System, Code: cd.Code, Display: c.Display()}}}
		}
	}
	if c.IsZero() {
		return record.Concept{}
	}
	return record.Concept{Text: c.Display()}
}

// normalise sorts Problem.ItemIDs: the format rebuilds them in journal
// order, not the order the record listed them.
func normalise(rec *record.ClinicalRecord) {
	for i := range rec.Problems {
		sort.Strings(rec.Problems[i].ItemIDs)
	}
}

// deepCopy copies through the encoder-independent route of reflection, so
// that tppView never aliases the generator's slices.
func deepCopy(dst *record.ClinicalRecord, src record.ClinicalRecord) {
	*dst = copyValue(reflect.ValueOf(src)).Interface().(record.ClinicalRecord)
}

func copyValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(copyValue(v.Index(i)))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(copyValue(v.Elem()))
		return out
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			out.Field(i).Set(copyValue(v.Field(i)))
		}
		return out
	}
	return v
}

// diffRecord names the first differing item of each area.
func diffRecord(got, want record.ClinicalRecord) string {
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	var msg string
	for i := 0; i < gv.NumField(); i++ {
		name := gv.Type().Field(i).Name
		g, w := gv.Field(i), wv.Field(i)
		if reflect.DeepEqual(g.Interface(), w.Interface()) {
			continue
		}
		if g.Kind() == reflect.Slice && g.Len() == w.Len() {
			for j := 0; j < g.Len(); j++ {
				if !reflect.DeepEqual(g.Index(j).Interface(), w.Index(j).Interface()) {
					msg += fmt.Sprintf("\n%s[%d]:\n got %+v\nwant %+v", name, j, g.Index(j).Interface(), w.Index(j).Interface())
					break
				}
			}
			continue
		}
		if g.Kind() == reflect.Slice {
			msg += fmt.Sprintf("\n%s: got %d items, want %d", name, g.Len(), w.Len())
			continue
		}
		msg += fmt.Sprintf("\n%s:\n got %+v\nwant %+v", name, g.Interface(), w.Interface())
	}
	return msg
}

func countItems(rec record.ClinicalRecord) int {
	return len(rec.Allergies) + len(rec.Medications) + len(rec.Problems) + len(rec.Consultations) + len(rec.Observations) +
		len(rec.Immunisations) + len(rec.Investigations) + len(rec.Referrals) + len(rec.DiaryEntries) + len(rec.Documents)
}

// richestPatient is the generated patient with the most clinical items.
func richestPatient(b *testing.B) (*record.Practice, *record.Patient) {
	b.Helper()
	practice := generatedPractices()["generated"]
	best := 0
	for i := range practice.Patients {
		if countItems(practice.Patients[i].Record) > countItems(practice.Patients[best].Record) {
			best = i
		}
	}
	return practice, &practice.Patients[best]
}

func BenchmarkDecodeRichPatient(b *testing.B) {
	practice, p := richestPatient(b)
	var buf bytes.Buffer
	if err := tpp.EncodePatient(&buf, practice, p); err != nil {
		b.Fatal(err)
	}
	in := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := tpp.DecodePatient(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(countItems(p.Record)), "items")
}

func BenchmarkEncodeRichPatient(b *testing.B) {
	practice, p := richestPatient(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := tpp.EncodePatient(io.Discard, practice, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(countItems(p.Record)), "items")
}
