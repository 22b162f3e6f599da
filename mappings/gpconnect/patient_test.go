package gpconnect

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"im1fhir/record"
)

// wire renders msg and decodes it generically, so the rules below are checked
// on what a consumer actually receives.
func wire(tb testing.TB, msg proto.Message) map[string]any {
	tb.Helper()
	b, err := mustRenderer(tb).JSON(msg)
	if err != nil {
		tb.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		tb.Fatal(err)
	}
	return m
}

func objs(v any) []map[string]any {
	arr, _ := v.([]any)
	var out []map[string]any
	for _, e := range arr {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// profiles returns meta.profile of a decoded resource.
func profiles(res map[string]any) []string {
	var out []string
	for _, p := range obj(res["meta"])["profile"].([]any) {
		out = append(out, p.(string))
	}
	return out
}

// extensionURLs lists the urls of an element's extensions.
func extensionURLs(el map[string]any) []string {
	var out []string
	for _, e := range objs(el["extension"]) {
		out = append(out, e["url"].(string))
	}
	return out
}

func findExtension(el map[string]any, url string) map[string]any {
	for _, e := range objs(el["extension"]) {
		if e["url"] == url {
			return e
		}
	}
	return nil
}

func singleCoding(tb testing.TB, cc map[string]any) map[string]any {
	tb.Helper()
	codings := objs(cc["coding"])
	if len(codings) != 1 {
		tb.Fatalf("want exactly one coding, got %v", cc)
	}
	return codings[0]
}

// forbiddenPatientKeys are Patient elements GP Connect forbids (or the
// profile replaces by an extension); none may ever appear.
var forbiddenPatientKeys = []string{
	"multipleBirthBoolean", "multipleBirthInteger", "maritalStatus", "photo", "animal",
	"communication", "link", "text", "deceasedBoolean", "active", "modifierExtension", "contained",
}

func TestPatientRules(t *testing.T) {
	base := richPractice()
	type testCase struct {
		name     string
		patient  func() *record.Patient
		practice *record.Practice
		// want
		status      string // NHS number verification code; "" = no identifier
		deceased    bool
		managingOrg string
		gp          string // "" = none
		extensions  []string
	}
	rich := func() *record.Patient { p := base.Patients[0]; return &p }
	with := func(f func(*record.Patient)) func() *record.Patient {
		return func() *record.Patient { p := rich(); f(p); return p }
	}
	tests := []testCase{
		{name: "rich", patient: rich, practice: base, status: "01", managingOrg: "Organization/1", gp: "Practitioner/1",
			extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "no status held defaults to 02 not traced", patient: with(func(p *record.Patient) { p.NHSNumberStatus = "" }),
			practice: base, status: "02", managingOrg: "Organization/1", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "unknown status defaults to 02", patient: with(func(p *record.Patient) { p.NHSNumberStatus = "99" }),
			practice: base, status: "02", managingOrg: "Organization/1", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "trace required kept", patient: with(func(p *record.Patient) { p.NHSNumberStatus = record.NHSNumberTraceRequired }),
			practice: base, status: "03", managingOrg: "Organization/1", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "no NHS number no identifier", patient: with(func(p *record.Patient) { p.NHSNumber = "" }),
			practice: base, managingOrg: "Organization/1", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "deceased", patient: deceasedPatient, status: "02", deceased: true, managingOrg: "Organization/1"},
		{name: "practice addressed wins over registration", patient: with(func(p *record.Patient) { p.Registration.OrganisationID = "other" }),
			practice: base, status: "01", managingOrg: "Organization/1", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "no practice uses registration", patient: with(func(p *record.Patient) { p.Registration.OrganisationID = "R1A17" }),
			status: "01", managingOrg: "Organization/R1A17", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails, ExtNHSCommunication}},
		{name: "communication without language is not sent", patient: with(func(p *record.Patient) { p.Communication = &record.Communication{Preferred: true} }),
			practice: base, status: "01", managingOrg: "Organization/1", gp: "Practitioner/1", extensions: []string{ExtRegistrationDetails}},
		{name: "no registration details no extension", patient: with(func(p *record.Patient) {
			p.Registration = record.Registration{OrganisationID: "1"}
			p.Communication = nil
		}), practice: base, status: "01", managingOrg: "Organization/1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := wire(t, Patient(tc.patient(), tc.practice))

			if got := profiles(res); !slices.Equal(got, []string{ProfilePatient}) {
				t.Errorf("meta.profile = %v, want exactly [%s]", got, ProfilePatient)
			}
			meta := obj(res["meta"])
			if meta["versionId"] == nil || meta["versionId"] == "" || meta["lastUpdated"] == nil {
				t.Errorf("meta = %v, want versionId and lastUpdated", meta)
			}
			for _, k := range forbiddenPatientKeys {
				if _, ok := res[k]; ok {
					t.Errorf("forbidden element %q present", k)
				}
			}
			for _, a := range objs(res["address"]) {
				if _, ok := a["state"]; ok {
					t.Errorf("address.state present: %v", a)
				}
			}

			// Identifier and its required verification status.
			idents := objs(res["identifier"])
			if tc.status == "" {
				if len(idents) != 0 {
					t.Errorf("identifier = %v, want none", idents)
				}
			} else {
				if len(idents) != 1 || idents[0]["system"] != SystemNHSNumber {
					t.Fatalf("identifier = %v, want one NHS number", idents)
				}
				if urls := extensionURLs(idents[0]); !slices.Equal(urls, []string{ExtNHSNumberVerificationStatus}) {
					t.Fatalf("identifier extensions = %v, want exactly the verification status", urls)
				}
				c := singleCoding(t, obj(findExtension(idents[0], ExtNHSNumberVerificationStatus)["valueCodeableConcept"]))
				if c["system"] != CodeSystemNHSNumberVerificationStatus || c["code"] != tc.status || c["display"] == nil {
					t.Errorf("verification coding = %v, want %s code %s with display", c, CodeSystemNHSNumberVerificationStatus, tc.status)
				}
			}

			// Exactly one official name, with a family name.
			official := 0
			for _, n := range objs(res["name"]) {
				if n["use"] == "official" {
					official++
					if n["family"] == nil {
						t.Errorf("official name without family: %v", n)
					}
				}
				if n["use"] == nil {
					t.Errorf("name without use: %v", n)
				}
			}
			if official != 1 {
				t.Errorf("%d official names, want 1", official)
			}
			if res["birthDate"] == nil || res["gender"] == nil {
				t.Errorf("birthDate/gender missing")
			}
			for _, tel := range objs(res["telecom"]) {
				if tel["system"] == nil || tel["value"] == nil || tel["use"] == nil {
					t.Errorf("telecom %v lacks system, value or use", tel)
				}
			}
			for _, c := range objs(res["contact"]) {
				for _, rel := range objs(c["relationship"]) {
					if _, ok := rel["coding"]; ok {
						t.Errorf("contact.relationship.coding present: %v", rel)
					}
				}
				if n := obj(c["name"]); n != nil && n["use"] == nil {
					t.Errorf("contact name without use: %v", n)
				}
			}

			if _, ok := res["deceasedDateTime"]; ok != tc.deceased {
				t.Errorf("deceasedDateTime present = %v, want %v", ok, tc.deceased)
			}
			if got := obj(res["managingOrganization"])["reference"]; got != tc.managingOrg {
				t.Errorf("managingOrganization = %v, want %s", got, tc.managingOrg)
			}
			gps := objs(res["generalPractitioner"])
			switch {
			case tc.gp == "" && len(gps) != 0, tc.gp != "" && (len(gps) != 1 || gps[0]["reference"] != tc.gp):
				t.Errorf("generalPractitioner = %v, want %q", gps, tc.gp)
			}

			if got := extensionURLs(res); !slices.Equal(got, tc.extensions) {
				t.Errorf("extensions = %v, want %v", got, tc.extensions)
			}
			if reg := findExtension(res, ExtRegistrationDetails); reg != nil {
				for _, sub := range extensionURLs(reg) {
					if !slices.Contains([]string{SubExtRegistrationPeriod, SubExtRegistrationType, SubExtPreferredBranchSurgery}, sub) {
						t.Errorf("registrationDetails sub-extension %q not allowed (registrationStatus is max 0)", sub)
					}
				}
			}
		})
	}
}

