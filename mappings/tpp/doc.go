// Package tpp reads and writes TPP SystmOne patient records and maps them to
// and from the canonical record.
//
// The format is the TPP PatientRecord XML schema, TppPatientRecord.xsd (no
// namespace, root PatientRecord; endeavourhealth/Transforms, copied in
// samples/tpp). DecodePatient also reads the SystmOne Client Integration API
// GetPatientRecord response (ClientIntegrationResponse/Response), a subset of
// the same shape with a few response-only elements (StrategicReportingIdentifier,
// RecordState, Drug@Name, ClinicalCode/ProblemUID, Attachment/FileName...).
// The Go types mirror the XSD's names and sequence order so that what the
// encoder writes validates; response-only fields are read but never written.
//
// # Where each record field lives
//
// The schema is a patient-record import format, so some fields have no
// element of their own. The choices:
//
//   - Patient.ID: PatientRecord/PatientUID; in a Client Integration response,
//     Identity/StrategicReportingIdentifier (SystmOne's patient row id).
//   - NHSNumber: Identity/NHSNumber. The schema has no verification status,
//     so a valid number decodes as "01". A number failing modulus 11 is not
//     passed on: the patient is kept, with no NHS number and status "03"
//     (trace required). No number gives no status.
//   - Name: Title (split on spaces) → Prefix; FirstName then each MiddleNames
//     word → Given; Surname → Family; use "official". KnownAs is OtherNames[0]
//     with use "nickname" (given = KnownAs, family = Surname).
//   - Gender: Sex. The XSD allows only M|F; unknown and other are written as
//     SystmOne's own U and I, which do not validate against the public XSD,
//     rather than as a false M or F.
//   - Addresses: the single Demographics/Address (use "home"): lines are
//     HouseName, "HouseNumber Road", Locality; Town → City; County →
//     District. Only the first address is written; lines past the third are
//     joined into Locality.
//   - Telecom: Home/Work/Mobile/AlternateTelephone are phones with use
//     home/work/mobile/(none); EmailAddress is email/home. One of each.
//   - Contacts: journal Events holding a Relationship (SystmOne's own place
//     for next of kin). Text outside the RelationshipType enumeration is
//     written as "Other" with the text in Description.
//   - Communication: MainLanguage (a "Main spoken language" code; English is
//     mapped to "en", others kept as SNOMED/CTV3 codes) is the preferred
//     language; EnglishSpeaker "No" means interpreter required, "Yes" not,
//     "Unknown" (with no language) no Communication at all.
//   - Registration: RegistrationType text ("Regular", "Temporary",
//     "Emergency", "Immediately Necessary", "Private", "Walk-In", "Other";
//     "GMS" and "Applied" read as R); CareStartDate/CareEndDate the period;
//     Active is "no CareEndDate" (the schema has no flag). OrganisationID is
//     PatientRecord/OrganisationID (the practice ODS code); UsualGPID is
//     UsualGPUserName; PreferredBranchID is the key of the one Site in the
//     patient record's Metadata (the encoder lists exactly that site there,
//     with the usual GP's User).
//   - Consent: a coded Event, SNOMED 416308001 (dissent) or 425691002
//     (consent given); Read v2 9Nd1./9Nd7. are read too. Latest dated wins.
//   - RecordInTransit: the schema has no RecordState, so it is a
//     NonClinical/Task of TaskType "GP2GP" (the task SystmOne raises for a
//     pending transfer). A response RecordState mentioning "transit" also
//     counts; "Closed" (as in the real sample) does not.
//   - LastModified: the timestamp inside MessageUID (ResponseUID in a
//     response), which SystmOne issues as a time-based version 1 UUID.
//
// Partial dates: the schema's dates are whole xs:date/xs:dateTime values.
// Decoding keeps whatever precision the text has (a year, a month, a day,
// seconds); encoding widens a partial date to its first day.
//
// # The practice directory file
//
// practice.xml is a PatientRecord whose OrganisationID is the practice ODS
// code and whose Metadata lists Sites and Users. The schema makes Patient
// mandatory, so the file carries a placeholder Patient (blank names,
// 1900-01-01 dates and Sex F purely to satisfy the schema's types) next to an
// empty PatientUID; DecodePatient refuses such a file. Sites carry both
// organisations and locations, told apart by qualifiers in Site/ID (see
// siteID): "GPC001;kind=organisation;type=gp-practice", "loc-2;ods=Z33432".
// TPP keys organisations by ODS code and users by user name, so on reading
// Organisation.ID is the ODS code and Practitioner.ID the user name; the
// encoders translate record ids to those keys through the practice. Users:
// NationalID (type "Other") is the SDS user id; SDS role profile ids are
// AccessRights/Access entries prefixed "SDSRoleProfileID:"; Role and RoleCode
// are the first role's SDS job role display and code.
//
// Not held by the schema, and so lost on writing: NHS number status,
// MultipleBirth, SpineStatus, practitioner telecoms, roles after the first,
// addresses and same-slot telecoms after the first, Active=false without an
// end date, LastModified of directory entries.
//
// # The clinical record
//
// Every item of record.ClinicalRecord is a journal Event of its own:
// EventUID is the item id, DateTime its effective date, UserName its author
// (a user name, translated through the practice like UsualGPID), and the
// typed child its content. A consultation is an Event holding an Activity
// (consultation.go); its topics and headings are Narrative lines; items name
// it in their EventUID. The file of each area says which element carries
// which field:
//
//   - Allergy (allergy.go): ClinicalCode with IsAllergy; DrugSensitivity
//     makes it a medication allergy; ProblemEndDate the end; reactions are
//     further ClinicalCodes.
//   - Problem (problem.go): ClinicalCode with ProblemSeverity
//     (significance) and ProblemEndDate (inactive); a response's ProblemUID
//     is its id; LinkedProblemUID its parent. Items link to problems by
//     their own LinkedProblemUID, from which Problem.ItemIDs is rebuilt.
//   - Observation (observation.go): ClinicalCode Value/Units, FreeText the
//     note, Narrative the value text; blood-pressure components are further
//     ClinicalCodes with values. NoKnownAllergies is SNOMED 716186003.
//   - Medication (medication.go): RepeatMedication (repeat) or Medication
//     (acute) is the course; each issue an Event with a Medication (and
//     RepeatIssue) naming its course. Drug scheme Dmd is the SNOMED (dm+d)
//     coding, Multilex is SystemMultilex.
//   - Immunisation (immunisation.go): Vaccination; Investigation
//     (investigation.go): Report, each result an observation Event naming
//     the report and test group; Referral (referral.go): outgoing Letter
//     and the Event's LinkedReferralUID; DiaryEntry (diary.go): Recall;
//     Document (document.go): Attachment.
//
// Codes (coding.go): a ClinicalCode holds one Code, CTV3 or Snomed; the
// SNOMED coding is written when held, else CTV3, else the concept's text
// with an empty code.
//
// Where the schema has no element (the entry time, last amendment, recorder,
// confidentiality, partial dates, consultation link, reference ranges,
// statuses it cannot spell...), the value is a ";name=value" qualifier of
// EventUID (event_uid.go), written only when it differs from what the
// elements say; a real SystmOne EventUID is a plain id. Extra codes of an
// item (a vaccination's site and route, a referral's reason) are further
// ClinicalCodes whose roles the "codes" qualifier lists.
//
// Reading a real journal, an Event with several children is a SystmOne
// consultation: each child is an item (id EventUID-n, or its ProblemUID),
// filed under one "General" topic with a heading per kind, and a Narrative
// is a comment-note observation (SNOMED 37331000000100). A lone Narrative
// beside one item is that item's text; a plain acute Medication is its own
// single issue (id <course>-issue); a Reminder is a diary entry.
// Event@DateTime has no partial form: midnight reads as a day, whole
// minutes as a minute.
//
// Lost (TestClinicalLosses pins each): Read v2 codings; a second coding
// when SNOMED and CTV3 are both held (CTV3 goes); a coding's Version and
// DescriptionID, and a coded concept's own Text; heading codes; a problem's
// own ProblemIDs; the order of Problem.ItemIDs (journal order); leading and
// trailing spaces of topic and heading titles; an Observation coded
// 716186003 with no qualifier reads as NoKnownAllergies.
package tpp
