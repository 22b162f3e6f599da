package generate

import "im1fhir/record"

// The code table: every clinical code the generator writes, as GP systems
// hold it. Each concept has its SNOMED CT concept id with the UK preferred
// term; Read v2 and CTV3 codes are added only where the pairing is certain,
// because a wrong legacy code would be worse than none (the supplier
// mappings fall back to SNOMED).
//
// Where each code comes from (so a reviewer can check it):
//   - [emis-gpc] the two EMIS Web GP Connect structured records in
//     /work/shared/samples/gpconnect-emis (real supplier output, the SNOMED
//     id and display copied exactly);
//   - [vision] /work/shared/samples/vision/vision-export.xml (real Vision
//     export: Read v2 read_code + read_term);
//   - [tpp] /work/shared/samples/tpp/GetPatientRecord-response.xml (real
//     SystmOne response: CTV3 codes and terms);
//   - [dmd] the NHSBSA dm+d extract in /work/shared/samples/dmd (VMP ids);
//   - [uk] well-known UK primary-care codes (QOF/OpenSAFELY code lists,
//     NHS EPS and GP Connect examples), cross-checked against public code.
//
// Read v2 codings keep the 5-character code in Code and the 2-character
// term code in DescriptionID ("G20.." + "00" is the 7-character Vision
// read_code "G20..00"): the term code picks the rubric, as a SNOMED
// description id does.

// SDS job roles (CareConnect-SDSJobRoleName-1).
const sdsJobRoleSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"

var (
	jobRoleGP         = record.Code{System: sdsJobRoleSystem, Code: "R0260", Display: "General Medical Practitioner"}
	jobRoleSalariedGP = record.Code{System: sdsJobRoleSystem, Code: "R0270", Display: "Salaried General Practitioner"}
	jobRoleNurse      = record.Code{System: sdsJobRoleSystem, Code: "R0690", Display: "Practice Nurse"}
)

// Human languages (CareConnect-HumanLanguage-1, ISO 639-1 codes).
const humanLanguageSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1"

// concept is one clinical concept with the codings a GP system may hold.
type concept struct {
	snomed, term string
	// read2 is the 5-character Read v2 code, read2TermCode its 2-character
	// term code and read2Term the rubric.
	read2, read2TermCode, read2Term string
	ctv3, ctv3Term                  string
}

// coded returns the record form: SNOMED first, then the legacy codings.
func (c concept) coded() record.Concept {
	cs := make([]record.Code, 0, 3)
	cs = append(cs, record.Code{System: record.SystemSNOMED, Code: c.snomed, Display: c.term})
	if c.read2 != "" {
		cs = append(cs, record.Code{System: record.SystemReadV2, Code: c.read2, Display: c.read2Term, DescriptionID: c.read2TermCode})
	}
	if c.ctv3 != "" {
		cs = append(cs, record.Code{System: record.SystemCTV3, Code: c.ctv3, Display: c.ctv3Term})
	}
	return record.Concept{Codings: cs}
}

// snomedOnly is for components and qualifiers, which GP systems code in
// SNOMED alone.
func snomedOnly(id, term string) concept { return concept{snomed: id, term: term} }

