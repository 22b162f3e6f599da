package gpconnect

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// mustStructuredJSON validates a structured Bundle, renders it, parses it
// back with the validating STU3 parser and returns the JSON as a map.
func mustStructuredJSON(t testing.TB, bundle *rpb.Bundle) map[string]any {
	t.Helper()
	if err := Validate(bundle); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	out, err := mustRenderer(t).JSON(bundle)
	if err != nil {
		t.Fatalf("JSON: %v", err)
	}
	parser, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.UnmarshalR3(out); err != nil {
		t.Fatalf("validating parser rejects our Bundle: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func entryResources(bundle map[string]any) []map[string]any {
	var out []map[string]any
	for _, e := range objs(bundle["entry"]) {
		out = append(out, obj(e["resource"]))
	}
	return out
}

// references collects every "reference" value under v.
func references(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == "reference" {
				*out = append(*out, s)
				continue
			}
			references(val, out)
		}
	case []any:
		for _, val := range x {
			references(val, out)
		}
	}
}

func listsByTitle(bundle map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, r := range entryResources(bundle) {
		if r["resourceType"] == "List" {
			if title, _ := r["title"].(string); title != "" {
				if _, dup := out[title]; !dup || r["id"] == nil {
					out[title] = r
				}
			}
		}
	}
	return out
}

func listCode(l map[string]any) (system, code string) {
	c := objs(obj(l["code"])["coding"])[0]
	return c["system"].(string), c["code"].(string)
}

func noteText(l map[string]any) string {
	var parts []string
	for _, n := range objs(l["note"]) {
		parts = append(parts, n["text"].(string))
	}
	return strings.Join(parts, "|")
}

func warningCodes(l map[string]any) []string {
	var out []string
	for _, e := range objs(l["extension"]) {
		if e["url"] == ExtListWarningCode {
			out = append(out, e["valueCode"].(string))
		}
	}
	sort.Strings(out)
	return out
}

// TestStructuredBuilders runs every item builder on the rich record: each
// resource passes Validate and the validating STU3 parser, carries exactly
// its profile, a versionId that matches its content and lastUpdated.
func TestStructuredBuilders(t *testing.T) {
	p, pr, sel := richStructured()
	b := newStructured(p, pr, sel)
	r := mustRenderer(t)
	parser, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	check := func(name string, cr *rpb.ContainedResource) {
		t.Run(name, func(t *testing.T) {
			if err := Validate(cr); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			out, err := r.JSONCopy(cr)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := parser.UnmarshalR3(out); err != nil {
				t.Fatalf("parser: %v\n%s", err, out)
			}
			var m map[string]any
			if err := json.Unmarshal(out, &m); err != nil {
				t.Fatal(err)
			}
			typ := m["resourceType"].(string)
			seen[typ] = true
			meta := obj(m["meta"])
			if got := profiles(m); len(got) != 1 || !strings.HasPrefix(got[0], nhsStructureDefinition) {
				t.Errorf("meta.profile = %v", got)
			}
			if meta["lastUpdated"] == nil {
				t.Error("meta.lastUpdated missing")
			}
			if typ != "List" && meta["versionId"] == nil {
				t.Error("meta.versionId missing")
			}
		})
	}
	for _, it := range b.pl.order {
		for i, cr := range b.render(it) {
			check(fmt.Sprintf("%s/%d", it.item.ID, i), cr)
		}
	}
	for _, c := range sel.Consultations {
		for _, l := range b.consultationLists(c) {
			check("list/"+l.GetId().GetValue(), Contain(l))
		}
	}
	check("ended-allergies", Contain(b.endedAllergiesList()))
	for _, want := range []string{"AllergyIntolerance", "Medication", "MedicationStatement", "MedicationRequest", "Condition", "Encounter",
		"Observation", "Immunization", "DiagnosticReport", "Specimen", "ProcedureRequest", "ReferralRequest", "DocumentReference", "List"} {
		if !seen[want] {
			t.Errorf("no builder produced a %s", want)
		}
	}
}

