// Package vision reads and writes the Vision 3 (INPS, now Cegedim) XML
// patient export and maps it to and from the canonical record.
//
// # The patient export
//
// There is no public schema for Vision; the reference is the real export in
// shared/samples/vision/vision-export.xml (one test patient, 254 journal
// rows). Its shape, mirrored exactly by Export, PatientRow and ClinicalRow:
//
//	<header created="2015-08-12T15:02:14" pat_id="250">
//	  <patient identity prac_id sysdate entity_id surname forename1 forename2
//	           nhs_no newnhsno sex="SEX002" dob="1942-08-09T00:00:00" _dob="1"
//	           married title reg_status applied _applied accept _accept reg_gp
//	           usual_gp postcode ... />
//	  <clinical identity entity_ty consult_id eventdate _eventdate
//	            read_code="912..00" read_term clinician category episode ... />*
//	</header>
//
// Every field is an attribute named after Vision's database column, and
// column names are at most ten characters (tran_reaso, next_revie,
// othforenam). Names we add come from the Vision bulk extract's columns,
// lower-cased (address_1, phone_number, email, surgery), or are invented in
// the export's ten-character style (dod, removed, work_phone, nhsno_stat,
// interpret, in_transit, snomed_code). Attributes we do not map are kept in
// each row's Other field, so a real export decodes and re-encodes without
// loss.
//
// Decoders read at most 32 MiB, 50,000 elements and 16 levels of nesting;
// ISO-8859-1 is accepted besides UTF-8. Errors name the patient id and the
// attribute, never a value.
//
// Conventions read from the sample:
//
//   - Dates are naive local timestamps, 2006-01-02T15:04:05, midnight for a
//     plain date. A date attribute x has a precision flag _x. The sample only
//     holds "1" (a whole date); we also write "2" (month), "3" (year), "4"
//     (date and time to the minute) and "5" (to the second), and read a
//     missing flag as "1". Times are read and written as UTC.
//   - Coded demographic values are lookup keys: a three-letter table and a
//     three-digit entry, 000 meaning "not recorded" (RNK000, ACC000, EPI000).
//     SEX001 male and SEX002 female are proven by the two sample patients;
//     SEX000 unknown and SEX003 indeterminate (→ other) are inferred. REG002
//     (the sample's permanently registered patient) is proven; the other
//     REG keys follow the order of Vision's registration statuses: REG001
//     applied and REG002 permanent → R, REG003 temporary resident → T,
//     REG004 emergency → E, REG005 immediately necessary → IN, REG006
//     private → P, REG007 walk-in → S, REG008 specific care only → O.
//     Unknown keys decode as unknown, not as errors.
//   - Unset links are "0" (organisa="0", pref_pharm="0") and read as none.
//   - read_code is the five-character Read v2 code plus a two-character
//     term code (912..00, G2...00); category is the record section
//     (SED001..SED006; SED006 holds administrative entries such as
//     912..00 "Registration"); episode is EPI00n.
//   - entity_ty names the structured-data table a journal row comes from;
//     EntityType lists those in the sample with their own attributes.
//
// How record fields map:
//
//   - Patient.ID is header pat_id (and patient entity_id, clinical master_id).
//   - NHSNumber is newnhsno, else nhs_no (both written); it must pass the
//     modulus 11 check. NHSNumberStatus is our nhsno_stat; when absent a
//     held number decodes as "01".
//   - Name (official): title → Prefix, forename1, forename2 and othforenam
//     (space separated) → Given, surname → Family. OtherNames: prev_name →
//     an "old" name, birthsname → a "maiden" name, family names only.
//   - BirthDate is dob/_dob, Gender is sex, Deceased is our dod/_dod (the
//     bulk extract's DATE_OF_DEATH).
//   - The one address: address_1 (house name or flat), address_2 (number
//     and street), address_3 (village), address_4 (town, → City),
//     address_5 (county, → District) from the bulk extract's Patient table,
//     plus the sample's postcode; use "home". Lines beyond three are joined
//     into address_3. Other addresses have no place and are not written.
//   - Telecom: phone_number (home) and email (the bulk extract's columns),
//     cell (mobile; the sample's own column) and our work_phone. One of
//     each; other contact points are not written.
//   - Contacts are our <contact/> rows after the patient row, with the
//     patient row's name, sex, address and telecom attributes plus master_id
//     and relation (free text, as GP Connect sends it).
//   - Communication: language holds the CareConnect-HumanLanguage-1 code of
//     the main language (so Preferred is true whenever one is held); our
//     interpret="1" means an interpreter is needed.
//   - Registration: reg_status → Type; accept (else applied) → Period.Start,
//     both written; our removed/_removed (REMOVED_DATE) → Period.End;
//     deduct="1" means no longer active; prac_id → OrganisationID;
//     usual_gp (else reg_gp) → UsualGPID, a staff id; surgery (the bulk
//     extract's SURGERY) → PreferredBranchID, a site id.
//   - Consent is a journal row: read_code 9Nd1.00 (no consent for electronic
//     record sharing) or 9Nd7.00 (consent given), or our snomed_code
//     416308001 / 425691002. The latest dated one wins. The encoder writes a
//     single entity_ty 63, category SED006 row dated by LastModified.
//   - RecordInTransit is our in_transit="1". LastModified is the patient
//     row's sysdate (header created is written with the same value).
//
// Journal rows are parsed into ClinicalRow (so a malformed one fails the
// decode) but not yet mapped into record.ClinicalRecord.
//
// # The practice directory (practice.xml) — our shape, not Vision's
//
// A Vision export holds no staff or practice directory, so practice.xml is
// our own design in the export's style (attributes only, lower-cased column
// names), modelled on the Vision bulk extract's Practice table (ID, NAME,
// IDENTIFIER, ADDRESS_1..5, POSTCODE, PHONE, EMAIL, FAX) and Staff table
// (ID, TITLE, FORENAME, SURNAME, SEX, SERVICE_ID):
//
//	<directory created prac_id>
//	  <practice id name identifier org_type parent_id address_1..5 postcode
//	            phone email fax sysdate/>          the practice: exactly one
//	  <organisation .../>*                          others it refers to
//	  <site id name identifier status service_id address_1..5 postcode
//	        phone email fax sysdate/>*              Locations
//	  <staff id title forename1 forename2 othforenam surname sex sds_id
//	         sds_roles login_id phone email sysdate/>*
//	  <staff_role id staff_id service_id role_code role_term/>*
//	</directory>
//
// identifier is the ODS code, service_id the owning organisation's id, sex a
// SEX key, sds_roles space-separated role profile ids, and role_code and
// role_term the SDS job role (R0260 "General Medical Practitioner") in place
// of the bulk extract's local HCP_TYPE. Organisation and site telecom is all
// "work" use; addresses are "work" use. A practice row with no org_type is a
// "gp-practice". created is Practice.LastModified.
package vision
