package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"im1fhir/terminology"
)

// Metadata SCTIDs (structural constants).
const (
	modCore      = "900000000000207008"
	modModel     = "900000000000012004"
	modUKClin    = "999000011000000103"
	modUKClinRS  = "999000021000000109"
	modUKDrug    = "999000011000001104"
	modMonolith  = "83821000000107"
	refsetMDRS   = "900000000000534007"
	refsetGB     = "900000000000508004"
	refsetNHS    = "999001261000000100"
	refsetReplBy = "900000000000526001"
	refsetInact  = "900000000000489007"
	outdated     = "900000000000483008"
	typeFSN      = "900000000000003001"
	typeSyn      = "900000000000013009"
	preferred    = "900000000000548007"
	acceptable   = "900000000000549004"
	isA          = "116680003"
	inferred     = "900000000000011006"
	existential  = "900000000000451002"
	primitive    = "900000000000074008"
	caseInsens   = "900000000000448009"
	caseInitial  = "900000000000020002"
)

// A concept as the generator models it. Dates are YYYYMMDD.
type concept struct {
	id, module    string
	fsn, pt       string
	syns          []string
	parents       []string
	since         string // first released
	ptBefore      string // preferred term before ptChangedOn
	ptChangedOn   string
	inactivatedOn string
	replacedBy    string
}

// Synthetic ids (namespace 9999999; spec/terminology.md §6.2 lists the first ones).
var (
	idReplacedOld = "19999999103"
	idReplacedNew = "29999999105"
	idLongTerm    = "39999999107"
)

// longTerm is over 255 characters: terms may reach 4,096 from UK 43.0.0.
var longTerm = "Synthetic fixture term longer than two hundred and fifty-five characters: " +
	"patient reviewed in the practice asthma clinic with inhaler technique checked, personalised asthma " +
	"action plan agreed and issued, smoking status recorded, and a follow-up review arranged within twelve " +
	"months in line with the practice recall protocol"