// TestStructuredBundleRules checks the GP Connect rules of §5.2 on whole
// Bundles for several requests.
func TestStructuredBundleRules(t *testing.T) {
	warning := Issue{Severity: "warning", Code: "not-supported", SpineCode: "NOT_IMPLEMENTED", SpineDisplay: "Not implemented", Diagnostics: "includeFoo", DetailsText: "includeFoo is an unrecognised parameter"}
	allergiesOnly := func() (*record.Patient, *record.Practice, *record.Selection) {
		p, pr, sel := richStructured()
		sel.Query = record.StructuredQuery{Allergies: &record.AllergyQuery{IncludeResolved: true}}
		return p, pr, sel
	}
	empty := func(inTransit bool) func() (*record.Patient, *record.Practice, *record.Selection) {
		return func() (*record.Patient, *record.Practice, *record.Selection) {
			p, pr, _ := richStructured()
			p.Record = record.ClinicalRecord{}
			p.RecordInTransit = inTransit
			return p, pr, selectAll(p, "")
		}
	}
	nka := func() (*record.Patient, *record.Practice, *record.Selection) {
		p, pr, _ := richStructured()
		p.Record = record.ClinicalRecord{NoKnownAllergies: &record.Observation{Item: record.Item{ID: "NKA", Code: snomed("716186003", "No known allergy")}}}
		sel := selectAll(p, "")
		sel.Query = record.StructuredQuery{Allergies: &record.AllergyQuery{}}
		return p, pr, sel
	}
	tests := []struct {
		name     string
		build    func() (*record.Patient, *record.Practice, *record.Selection)
		warnings []Issue
		// wantLists maps each expected List title to its code, warnings and
		// entry count (-1: any, but not empty).
		wantLists map[string]listWant
		absentIDs []string
	}{
		{"every area", richStructured, []Issue{warning}, map[string]listWant{
			"Allergies and adverse reactions": {code: "886921000000105", warnings: []string{WarningConfidentialItems}, entries: 2},
			"Ended allergies":                 {code: "1103671000000101", warnings: []string{WarningConfidentialItems}, entries: 2, contained: 2},
			"Medications and medical devices": {code: "933361000000108", entries: 3},
			"Problems":                        {code: "717711000000103", warnings: []string{WarningConfidentialItems}, entries: 1},
			"List of consultations":           {code: "1149501000000101", entries: 2},
			"Immunisations":                   {code: "1102181000000102", entries: 2},
			"Uncategorised data":              {code: "826501000000100", warnings: []string{WarningConfidentialItems}, entries: 4},
			"Investigations and results":      {code: "887191000000108", entries: 1},
			"Outbound referral":               {code: "792931000000107", entries: 2},
			"Patient recall administration":   {code: "714311000000108", entries: 1},
			LinkedProblemsTitle:               {code: LinkedProblemsCode, entries: 2},
			"Consultations - uncategorised data contained in consultations": {code: "consultations-uncategorised-data-contained-in-consultations", warnings: []string{WarningConfidentialItems}, entries: 3},
			"Consultations - problems contained in consultations":           {code: "consultations-problems-contained-in-consultations", entries: 1},
			"Consultations - medications contained in consultations":        {code: "consultations-medications-contained-in-consultations", entries: 1},
			"Consultations - allergies contained in consultations":          {code: "consultations-allergies-contained-in-consultations", entries: 1},
			"Consultations - diary entries contained in consultations":      {code: "consultations-diary-entries-contained-in-consultations", entries: 1},
			"Consultations - documents contained in consultations":          {code: "consultations-documents-contained-in-consultations", entries: 1},
			"Problems - medications related to problems":                    {code: "problems-medications-related-to-problems", entries: 1},
			"Problems - uncategorised data related to problems":             {code: "problems-uncategorised-data-related-to-problems", entries: 1},
			"Problems - consultations related to problems":                  {code: "problems-consultations-related-to-problems", entries: 1},
		}, []string{"A5", "P3", "O5"}},
		{"allergies only with a linked problem", allergiesOnly, nil, map[string]listWant{
			"Allergies and adverse reactions": {code: "886921000000105", warnings: []string{WarningConfidentialItems}, entries: 2},
			"Ended allergies":                 {code: "1103671000000101", warnings: []string{WarningConfidentialItems}, entries: 2, contained: 2},
			LinkedProblemsTitle:               {code: LinkedProblemsCode, entries: 1},
		}, []string{"A5", "M1", "C1"}},
		{"empty record", empty(false), nil, emptyLists(nil), nil},
		{"empty record in transit", empty(true), nil, emptyLists([]string{WarningDataInTransit}), nil},
		{"no known allergies", nka, nil, map[string]listWant{
			"Allergies and adverse reactions": {code: "886921000000105", emptyReason: "nil-known", note: NoteNoKnownAllergies},
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, pr, sel := tc.build()
			bundle := mustStructuredJSON(t, StructuredBundle("trace-1", p, pr, sel, tc.warnings))
			checkBundleShape(t, bundle)
			lists := listsByTitle(bundle)
			var titles []string
			for title, l := range lists {
				if l["id"] == nil { // area lists, not the consultation structure
					titles = append(titles, title)
				}
			}
			var want []string
			for title := range tc.wantLists {
				want = append(want, title)
			}
			sort.Strings(titles)
			sort.Strings(want)
			if !slices.Equal(titles, want) {
				t.Errorf("lists = %q\nwant %q", titles, want)
			}
			for title, w := range tc.wantLists {
				l, ok := lists[title]
				if !ok {
					continue
				}
				w.check(t, title, l)
			}
			ooCount := 0
			for _, r := range entryResources(bundle) {
				if r["resourceType"] == "OperationOutcome" {
					ooCount++
					if n := len(objs(r["issue"])); n != len(tc.warnings) {
						t.Errorf("OperationOutcome has %d issues, want %d", n, len(tc.warnings))
					}
				}
			}
			if want := min(len(tc.warnings), 1); ooCount != want {
				t.Errorf("%d OperationOutcome entries, want %d", ooCount, want)
			}
			raw, _ := json.Marshal(bundle)
			for _, absent := range tc.absentIDs {
				if strings.Contains(string(raw), `/`+absent+`"`) || strings.Contains(string(raw), `"id":"`+absent+`"`) {
					t.Errorf("%s (confidential or not requested) appears in the Bundle", absent)
				}
			}
		})
	}
}

