package gpconnect

import (
	"time"

	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// StructuredBundle renders the answer to $gpc.getstructuredrecord as a
// GPConnect-StructuredRecord-Bundle-1 Bundle (gpconnect.md §5.2): type
// collection, Bundle.id = id (the Ssp-TraceID; none when empty), meta.profile
// only, and no versionId, lastUpdated, total, link, entry.fullUrl or
// entry.search/request/response.
//
// It holds the Patient; the registered practice Organization (and the
// practice addressed, when different); the usual GP Practitioner with their
// PractitionerRoles; for every area sel.Query requests, its primary List
// (fixed title and SNOMED code) and the resources it lists; the ended
// allergies contained in their own List when asked for; the
// Consultation/Topic/Heading Lists of each consultation; the secondary Lists
// of consultations and problems when populated; the "linked problems not
// relating to the primary query" List when any item links to a problem
// outside the query; every Practitioner, Organization and Location any of
// those reference, each once; and one OperationOutcome entry with all
// warnings when there are any.
//
// Confidential items never appear: the Selection has already left them out
// of the areas, and links into the whole record skip them too, flagging the
// list concerned with the confidential-items warning. A record in transit
// puts the data-in-transit warning on every primary list.
//
// practice is the practice addressed by the request (the Patient's
// managingOrganization); it is also where referenced staff, organisations
// and locations are looked up. A reference to someone the practice does not
// hold is left out rather than sent dangling.
func StructuredBundle(id string, p *record.Patient, practice *record.Practice, sel *record.Selection, warnings []Issue) *rpb.Bundle {
	if sel == nil {
		sel = &record.Selection{}
	}
	if sel.Record == nil {
		sel = withRecord(sel, &p.Record)
	}
	b := newStructured(p, practice, sel)
	clinical := b.clinical()

	out := &rpb.Bundle{
		Meta: &dpb.Meta{Profile: []*dpb.Uri{uri(ProfileStructuredRecordBundle)}},
		Type: &cpb.BundleTypeCode{Value: cpb.BundleTypeCode_COLLECTION},
	}
	if id != "" {
		out.Id = &dpb.Id{Value: text(id)}
	}
	add := func(r *rpb.ContainedResource) {
		out.Entry = append(out.Entry, &rpb.Bundle_Entry{Resource: r})
	}
	add(Contain(Patient(p, practice)))
	for _, r := range b.supporting() {
		add(r)
	}
	for _, r := range clinical {
		add(r)
	}
	if len(warnings) > 0 {
		add(Contain(OperationOutcome(warnings...)))
	}
	return out
}

// withRecord is sel with Record set, copied so the caller's value is untouched.
func withRecord(sel *record.Selection, cr *record.ClinicalRecord) *record.Selection {
	cp := *sel
	cp.Record = cr
	return &cp
}

// structured carries what every structured-record builder needs: the
// patient, where to look up people and places, the plan of included items,
// and the supporting resources referenced so far (in first-use order).
type structured struct {
	p        *record.Patient
	practice *record.Practice
	sel      *record.Selection
	pl       *plan
	co       conceptOptions
	idSystem string
	asOf     time.Time

	practitioners map[string]*record.Practitioner
	orgs          map[string]*record.Organisation
	locations     map[string]*record.Location

	usedPractitioners, usedOrgs, usedLocations []string
	used                                       map[string]bool // "Practitioner/1"
}

func newStructured(p *record.Patient, practice *record.Practice, sel *record.Selection) *structured {
	b := &structured{
		p:             p,
		practice:      practice,
		sel:           sel,
		co:            conceptOptions{versions: sel.CodeVersions},
		practitioners: map[string]*record.Practitioner{},
		orgs:          map[string]*record.Organisation{},
		locations:     map[string]*record.Location{},
		used:          map[string]bool{},
		asOf:          p.LastModified,
	}
	ods := ""
	if practice != nil {
		ods = practice.Organisation.ODSCode
		if practice.Organisation.ID != "" {
			b.orgs[practice.Organisation.ID] = &practice.Organisation
		}
		for i := range practice.Organisations {
			o := &practice.Organisations[i]
			if _, dup := b.orgs[o.ID]; !dup && o.ID != "" {
				b.orgs[o.ID] = o
			}
		}
		for i := range practice.Practitioners {
			if pr := &practice.Practitioners[i]; pr.ID != "" {
				b.practitioners[pr.ID] = pr
			}
		}
		for i := range practice.Locations {
			if l := &practice.Locations[i]; l.ID != "" {
				b.locations[l.ID] = l
			}
		}
	}
	if ods == "" {
		ods = "local"
	}
	// GP Connect asks for a business identifier in the supplier's own
	// namespace; the practice's ODS code makes it unique across practices.
	b.idSystem = "urn:im1fhir:id:" + ods
	b.pl = newPlan(sel)
	for _, r := range b.pl.order {
		if r.item.LastModified.After(b.asOf) {
			b.asOf = r.item.LastModified
		}
	}
	for _, a := range sel.EndedAllergies {
		if a.LastModified.After(b.asOf) {
			b.asOf = a.LastModified
		}
	}

	// The Patient's own references come first, so the registered practice
	// and the usual GP lead the supporting resources.
	b.orgRef(p.Registration.OrganisationID)
	if practice != nil {
		b.orgRef(practice.Organisation.ID)
	}
	b.practitionerRef(p.Registration.UsualGPID)
	b.locationRef(p.Registration.PreferredBranchID)
	return b
}

func (b *structured) patientRef() *dpb.Reference {
	return &dpb.Reference{Reference: &dpb.Reference_PatientId{PatientId: &dpb.ReferenceId{Value: text(b.p.ID)}}}
}

// practitionerRef references a practitioner the practice holds and records
// it for the Bundle; nil otherwise.
func (b *structured) practitionerRef(pid string) *dpb.Reference {
	if _, ok := b.practitioners[pid]; !ok {
		return nil
	}
	if k := "Practitioner/" + pid; !b.used[k] {
		b.used[k] = true
		b.usedPractitioners = append(b.usedPractitioners, pid)
	}
	return practitionerRef(pid)
}

func (b *structured) orgRef(oid string) *dpb.Reference {
	o, ok := b.orgs[oid]
	if !ok {
		return nil
	}
	if k := "Organization/" + oid; !b.used[k] {
		b.used[k] = true
		b.usedOrgs = append(b.usedOrgs, oid)
		if o.PartOfID != "" {
			b.orgRef(o.PartOfID)
		}
	}
	return orgRef(oid)
}

func (b *structured) locationRef(lid string) *dpb.Reference {
	l, ok := b.locations[lid]
	if !ok {
		return nil
	}
	if k := "Location/" + lid; !b.used[k] {
		b.used[k] = true
		b.usedLocations = append(b.usedLocations, lid)
		b.orgRef(l.ManagingOrganisationID)
	}
	return locationRef(lid)
}

// encounterRef references the Encounter of the consultation an item was
// recorded in, when the Bundle holds it.
func (b *structured) encounterRef(consultationID string) *dpb.Reference {
	if consultationID == "" {
		return nil
	}
	r := b.pl.itemByID(consultationID)
	if r.kind != kindConsultation {
		return nil
	}
	return b.pl.reference(r)
}

func (b *structured) identifiers(resID string) []*dpb.Identifier {
	return []*dpb.Identifier{identifier(b.idSystem, resID)}
}

// authorRef is the practitioner who asserted an item: its author, else
// whoever entered it.
func (b *structured) authorRef(it *record.Item) *dpb.Reference {
	if ref := b.practitionerRef(it.AuthorID); ref != nil {
		return ref
	}
	return b.practitionerRef(it.RecorderID)
}

// recorderRef is whoever entered the item, else its author.
func (b *structured) recorderRef(it *record.Item) *dpb.Reference {
	if ref := b.practitionerRef(it.RecorderID); ref != nil {
		return ref
	}
	return b.practitionerRef(it.AuthorID)
}

// supporting renders the referenced Organizations, Practitioners (each with
// the roles whose organisation the Bundle can hold) and Locations. Building
// roles and locations may reference more organisations, so organisations
// are rendered last.
func (b *structured) supporting() []*rpb.ContainedResource {
	var pracs, locs, orgs []*rpb.ContainedResource
	for _, pid := range b.usedPractitioners {
		pr := b.practitioners[pid]
		pracs = append(pracs, Contain(Practitioner(pr)))
		for i, role := range PractitionerRoles(pr) {
			if b.orgRef(pr.Roles[i].OrganisationID) == nil {
				continue
			}
			pracs = append(pracs, Contain(role))
		}
	}
	for _, lid := range b.usedLocations {
		locs = append(locs, Contain(Location(b.locations[lid])))
	}
	for i := 0; i < len(b.usedOrgs); i++ { // orgRef may append parents
		orgs = append(orgs, Contain(Organization(b.orgs[b.usedOrgs[i]])))
	}
	out := append(orgs, pracs...)
	return append(out, locs...)
}

// clinical renders the clinical resources and lists of the requested areas.
func (b *structured) clinical() []*rpb.ContainedResource {
	var out []*rpb.ContainedResource
	emit := func(rs ...*rpb.ContainedResource) { out = append(out, rs...) }
	q := b.sel.Query
	listed := map[itemKey]bool{} // primary items already emitted

	primary := func(area record.Area, k kind, items []itemRef) {
		var refs []*dpb.Reference
		var res []*rpb.ContainedResource
		for _, r := range items {
			if !b.pl.has(k, r.item.ID) || listed[itemKey{k, r.item.ID}] {
				if ref := b.pl.reference(r); ref != nil {
					refs = append(refs, ref)
				}
				continue
			}
			listed[itemKey{k, r.item.ID}] = true
			refs = append(refs, b.pl.reference(r))
			res = append(res, b.render(r)...)
		}
		emit(Contain(b.primaryList(area, refs)))
		emit(res...)
	}
	if q.Allergies != nil {
		primary(record.AreaAllergies, kindAllergy, refsOf(kindAllergy, b.sel.Allergies, func(a *record.Allergy) *record.Item { return &a.Item }))
		if q.Allergies.IncludeResolved {
			emit(Contain(b.endedAllergiesList()))
		}
	}
	if q.Medications != nil {
		primary(record.AreaMedications, kindMedication, refsOf(kindMedication, b.sel.Medications, func(m *record.Medication) *record.Item { return &m.Item }))
	}
	if q.Problems != nil {
		primary(record.AreaProblems, kindProblem, refsOf(kindProblem, b.sel.Problems, func(p *record.Problem) *record.Item { return &p.Item }))
	}
	if q.Consultations != nil {
		primary(record.AreaConsultations, kindConsultation, refsOf(kindConsultation, b.sel.Consultations, func(c *record.Consultation) *record.Item { return &c.Item }))
		for _, c := range b.sel.Consultations {
			if b.pl.has(kindConsultation, c.ID) {
				for _, l := range b.consultationLists(c) {
					emit(Contain(l))
				}
			}
		}
	}
	if q.Immunisations != nil {
		primary(record.AreaImmunisations, kindImmunisation, refsOf(kindImmunisation, b.sel.Immunisations, func(im *record.Immunisation) *record.Item { return &im.Item }))
	}
	if q.Uncategorised != nil {
		primary(record.AreaUncategorised, kindObservation, refsOf(kindObservation, b.sel.Observations, func(o *record.Observation) *record.Item { return &o.Item }))
	}
	if q.Investigations != nil {
		primary(record.AreaInvestigations, kindInvestigation, refsOf(kindInvestigation, b.sel.Investigations, func(inv *record.Investigation) *record.Item { return &inv.Item }))
	}
	if q.Referrals != nil {
		primary(record.AreaReferrals, kindReferral, refsOf(kindReferral, b.sel.Referrals, func(r *record.Referral) *record.Item { return &r.Item }))
	}
	if q.Diary != nil {
		primary(record.AreaDiary, kindDiary, refsOf(kindDiary, b.sel.DiaryEntries, func(d *record.DiaryEntry) *record.Item { return &d.Item }))
	}
	// Everything else the plan holds: items pulled in by consultations and
	// problems, and linked problems.
	for _, r := range b.pl.order {
		if !listed[itemKey{r.kind, r.item.ID}] {
			listed[itemKey{r.kind, r.item.ID}] = true
			emit(b.render(r)...)
		}
	}
	for _, l := range b.secondaryLists() {
		emit(Contain(l))
	}
	return out
}

// refsOf wraps a Selection area's items as itemRefs.
func refsOf[T any](k kind, items []*T, item func(*T) *record.Item) []itemRef {
	out := make([]itemRef, 0, len(items))
	for _, it := range items {
		out = append(out, itemRef{k, item(it), it})
	}
	return out
}

// render builds the resources one item becomes.
func (b *structured) render(r itemRef) []*rpb.ContainedResource {
	switch v := r.ptr.(type) {
	case *record.Allergy:
		return []*rpb.ContainedResource{Contain(b.allergyIntolerance(v))}
	case *record.Medication:
		return b.medication(v)
	case *record.Problem:
		return []*rpb.ContainedResource{Contain(b.condition(v))}
	case *record.Consultation:
		return []*rpb.ContainedResource{Contain(b.encounter(v))}
	case *record.Observation:
		return []*rpb.ContainedResource{Contain(b.observation(v, false))}
	case *record.Immunisation:
		return []*rpb.ContainedResource{Contain(b.immunization(v))}
	case *record.Investigation:
		return b.investigation(v)
	case *record.Referral:
		return []*rpb.ContainedResource{Contain(b.referralRequest(v))}
	case *record.DiaryEntry:
		return []*rpb.ContainedResource{Contain(b.diaryProcedureRequest(v))}
	case *record.Document:
		return []*rpb.ContainedResource{Contain(b.documentReference(v))}
	}
	return nil
}