func TestPatientRegistrationDetails(t *testing.T) {
	pr := richPractice()
	res := wire(t, Patient(&pr.Patients[0], pr))
	reg := findExtension(res, ExtRegistrationDetails)
	if reg == nil {
		t.Fatal("registrationDetails missing")
	}
	if got := obj(obj(findExtension(reg, SubExtRegistrationPeriod)["valuePeriod"]))["start"]; got != "2010-09-01" {
		t.Errorf("registrationPeriod.start = %v, want 2010-09-01", got)
	}
	c := singleCoding(t, obj(findExtension(reg, SubExtRegistrationType)["valueCodeableConcept"]))
	if c["system"] != CodeSystemRegistrationType || c["code"] != "R" || c["display"] != "Regular" {
		t.Errorf("registrationType coding = %v", c)
	}
	if got := obj(findExtension(reg, SubExtPreferredBranchSurgery)["valueReference"])["reference"]; got != "Location/1" {
		t.Errorf("preferredBranchSurgery = %v, want Location/1", got)
	}
	comm := findExtension(res, ExtNHSCommunication)
	lang := singleCoding(t, obj(findExtension(comm, SubExtLanguage)["valueCodeableConcept"]))
	if lang["system"] != CodeSystemHumanLanguage || lang["code"] != "de" {
		t.Errorf("nhsCommunication language = %v", lang)
	}
	if findExtension(comm, SubExtInterpreterRequired)["valueBoolean"] != true {
		t.Errorf("interpreterRequired not true")
	}
}

