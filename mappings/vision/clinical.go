package vision

import "encoding/xml"

// EntityType is a clinical row's entity_ty: which Vision table (structured
// data area) the row comes from, and so which type-specific attributes it
// carries. Names are inferred from the rows of that type in the real export.
type EntityType string

// Entity types seen in the real export (count of rows in brackets).
const (
	EntityMedicationIssue EntityType = "39"  // a prescription issued (79): drug_code, name, dosage, quantity, issue_ty
	EntityRepeatTemplate  EntityType = "40"  // a repeat authorisation (2): drugname, max_issues, num_issues, until_date, repeat_ty
	EntityBloodPressure   EntityType = "56"  // (6) systolic, diastolic, laterality, posture, cuff
	EntityReferral        EntityType = "59"  // (18) base_type=RFL001, urgency, nhsspec, organisa, ubrn
	EntityGeneral         EntityType = "63"  // a coded entry with no structured data (115)
	EntityCytology        EntityType = "64"  // cervical cytology (9): adequate, exclu_targ, exclu_reas, read_code2
	EntitySmoking         EntityType = "65"  // (5) smoker, cigarettes
	EntityAlcohol         EntityType = "66"  // (1) drinker, units
	EntityHealthEducation EntityType = "71"  // (1)
	EntityWeight          EntityType = "79"  // (1) weightkg, bmi, centile
	EntityHeight          EntityType = "80"  // (1) heightcm (metres, despite the name: "1.52"), centile
	EntityDiagnosis       EntityType = "81"  // (1) e.g. G2...00 hypertensive disease
	EntityImmunisation    EntityType = "91"  // (6) immstype, status (IMM001), stage, method, site, batch, reason
	EntityTestResult      EntityType = "204" // (1; also 215, 216) num_result, operator, qualifier, measure, norm_rnge
	EntityDiet            EntityType = "283" // (1) diet_type, vegetarian
	EntityExercise        EntityType = "284" // (1) ecer_type
	EntityMonitoring      EntityType = "332" // (1)
	EntityMedReview       EntityType = "656" // medication review (3): review_dat, next_revie, due_date, clinician2
	EntityScanResult      EntityType = "215" // (1) an imaging result, with the test-result attributes
	EntityScanResult2     EntityType = "216" // (1) as 215
)

// Entity types of ours, for clinical areas the sample holds no rows of. The
// 900 range is far from the types the real export uses (see doc.go).
const (
	EntityAllergy     EntityType = "900" // allergy_ty, status, end_date, reasontxt, severity, reac_note
	EntityReport      EntityType = "901" // an investigation report: status, issued, filed
	EntityTestRequest EntityType = "902" // the request behind a report (parent_id)
	EntitySpecimen    EntityType = "903" // a specimen of a report (parent_id)
	EntityTestGroup   EntityType = "904" // a battery of results of a report (parent_id)
	EntityDiary       EntityType = "905" // a recall or reminder: due_date, status
	EntityDocument    EntityType = "906" // an attached document: title, mime_type, doc_size, doc_url
)

