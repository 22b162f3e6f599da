package gpconnect

import (
	"math"
	"strconv"
	"strings"
	"time"

	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"

	"im1fhir/record"
)

// This file holds the datatype helpers the structured-record builders share:
// coded concepts, quantities, notes and the clinical extensions.

// Structured-record extensions and code systems (GP Connect 1.6 /
// CareConnect STU3).
const (
	ExtClinicalSetting          = nhsStructureDefinition + "Extension-CareConnect-GPC-ClinicalSetting-1"
	ExtAllergyIntoleranceEnd    = nhsStructureDefinition + "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1"
	ExtAssociatedEncounter      = "http://hl7.org/fhir/StructureDefinition/encounter-associatedEncounter"
	ExtPrescribingAgency        = nhsStructureDefinition + "Extension-CareConnect-GPC-PrescribingAgency-1"
	ExtMedicationLastIssueDate  = nhsStructureDefinition + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1"
	ExtPrescriptionType         = nhsStructureDefinition + "Extension-CareConnect-GPC-PrescriptionType-1"
	ExtMedicationRepeatInfo     = nhsStructureDefinition + "Extension-CareConnect-GPC-MedicationRepeatInformation-1"
	ExtMedicationStatusReason   = nhsStructureDefinition + "Extension-CareConnect-GPC-MedicationStatusReason-1"
	ExtVaccinationProcedure     = nhsStructureDefinition + "Extension-CareConnect-GPC-VaccinationProcedure-1"
	ExtDateRecorded             = hl7ukStructureDefinition + "Extension-CareConnect-DateRecorded-1"
	ExtActualProblem            = hl7ukStructureDefinition + "Extension-CareConnect-ActualProblem-1"
	ExtProblemSignificance      = hl7ukStructureDefinition + "Extension-CareConnect-ProblemSignificance-1"
	ExtRelatedProblemHeader     = hl7ukStructureDefinition + "Extension-CareConnect-RelatedProblemHeader-1"
	ExtRelatedClinicalContent   = hl7ukStructureDefinition + "Extension-CareConnect-RelatedClinicalContent-1"
	CodeSystemPrescribingAgency = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescribingAgency-1"
	CodeSystemPrescriptionType  = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescriptionType-1"
	CodeSystemConditionCategory = "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1"
	CodeSystemSecondaryList     = "https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1"
	CodeSystemParticipantType   = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-ParticipantType-1"
	CodeSystemV3ParticipantType = "http://hl7.org/fhir/v3/ParticipationType"
	CodeSystemListOrder         = "http://hl7.org/fhir/list-order"
	CodeSystemObservationCat    = "http://hl7.org/fhir/observation-category"
	CodeSystemV2Interpretation  = "http://hl7.org/fhir/v2/0078"
	CodeSystemNullFlavor        = "http://hl7.org/fhir/v3/NullFlavor"
	CodeSystemDoseStatus        = "http://hl7.org/fhir/vaccination-protocol-dose-status"
	CodeSystemUCUM              = "http://unitsofmeasure.org"
)

// conceptOptions carries what a coded value needs beyond the record: the
// terminology versions in use (stamped on codings that hold none).
type conceptOptions struct {
	versions map[string]string
}

// codeableConcept renders a record concept as held: every coding in the
// source's order with its system, code and display, the SNOMED description
// id (when the source holds a real one) in the sctdescid extension, and the
// clinician's text. Nil when the concept holds nothing.
//
// Read v2 codes carry their 2-character term code in DescriptionID (the
// sandbox convention); GP Connect suppliers send Read v2 as the 7-character
// code+term ("G20..00"), so the two are joined.
func (o conceptOptions) codeableConcept(c record.Concept) *dpb.CodeableConcept {
	if c.IsZero() {
		return nil
	}
	out := &dpb.CodeableConcept{Text: optStr(c.Text)}
	hasSNOMED := false
	for _, cd := range c.Codings {
		if cd.System == record.SystemSNOMED && cd.Code != "" {
			hasSNOMED = true
		}
	}
	for _, cd := range c.Codings {
		if cd.Code == "" {
			continue
		}
		codeValue := cd.Code
		if cd.System == record.SystemReadV2 && len(cd.Code) == 5 && len(cd.DescriptionID) == 2 {
			codeValue = cd.Code + cd.DescriptionID
		}
		fc := &dpb.Coding{System: optURI(cd.System), Code: code(strings.TrimSpace(codeValue)), Display: optStr(cd.Display)}
		version := cd.Version
		if version == "" {
			version = o.versions[cd.System]
		}
		fc.Version = optStr(version)
		if cd.System == record.SystemSNOMED {
			if isSCTDescriptionID(cd.DescriptionID) {
				fc.Extension = []*dpb.Extension{{
					Url: uri(ExtCodingSCTDescID),
					Extension: []*dpb.Extension{{
						Url:   uri("descriptionId"),
						Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_Id{Id: id(cd.DescriptionID)}},
					}},
				}}
			}
		} else if hasSNOMED {
			// The original code is what the clinician picked; the SNOMED
			// coding was derived from it (EMIS marks it the same way).
			fc.UserSelected = &dpb.Boolean{Value: true}
		}
		out.Coding = append(out.Coding, fc)
	}
	if len(out.Coding) == 0 && out.Text == nil {
		return nil
	}
	return out
}