// concepts are every SNOMED concept in the fixtures. Real ids and terms
// unless the id is in namespace 9999999.
var concepts = []concept{
	// International core.
	{id: "138875005", module: modCore, fsn: "SNOMED CT Concept (SNOMED RT+CTV3)", pt: "SNOMED CT Concept", since: "20020131"},
	{id: "404684003", module: modCore, fsn: "Clinical finding (finding)", pt: "Clinical finding", parents: []string{"138875005"}, since: "20020131"},
	{id: "71388002", module: modCore, fsn: "Procedure (procedure)", pt: "Procedure", parents: []string{"138875005"}, since: "20020131"},
	{id: "419891008", module: modCore, fsn: "Record artifact (record artifact)", pt: "Record artifact", parents: []string{"138875005"}, since: "20020131"},
	{id: "373873005", module: modCore, fsn: "Pharmaceutical / biologic product (product)", pt: "Pharmaceutical / biologic product", parents: []string{"138875005"}, since: "20020131"},
	{id: "64572001", module: modCore, fsn: "Disease (disorder)", pt: "Disease", parents: []string{"404684003"}, since: "20020131"},
	{id: "195967001", module: modCore, fsn: "Asthma (disorder)", pt: "Asthma", parents: []string{"64572001"}, since: "20020131"},
	{id: "38341003", module: modCore, fsn: "Hypertensive disorder, systemic arterial (disorder)", pt: "Hypertension", syns: []string{"High blood pressure"}, parents: []string{"64572001"}, since: "20020131"},
	{id: "73211009", module: modCore, fsn: "Diabetes mellitus (disorder)", pt: "Diabetes mellitus", parents: []string{"64572001"}, since: "20020131"},
	{id: "44054006", module: modCore, fsn: "Diabetes mellitus type 2 (disorder)", pt: "Type 2 diabetes mellitus", ptBefore: "Type II diabetes mellitus", ptChangedOn: "20260201", parents: []string{"73211009"}, since: "20020131"},
	{id: "91936005", module: modCore, fsn: "Allergy to penicillin (finding)", pt: "Allergy to penicillin", syns: []string{"Penicillin allergy"}, parents: []string{"404684003"}, since: "20020131"},
	{id: "425691002", module: modCore, fsn: "Consent given for electronic record sharing (finding)", pt: "Consent given for electronic record sharing", parents: []string{"404684003"}, since: "20070131"},
	// The record-sharing dissent the sandbox records (425689007, once named for
	// it, fails the Verhoeff check and is not an SCTID).
	{id: "416308001", module: modCore, fsn: "Refused consent for upload to national shared electronic record (finding)", pt: "Refused consent for upload to national shared electronic record", parents: []string{"404684003"}, since: "20050731"},
	{id: "417370002", module: modCore, fsn: "Consent given for upload to national shared electronic record (finding)", pt: "Consent given for upload to national shared electronic record", parents: []string{"404684003"}, since: "20050731"},
	// UK clinical extension: GP Connect list codes (spec/gpconnect.md §5.2); FSN tags simplified.
	{id: "886921000000105", module: modUKClin, fsn: "Allergies and adverse reactions (record artifact)", pt: "Allergies and adverse reactions", parents: []string{"419891008"}, since: "20160401"},
	{id: "1103671000000101", module: modUKClin, fsn: "Ended allergies (record artifact)", pt: "Ended allergies", parents: []string{"419891008"}, since: "20190401"},
	{id: "933361000000108", module: modUKClin, fsn: "Medications and medical devices (record artifact)", pt: "Medications and medical devices", parents: []string{"419891008"}, since: "20160401"},
	{id: "1149501000000101", module: modUKClin, fsn: "List of consultations (record artifact)", pt: "List of consultations", parents: []string{"419891008"}, since: "20190401"},
	{id: "717711000000103", module: modUKClin, fsn: "Problems (record artifact)", pt: "Problems", parents: []string{"419891008"}, since: "20160401"},
	{id: "1102181000000102", module: modUKClin, fsn: "Immunisations (record artifact)", pt: "Immunisations", parents: []string{"419891008"}, since: "20190401"},
	{id: "826501000000100", module: modUKClin, fsn: "Miscellaneous record (record artifact)", pt: "Miscellaneous record", parents: []string{"419891008"}, since: "20160401"},
	{id: "887191000000108", module: modUKClin, fsn: "Investigations and results (record artifact)", pt: "Investigations and results", parents: []string{"419891008"}, since: "20160401"},
	{id: "792931000000107", module: modUKClin, fsn: "Outbound referral (record artifact)", pt: "Outbound referral", parents: []string{"419891008"}, since: "20160401"},
	{id: "714311000000108", module: modUKClin, fsn: "Patient recall administration (record artifact)", pt: "Patient recall administration", parents: []string{"419891008"}, since: "20160401"},
	// Synthetic UK clinical concepts for version behaviour.
	{id: idReplacedOld, module: modUKClin, fsn: "Synthetic asthma review using structured template (procedure)", pt: "Synthetic asthma review using structured template", parents: []string{"71388002"}, since: "20250401", inactivatedOn: "20260311", replacedBy: idReplacedNew},
	{id: idReplacedNew, module: modUKClin, fsn: "Synthetic asthma annual review (procedure)", pt: "Synthetic asthma annual review", parents: []string{"71388002"}, since: "20260311"},
	{id: idLongTerm, module: modUKClin, fsn: "Synthetic asthma clinic review with long term (procedure)", pt: "Synthetic asthma clinic review with long term", syns: []string{longTerm}, parents: []string{"71388002"}, since: "20250401"},
	// UK Drug Extension: dm+d products from the OGL extract.
	{id: "34186711000001102", module: modUKDrug, fsn: "Co-amilofruse (product)", pt: "Co-amilofruse", parents: []string{"373873005"}, since: "20170310"},
	{id: "318136009", module: modUKDrug, fsn: "Co-amilofruse 5mg/40mg tablets (product)", pt: "Co-amilofruse 5mg/40mg tablets", parents: []string{"34186711000001102"}, since: "20040504"},
	{id: "318135008", module: modUKDrug, fsn: "Co-amilofruse 2.5mg/20mg tablets (product)", pt: "Co-amilofruse 2.5mg/20mg tablets", parents: []string{"34186711000001102"}, since: "20040504"},
}

