package gpconnect

import (
	"testing"
	"time"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"

	"im1fhir/record"
)

// FuzzPatient feeds supplier-shaped strings (which come from outside files)
// into the Patient builder. Properties: building and rendering never panic
// or fail, and whatever Validate accepts, the validating STU3 parser accepts
// too, so Validate is a sound gate before rendering.
func FuzzPatient(f *testing.F) {
	f.Add("2", "9690937286", "01", "Darcy", "Olivia", "phone", "01132 000000", "home", "LS1 1AA", "R", "1", "de", int64(320630400))
	f.Add("has space", "", "", "", "", "", "", "", "", "", "", "", int64(0))
	f.Add("x\xff", "123", "99", "Sm\xffith", "\x00", "pigeon", "v", "mobile", "", "Z", "a/b", "", int64(-1e10))
	r, err := NewRenderer()
	if err != nil {
		f.Fatal(err)
	}
	parser, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, id, nhs, status, family, given, system, value, use, postcode, regType, orgID, lang string, unix int64) {
		p := &record.Patient{
			ID:              id,
			NHSNumber:       record.NHSNumber(nhs),
			NHSNumberStatus: record.NHSNumberStatus(status),
			Name:            record.HumanName{Family: family, Given: []string{given}},
			BirthDate:       record.Date{Time: time.Unix(unix, 0).UTC(), Precision: record.PrecisionDay},
			Addresses:       []record.Address{{PostalCode: postcode, Use: use}},
			Telecom:         []record.ContactPoint{{System: system, Value: value, Use: use}},
			Contacts:        []record.Contact{{Relationship: given, Name: record.HumanName{Family: family, Use: use}}},
			Communication:   &record.Communication{Language: record.Code{Code: lang}},
			Registration:    record.Registration{Type: regType, OrganisationID: orgID, UsualGPID: orgID, PreferredBranchID: orgID},
			LastModified:    time.Unix(unix, 0),
		}
		valid := Validate(Patient(p, nil)) == nil
		out, err := r.JSON(Patient(p, nil))
		if err != nil {
			t.Fatalf("JSON: %v", err)
		}
		if _, err := parser.UnmarshalR3(out); valid && err != nil {
			t.Fatalf("Validate accepted a Patient the parser rejects: %v\n%s", err, out)
		}
	})
}