// isSCTDescriptionID reports whether s is a SNOMED CT description id: 6 to 18
// digits, no leading zero, partition identifier 01 (core) or 11 (extension).
// Read v2 term codes ("00", "11") and concept ids fail it.
func isSCTDescriptionID(s string) bool {
	if len(s) < 6 || len(s) > 18 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	p := s[len(s)-3 : len(s)-1]
	return p == "01" || p == "11"
}

// textConcept is a CodeableConcept holding text only; nil for "".
func textConcept(s string) *dpb.CodeableConcept {
	if s == "" {
		return nil
	}
	return &dpb.CodeableConcept{Text: str(s)}
}

func codingConcept(system, c, display string) *dpb.CodeableConcept {
	return &dpb.CodeableConcept{Coding: []*dpb.Coding{coding(system, c, display)}}
}

func optURI(s string) *dpb.Uri {
	if s == "" {
		return nil
	}
	return uri(s)
}

// notes renders free texts as annotations, leaving out empty ones.
func notes(texts ...string) []*dpb.Annotation {
	var out []*dpb.Annotation
	for _, t := range texts {
		if t != "" {
			out = append(out, &dpb.Annotation{Text: str(t)})
		}
	}
	return out
}

// decimal renders v; nil for NaN and infinities, which FHIR decimals cannot
// hold (the marshaller fails on them) and no measurement means.
func decimal(v float64) *dpb.Decimal {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &dpb.Decimal{Value: strconv.FormatFloat(v, 'f', -1, 64)}
}

// quantity renders a measured value with its unit as the source wrote it
// (GP systems hold free-text units, so no UCUM code is claimed).
func quantity(q *record.Quantity) *dpb.Quantity {
	if q == nil {
		return nil
	}
	out := &dpb.Quantity{Value: decimal(q.Value), Unit: optStr(q.Unit)}
	if v, ok := comparatorCode(q.Comparator); ok {
		out.Comparator = &dpb.QuantityComparatorCode{Value: v}
	}
	return out
}

func comparatorCode(c string) (dpb.QuantityComparatorCode_Value, bool) {
	switch c {
	case "<":
		return dpb.QuantityComparatorCode_LT, true
	case "<=":
		return dpb.QuantityComparatorCode_LE, true
	case ">=":
		return dpb.QuantityComparatorCode_GE, true
	case ">":
		return dpb.QuantityComparatorCode_GT, true
	}
	return 0, false
}

// simpleQuantity renders an amount. When the source gave no unit but a
// quantity text ("28 tablets"), the text serves as the unit, less the number
// it repeats.
func simpleQuantity(q record.Quantity, quantityText string) *dpb.SimpleQuantity {
	unit := q.Unit
	if unit == "" {
		unit = strings.TrimSpace(quantityText)
		if q.Value != 0 {
			unit = strings.TrimSpace(strings.TrimPrefix(unit, strconv.FormatFloat(q.Value, 'f', -1, 64)))
		}
	}
	if q.Value == 0 && unit == "" {
		return nil
	}
	out := &dpb.SimpleQuantity{Unit: optStr(unit)}
	if q.Value != 0 || q.Unit != "" {
		out.Value = decimal(q.Value)
	}
	return out
}

// timeDateTime renders a recorded time (entered-at) to the second in UTC.
func timeDateTime(t time.Time) *dpb.DateTime {
	if t.IsZero() {
		return nil
	}
	return &dpb.DateTime{ValueUs: t.Truncate(time.Second).UnixMicro(), Timezone: utc, Precision: dpb.DateTime_SECOND}
}

func extCode(url, c string) *dpb.Extension {
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_Code{Code: code(c)}}}
}

func extString(url, s string) *dpb.Extension {
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_StringValue{StringValue: str(s)}}}
}

func extDateTime(url string, dt *dpb.DateTime) *dpb.Extension {
	if dt == nil {
		return nil
	}
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_DateTime{DateTime: dt}}}
}

func extUnsignedInt(url string, n int) *dpb.Extension {
	if n < 0 {
		n = 0
	}
	return &dpb.Extension{Url: uri(url), Value: &dpb.Extension_ValueX{Choice: &dpb.Extension_ValueX_UnsignedInt{UnsignedInt: &dpb.UnsignedInt{Value: uint32(n)}}}}
}

// exts drops nil extensions, so optional ones can be listed inline.
func exts(in ...*dpb.Extension) []*dpb.Extension {
	var out []*dpb.Extension
	for _, e := range in {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}