// ClinicalRow is one <clinical/> row: Vision's journal. The common
// attributes come first, then each entity type's own, all kept as the text
// Vision wrote (coded values are lookup keys such as SED004, EPI000, IMM001,
// RFL001, DRG005). Other keeps any attribute not declared here.
type ClinicalRow struct {
	Identity   string     `xml:"identity,attr,omitempty"`
	PracID     string     `xml:"prac_id,attr,omitempty"`
	AuditFlag  string     `xml:"auditflag,attr,omitempty"`
	AuditSeq   string     `xml:"auditseq,attr,omitempty"`
	Audited    string     `xml:"audited,attr,omitempty"`
	OperatID   string     `xml:"operat_id,attr,omitempty"`
	SysDate    string     `xml:"sysdate,attr,omitempty"`
	EntityTy   EntityType `xml:"entity_ty,attr,omitempty"`
	EntityID   string     `xml:"entity_id,attr,omitempty"`
	Inactive   string     `xml:"inactive,attr,omitempty"`
	MasterID   string     `xml:"master_id,attr,omitempty"` // the patient (header pat_id)
	ConsultID  string     `xml:"consult_id,attr,omitempty"`
	Topic      string     `xml:"topic,attr,omitempty"`
	Category   string     `xml:"category,attr,omitempty"` // SED00n record section
	Clinician  string     `xml:"clinician,attr,omitempty"`
	EventDate  string     `xml:"eventdate,attr,omitempty"`
	EventDateF string     `xml:"_eventdate,attr,omitempty"`
	InPractice string     `xml:"inpractice,attr,omitempty"`
	Private    string     `xml:"private,attr,omitempty"`
	IOSClaim   string     `xml:"iosclaim,attr,omitempty"`
	IOSID      string     `xml:"ios_id,attr,omitempty"`
	RecallID   string     `xml:"recall_id,attr,omitempty"`
	ReadCode   string     `xml:"read_code,attr,omitempty"` // Read v2 code + 2-char term code, e.g. 912..00
	ReadTerm   string     `xml:"read_term,attr,omitempty"`
	Priority   string     `xml:"priority,attr,omitempty"`
	Episode    string     `xml:"episode,attr,omitempty"` // EPI00n episodicity
	Text       string     `xml:"text,attr,omitempty"`
	ReadCode2  string     `xml:"read_code2,attr,omitempty"`
	Source     string     `xml:"source,attr,omitempty"`
	// SnomedCode is ours (the bulk extract's Journal SNOMED_CODE column):
	// Vision 3 exports carry Read v2 only.
	SnomedCode string `xml:"snomed_code,attr,omitempty"`

	// Ours, common to every clinical row (see doc.go).
	SnomedTerm string `xml:"snomed_term,attr,omitempty"`
	SnomedDesc string `xml:"snomed_desc,attr,omitempty"` // SNOMED description id
	CTV3Code   string `xml:"ctv3_code,attr,omitempty"`
	CTV3Term   string `xml:"ctv3_term,attr,omitempty"`
	Rubric     string `xml:"rubric,attr,omitempty"` // the concept's own text
	Recorded   string `xml:"recorded,attr,omitempty"`
	RecordOrg  string `xml:"record_org,attr,omitempty"`
	Comment    string `xml:"comment,attr,omitempty"`
	ProblemID  string `xml:"problem_id,attr,omitempty"` // space-separated problem identities
	Links      string `xml:"links,attr,omitempty"`      // a problem's related items, space separated
	StartDate  string `xml:"start_date,attr,omitempty"`
	StartDateF string `xml:"_start_date,attr,omitempty"`
	EndDate    string `xml:"end_date,attr,omitempty"`
	EndDateF   string `xml:"_end_date,attr,omitempty"`
	// Ours: an observation's value, reference range and interpretation
	// (the bulk extract's VALUE1 and VALUE1_UNITS columns, lower-cased).
	Value1      string `xml:"value1,attr,omitempty"`
	Value1Units string `xml:"value1_units,attr,omitempty"`
	Value1Op    string `xml:"value1_op,attr,omitempty"`
	RangeLow    string `xml:"range_low,attr,omitempty"`
	RangeHigh   string `xml:"range_high,attr,omitempty"`
	RangeText   string `xml:"range_text,attr,omitempty"`
	Interp      string `xml:"interp,attr,omitempty"`
	// Ours: medication, allergy, immunisation, referral, report, document
	// and consultation columns.
	QuantText string `xml:"quant_text,attr,omitempty"`
	AllergyTy string `xml:"allergy_ty,attr,omitempty"`
	Severity  string `xml:"severity,attr,omitempty"`
	ReacNote  string `xml:"reac_note,attr,omitempty"`
	ImmStatus string `xml:"imm_status,attr,omitempty"`
	OrgName   string `xml:"org_name,attr,omitempty"`
	Issued    string `xml:"issued,attr,omitempty"`
	Filed     string `xml:"filed,attr,omitempty"`
	Title     string `xml:"title,attr,omitempty"`
	MimeType  string `xml:"mime_type,attr,omitempty"`
	DocSize   string `xml:"doc_size,attr,omitempty"`
	DocURL    string `xml:"doc_url,attr,omitempty"`
	ConsType  string `xml:"cons_type,attr,omitempty"`
	Location  string `xml:"location,attr,omitempty"`

	// Cervical cytology (64).
	ExcluTarg string `xml:"exclu_targ,attr,omitempty"`
	ExcluReas string `xml:"exclu_reas,attr,omitempty"`
	Adequate  string `xml:"adequate,attr,omitempty"`
	// Smoking (65) and alcohol (66).
	Smoker     string `xml:"smoker,attr,omitempty"`
	Cigarettes string `xml:"cigarettes,attr,omitempty"`
	Drinker    string `xml:"drinker,attr,omitempty"`
	Units      string `xml:"units,attr,omitempty"`
	// Weight (79) and height (80).
	Centile  string `xml:"centile,attr,omitempty"`
	WeightKg string `xml:"weightkg,attr,omitempty"`
	BMI      string `xml:"bmi,attr,omitempty"`
	HeightCm string `xml:"heightcm,attr,omitempty"`
	// Blood pressure (56).
	Diastolic  string `xml:"diastolic,attr,omitempty"`
	Systolic   string `xml:"systolic,attr,omitempty"`
	Laterality string `xml:"laterality,attr,omitempty"`
	Posture    string `xml:"posture,attr,omitempty"`
	Cuff       string `xml:"cuff,attr,omitempty"`
	// Diet (283) and exercise (284).
	DietType   string `xml:"diet_type,attr,omitempty"`
	Vegetarian string `xml:"vegetarian,attr,omitempty"`
	EcerType   string `xml:"ecer_type,attr,omitempty"`
	// Medication review (656).
	DueDate    string `xml:"due_date,attr,omitempty"`
	DueDateF   string `xml:"_due_date,attr,omitempty"`
	Clinician2 string `xml:"clinician2,attr,omitempty"`
	ReviewDat  string `xml:"review_dat,attr,omitempty"`
	ReviewDatF string `xml:"_review_dat,attr,omitempty"`
	NextRevie  string `xml:"next_revie,attr,omitempty"`
	NextRevieF string `xml:"_next_revie,attr,omitempty"`
	// Immunisation (91).
	Stage     string `xml:"stage,attr,omitempty"`
	Site      string `xml:"site,attr,omitempty"`
	Method    string `xml:"method,attr,omitempty"`
	ImmsType  string `xml:"immstype,attr,omitempty"`
	Status    string `xml:"status,attr,omitempty"` // IMM00n for immunisations; referral status
	Compound  string `xml:"compound,attr,omitempty"`
	Batch     string `xml:"batch,attr,omitempty"`
	Reason    string `xml:"reason,attr,omitempty"`
	ReasonTxt string `xml:"reasontxt,attr,omitempty"`
	// Referral (59).
	Organisa   string `xml:"organisa,attr,omitempty"`
	Departmnt  string `xml:"departmnt,attr,omitempty"`
	PersonRef  string `xml:"person_ref,attr,omitempty"`
	NHSSpec    string `xml:"nhsspec,attr,omitempty"`
	FHSASpec   string `xml:"fhsaspec,attr,omitempty"`
	Contract   string `xml:"contract,attr,omitempty"`
	Inpatient  string `xml:"inpatient,attr,omitempty"`
	Attendance string `xml:"attendance,attr,omitempty"`
	Urgency    string `xml:"urgency,attr,omitempty"`
	UBRN       string `xml:"ubrn,attr,omitempty"`
	BaseType   string `xml:"base_type,attr,omitempty"`
	// Medication: repeat template (40) and issue (39).
	PrintFP10  string `xml:"print_fp10,attr,omitempty"`
	DrugCode   string `xml:"drug_code,attr,omitempty"`
	TermID     string `xml:"term_id,attr,omitempty"`
	DrugName   string `xml:"drugname,attr,omitempty"`
	Form       string `xml:"form,attr,omitempty"`
	Strength   string `xml:"strength,attr,omitempty"`
	BNFCode    string `xml:"bnf_code,attr,omitempty"`
	PrecribNo  string `xml:"precribno,attr,omitempty"` // sic: the repeat table's spelling
	Dosage     string `xml:"dosage,attr,omitempty"`
	Quantity   string `xml:"quantity,attr,omitempty"`
	DailyQuant string `xml:"dailyquant,attr,omitempty"`
	NumberDays string `xml:"numberdays,attr,omitempty"`
	NumberPack string `xml:"numberpack,attr,omitempty"`
	PackSize   string `xml:"packsize,attr,omitempty"`
	DrugSource string `xml:"drugsource,attr,omitempty"`
	RightFP10  string `xml:"rightfp10,attr,omitempty"`
	PractAdmin string `xml:"practadmin,attr,omitempty"`
	MaxIssues  string `xml:"max_issues,attr,omitempty"`
	UntilDate  string `xml:"until_date,attr,omitempty"`
	UntilDateF string `xml:"_until_date,attr,omitempty"`
	MinDays    string `xml:"min_days,attr,omitempty"`
	Authorise  string `xml:"authorise,attr,omitempty"`
	NumIssues  string `xml:"num_issues,attr,omitempty"`
	RepeatTy   string `xml:"repeat_ty,attr,omitempty"`
	ParentID   string `xml:"parent_id,attr,omitempty"`
	PrintDate  string `xml:"print_date,attr,omitempty"`
	PrintDateF string `xml:"_print_date,attr,omitempty"`
	Name       string `xml:"name,attr,omitempty"` // drug name on an issue
	PrescribNo string `xml:"prescribno,attr,omitempty"`
	PractAdmi  string `xml:"pract_admi,attr,omitempty"`
	Manufact   string `xml:"manufact,attr,omitempty"`
	RepeatID   string `xml:"repeat_id,attr,omitempty"`
	IssueNo    string `xml:"issue_no,attr,omitempty"`
	SignGP     string `xml:"sign_gp,attr,omitempty"`
	IssueTy    string `xml:"issue_ty,attr,omitempty"`
	// Test results (204, 215, 216).
	NumResult string `xml:"num_result,attr,omitempty"`
	Qualifier string `xml:"qualifier,attr,omitempty"`
	Measure   string `xml:"measure,attr,omitempty"`
	Request   string `xml:"request,attr,omitempty"`
	SummaryID string `xml:"summary_id,attr,omitempty"`
	Operator  string `xml:"operator,attr,omitempty"`
	NormRnge  string `xml:"norm_rnge,attr,omitempty"`

	Other []xml.Attr `xml:",any,attr"`
}

