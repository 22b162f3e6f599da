// Package emis reads and writes EMIS Open MedicalRecord v3.8 XML
// (namespace http://www.e-mis.com/emisopen/MedicalRecord, root
// <MedicalRecord PatientID="...">, schema EomMedicalRecord38.xsd) — the
// record EMIS Web's IM1 transaction API returns from GetMedicalRecord — and
// maps it to and from the canonical record.
//
// The Go types (MedicalRecordType, RegistrationType, PersonType,
// LocationType, IdentType, StringCodeType, EventType, MedicationType,
// IssueType, AllergyType, ConsultationType ...) carry the schema's names and
// declare their fields in the schema's xs:sequence order, because
// encoding/xml writes fields in declaration order and the order is what makes
// a file valid. Every file the encoders write validates against the schema
// (tested with xmllint).
//
// # Files
//
// A practice directory file is a <MedicalRecord> holding only PeopleList,
// LocationList, LocationTypeList, an Originator whose Organisation points to
// the practice, and MessageInformation. A patient file is a <MedicalRecord>
// with Registration, RegistrationStatus, an EventList for coded entries, and
// — as EMIS embeds them in every record — the PeopleList, LocationList and
// LocationTypeList entries the registration refers to. Embedded entries get
// the RefIDs they have in the practice file.
//
// # Identifiers
//
// Every record id travels as an IdentType GUID (Patient.ID is the
// Registration's GUID; PatientID, an xs:integer, is written only when the id
// is numeric). References are written with GUID and RefID and resolved by
// GUID, else by RefID within the message, else by DBID.
//
// # Where each record field lives
//
// The schema was designed before GP Connect; fields it has no element for
// are carried in the closest real element:
//
//   - Name: Title → Prefix, FirstNames (space-separated) → Given,
//     FamilyName → Family; CallingName is a "usual" name (with the official
//     family name); PreviousNames holds "old" names as "Family, Given Given"
//     joined by "; ". Other name uses and suffixes are not held.
//   - Gender: Sex M, F, I (indeterminate → "other"), U (unknown).
//   - BirthDate, Deceased, registration dates: plain dd/mm/yyyy strings;
//     mm/yyyy and yyyy keep month and year precision, "dd/mm/yyyy hh:mm[:ss]"
//     minute and second precision. Deceased also sets Dead=1. Times are UK
//     local time (Europe/London), converted to and from UTC.
//   - Clinical item dates: AssignedDate with DatePart (0 day, 1 month,
//     2 year, 3 unknown, 4 full) and AssignedTime.
//   - Addresses: Address is the home address; for a temporary resident,
//     Address is the "temp" address and HomeAddress (the schema's "home
//     address for temporary residents") the "home" one. Lines map to
//     HouseNameFlat, Street and Village (extra lines comma-joined into
//     Village); City → Town; District → County.
//   - Telecom: HomeTelephone, WorkTelephone, Mobile, Email (read back as
//     home/work/mobile phone and home email, in that order).
//   - NHSNumberStatus, Communication (MainLanguage, MainLanguageTerm,
//     LanguagePreferred, InterpreterRequired), Spine (SpineSensitive,
//     NHSNumberSuperseded, NotOnSpine) and MultipleBirth: named entries in
//     Registration/CustomRegistrationFields, the schema's place for
//     practice-defined registration fields (names are the Field* constants).
//     A file with an NHS number but no status entry reads as "01".
//   - Registration.Type: RegistrationStatus/CurrentStatus/PatientType, with
//     the schema's values 1 emergency (E), 2 immediately necessary (IN),
//     3 private (P), 4 regular (R), 5 temporary resident (T), plus
//     user-defined 6 other (O) and 7 walk-in (S); any other user-defined
//     value reads as O. Also written in RegistrationHistory.
//   - Registration.Period: DateAdded and DeductedDate, mirrored in a
//     RegistrationHistory entry (DateRegistered/DateDeregistered), which is
//     read when the Registration dates are absent.
//   - Registration.Active: CurrentStatus/PracticeRegistered (1/0); without
//     it, active means no deducted date and not deceased. Dead=1 without a
//     DateOfDeath (which record.Patient cannot hold) reads as inactive, so
//     that the patient is never disclosed as living.
//   - Registration.OrganisationID is written as Originator/Organisation;
//     EncodePatient uses the practice's organisation when it is empty.
//   - Registration.OrganisationID read from Originator/Organisation (else
//     the first "General Practice" in LocationList). UsualGPID: UsualGpID (else
//     RegisteredGpID). PreferredBranchID: RecordsAt — EMIS's "where the
//     records are held", i.e. the patient's branch — holding the Location's
//     GUID.
//   - RecordInTransit: CurrentStatus/Code value 2 "Records in transit".
//   - Consent: a coded observation in EventList, Read v2 9Nd1. "No consent
//     for electronic record sharing" or 9Nd7. "Consent given for electronic
//     record sharing" with SNOMED CT 416308001 / 425691002 as MapCode. Read
//     back from either code system (Value/Scheme or MapCode/MapScheme), in
//     EventList and in consultations; the latest dated entry wins. The
//     record holds no date for the choice, so the entry is dated with the
//     patient's LastModified day (else the registration start).
//   - LastModified (patient and practice): MessageInformation DateCreated
//     and TimeCreated, to the second. Directory items have no date of their
//     own and read back with the file's.
//   - Contacts (next of kin) have no place in the schema and are not held.
//
// Directory (practice file):
//
//   - Organisations and sites are all LocationList entries, told apart by
//     their LocationTypeList description: "General Practice" (gp-practice),
//     "Organisation" (no type) or the type code itself for organisations;
//     "Main Surgery" (the first site) or "Branch Surgery" for sites, with a
//     status other than active appended in brackets ("Branch Surgery
//     (inactive)"), since the schema has no location status.
//   - ODSCode / SiteODSCode → NationalCode; Name → LocationName; the first
//     address → Address (read back as "work"); phones → Telephone1 and
//     Telephone2, then Fax and Email (all read back as "work").
//   - Location.ManagingOrganisationID and Organisation.PartOfID: a single
//     GPLinkCodeList/GPLinkCode naming the linked location's GUID, with its
//     ODS code as LinkCode.
//   - Practitioners: one Person per role, as EMIS lists users in role, all
//     sharing the practitioner's GUID. LocalUserID → Mnemonic; SDSUserID →
//     NationalCode; Title/FirstNames/LastName → name; Telephone1 (work),
//     Telephone2 (mobile), Fax, Email. The schema's person has no sex and no
//     role-profile list: Gender is written as an EMIS Sex code in the
//     Security2 attribute and SDSRoleProfileIDs, space-separated, in
//     Security1. Each role: Category Mnemonic/Description = SDS job role code
//     and display; Role GUID = role id; Role/Location = the organisation.
//
// # Safety
//
// Decoders read at most MaxDocumentBytes, reject a document whose root is
// not <MedicalRecord> in the EMIS namespace or which carries anything after
// the root, and return errors (never panic) on malformed dates, NHS numbers
// and codes. Errors name the patient by id only, never by name or NHS
// number.
package emis