// Conditions (problems and diagnoses).
var (
	// [uk] G20.. is the Read v2 essential hypertension code used in QOF.
	condEssentialHypertension = concept{snomed: "59621000", term: "Essential hypertension",
		read2: "G20..", read2TermCode: "00", read2Term: "Essential hypertension"}
	// [vision] G2...00 "Hypertensive disease"; [tpp] XE0Ub "Hypertension".
	condHypertension = concept{snomed: "38341003", term: "Hypertensive disorder, systemic arterial",
		read2: "G2...", read2TermCode: "00", read2Term: "Hypertensive disease",
		ctv3: "XE0Ub", ctv3Term: "Hypertension"}
	// [uk] C10F. (Read v2) and X40J5 (CTV3) are the QOF type 2 diabetes codes.
	condType2Diabetes = concept{snomed: "44054006", term: "Type 2 diabetes mellitus",
		read2: "C10F.", read2TermCode: "00", read2Term: "Type 2 diabetes mellitus",
		ctv3: "X40J5", ctv3Term: "Non-insulin dependent diabetes mellitus"}
	// [uk] H33.. asthma in both Read v2 and CTV3.
	condAsthma = concept{snomed: "195967001", term: "Asthma",
		read2: "H33..", read2TermCode: "00", read2Term: "Asthma",
		ctv3: "H33..", ctv3Term: "Asthma"}
	// [uk] H3... chronic obstructive pulmonary disease.
	condCOPD = concept{snomed: "13645005", term: "Chronic obstructive lung disease",
		read2: "H3...", read2TermCode: "00", read2Term: "Chronic obstructive pulmonary disease"}
	// [uk] E2B.. depressive disorder NEC.
	condDepression = concept{snomed: "35489007", term: "Depressive disorder",
		read2: "E2B..", read2TermCode: "00", read2Term: "Depressive disorder NEC"}
	// [uk] G5730 atrial fibrillation.
	condAtrialFibrillation = concept{snomed: "49436004", term: "Atrial fibrillation",
		read2: "G5730", read2TermCode: "00", read2Term: "Atrial fibrillation"}
	// [tpp] X3003 "Gastro-oesophageal reflux disease".
	condGORD = concept{snomed: "235595009", term: "Gastro-oesophageal reflux disease",
		ctv3: "X3003", ctv3Term: "Gastro-oesophageal reflux disease"}
	// [vision] 16C5.00 "C/O - low back pain".
	condLowBackPain = concept{snomed: "279039007", term: "Low back pain",
		read2: "16C5.", read2TermCode: "00", read2Term: "C/O - low back pain"}
	// [vision] N143.00 "Sciatica".
	condSciatica = concept{snomed: "23056005", term: "Sciatica",
		read2: "N143.", read2TermCode: "00", read2Term: "Sciatica"}
	// [emis-gpc] 32398004 "Bronchitis".
	condBronchitis = snomedOnly("32398004", "Bronchitis")
	// [uk] H03.. acute tonsillitis.
	condTonsillitis = concept{snomed: "17741008", term: "Acute tonsillitis",
		read2: "H03..", read2TermCode: "00", read2Term: "Acute tonsillitis"}
	// [uk] K190. urinary tract infection, site not specified.
	condUTI = concept{snomed: "68566005", term: "Urinary tract infectious disease",
		read2: "K190.", read2TermCode: "00", read2Term: "Urinary tract infection, site not specified"}
	// [uk]
	condURTI = snomedOnly("54150009", "Upper respiratory infection")
	// [emis-gpc]
	condDizzinessOnStanding = snomedOnly("407645004", "Dizziness on standing up")
	// [uk]
	condOsteoarthritisKnee = snomedOnly("239873007", "Osteoarthritis of knee")
)

