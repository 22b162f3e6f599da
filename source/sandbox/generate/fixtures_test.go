package generate

import (
	"testing"

	"im1fhir/record"
)

// TestFixtureTraits asserts each assurance fixture patient's NHS number and
// the trait spec/gpconnect-test-fixtures.md says the suite relies on.
func TestFixtureTraits(t *testing.T) {
	p := Fixtures(testNow)
	byNative := map[string]*record.Patient{}
	for native, id := range FixtureNative() {
		for i := range p.Patients {
			if p.Patients[i].ID == id {
				byNative[native] = &p.Patients[i]
			}
		}
	}
	active := func(pt *record.Patient) (n int) {
		for _, a := range pt.Record.Allergies {
			if a.ClinicalStatus == "active" {
				n++
			}
		}
		return n
	}
	ended := func(pt *record.Patient) (n int) {
		for _, a := range pt.Record.Allergies {
			if a.ClinicalStatus == "resolved" && !a.Ended.IsZero() {
				n++
			}
		}
		return n
	}
	medsBy := func(pt *record.Patient, typ, status string) (n int) {
		for _, m := range pt.Record.Medications {
			if (typ == "" || m.PrescriptionType == typ) && (status == "" || m.Status == status) {
				n++
			}
		}
		return n
	}
	plain := func(pt *record.Patient) bool {
		return pt.Registration.Active && !pt.IsDeceased() && pt.Spine == (record.SpineStatus{}) &&
			pt.Consent != record.ConsentDissent && !pt.RecordInTransit
	}
	cases := []struct {
		native string
		nhs    record.NHSNumber
		trait  string
		holds  func(*record.Patient) bool
	}{
		{"patient1", "9476719915", "no allergies, no NKA coding, no medications", func(pt *record.Patient) bool {
			return len(pt.Record.Allergies) == 0 && pt.Record.NoKnownAllergies == nil && len(pt.Record.Medications) == 0 && plain(pt)
		}},
		{"patient2", "9476719931", "rich record", func(pt *record.Patient) bool {
			r := pt.Record
			oldest := testNow
			confidential, linked := false, false
			for _, m := range r.Medications {
				if m.Period.Start.Time.Before(oldest) {
					oldest = m.Period.Start.Time
				}
				confidential = confidential || m.Confidential
			}
			for _, pr := range r.Problems {
				linked = linked || pr.ParentID != ""
			}
			uncategorised := false
			for _, o := range r.Observations {
				uncategorised = uncategorised || o.ConsultationID == ""
			}
			return active(pt) > 0 && ended(pt) > 0 && medsBy(pt, "acute", "active") > 0 && medsBy(pt, "repeat", "active") > 0 &&
				medsBy(pt, "", "completed")+medsBy(pt, "", "stopped") > 0 && confidential &&
				oldest.Before(testNow.AddDate(-3, 0, 0)) && len(r.Immunisations) > 0 && uncategorised && linked &&
				len(r.Consultations) > 0 && len(r.Investigations) > 0 && len(r.Referrals) > 0 && plain(pt)
		}},
		{"patient3", "9476719974", "investigation with request, specimen and test group, no problem", func(pt *record.Patient) bool {
			r := pt.Record
			if len(r.Investigations) != 1 {
				return false
			}
			inv := r.Investigations[0]
			return inv.Request != nil && len(inv.Specimens) == 1 && len(inv.TestGroups) == 1 && len(inv.ProblemIDs) == 0 &&
				len(r.Problems) == 0 && active(pt) > 0 && ended(pt) > 0 && medsBy(pt, "", "completed") > 0 &&
				medsBy(pt, "", "active") == 0 && len(r.Immunisations) > 0 && len(r.Consultations) > 0
		}},
		{"patient4", "9476719958", "allergies and a document over 5 MB, nothing else", func(pt *record.Patient) bool {
			r := pt.Record
			return len(r.Allergies) > 0 && len(r.Documents) == 1 && r.Documents[0].Size > 5*1024*1024 &&
				len(r.Medications)+len(r.Problems)+len(r.Consultations)+len(r.Observations)+len(r.Immunisations) == 0
		}},
		{"patient5", "9476719966", "explicit no known allergies; current and repeat medications", func(pt *record.Patient) bool {
			r := pt.Record
			nka, ok := record.Concept{}, r.NoKnownAllergies != nil
			if ok {
				nka = r.NoKnownAllergies.Code
			}
			s, _ := nka.SNOMED()
			return ok && s.Code == "716186003" && len(r.Allergies) == 0 && medsBy(pt, "acute", "active") > 0 && medsBy(pt, "repeat", "active") > 0
		}},
		{"patient6", "9476719923", "current and ended allergies, no problems", allergiesNoProblems(active, ended)},
		{"patient7", "9476718870", "current and ended allergies, no problems", allergiesNoProblems(active, ended)},
		{"patient8", "9476718889", "current and ended allergies, no problems", allergiesNoProblems(active, ended)},
		{"patient9", "9476718897", "sensitive", func(pt *record.Patient) bool { return pt.Spine == record.SpineStatus{Sensitive: true} }},
		{"patient10", "9476718900", "sensitive", func(pt *record.Patient) bool { return pt.Spine == record.SpineStatus{Sensitive: true} }},
		{"patient11", "9476718919", "superseded", func(pt *record.Patient) bool { return pt.Spine == record.SpineStatus{Superseded: true} }},
		{"patient12", "9476718927", "allergies, past medications, no problems", func(pt *record.Patient) bool {
			return len(pt.Record.Allergies) > 0 && medsBy(pt, "", "completed") > 0 && medsBy(pt, "", "active") == 0 && len(pt.Record.Problems) == 0
		}},
		{"patient13", "9476718935", "record in transit", func(pt *record.Patient) bool { return pt.RecordInTransit && pt.Registration.Active }},
		{"patient14", "9476718943", "not on spine", func(pt *record.Patient) bool { return pt.Spine == record.SpineStatus{NotOnSpine: true} }},
		{"patient15", "9476718951", "dissent, still disclosable", func(pt *record.Patient) bool {
			return pt.Consent == record.ConsentDissent && pt.Disclosable() && len(pt.Record.Problems) > 0
		}},
		{"patient16", "9006763985", "confidential allergy, ended allergy without reason, referrals", func(pt *record.Patient) bool {
			conf, noReason := false, false
			for _, a := range pt.Record.Allergies {
				conf = conf || a.Confidential
				noReason = noReason || (!a.Ended.IsZero() && a.EndReason == "")
			}
			return conf && noReason && len(pt.Record.Referrals) > 0
		}},
		{"patient17", "9226868522", "an ended allergy", func(pt *record.Patient) bool { return ended(pt) > 0 }},
		{"patient18", "9973179641", "deceased, multiple birth", func(pt *record.Patient) bool {
			return pt.IsDeceased() && pt.MultipleBirth && !pt.Disclosable()
		}},
		{"patient19", Patient19NHSNumber, "nothing special", func(pt *record.Patient) bool { return plain(pt) && pt.Disclosable() }},
		{"patient21", Patient21NHSNumber, "inactive registration", func(pt *record.Patient) bool {
			return !pt.Registration.Active && !pt.Registration.Period.End.IsZero() && !pt.Disclosable()
		}},
		{"patientNoAppointments", "9866105660", "plain", func(pt *record.Patient) bool { return plain(pt) }},
	}
	if len(cases) != len(fixturePatients) {
		t.Errorf("%d cases for %d fixture patients", len(cases), len(fixturePatients))
	}
	for _, c := range cases {
		pt := byNative[c.native]
		if pt == nil {
			t.Errorf("%s: missing", c.native)
			continue
		}
		if pt.NHSNumber != c.nhs {
			t.Errorf("%s: NHS number %s, want %s", c.native, pt.NHSNumber, c.nhs)
		}
		if _, err := record.ParseNHSNumber(string(pt.NHSNumber)); err != nil {
			t.Errorf("%s: %v", c.native, err)
		}
		if !c.holds(pt) {
			t.Errorf("%s: does not show %q", c.native, c.trait)
		}
	}
	for _, pt := range p.Patients {
		if pt.NHSNumber == "9999999999" {
			t.Error("patientNotInSystem (9999999999) exists")
		}
	}
}

