package terminology

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"im1fhir/terminology/rf2"
)

// A synthetic SNOMED CT snapshot sized like a real edition, for the load
// benchmark and for scripts/loadtest-terminology.sh (which writes one to disk
// with -synthetic-rf2-out, because real UK releases are licensed and cannot
// ship with the repository). Proportions follow the UK Monolith: about 2.5
// descriptions per concept (FSN, preferred term, an acceptable synonym on
// every other concept), one language reference set row per description,
// about three inferred relationships per concept (IS-A plus attributes the
// loader reads and skips), stated IS-A rows on a tenth, and 5 % inactive
// concepts carrying a REPLACED BY association. Terms are clinical-looking
// word runs of 10 to 130 characters (mean near the real 40-odd), and every
// identifier is a valid SCTID (Verhoeff check digit, core partitions).

var (
	synthOut      = flag.String("synthetic-rf2-out", "", "write a synthetic RF2 snapshot release into this folder (TestWriteSyntheticRelease)")
	synthConcepts = flag.Int("synthetic-concepts", 400_000, "concepts in the release written by -synthetic-rf2-out")
)

// syntheticReleaseName is the release folder; its date is the version date.
const syntheticReleaseName = "SnomedCT_SyntheticRF2_PRODUCTION_20260311T120000Z"

const (
	synthDate         = "20260311"
	synthFindingSite  = "363698007"
	synthInferred     = "900000000000011006"
	synthExistential  = "900000000000451002"
	synthCaseInsens   = "900000000000448009"
	synthCaseInitial  = "900000000000020002"
	synthFirstConcept = 100_000 // item numbers start here so ids are 9+ digits, like core ones
)

// synthID mints a valid SCTID for item in partition "00" (concept), "01"
// (description) or "02" (relationship).
func synthID(item int, partition string) string {
	body := strconv.Itoa(item) + partition
	return body + string(VerhoeffCheckDigit(body))
}

// synthConceptID is concept i's id; concept 0 is the root.
func synthConceptID(i int) string { return synthID(synthFirstConcept+i, "00") }

var synthWords = strings.Fields(`acute chronic left right bilateral upper lower anterior posterior
	lateral medial proximal distal primary secondary recurrent severe mild moderate congenital
	acquired traumatic infective allergic degenerative malignant benign neoplasm of the with
	without due to following and structure joint bone muscle tendon ligament artery vein nerve
	skin lung heart kidney liver bowel stomach bladder ear eye knee hip shoulder ankle wrist spine
	disorder injury fracture infection inflammation ulcer lesion cyst stenosis obstruction
	insufficiency deficiency hypertrophy atrophy dysplasia syndrome pain swelling rash discharge
	bleeding procedure excision repair biopsy replacement reconstruction examination assessment
	review monitoring screening vaccination administration measurement finding history observation
	asthma diabetes hypertension epilepsy arthritis dermatitis nephropathy retinopathy neuropathy`)

var synthTags = []string{"disorder", "finding", "procedure", "body structure", "observable entity",
	"situation", "regime/therapy", "product", "substance", "qualifier value"}