// Observations and findings.
var (
	// [emis-gpc] 163020007; [vision] 246..00.
	obsBloodPressure = concept{snomed: "163020007", term: "O/E - blood pressure reading",
		read2: "246..", read2TermCode: "00", read2Term: "O/E - blood pressure reading"}
	// [emis-gpc] components of the BP battery.
	obsSystolic  = concept{snomed: "72313002", term: "Systolic arterial pressure", read2: "2469.", read2TermCode: "00", read2Term: "O/E - Systolic BP reading"}
	obsDiastolic = concept{snomed: "1091811000000102", term: "Diastolic arterial pressure", read2: "246A.", read2TermCode: "00", read2Term: "O/E - Diastolic BP reading"}
	// [vision] 22A..00, 229..00, 22K..00 (CTV3 kept the same codes).
	obsWeight = concept{snomed: "27113001", term: "Body weight",
		read2: "22A..", read2TermCode: "00", read2Term: "O/E - weight", ctv3: "22A..", ctv3Term: "O/E - weight"}
	obsHeight = concept{snomed: "50373000", term: "Body height measure",
		read2: "229..", read2TermCode: "00", read2Term: "O/E - height", ctv3: "229..", ctv3Term: "O/E - height"}
	obsBMI = concept{snomed: "60621009", term: "Body mass index",
		read2: "22K..", read2TermCode: "00", read2Term: "Body Mass Index", ctv3: "22K..", ctv3Term: "Body Mass Index"}
	// Smoking status: [vision] 137L.00; [uk] 1371., 137S., 137R.
	obsNeverSmoked     = concept{snomed: "266919005", term: "Never smoked tobacco", read2: "1371.", read2TermCode: "00", read2Term: "Never smoked tobacco"}
	obsCurrentNonSmoke = concept{snomed: "160618006", term: "Current non-smoker", read2: "137L.", read2TermCode: "00", read2Term: "Current non-smoker"}
	obsExSmoker        = concept{snomed: "8517006", term: "Ex-smoker", read2: "137S.", read2TermCode: "00", read2Term: "Ex smoker"}
	obsSmoker          = concept{snomed: "77176002", term: "Smoker", read2: "137R.", read2TermCode: "00", read2Term: "Current smoker"}
	// Laboratory results [uk] (QOF / OpenSAFELY code lists).
	obsCholesterol = concept{snomed: "1005671000000105", term: "Serum cholesterol level", read2: "44P..", read2TermCode: "00", read2Term: "Serum cholesterol"}
	obsHbA1c       = concept{snomed: "999791000000106", term: "Haemoglobin A1c level - International Federation of Clinical Chemistry and Laboratory Medicine standardised",
		read2: "42W5.", read2TermCode: "00", read2Term: "Haemoglobin A1c level - IFCC standardised"}
	obsCreatinine = concept{snomed: "1000731000000107", term: "Serum creatinine level", read2: "44J3.", read2TermCode: "00", read2Term: "Serum creatinine"}
	// Full blood count battery [uk] 26604007 / 424..; results [emis-gpc].
	obsFBC          = concept{snomed: "26604007", term: "Full blood count", read2: "424..", read2TermCode: "00", read2Term: "Full blood count - FBC"}
	obsWhiteCells   = snomedOnly("1022541000000102", "Total white cell count")
	obsNeutrophils  = snomedOnly("1022551000000104", "Neutrophil count")
	obsLymphocytes  = snomedOnly("1022581000000105", "Lymphocyte count")
	obsBasophils    = snomedOnly("1022571000000108", "Basophil count")
	obsMCV          = snomedOnly("1022491000000107", "MCV - Mean corpuscular volume")
	obsMCH          = snomedOnly("1022471000000107", "MCH - Mean corpuscular haemoglobin")
	obsHaematocrit  = snomedOnly("1022291000000105", "Haematocrit")
	obsPlasmaViscos = snomedOnly("1022501000000100", "Plasma viscosity")
	// Examination and history findings [emis-gpc].
	obsHeartSoundsNormal  = snomedOnly("163074001", "O/E - heart sounds normal")
	obsBreathSoundsNormal = snomedOnly("162950006", "O/E - breath sounds normal")
	obsTiredAllTheTime    = snomedOnly("267032009", "Tired all the time")
	obsMalaise            = snomedOnly("367391008", "Malaise")
	obsCommentNote        = snomedOnly("37331000000100", "Comment note")
	// [uk] 182836005 with [vision] 8B3S.00 "Medication review".
	obsMedicationReview = concept{snomed: "182836005", term: "Review of medication", read2: "8B3S.", read2TermCode: "00", read2Term: "Medication review"}
	// [uk] GP Connect's own "no known allergies" concept.
	obsNoKnownAllergy = snomedOnly("716186003", "No known allergy")
)

// Specimens [uk].
var (
	specimenBlood = snomedOnly("119297000", "Blood specimen")
	specimenUrine = snomedOnly("122575003", "Urine specimen")
)

// allergen is an allergy concept with its GP Connect category.
type allergen struct {
	concept
	category string // "medication" or "environment"
}

// Allergies and adverse reactions: all [emis-gpc] except peanuts [uk].
var allergens = []allergen{
	{snomedOnly("292954005", "Penicillin adverse reaction"), "medication"},
	{snomedOnly("292967008", "Amoxycillin adverse reaction"), "medication"},
	{snomedOnly("292939004", "Trimethoprim adverse reaction"), "medication"},
	{snomedOnly("293433001", "Adverse reaction caused by simvastatin"), "medication"},
	{snomedOnly("91931000", "Allergy to erythromycin"), "medication"},
	{snomedOnly("91930004", "Allergy to eggs"), "environment"},
	{snomedOnly("300916003", "Latex allergy"), "environment"},
	{snomedOnly("300909004", "Allergic reaction to wasp sting"), "environment"},
	{snomedOnly("91935009", "Allergy to peanuts"), "environment"},
}