// TestPatientDates checks each record precision becomes the matching FHIR
// form, whatever zone the supplier mapping left the time in.
func TestPatientDates(t *testing.T) {
	p := deceasedPatient()
	tests := []struct {
		name          string
		birth         record.Date
		wantBirthDate string
	}{
		{"year", p.BirthDate, "1931"},
		{"month", record.Date{Time: p.BirthDate.Time.AddDate(0, 4, 0), Precision: record.PrecisionMonth}, "1931-05"},
		{"day", record.DateOf(2001, 12, 31), "2001-12-31"},
		{"day held as London midnight in summer", record.Date{Time: mustLondon(t, 2001, 7, 1), Precision: record.PrecisionDay}, "2001-07-01"},
		{"time cut to day", record.Date{Time: mustLondon(t, 2001, 7, 1).Add(23 * time.Hour), Precision: record.PrecisionSecond}, "2001-07-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := *p
			q.BirthDate = tc.birth
			if got := wire(t, Patient(&q, nil))["birthDate"]; got != tc.wantBirthDate {
				t.Errorf("birthDate = %v, want %s", got, tc.wantBirthDate)
			}
		})
	}
}

func TestFoundationResourceRules(t *testing.T) {
	pr := richPractice()
	tests := []struct {
		name        string
		build       func() proto.Message
		profile     string
		identifiers []string // system|value
		refs        map[string]string
	}{
		{"organization", func() proto.Message { return Organization(&pr.Organisation) }, ProfileOrganization,
			[]string{SystemODSOrganization + "|GPC001"}, nil},
		{"branch organization", func() proto.Message { return Organization(&pr.Organisations[0]) }, ProfileOrganization,
			[]string{SystemODSOrganization + "|R1A14"}, map[string]string{"partOf": "Organization/1"}},
		{"practitioner", func() proto.Message { return Practitioner(&pr.Practitioners[0]) }, ProfilePractitioner,
			[]string{SystemSDSUserID + "|G13579135", SystemSDSRoleProfileID + "|PT1234", SystemSDSRoleProfileID + "|PT5678"}, nil},
		{"practitioner role", func() proto.Message { return PractitionerRoles(&pr.Practitioners[0])[0] }, ProfilePractitionerRole,
			nil, map[string]string{"practitioner": "Practitioner/1", "organization": "Organization/1"}},
		{"location", func() proto.Message { return Location(&pr.Locations[0]) }, ProfileLocation,
			[]string{SystemODSSite + "|Z26556"}, map[string]string{"managingOrganization": "Organization/1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := wire(t, tc.build())
			if got := profiles(res); !slices.Equal(got, []string{tc.profile}) {
				t.Errorf("meta.profile = %v, want [%s]", got, tc.profile)
			}
			meta := obj(res["meta"])
			if meta["versionId"] == nil || meta["lastUpdated"] == nil {
				t.Errorf("meta = %v, want versionId and lastUpdated", meta)
			}
			var idents []string
			for _, i := range objs(res["identifier"]) {
				idents = append(idents, i["system"].(string)+"|"+i["value"].(string))
			}
			if !slices.Equal(idents, tc.identifiers) {
				t.Errorf("identifiers = %v, want %v", idents, tc.identifiers)
			}
			for field, want := range tc.refs {
				if got := obj(res[field])["reference"]; got != want {
					t.Errorf("%s = %v, want %s", field, got, want)
				}
			}
			for _, tel := range objs(res["telecom"]) {
				if tel["system"] == nil || tel["value"] == nil || tel["use"] == nil {
					t.Errorf("telecom %v lacks system, value or use", tel)
				}
			}
		})
	}
}

func TestPractitionerRoleIDs(t *testing.T) {
	p := richPractice().Practitioners[0]
	var ids []string
	for _, r := range PractitionerRoles(&p) {
		ids = append(ids, r.GetId().GetValue())
	}
	if want := []string{"PT1234", "1-role-2"}; !slices.Equal(ids, want) {
		t.Errorf("role ids = %v, want %v", ids, want)
	}
	p.Roles = nil
	if got := PractitionerRoles(&p); len(got) != 0 {
		t.Errorf("no roles gave %d resources", len(got))
	}
}

func TestInvalidUTF8IsReplaced(t *testing.T) {
	p := deceasedPatient()
	p.Name.Family = "Sm\xffith"
	res := wire(t, Patient(p, nil))
	if got := objs(res["name"])[0]["family"]; !strings.Contains(got.(string), "\uFFFD") {
		t.Errorf("family = %q, want U+FFFD replacement", got)
	}
}

func mustLondon(tb testing.TB, y int, m time.Month, d int) time.Time {
	tb.Helper()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		tb.Skipf("no zoneinfo: %v", err)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, london)
}

func TestControlCharactersDropped(t *testing.T) {
	p := deceasedPatient()
	p.Name.Family = "Sm\x00ith\x1b"
	p.Name.Given = []string{"Jo\thn"}
	res := wire(t, Patient(p, nil))
	n := objs(res["name"])[0]
	if n["family"] != "Smith" || n["given"].([]any)[0] != "Jo\thn" {
		t.Errorf("name = %v, want control characters other than tab dropped", n)
	}
	if err := Validate(Patient(p, nil)); err != nil {
		t.Errorf("Validate: %v", err)
	}
}
