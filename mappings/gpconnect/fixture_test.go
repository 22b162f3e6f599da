package gpconnect

import (
	"time"

	"im1fhir/record"
)

// richPractice is a practice whose records use every field the Foundations
// builders render, so golden files and rule tests cover all of them.
func richPractice() *record.Practice {
	modified := time.Date(2024, 5, 1, 10, 30, 15, 0, time.UTC)
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.FixedZone("BST", 3600)
	}
	org := record.Organisation{
		ID:      "1",
		ODSCode: "GPC001",
		Name:    "GP Connect Demonstrator",
		Type:    "gp-practice",
		Telecom: []record.ContactPoint{
			{System: "phone", Value: "01234 567890"},
			{System: "email", Value: "practice@example.nhs.uk", Use: "work"},
		},
		Addresses: []record.Address{{
			Use: "work", Lines: []string{"23 Main Street", "Pudsey"},
			City: "Leeds", District: "West Yorkshire", PostalCode: "GPC 111",
		}},
		LastModified: modified,
	}
	branch := record.Organisation{ID: "2", ODSCode: "R1A14", Name: "Test GP Care Trust", PartOfID: "1", LastModified: modified}
	loc := record.Location{
		ID: "1", SiteODSCode: "Z26556", Name: "Building A", Status: "active",
		Address:                record.Address{Lines: []string{"Trevelyan Square", "Boar Lane"}, City: "Leeds", PostalCode: "LS1 6AE"},
		Telecom:                []record.ContactPoint{{System: "phone", Value: "03003035678"}},
		ManagingOrganisationID: "1",
		LastModified:           modified,
	}
	gp := record.Practitioner{
		ID: "1", SDSUserID: "G13579135", SDSRoleProfileIDs: []string{"PT1234", "PT5678"}, LocalUserID: "emis-1234",
		Name:    record.HumanName{Family: "Gilbert", Given: []string{"Nichole"}, Prefix: []string{"Dr"}},
		Gender:  record.GenderFemale,
		Telecom: []record.ContactPoint{{System: "phone", Value: "01234 567891"}},
		Roles: []record.PractitionerRole{
			{ID: "PT1234", OrganisationID: "1", JobRole: record.Code{Code: "R0260", Display: "General Medical Practitioner"}},
			{OrganisationID: "2", JobRole: record.Code{System: CodeSystemSDSJobRoleName, Code: "R0270", Display: "Salaried General Practitioner"}},
		},
		LastModified: modified,
	}
	patient := record.Patient{
		ID:              "2",
		NHSNumber:       "9690937286",
		NHSNumberStatus: record.NHSNumberVerified,
		Name:            record.HumanName{Use: "usual", Family: "Darcy", Given: []string{"Olivia", "Jane"}, Prefix: []string{"Mrs"}},
		OtherNames: []record.HumanName{
			{Use: "maiden", Family: "Bennet", Given: []string{"Olivia"}},
			{Use: "official", Family: "Duplicate"}, // a second official name must not be sent
			{Family: "NoUse"},                      // nor a name of unknown use
		},
		BirthDate:     record.Date{Time: time.Date(1980, 2, 29, 0, 0, 0, 0, london), Precision: record.PrecisionDay},
		Gender:        record.GenderFemale,
		MultipleBirth: true, // must never be rendered
		Addresses: []record.Address{
			{Use: "home", Lines: []string{"24 Back Lane"}, City: "Leeds", District: "West Yorkshire", PostalCode: "LS1 1AA"},
			{Use: "temp", Lines: []string{"Flat 2", "9 Holiday Row"}, City: "Scarborough", PostalCode: "YO11 1AA"},
			{}, // nothing held: dropped
		},
		Telecom: []record.ContactPoint{
			{System: "phone", Value: "01132 000000"},
			{System: "phone", Value: "07700 900000", Use: "mobile"},
			{System: "email", Value: "olivia@example.com", Use: "home"},
			{System: "pigeon", Value: "loft 4"}, // unknown system → other
			{System: "phone", Use: "work"},      // no value: dropped
		},
		Contacts: []record.Contact{{
			Relationship: "Spouse",
			Name:         record.HumanName{Family: "Darcy", Given: []string{"Fitzwilliam"}},
			Telecom:      []record.ContactPoint{{System: "phone", Value: "07700 900001", Use: "mobile"}},
			Address:      record.Address{Lines: []string{"24 Back Lane"}, City: "Leeds", PostalCode: "LS1 1AA"},
			Gender:       record.GenderMale,
		}},
		Communication: &record.Communication{
			Language: record.Code{Code: "de", Display: "German"}, Preferred: true, InterpreterRequired: true,
		},
		Registration: record.Registration{
			Type:              record.RegistrationRegular,
			Period:            record.Period{Start: record.DateOf(2010, time.September, 1)},
			Active:            true,
			OrganisationID:    "1",
			UsualGPID:         "1",
			PreferredBranchID: "1",
		},
		LastModified: modified,
	}
	return &record.Practice{
		Organisation:  org,
		Organisations: []record.Organisation{branch},
		Locations:     []record.Location{loc},
		Practitioners: []record.Practitioner{gp},
		Patients:      []record.Patient{patient},
		Supplier:      "emis",
		LastModified:  modified,
	}
}

// deceasedPatient is a minimal record: no status, no registration details,
// deceased with a minute-precision date.
func deceasedPatient() *record.Patient {
	return &record.Patient{
		ID:        "18",
		NHSNumber: "9000000009",
		Name:      record.HumanName{Family: "Smith", Given: []string{"John"}},
		BirthDate: record.Date{Time: time.Date(1931, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear},
		Deceased:  record.Date{Time: time.Date(2019, 6, 3, 14, 5, 0, 0, time.UTC), Precision: record.PrecisionMinute},
		Registration: record.Registration{
			OrganisationID: "1",
		},
		LastModified: time.Date(2019, 6, 4, 9, 0, 0, 0, time.UTC),
	}
}