// Reaction manifestations [uk].
var manifestations = []concept{
	snomedOnly("126485001", "Urticaria"),
	snomedOnly("271807003", "Eruption of skin"),
	snomedOnly("422587007", "Nausea"),
	snomedOnly("41291007", "Angioedema"),
	snomedOnly("39579001", "Anaphylaxis"),
}

// Immunisations (the procedure codes GP systems record).
var (
	// [emis-gpc] 86198006; [vision] 65E..00.
	immFlu = concept{snomed: "86198006", term: "Influenza vaccination", read2: "65E..", read2TermCode: "00", read2Term: "Influenza vaccination"}
	// [uk] 12866006; [vision] 6572.00.
	immPneumococcal = concept{snomed: "12866006", term: "Pneumococcal vaccination", read2: "6572.", read2TermCode: "00", read2Term: "Pneumococcal vaccination"}
	// [uk] the national COVID-19 vaccination procedure codes.
	immCovid1 = snomedOnly("1324681000000101", "Administration of first dose of SARS-CoV-2 (severe acute respiratory syndrome coronavirus 2) vaccine")
	immCovid2 = snomedOnly("1324691000000104", "Administration of second dose of SARS-CoV-2 (severe acute respiratory syndrome coronavirus 2) vaccine")

	siteLeftUpperArm = snomedOnly("368208006", "Left upper arm structure")
	routeIM          = snomedOnly("78421000", "Intramuscular route")
)

// Referrals: [emis-gpc] 183444007; [uk] the others.
var (
	refFurtherCare = snomedOnly("183444007", "Referral for further care")
	refCardiology  = snomedOnly("183519002", "Referral to cardiology service")
	refService     = snomedOnly("306206005", "Referral to service")
)

// drug is a dm+d virtual medicinal product with a typical GP prescription.
type drug struct {
	dmd, name string
	dosage    string
	quantity  float64
	unit      string
	days      int
}

func (d drug) coded() record.Concept {
	return record.Concept{Codings: []record.Code{{System: record.SystemSNOMED, Code: d.dmd, Display: d.name}}}
}

// Drugs: dm+d VMP ids (dm+d ids are SNOMED CT ids: GP Connect carries them
// in http://snomed.info/sct). Sources: [emis-gpc] for bendroflumethiazide,
// ciprofloxacin, fluvoxamine and levocetirizine; [dmd] for co-amilofruse;
// [uk] (NHS EPS and dm+d browser) for the rest.
var (
	drugParacetamol       = drug{"322236009", "Paracetamol 500mg tablets", "Two tablets up to four times a day when required", 100, "tablet", 25}
	drugAmoxicillin       = drug{"323509004", "Amoxicillin 250mg capsules", "One capsule three times a day", 21, "capsule", 7}
	drugAmlodipine        = drug{"319283006", "Amlodipine 5mg tablets", "One tablet once a day", 28, "tablet", 28}
	drugSimvastatin       = drug{"320000009", "Simvastatin 40mg tablets", "One tablet at night", 28, "tablet", 28}
	drugMetformin         = drug{"325278007", "Metformin 500mg tablets", "One tablet twice a day with meals", 56, "tablet", 28}
	drugSalbutamol        = drug{"39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free", "Two puffs when required", 200, "dose", 30}
	drugBendroflumethiaz  = drug{"317919004", "Bendroflumethiazide 2.5mg tablets", "One tablet each morning", 28, "tablet", 28}
	drugCiprofloxacin     = drug{"324607004", "Ciprofloxacin 250mg tablets", "One tablet twice a day", 6, "tablet", 3}
	drugFluvoxamine       = drug{"321945000", "Fluvoxamine 50mg tablets", "One tablet at night", 28, "tablet", 28}
	drugLevocetirizine    = drug{"408616003", "Levocetirizine 5mg tablets", "One tablet once a day", 30, "tablet", 30}
	drugCoAmilofruse      = drug{"318136009", "Co-amilofruse 5mg/40mg tablets", "One tablet each morning", 28, "tablet", 28}
	drugCoAmilofruseLower = drug{"318135008", "Co-amilofruse 2.5mg/20mg tablets", "One tablet each morning", 28, "tablet", 28}
)