// synthTerm is a word run of about target characters.
func synthTerm(r *rand.Rand, target int) string {
	var sb strings.Builder
	for sb.Len() < target {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(synthWords[r.IntN(len(synthWords))])
	}
	s := sb.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// synthTermLength draws a term length: mostly 15–60, a tail to 130.
func synthTermLength(r *rand.Rand) int {
	if r.IntN(10) == 0 {
		return 60 + r.IntN(70)
	}
	return 10 + r.IntN(50)
}

// syntheticSnapshot builds the release files for n concepts (n >= 2) under
// syntheticReleaseName and returns them with the number of descriptions.
func syntheticSnapshot(n int) (fstest.MapFS, int) {
	r := rand.New(rand.NewPCG(20260311, uint64(n)))
	var concepts, descs, rels, lang, assoc bytes.Buffer
	row := func(b *bytes.Buffer, cols ...string) {
		for i, c := range cols {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n") // real releases use CRLF
	}
	row(&concepts, "id", "effectiveTime", "active", "moduleId", "definitionStatusId")
	row(&descs, "id", "effectiveTime", "active", "moduleId", "conceptId", "languageCode", "typeId", "term", "caseSignificanceId")
	row(&rels, "id", "effectiveTime", "active", "moduleId", "sourceId", "destinationId", "relationshipGroup", "typeId", "characteristicTypeId", "modifierId")
	row(&lang, "id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "acceptabilityId")
	row(&assoc, "id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "targetComponentId")

	mod := rf2.ModuleCore // most of a UK Monolith's content sits in the core module
	descN, relN, memberN := 0, 0, 0
	uuid := func() string {
		memberN++
		return fmt.Sprintf("%08x-5e7d-4c3a-9b1f-%012x", memberN, uint64(memberN)*2654435761)
	}
	addDesc := func(concept, term, typ, acceptability string) {
		id := synthID(synthFirstConcept+descN, "01")
		descN++
		cs := synthCaseInsens
		if r.IntN(8) == 0 {
			cs = synthCaseInitial
		}
		row(&descs, id, synthDate, "1", mod, concept, "en", typ, term, cs)
		row(&lang, uuid(), synthDate, "1", mod, RefsetGB, id, acceptability)
	}
	addRel := func(src, dst, group, typ, char string) {
		id := synthID(synthFirstConcept+relN, "02")
		relN++
		row(&rels, id, synthDate, "1", mod, src, dst, group, typ, char, synthExistential)
	}
	for i := 0; i < n; i++ {
		id := synthConceptID(i)
		active := i == 0 || r.IntN(20) != 0
		def := rf2.Primitive
		if r.IntN(4) == 0 {
			def = rf2.Defined
		}
		row(&concepts, id, synthDate, map[bool]string{true: "1", false: "0"}[active], mod, def)
		pt := synthTerm(r, synthTermLength(r))
		addDesc(id, pt+" ("+synthTags[i%len(synthTags)]+")", rf2.TypeFSN, rf2.Preferred)
		addDesc(id, pt, rf2.TypeSynonym, rf2.Preferred)
		if i%2 == 1 {
			addDesc(id, synthTerm(r, synthTermLength(r)), rf2.TypeSynonym, rf2.Acceptable)
		}
		if i == 0 {
			continue
		}
		if !active {
			// Inactive concepts leave the hierarchy and point at a successor.
			row(&assoc, uuid(), synthDate, "1", mod, rf2.RefsetReplacedBy, id, synthConceptID(r.IntN(i)))
			continue
		}
		// An 8-ary tree (depth ~6 at 400k, like SNOMED's typical depth), a
		// second parent on one concept in ten, attributes on the rest.
		parent := synthConceptID((i - 1) / 8)
		addRel(id, parent, "0", rf2.IsA, synthInferred)
		if i%10 == 0 {
			addRel(id, synthConceptID(r.IntN(i)), "0", rf2.IsA, synthInferred)
			addRel(id, parent, "0", rf2.IsA, rf2.StatedRelationship)
		}
		addRel(id, synthConceptID(r.IntN(n)), "1", synthFindingSite, synthInferred)
		addRel(id, synthConceptID(r.IntN(n)), "1", synthFindingSite, synthInferred)
	}
	var mdrs bytes.Buffer
	row(&mdrs, "id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "sourceEffectiveTime", "targetEffectiveTime")
	row(&mdrs, uuid(), synthDate, "1", EditionUKMonolith, rf2.RefsetModuleDependency, mod, synthDate, synthDate)

	dir := syntheticReleaseName + "/Snapshot/"
	// Exact-size copies: a grown buffer holds up to twice its bytes, which
	// would bloat the benchmark process with unused input capacity.
	exact := func(b *bytes.Buffer) *fstest.MapFile { return &fstest.MapFile{Data: bytes.Clone(b.Bytes())} }
	fsys := fstest.MapFS{
		dir + "Terminology/sct2_Concept_Snapshot_INT_" + synthDate + ".txt":                      exact(&concepts),
		dir + "Terminology/sct2_Description_Snapshot-en_INT_" + synthDate + ".txt":               exact(&descs),
		dir + "Terminology/sct2_Relationship_Snapshot_INT_" + synthDate + ".txt":                 exact(&rels),
		dir + "Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_" + synthDate + ".txt":       exact(&lang),
		dir + "Refset/Content/der2_cRefset_AssociationSnapshot_INT_" + synthDate + ".txt":        exact(&assoc),
		dir + "Refset/Metadata/der2_ssRefset_ModuleDependencySnapshot_INT_" + synthDate + ".txt": exact(&mdrs),
	}
	return fsys, descN
}

// TestSyntheticRelease checks the generator the benchmark relies on: every
// id is a valid SCTID, the real loader accepts the release as a UK Monolith
// version, and look-ups see the terms, hierarchy and successors it wrote.
func TestSyntheticRelease(t *testing.T) {
	const n = 2000
	fsys, descN := syntheticSnapshot(n)
	if descN < n*5/2 || descN > n*5/2+1 {
		t.Errorf("%d descriptions for %d concepts, want ~2.5 each", descN, n)
	}
	for name, f := range fsys {
		lines := strings.Split(strings.TrimSuffix(string(f.Data), "\r\n"), "\r\n")
		for _, line := range lines[1:] {
			cols := strings.Split(line, "\t")
			if path.Base(name)[:4] == "sct2" && !ValidSCTID(cols[0]) {
				t.Fatalf("%s: id %s is not a valid SCTID", path.Base(name), cols[0])
			}
		}
	}
	s := NewService(Config{Logger: quiet})
	vs, err := s.LoadDir(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Version != SNOMEDVersionURI(EditionUKMonolith, synthDate) || vs[0].Concepts != n {
		t.Fatalf("loaded %+v, want one UK Monolith %s version of %d concepts", vs, synthDate, n)
	}
	r, err := s.Lookup(context.Background(), LookupRequest{System: SystemSNOMED, Code: synthConceptID(9)})
	if err != nil {
		t.Fatal(err)
	}
	var parents int
	for _, p := range r.Properties {
		if p.Code == "parent" {
			parents++
			if p.Value != synthConceptID(1) {
				t.Errorf("concept 9's parent is %s, want %s (the 8-ary tree)", p.Value, synthConceptID(1))
			}
		}
	}
	// FSN, preferred term, acceptable synonym (odd concept), preferredForLanguage.
	if r.Display == "" || len(r.Designations) != 4 || parents != 1 {
		t.Errorf("concept 9: display %q, %d designations, %d parents; want a term, 4 and 1", r.Display, len(r.Designations), parents)
	}
	replaced := 0
	for i := 1; i < n; i++ {
		r, err := s.Lookup(context.Background(), LookupRequest{System: SystemSNOMED, Code: synthConceptID(i), Properties: []string{"replacedBy"}})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Active && len(r.Properties) == 1 {
			replaced++
		}
	}
	if replaced < n/40 || replaced > n/10 {
		t.Errorf("%d of %d concepts inactive with a successor, want about 5 %%", replaced, n)
	}
}

// TestWriteSyntheticRelease writes the synthetic release to disk for the
// HTTP load test and checks the written copy loads; it runs only when asked:
//
//	go test ./terminology -run '^TestWriteSyntheticRelease$' -args -synthetic-rf2-out DIR [-synthetic-concepts N]
func TestWriteSyntheticRelease(t *testing.T) {
	if *synthOut == "" {
		t.Skip("set -synthetic-rf2-out to write a synthetic release")
	}
	fsys, descN := syntheticSnapshot(*synthConcepts)
	for name, f := range fsys {
		p := filepath.Join(*synthOut, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ixs, err := ReadRelease(os.DirFS(*synthOut), syntheticReleaseName)
	if err != nil {
		t.Fatal(err)
	}
	if len(ixs) != 1 || ixs[0].Version.Concepts != *synthConcepts {
		t.Fatalf("written release reads back as %d versions", len(ixs))
	}
	t.Logf("wrote %d concepts, %d descriptions under %s", *synthConcepts, descN, filepath.Join(*synthOut, syntheticReleaseName))
}
