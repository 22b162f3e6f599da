package gpconnect

import (
	"math"
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

// FuzzStructuredBundle feeds supplier-shaped strings (ids, codes, term and
// description ids, units, free text, link targets) into every structured
// builder through StructuredBundle. Properties: building and rendering never
// panic or fail, and whatever Validate accepts, the validating STU3 parser
// accepts too.
func FuzzStructuredBundle(f *testing.F) {
	f.Add("A1", "G20..", "00", "59621000", "99042012", "mm[Hg]", "Seen in clinic", "C1", "P1", 130.5, int64(1700000000))
	f.Add("has space", "", "", "", "", "", "", "", "", 0.0, int64(0))
	f.Add("x\xff", "123456", "x\x00", "1 2", "0011", "\x01", "<b>", "A1", "A1", -1e300, int64(-1e10))
	f.Add("A1", "", "", "", "", "", "", "", "", math.NaN(), int64(0))
	f.Add("A1", "", "", "", "", "", "", "", "", math.Inf(-1), int64(0))
	r, err := NewRenderer()
	if err != nil {
		f.Fatal(err)
	}
	parser, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, itemID, read, term, sct, descID, unit, note, consultationID, problemID string, value float64, unix int64) {
		pr := richPractice()
		p := &pr.Patients[0]
		when := record.Date{Time: time.Unix(unix, 0).UTC(), Precision: record.PrecisionDay}
		code := record.Concept{Codings: []record.Code{
			{System: record.SystemReadV2, Code: read, DescriptionID: term},
			{System: record.SystemSNOMED, Code: sct, DescriptionID: descID, Display: note},
		}, Text: note}
		it := record.Item{ID: itemID, Code: code, Effective: when, Note: note, ConsultationID: consultationID,
			ProblemIDs: []string{problemID}, AuthorID: consultationID, LastModified: time.Unix(unix, 0)}
		q := &record.Quantity{Value: value, Unit: unit}
		p.Record.Observations = append(p.Record.Observations, record.Observation{Item: it, Value: q, Range: &record.Range{Low: q, Text: unit},
			Components: []record.ObservationComponent{{Code: code, Value: q}}, Interpretation: unit})
		p.Record.Allergies = append(p.Record.Allergies, record.Allergy{Item: it, Category: unit, ClinicalStatus: note,
			Reactions: []record.Reaction{{Manifestation: code, Severity: unit}}})
		p.Record.Problems = append(p.Record.Problems, record.Problem{Item: record.Item{ID: problemID, Code: code}, ParentID: itemID, ItemIDs: []string{itemID}})
		p.Record.Consultations = append(p.Record.Consultations, record.Consultation{Item: record.Item{ID: consultationID}, Type: note,
			Topics: []record.ConsultationTopic{{Title: note, ProblemID: problemID, Headings: []record.ConsultationHeading{{Title: unit, ItemIDs: []string{itemID}}}}}})
		p.Record.Medications = append(p.Record.Medications, record.Medication{Item: it, Drug: code, Dosage: note, PrescriptionType: unit, Status: note,
			Issues: []record.MedicationIssue{{ID: problemID, Issued: when, DurationDays: int(value) % 1000}}})
		p.Record.Investigations = append(p.Record.Investigations, record.Investigation{Item: it, Status: unit,
			Specimens: []record.Specimen{{ID: problemID, Type: code}}, TestGroups: []record.TestGroup{{ID: itemID, Code: code, Results: []record.Observation{{Item: it, Value: q}}}}})
		p.Record.Documents = append(p.Record.Documents, record.Document{Item: it, Title: note, ContentType: unit, URL: note, Size: int64(value)})
		sel := selectAll(p, "")
		bundle := StructuredBundle(itemID, p, pr, sel, nil)
		valid := Validate(bundle) == nil
		out, err := r.JSON(bundle)
		if err != nil {
			t.Fatalf("JSON: %v", err)
		}
		if _, err := parser.UnmarshalR3(out); valid && err != nil {
			t.Fatalf("Validate accepted a Bundle the parser rejects: %v", err)
		}
	})
}