// checkIDs refuses to generate with an id that fails Verhoeff: a typo in a
// real SCTID would otherwise ship silently.
func checkIDs() {
	ids := []string{modCore, modModel, modUKClin, modUKClinRS, modUKDrug, modMonolith, refsetMDRS, refsetGB}
	for _, c := range concepts {
		ids = append(ids, c.id)
		ids = append(ids, c.parents...)
	}
	ids = append(ids, dmdSyntheticIDs()...)
	for _, id := range ids {
		if !terminology.ValidSCTID(id) {
			log.Fatalf("fixturegen: %s is not a valid SCTID", id)
		}
	}
}

// ids hands out stable synthetic description and relationship ids.
type ids struct {
	m    map[string]string
	next int
}

var descIDs = &ids{m: map[string]string{}, next: 100}

func (g *ids) get(key, partition string) string {
	if id, ok := g.m[key]; ok {
		return id
	}
	g.next++
	id := mint(g.next, partition)
	g.m[key] = id
	return id
}

// rows holds the rows of one RF2 package, per file kind, with header.
type rows map[string][][]string

var headers = map[string][]string{
	"Concept":          {"id", "effectiveTime", "active", "moduleId", "definitionStatusId"},
	"Description":      {"id", "effectiveTime", "active", "moduleId", "conceptId", "languageCode", "typeId", "term", "caseSignificanceId"},
	"Relationship":     {"id", "effectiveTime", "active", "moduleId", "sourceId", "destinationId", "relationshipGroup", "typeId", "characteristicTypeId", "modifierId"},
	"Language":         {"id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "acceptabilityId"},
	"Association":      {"id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "targetComponentId"},
	"AttributeValue":   {"id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "valueId"},
	"ModuleDependency": {"id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "sourceEffectiveTime", "targetEffectiveTime"},
	"Simple":           {"id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"},
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// snapshot is the state at date of the concepts in modules.
func snapshot(date string, modules ...string) rows {
	r := rows{}
	in := map[string]bool{}
	for _, m := range modules {
		in[m] = true
	}
	langRefsets := func(module string) []string {
		if module == modCore {
			return []string{refsetGB}
		}
		return []string{refsetGB, refsetNHS}
	}
	addDesc := func(c concept, term, typ, et string, active, pref bool) {
		id := descIDs.get(c.id+"|"+term, "11")
		cs := caseInsens
		if strings.ContainsAny(term[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			cs = caseInitial
		}
		r["Description"] = append(r["Description"], []string{id, et, bit(active), c.module, c.id, "en", typ, term, cs})
		acc := acceptable
		if pref {
			acc = preferred
		}
		for _, rs := range langRefsets(c.module) {
			r["Language"] = append(r["Language"], []string{uuidFor("lang", id, rs), et, bit(active), c.module, rs, id, acc})
		}
	}
	for _, c := range concepts {
		if !in[c.module] || c.since > date {
			continue
		}
		active, et := true, c.since
		if c.inactivatedOn != "" && date >= c.inactivatedOn {
			active, et = false, c.inactivatedOn
		}
		r["Concept"] = append(r["Concept"], []string{c.id, et, bit(active), c.module, primitive})
		addDesc(c, c.fsn, typeFSN, c.since, true, true)
		switch {
		case c.ptChangedOn != "" && date >= c.ptChangedOn:
			addDesc(c, c.ptBefore, typeSyn, c.ptChangedOn, false, true)
			addDesc(c, c.pt, typeSyn, c.ptChangedOn, true, true)
		case c.ptChangedOn != "":
			addDesc(c, c.ptBefore, typeSyn, c.since, true, true)
		default:
			addDesc(c, c.pt, typeSyn, c.since, true, true)
		}
		for _, s := range c.syns {
			addDesc(c, s, typeSyn, c.since, true, false)
		}
		for _, p := range c.parents {
			id := descIDs.get("rel|"+c.id+"|"+p, "12")
			r["Relationship"] = append(r["Relationship"], []string{id, et, bit(active), c.module, c.id, p, "0", isA, inferred, existential})
		}
		if !active {
			r["AttributeValue"] = append(r["AttributeValue"], []string{uuidFor("inact", c.id), et, "1", c.module, refsetInact, c.id, outdated})
			if c.replacedBy != "" {
				r["Association"] = append(r["Association"], []string{uuidFor("repl", c.id), et, "1", c.module, refsetReplBy, c.id, c.replacedBy})
			}
		}
	}
	return r
}

// mdrs builds module dependency rows: (module, dependsOn, sourceET, targetET).
func mdrs(et string, deps ...[4]string) [][]string {
	var out [][]string
	for _, d := range deps {
		out = append(out, []string{uuidFor("mdrs", d[0], d[1], d[2]), et, "1", d[0], refsetMDRS, d[1], d[2], d[3]})
	}
	return out
}

// full merges snapshots: every distinct (id, effectiveTime) row once.
func full(snaps ...rows) rows {
	out := rows{}
	seen := map[string]bool{}
	for _, s := range snaps {
		kinds := make([]string, 0, len(s))
		for k := range s {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			for _, row := range s[k] {
				key := k + "|" + row[0] + "|" + row[1]
				if !seen[key] {
					seen[key] = true
					out[k] = append(out[k], row)
				}
			}
		}
	}
	return out
}

// file renders rows with a header and the chosen line ending.
func file(kind string, rs [][]string, eol string) []byte {
	var b strings.Builder
	b.WriteString(strings.Join(headers[kind], "\t") + eol)
	for _, r := range rs {
		b.WriteString(strings.Join(r, "\t") + eol)
	}
	return []byte(b.String())
}

// layout names each kind's file for a package era: pattern receives
// (kind, releaseType) and returns a path inside the package folder.
type layout func(kind, releaseType string) string

func pkg(root string, r rows, releaseType, eol string, name layout) tree {
	t := tree{}
	for kind, rs := range r {
		if p := name(kind, releaseType); p != "" {
			t[root+"/"+p] = file(kind, rs, eol)
		}
	}
	return t
}

// standard gives current-era names: tag, namespace and date vary per package.
func standard(tag, ns, date string, tagOf map[string]string) layout {
	return func(kind, rt string) string {
		tg := tag
		if t, ok := tagOf[kind]; ok {
			tg = t
		}
		nsx := ns
		if kind == "ModuleDependency" && tg == "UKED" {
			nsx = "GB"
		}
		switch kind {
		case "Concept", "Relationship":
			return fmt.Sprintf("%s/Terminology/sct2_%s_%s%s_%s_%s.txt", rt, kind, tg, rt, nsx, date)
		case "Description":
			return fmt.Sprintf("%s/Terminology/sct2_Description_%s%s-en_%s_%s.txt", rt, tg, rt, nsx, date)
		case "Language":
			return fmt.Sprintf("%s/Refset/Language/der2_cRefset_Language%s%s-en_%s_%s.txt", rt, tg, rt, nsx, date)
		case "Association":
			return fmt.Sprintf("%s/Refset/Content/der2_cRefset_Association%s%s_%s_%s.txt", rt, tg, rt, nsx, date)
		case "AttributeValue":
			return fmt.Sprintf("%s/Refset/Content/der2_cRefset_AttributeValue%s%s_%s_%s.txt", rt, tg, rt, nsx, date)
		case "ModuleDependency":
			return fmt.Sprintf("%s/Refset/Metadata/der2_ssRefset_ModuleDependency%s%s_%s_%s.txt", rt, tg, rt, nsx, date)
		case "Simple":
			return fmt.Sprintf("%s/Refset/Content/der2_Refset_Simple%s%s_%s_%s.txt", rt, tg, rt, nsx, date)
		}
		return ""
	}
}

func writeSNOMED(out string) error {
	all := []string{modCore, modUKClin, modUKDrug}
	// International Edition, Full, two versions (history), CRLF, INT names.
	int1 := snapshot("20251101", modCore)
	int1["ModuleDependency"] = mdrs("20251101", [4]string{modCore, modModel, "20251101", "20251101"})
	int2 := snapshot("20260201", modCore)
	int2["ModuleDependency"] = mdrs("20260201", [4]string{modCore, modModel, "20260201", "20260201"})
	intPkg := pkg("SnomedCT_InternationalRF2_PRODUCTION_20260201T120000Z", full(int1, int2), "Full", "\r\n",
		standard("", "INT", "20260201", nil))
	if err := intPkg.writeDir(out); err != nil {
		return err
	}

	// UK Monolith 2025-11-19: folder, Snapshot, CRLF, MONO tag.
	mono1 := snapshot("20251119", all...)
	mono1["ModuleDependency"] = mdrs("20251119",
		[4]string{modMonolith, modCore, "20251119", "20251101"},
		[4]string{modMonolith, modUKClin, "20251119", "20251119"},
		[4]string{modMonolith, modUKDrug, "20251119", "20251119"},
		[4]string{modUKClin, modCore, "20251119", "20251101"},
		[4]string{modUKDrug, modCore, "20251119", "20251101"},
		[4]string{modCore, modModel, "20251101", "20251101"})
	if err := pkg("SnomedCT_MonolithRF2_PRODUCTION_20251119T120000Z", mono1, "Snapshot", "\r\n",
		standard("MONO", "GB", "20251119", nil)).writeDir(out); err != nil {
		return err
	}

	// UK Monolith 2026-03-11: TRUD zip, Snapshot, LF; one concept inactivated and replaced.
	mono2 := snapshot("20260311", all...)
	mono2["ModuleDependency"] = mdrs("20260311",
		[4]string{modMonolith, modCore, "20260311", "20260201"},
		[4]string{modMonolith, modUKClin, "20260311", "20260311"},
		[4]string{modMonolith, modUKDrug, "20260311", "20260311"},
		[4]string{modUKClin, modCore, "20260311", "20260201"},
		[4]string{modUKDrug, modCore, "20260311", "20260201"},
		[4]string{modCore, modModel, "20260201", "20260201"})
	z, err := pkg("SnomedCT_MonolithRF2_PRODUCTION_20260311T120000Z", mono2, "Snapshot", "\n",
		standard("MONO", "GB", "20260311", nil)).zip()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "uk_sct2mo_41.6.0_20260311000001Z.zip"), z, 0o644); err != nil {
		return err
	}

	// UK Clinical Edition 2026-03-11: folder, Snapshot, LF; UKCL content,
	// UKED module dependencies, a UKCR simple refset.
	clin := snapshot("20260311", modUKClin)
	clin["ModuleDependency"] = mdrs("20260311",
		[4]string{modUKClinRS, modUKClin, "20260311", "20260311"},
		[4]string{modUKClinRS, modCore, "20260311", "20260201"},
		[4]string{modUKClin, modCore, "20260311", "20260201"})
	clin["Simple"] = [][]string{{uuidFor("simple", "886921000000105"), "20260311", "1", modUKClinRS, "999000021000000109", "886921000000105"}}
	if err := pkg("SnomedCT_UKClinicalRF2_PRODUCTION_20260311T000001Z", clin, "Snapshot", "\n",
		standard("UKCL", "GB1000000", "20260311", map[string]string{"ModuleDependency": "UKED", "Simple": "UKCR"})).writeDir(out); err != nil {
		return err
	}

	// UK Drug Extension 2026-03-11: TRUD zip, Snapshot, CRLF; UKDG and UKDR tags.
	drug := snapshot("20260311", modUKDrug)
	drug["ModuleDependency"] = mdrs("20260311", [4]string{modUKDrug, modCore, "20260311", "20260201"})
	z, err = pkg("SnomedCT_UKDrugRF2_PRODUCTION_20260311T000001Z", drug, "Snapshot", "\r\n",
		standard("UKDG", "GB1000001", "20260311", map[string]string{"Relationship": "UKDR", "ModuleDependency": "UKDR"})).zip()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "uk_sct2dr_41.6.0_20260311000001Z.zip"), z, 0o644); err != nil {
		return err
	}

	// UK Drug Extension 2019-06-12: the older un-tagged names, LF. Its
	// International dependency (20190131) is not loaded: the registry shows it unlinked.
	drugOld := snapshot("20190612", modUKDrug)
	drugOld["ModuleDependency"] = mdrs("20190612", [4]string{modUKDrug, modCore, "20190612", "20190131"})
	return pkg("SnomedCT_UKDrugRF2_PRODUCTION_20190612T000001Z", drugOld, "Snapshot", "\n",
		standard("", "GB1000001", "20190612", nil)).writeDir(out)
}