type listWant struct {
	code        string
	warnings    []string
	entries     int
	contained   int
	emptyReason string
	note        string
}

func emptyLists(warnings []string) map[string]listWant {
	out := map[string]listWant{"Ended allergies": {code: EndedAllergiesList.Code, warnings: warnings, emptyReason: "no-content-recorded"}}
	for _, l := range PrimaryLists {
		out[l.Title] = listWant{code: l.Code, warnings: warnings, emptyReason: "no-content-recorded"}
	}
	return out
}

func (w listWant) check(t *testing.T, title string, l map[string]any) {
	t.Helper()
	system, c := listCode(l)
	wantSystem := record.SystemSNOMED
	if strings.Contains(w.code, "-") {
		wantSystem = CodeSystemSecondaryList
	}
	if system != wantSystem || c != w.code {
		t.Errorf("%s: code = %s|%s, want %s|%s", title, system, c, wantSystem, w.code)
	}
	if l["status"] != "current" || l["mode"] != "snapshot" {
		t.Errorf("%s: status/mode = %v/%v", title, l["status"], l["mode"])
	}
	if got := warningCodes(l); !slices.Equal(got, w.warnings) {
		t.Errorf("%s: warnings = %v, want %v", title, got, w.warnings)
	}
	if n := len(objs(l["entry"])); n != w.entries {
		t.Errorf("%s: %d entries, want %d", title, n, w.entries)
	}
	if n := len(objs(l["contained"])); n != w.contained {
		t.Errorf("%s: %d contained, want %d", title, n, w.contained)
	}
	note := noteText(l)
	for _, wc := range w.warnings {
		want := NoteConfidentialItems
		if wc == WarningDataInTransit {
			want = "Patient record transfer from previous GP practice not yet complete; information recorded before 01-Sep-2010 may be missing."
		}
		if !strings.Contains(note, want) {
			t.Errorf("%s: note %q lacks %q", title, note, want)
		}
	}
	if w.emptyReason != "" {
		er := objs(obj(l["emptyReason"])["coding"])
		if len(er) != 1 || er[0]["code"] != w.emptyReason || er[0]["system"] != CodeSystemListEmptyReason {
			t.Errorf("%s: emptyReason = %v, want %s", title, l["emptyReason"], w.emptyReason)
		}
		wantNote := w.note
		if wantNote == "" {
			wantNote = NoteEmptyList
		}
		if !strings.HasSuffix(note, wantNote) {
			t.Errorf("%s: note = %q, want it to end %q", title, note, wantNote)
		}
	} else if l["emptyReason"] != nil {
		t.Errorf("%s: emptyReason on a populated list", title)
	}
	for _, k := range []string{"id", "source"} {
		if _, ok := l[k]; ok {
			t.Errorf("%s: List.%s present", title, k)
		}
	}
	if obj(l["meta"])["versionId"] != nil {
		t.Errorf("%s: List.meta.versionId present", title)
	}
}