// HeadingRow is ours: one heading of a consultation topic, in the order the
// consultation shows them. topic numbers the topic within the consultation
// (the journal rows' own topic attribute); heading numbers the heading
// within the topic, and a row with no heading number records a topic that
// has no headings. links lists the identities of the items filed under the
// heading, space separated, in order.
type HeadingRow struct {
	ConsultID string     `xml:"consult_id,attr,omitempty"`
	Topic     string     `xml:"topic,attr,omitempty"`
	TopicName string     `xml:"topic_name,attr,omitempty"`
	ProblemID string     `xml:"problem_id,attr,omitempty"`
	Heading   string     `xml:"heading,attr,omitempty"`
	Category  string     `xml:"category,attr,omitempty"` // SED00n when the heading is one of the record sections
	HeadName  string     `xml:"head_name,attr,omitempty"`
	Links     string     `xml:"links,attr,omitempty"`
	Other     []xml.Attr `xml:",any,attr"`
}

// CodingRow is ours: one coding (or, with text, the free text) of a coded
// value that has no columns of its own on its row, such as a referral's
// reason or an immunisation's site. row is the owning row's identity and
// slot names the value. Codings are listed in the concept's order.
type CodingRow struct {
	Row     string     `xml:"row,attr,omitempty"`
	Slot    string     `xml:"slot,attr,omitempty"`
	System  string     `xml:"system,attr,omitempty"`
	Code    string     `xml:"code,attr,omitempty"`
	Display string     `xml:"display,attr,omitempty"`
	Version string     `xml:"version,attr,omitempty"`
	DescID  string     `xml:"desc_id,attr,omitempty"`
	Text    string     `xml:"text,attr,omitempty"`
	Other   []xml.Attr `xml:",any,attr"`
}
