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
// # The clinical record
//
// Every <clinical/> row is a journal entry; entity_ty says which kind.
// What every row shares: identity → Item.ID, eventdate/_eventdate →
// Effective (precision kept), clinician → AuthorID, operat_id →
// RecorderID (0 is none), sysdate → LastModified, private="1" →
// Confidential, consult_id → ConsultationID; ours: recorded → Recorded,
// record_org → OrganisationID, comment → Note, problem_id → ProblemIDs
// (space separated). The row's coded value: read_code (5-character Read v2
// code + 2-character term code) → Code{System: SystemReadV2, Code: the 5
// characters, DescriptionID: the term code, Display: read_term}; ours:
// snomed_code/snomed_term/snomed_desc → the SNOMED coding with its
// description id, ctv3_code/ctv3_term → CTV3, rubric → Concept.Text (a
// read_term with no read_code also reads as the text). Coded values with no
// columns of their own (a referral's reason and service, an immunisation's
// vaccine codings, reason codings, site and route, an allergy's reaction,
// a consultation heading's code) are our <coding row slot system code
// display version desc_id text/> rows after the journal, keyed by the
// owning row's identity; they hold a concept exactly.
//
// By entity type:
//
//   - 63 general and 81 diagnosis: a problem when priority is 1 (major; the
//     sample's "Hypertensive disease" problem) or 2 (minor, ours), with
//     status, start_date (default eventdate), end_date, parent_id (parent
//     problem) and links (related item identities); else an observation.
//     A general entry coded SNOMED 716186003 is NoKnownAllergies; one coded
//     as record-sharing consent is the patient's Consent, not an entry.
//   - Observations carry ours value1/value1_units/value1_op (the bulk
//     extract's VALUE1 columns), range_low/range_high/range_text (in the
//     value's unit), interp and text (ValueText; the sample's BMI row
//     holds its value there). Measurement rows hold the value in their own
//     columns: 56 systolic/diastolic → the BP pair as components (SNOMED
//     72313002 / 1091811000000102 with Read 2469. / 246A., mmHg); 79
//     weightkg → kg, and its bmi → a second observation, id + "-bmi", Read
//     22K..00, kg/m2; 80 heightcm → metres (the sample writes 1.52); 65
//     cigarettes → cigarettes/day; 66 units → units/week; other types
//     (cytology, diet, medication review, ...) are coded observations. The
//     encoder writes 56, 79 or 80 only for an observation of exactly that
//     shape, else 63.
//   - 40 repeat template → a Medication course: drugname, drug_code (the
//     Vision/Multilex drug code → SystemMultilex; ZZZZZZZZ, Vision's
//     "converted drug", is none and the name becomes the drug's text) and
//     the row's coded value (Read drug code, our SNOMED dm+d code) →
//     Drug; dosage; quantity and packsize (its unit) → Quantity, ours
//     quant_text when it is not the two together; repeat_ty (R repeat,
//     ours A acute, D repeat dispensing); status (default active, or
//     stopped when inactive="1"); reasontxt → StopReason; max_issues →
//     AuthorisedIssues; start_date/until_date → Period. 39 issue rows are
//     its MedicationIssues: eventdate → Issued, clinician (else sign_gp),
//     quantity, numberdays → DurationDays, linked by repeat_id, numbered by
//     issue_no. The encoder writes every course as a template (acute ones
//     too) followed by its issues. The real export does not link issues:
//     an acute issue (issue_ty A) becomes a course of its own; repeat
//     issues (I) are split into runs where issue_no restarts, per drug, and
//     a template takes the first run of its drug_code on or after its date
//     (the sample's Irbesartan template: 11 of 15 issues); other runs
//     become repeat courses. Rebuilt courses have the first issue's
//     identity + "-course", status completed.
//   - 91 immunisation: status IMM001 given / IMM002 (ours) not given →
//     NotGiven; stage → Dose; batch; compound (else immstype, e.g. FLU) →
//     Vaccine.Text; reasontxt → Reason.Text; ours imm_status → Status when
//     not "completed".
//   - 59 referral: status; urgency URG001 routine / URG002 urgent / URG003
//     asap (ours; URG000 none); organisa → RecipientID (0 none); ours
//     org_name → Recipient; base_type RFL001 written.
//   - Test results (204, 215, 216): a row with no parent_id (or
//     summary_id) is a report of one result (the report takes the row's
//     identity, the result identity + "-result"). Ours: 901 report (status,
//     issued, filed), 902 request, 903 specimen (comment → Note), 904 test
//     group, each with parent_id the report; result rows have parent_id
//     their group or report.
//   - Ours: 900 allergy (allergy_ty category, status, end_date, reasontxt
//     end reason, severity and reac_note of the first reaction), 905 diary
//     entry (due_date, status), 906 document (title, mime_type, doc_size,
//     doc_url).
//
// Consultations: Vision files each row under consult_id, a topic number
// (topic) and a record section (category; the sample suggests SED001
// History, SED002 Examination, SED003 Diagnosis, SED004 Plan, SED005
// Follow-up, SED006 Administration). With no <consultation/> rows (a real
// export) each consult_id whose rows made an entry becomes a Consultation
// dated and authored by its first entry, a topic per topic number, a
// heading per section, items in file order. Files we write carry ours
// <consultation/> rows (the journal's columns plus cons_type → Type,
// location → LocationID, start_date/end_date → Period) and <heading
// consult_id topic topic_name problem_id heading category head_name
// links/> rows giving the exact topic and heading structure; item rows
// still carry their topic and category.
//
// What the format cannot hold (pinned by TestClinicalLossyFields): code
// versions, systems other than SNOMED, Read v2, CTV3 (and Multilex on
// drugs), a second coding of one system, and the order of codings (they
// come back SNOMED, Read v2, CTV3); a Read term code beside a code that is
// not five characters; a course's own Item.Code; quantity comparators on
// medications; a quantity text left empty beside a quantity; reactions
// after the first; observation components other than the BP pair; range
// bounds in a unit other than the value's; an empty Range; unset problem
// status and significance, medication status and immunisation status,
// which read back as the defaults above; a referral priority other than
// routine, urgent, asap; a zero Period.Start beside an effective date;
// ids "0" (Vision's none) and ids with white space (the encoder refuses
// those, and courses, reports and test groups without ids); consultation
// ids of items in a record that has no consultations. Decoding refuses
// rows that would make links ambiguous (two templates, reports, test
// groups or consultations with one identity).
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