// checkBundleShape asserts the rules every structured Bundle obeys: the
// profile and forbidden elements, one Patient, no two entries of the same
// type and id, every reference resolving to an entry (or, for "#id", to a
// resource contained in the same resource), every referenced
// Practitioner/Organization/Location present, and meta on every resource.
func checkBundleShape(t *testing.T, bundle map[string]any) {
	t.Helper()
	if bundle["type"] != "collection" {
		t.Errorf("type = %v", bundle["type"])
	}
	if got := profiles(bundle); !slices.Equal(got, []string{ProfileStructuredRecordBundle}) {
		t.Errorf("Bundle meta.profile = %v", got)
	}
	meta := obj(bundle["meta"])
	for _, k := range []string{"versionId", "lastUpdated"} {
		if _, ok := meta[k]; ok {
			t.Errorf("Bundle.meta.%s present", k)
		}
	}
	for _, k := range []string{"total", "link", "signature"} {
		if _, ok := bundle[k]; ok {
			t.Errorf("Bundle.%s present", k)
		}
	}
	keys := map[string]bool{}
	patients := 0
	for _, e := range objs(bundle["entry"]) {
		for k := range e {
			if k != "resource" {
				t.Errorf("entry.%s present", k)
			}
		}
		r := obj(e["resource"])
		typ := r["resourceType"].(string)
		if typ == "Patient" {
			patients++
		}
		if typ == "OperationOutcome" {
			continue
		}
		if got := profiles(r); len(got) != 1 {
			t.Errorf("%s/%v meta.profile = %v", typ, r["id"], got)
		}
		if typ != "List" && obj(r["meta"])["versionId"] == nil {
			t.Errorf("%s/%v has no meta.versionId", typ, r["id"])
		}
		if obj(r["meta"])["lastUpdated"] == nil {
			t.Errorf("%s/%v has no meta.lastUpdated", typ, r["id"])
		}
		if idv, ok := r["id"].(string); ok {
			k := typ + "/" + idv
			if keys[k] {
				t.Errorf("duplicate entry %s", k)
			}
			keys[k] = true
		}
	}
	if patients != 1 {
		t.Errorf("%d Patient entries", patients)
	}
	for _, e := range objs(bundle["entry"]) {
		r := obj(e["resource"])
		contained := map[string]bool{}
		for _, c := range objs(r["contained"]) {
			contained["#"+c["id"].(string)] = true
		}
		var refs []string
		references(r, &refs)
		for _, ref := range refs {
			if strings.HasPrefix(ref, "#") {
				if !contained[ref] {
					t.Errorf("%s/%v: %s is not contained", r["resourceType"], r["id"], ref)
				}
				continue
			}
			if !keys[ref] {
				t.Errorf("%s/%v references %s, which is not in the Bundle", r["resourceType"], r["id"], ref)
			}
		}
	}
}

