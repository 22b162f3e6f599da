package gpconnect

import (
	"strings"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// PrimaryList is the fixed title and SNOMED code of an area's primary List
// (gpconnect.md §5.2).
type PrimaryList struct {
	Title string
	Code  string
	// Display is the SNOMED term, which differs from the title only for
	// uncategorised data.
	Display string
}

// PrimaryLists gives each clinical area's primary List. The ended-allergies
// List is EndedAllergiesList.
var PrimaryLists = map[record.Area]PrimaryList{
	record.AreaAllergies:      {"Allergies and adverse reactions", "886921000000105", "Allergies and adverse reactions"},
	record.AreaMedications:    {"Medications and medical devices", "933361000000108", "Medications and medical devices"},
	record.AreaConsultations:  {"List of consultations", "1149501000000101", "List of consultations"},
	record.AreaProblems:       {"Problems", "717711000000103", "Problems"},
	record.AreaImmunisations:  {"Immunisations", "1102181000000102", "Immunisations"},
	record.AreaUncategorised:  {"Uncategorised data", "826501000000100", "Miscellaneous record"},
	record.AreaInvestigations: {"Investigations and results", "887191000000108", "Investigations and results"},
	record.AreaReferrals:      {"Outbound referral", "792931000000107", "Outbound referral"},
	record.AreaDiary:          {"Patient recall administration", "714311000000108", "Patient recall administration"},
}

// EndedAllergiesList is the List holding ended allergies, contained.
var EndedAllergiesList = PrimaryList{"Ended allergies", "1103671000000101", "Ended allergies"}

// LinkedProblemsList is the secondary List of problems linked to returned
// items but outside the query.
const (
	LinkedProblemsCode  = "problems-linked-problems-not-relating-to-the-primary-query"
	LinkedProblemsTitle = "Problems - linked problems not relating to the primary query"
)

// List warning codes (Extension-CareConnect-GPC-ListWarningCode-1) and the
// note text each adds.
const (
	WarningConfidentialItems = "confidential-items"
	WarningDataInTransit     = "data-in-transit"

	NoteConfidentialItems = "Items excluded due to confidentiality and/or patient preferences."
	NoteEmptyList         = "Information not available"
	NoteNoKnownAllergies  = "There are no allergies in the patient record."
)

const codeClinicalSettingGP = "1060971000000108"

// listWarning is one warning on a List: its code and note text.
type listWarning struct{ code, note string }

// baseList starts a clinical List: CareConnect-GPC-List-1, status current,
// mode snapshot, no id or versionId (GP Connect forbids them on these
// lists), the clinical setting, subject, orderedBy event date, and date and
// meta.lastUpdated set to the newest change in the Bundle's content, so
// the same record renders the same Bundle.
func (b *structured) baseList(title string, cc *dpb.CodeableConcept) *rpb.List {
	return &rpb.List{
		Meta:      newMeta(ProfileList, b.asOf),
		Extension: []*dpb.Extension{extCodeableConcept(ExtClinicalSetting, codingConcept(record.SystemSNOMED, codeClinicalSettingGP, "General practice service"))},
		Status:    &cpb.ListStatusCode{Value: cpb.ListStatusCode_CURRENT},
		Mode:      &cpb.ListModeCode{Value: cpb.ListModeCode_SNAPSHOT},
		Title:     str(title),
		Code:      cc,
		Subject:   b.patientRef(),
		Date:      timeDateTime(b.asOf),
		OrderedBy: codingConcept(CodeSystemListOrder, "event-date", "Sorted by Event Date"),
	}
}

// finishList adds the entries, the warnings with their notes, and — for an
// empty list — the emptyReason and "Information not available" (or the
// reason given), all notes in one annotation as GP Connect suppliers send
// them.
func finishList(l *rpb.List, refs []*dpb.Reference, warnings []listWarning, emptyCode, emptyDisplay, emptyNote string) *rpb.List {
	var texts []string
	for _, w := range warnings {
		l.Extension = append(l.Extension, extCode(ExtListWarningCode, w.code))
		texts = append(texts, w.note)
	}
	for _, ref := range refs {
		l.Entry = append(l.Entry, listEntry(ref))
	}
	if len(refs) == 0 && len(l.Contained) == 0 {
		if emptyCode == "" {
			emptyCode, emptyDisplay, emptyNote = "no-content-recorded", "No Content Recorded", NoteEmptyList
		}
		l.EmptyReason = codingConcept(CodeSystemListEmptyReason, emptyCode, emptyDisplay)
		texts = append(texts, emptyNote)
	}
	if len(texts) > 0 {
		l.Note = notes(strings.Join(texts, " "))
	}
	return l
}

// primaryWarnings are the warnings of an area's primary list.
func (b *structured) primaryWarnings(area record.Area) []listWarning {
	var out []listWarning
	if b.sel.Withheld[area] {
		out = append(out, listWarning{WarningConfidentialItems, NoteConfidentialItems})
	}
	if b.p.RecordInTransit {
		out = append(out, listWarning{WarningDataInTransit, b.inTransitNote()})
	}
	return out
}

// inTransitNote is GP Connect's data-in-transit text; the date is the
// registration date, from which the previous practice's data is missing.
func (b *structured) inTransitNote() string {
	const prefix = "Patient record transfer from previous GP practice not yet complete; "
	if start := b.p.Registration.Period.Start; !start.IsZero() {
		return prefix + "information recorded before " + start.Time.Format("02-Jan-2006") + " may be missing."
	}
	return prefix + "information recorded before the transfer may be missing."
}

func (b *structured) primaryList(area record.Area, refs []*dpb.Reference) *rpb.List {
	spec := PrimaryLists[area]
	l := b.baseList(spec.Title, codingConcept(record.SystemSNOMED, spec.Code, spec.Display))
	var emptyCode, emptyDisplay, emptyNote string
	if area == record.AreaAllergies && b.sel.Record != nil && b.sel.Record.NoKnownAllergies != nil && len(refs) == 0 {
		// An explicit "no known allergies" entry is information, not an
		// absence of it.
		emptyCode, emptyDisplay, emptyNote = "nil-known", "Nil Known", NoteNoKnownAllergies
	}
	return finishList(l, refs, b.primaryWarnings(area), emptyCode, emptyDisplay, emptyNote)
}

// endedAllergiesList holds the ended allergies as contained resources,
// referenced from its entries by fragment, as GP Connect requires.
func (b *structured) endedAllergiesList() *rpb.List {
	l := b.baseList(EndedAllergiesList.Title, codingConcept(record.SystemSNOMED, EndedAllergiesList.Code, EndedAllergiesList.Display))
	var refs []*dpb.Reference
	for _, a := range b.sel.EndedAllergies {
		if a.Confidential || a.ID == "" {
			continue
		}
		l.Contained = append(l.Contained, Contain(b.allergyIntolerance(a)))
		refs = append(refs, &dpb.Reference{Reference: &dpb.Reference_Fragment{Fragment: str(a.ID)}})
	}
	return finishList(l, refs, b.primaryWarnings(record.AreaAllergies), "", "", "")
}

// secondaryLists renders the populated secondary lists: items contained in
// the returned consultations, items related to the returned problems, and
// the linked problems outside the query.
func (b *structured) secondaryLists() []*rpb.List {
	var out []*rpb.List
	for _, problems := range []bool{false, true} {
		for k := kind(1); k < kindCount; k++ {
			key := secondaryKey{problems: problems, kind: k}
			items := b.pl.secondary[key]
			if len(items) == 0 {
				continue
			}
			phrase, prefix := kindInfo[k].inConsultations, "Consultations - "
			codePrefix := "consultations-"
			if problems {
				phrase, prefix, codePrefix = kindInfo[k].relatedToProblems, "Problems - ", "problems-"
			}
			if phrase == "" {
				continue
			}
			title := prefix + phrase
			codeValue := codePrefix + strings.ReplaceAll(phrase, " ", "-")
			var refs []*dpb.Reference
			for _, r := range items {
				if ref := b.pl.reference(r); ref != nil {
					refs = append(refs, ref)
				}
			}
			var warnings []listWarning
			if b.pl.secondaryWithheld[key] {
				warnings = append(warnings, listWarning{WarningConfidentialItems, NoteConfidentialItems})
			}
			l := b.baseList(title, codingConcept(CodeSystemSecondaryList, codeValue, title))
			out = append(out, finishList(l, refs, warnings, "", "", ""))
		}
	}
	if len(b.pl.linkedProblems) > 0 {
		var refs []*dpb.Reference
		for _, p := range b.pl.linkedProblems {
			refs = append(refs, resourceRef(kindProblem, p.ID))
		}
		var warnings []listWarning
		if b.pl.linkedWithheld {
			warnings = append(warnings, listWarning{WarningConfidentialItems, NoteConfidentialItems})
		}
		l := b.baseList(LinkedProblemsTitle, codingConcept(CodeSystemSecondaryList, LinkedProblemsCode, LinkedProblemsTitle))
		out = append(out, finishList(l, refs, warnings, "", "", ""))
	}
	return out
}