func allergiesNoProblems(active, ended func(*record.Patient) int) func(*record.Patient) bool {
	return func(pt *record.Patient) bool {
		return active(pt) > 0 && ended(pt) > 0 && len(pt.Record.Problems) == 0
	}
}

func TestFixtureDirectory(t *testing.T) {
	p := Fixtures(testNow)
	if p.Organisation.ODSCode != "GPC001" || p.Organisation.Name == "" || len(p.Organisation.Telecom) == 0 || len(p.Organisation.Addresses) == 0 {
		t.Errorf("organisation %+v incomplete", p.Organisation)
	}
	orgs := map[string]record.Organisation{}
	for _, o := range p.Organisations {
		orgs[o.ODSCode] = o
	}
	for _, ods := range []string{"R1A14", "R1A17"} {
		if o, ok := orgs[ods]; !ok || o.Name == "" || len(o.Telecom) == 0 || len(o.Addresses) == 0 {
			t.Errorf("organisation %s missing or incomplete: %+v", ods, o)
		}
	}
	if _, ok := orgs["INVOC1"]; ok {
		t.Error("unknownORG INVOC1 exists")
	}
	wantSite := map[string]string{"1": "Z26556", "2": "Z33432", "3": "Z33432", "4": "Z33433", "5": "Z33433", "6": "Z33433",
		"7": "Z33433", "8": "Z33433", "9": "Z33433", "10": "Z33433", "11": "Z33433"}
	if len(p.Locations) != len(wantSite) {
		t.Errorf("%d locations, want %d", len(p.Locations), len(wantSite))
	}
	for _, l := range p.Locations {
		if wantSite[l.ID] != l.SiteODSCode || l.ManagingOrganisationID != p.Organisation.ID {
			t.Errorf("location %s at site %s managed by %s; want site %s, GPC001", l.ID, l.SiteODSCode, l.ManagingOrganisationID, wantSite[l.ID])
		}
	}
	wantProfiles := map[string]int{"1": 0, "2": 1, "3": 2, "5": 1}
	if len(p.Practitioners) != len(wantProfiles) {
		t.Errorf("%d practitioners, want %d", len(p.Practitioners), len(wantProfiles))
	}
	for _, pr := range p.Practitioners {
		n, ok := wantProfiles[pr.ID]
		if !ok || len(pr.SDSRoleProfileIDs) != n || pr.SDSUserID == "" {
			t.Errorf("practitioner %s: %d role profiles, SDS user %q; want %d and an id (practitioner4 must not exist)",
				pr.ID, len(pr.SDSRoleProfileIDs), pr.SDSUserID, n)
		}
	}
}