// TestStructuredCodings checks the coding rules on one rich allergy: the
// Read v2 code as its 7-character form marked userSelected, the SNOMED coding
// with its description id and the terminology version in use.
func TestStructuredCodings(t *testing.T) {
	p, pr, sel := richStructured()
	bundle := mustStructuredJSON(t, StructuredBundle("", p, pr, sel, nil))
	var a1 map[string]any
	for _, r := range entryResources(bundle) {
		if r["resourceType"] == "AllergyIntolerance" && r["id"] == "A1" {
			a1 = r
		}
	}
	if a1 == nil {
		t.Fatal("AllergyIntolerance/A1 missing")
	}
	codings := objs(obj(a1["code"])["coding"])
	if len(codings) != 2 {
		t.Fatalf("codings = %v", codings)
	}
	read, sct := codings[0], codings[1]
	if read["system"] != record.SystemReadV2 || read["code"] != "TJ00.00" || read["userSelected"] != true {
		t.Errorf("Read v2 coding = %v", read)
	}
	if sct["system"] != record.SystemSNOMED || sct["code"] != "294505008" || sct["version"] != "http://snomed.info/sct/83821000000107/version/20240925" {
		t.Errorf("SNOMED coding = %v", sct)
	}
	ext := objs(sct["extension"])
	if len(ext) != 1 || ext[0]["url"] != ExtCodingSCTDescID || objs(ext[0]["extension"])[0]["valueId"] != "434661017" {
		t.Errorf("description id extension = %v", ext)
	}
	for _, tc := range []struct {
		id   string
		want bool
	}{{"434661017", true}, {"2734671000000117", true}, {"00", false}, {"59621000", false}, {"12345x017", false}, {"", false}} {
		if got := isSCTDescriptionID(tc.id); got != tc.want {
			t.Errorf("isSCTDescriptionID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

// TestStructuredBundleDeterministic: the same record renders byte-identical
// JSON, so versionIds and golden files are stable.
func TestStructuredBundleDeterministic(t *testing.T) {
	r := mustRenderer(t)
	var prev []byte
	for i := 0; i < 3; i++ {
		p, pr, sel := richStructured()
		out, err := r.JSON(StructuredBundle("x", p, pr, sel, nil))
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && string(prev) != string(out) {
			t.Fatal("two renderings of the same record differ")
		}
		prev = out
	}
}

// TestBundleJSONMatchesJSON: assembling a Bundle from separately rendered
// (cacheable) entries gives exactly the bytes of rendering it whole, and a
// second assembly served wholly from the cache does too.
func TestBundleJSONMatchesJSON(t *testing.T) {
	r := mustRenderer(t)
	cache := &mapCache{r: r, m: map[string][]byte{}}
	for _, name := range []string{"first", "cached"} {
		p, pr, sel := richStructured()
		want, err := r.JSON(StructuredBundle("trace", p, pr, sel, []Issue{{Severity: "warning", Code: "not-supported", SpineCode: "NOT_IMPLEMENTED", SpineDisplay: "Not implemented"}}))
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.BundleJSON(StructuredBundle("trace", p, pr, sel, []Issue{{Severity: "warning", Code: "not-supported", SpineCode: "NOT_IMPLEMENTED", SpineDisplay: "Not implemented"}}), cache.entry)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("%s: BundleJSON differs from JSON:\n got %.300s\nwant %.300s", name, got, want)
		}
	}
	empty, err := r.BundleJSON(SearchsetBundle("e"), cache.entry)
	if err != nil || !strings.Contains(string(empty), `"type":"searchset"`) || strings.Contains(string(empty), "entry") {
		t.Errorf("empty Bundle = %s, %v", empty, err)
	}
	// Two Lists with different content never share a key.
	p, pr, sel := richStructured()
	b := newStructured(p, pr, sel)
	k1 := EntryKey(Contain(b.primaryList(record.AreaAllergies, nil)))
	k2 := EntryKey(Contain(b.primaryList(record.AreaMedications, nil)))
	if k1 == k2 || !strings.HasPrefix(k1, "List//h") {
		t.Errorf("EntryKey of two different lists = %q, %q", k1, k2)
	}
	if k := EntryKey(Contain(Patient(p, pr))); !strings.HasPrefix(k, "Patient/2/") || strings.Contains(k, "/h") {
		t.Errorf("EntryKey(Patient) = %q", k)
	}
}
