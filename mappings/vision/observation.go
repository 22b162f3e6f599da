package vision

import (
	"slices"

	"im1fhir/record"
)

// Observations: a general row (63) with our value columns, or one of
// Vision's measurement rows, whose own columns hold the value: blood
// pressure (56: systolic, diastolic in mmHg), weight (79: weightkg in kg,
// with bmi), height (80: heightcm, which the sample proves holds metres),
// smoking (65: cigarettes a day) and alcohol (66: units a week).

// Units the measurement rows imply.
const (
	unitMmHg        = "mmHg"
	unitKg          = "kg"
	unitMetre       = "m"
	unitBMI         = "kg/m2"
	unitCigarettes  = "cigarettes/day"
	unitAlcoholUnit = "units/week"
)

// snomedNoKnownAllergy is GP Connect's "no known allergy" concept: a
// general row coded with it is the record's NoKnownAllergies entry.
const snomedNoKnownAllergy = "716186003"

// The codings a blood pressure row's columns stand for: SNOMED as GP
// Connect sends the BP battery's components, with their Read v2 codes.
var (
	systolicConcept = record.Concept{Codings: []record.Code{
		{System: record.SystemSNOMED, Code: "72313002", Display: "Systolic arterial pressure"},
		{System: record.SystemReadV2, Code: "2469.", Display: "O/E - Systolic BP reading", DescriptionID: "00"},
	}}
	diastolicConcept = record.Concept{Codings: []record.Code{
		{System: record.SystemSNOMED, Code: "1091811000000102", Display: "Diastolic arterial pressure"},
		{System: record.SystemReadV2, Code: "246A.", Display: "O/E - Diastolic BP reading", DescriptionID: "00"},
	}}
	// bmiConcept codes the BMI a weight row carries: the sample's own
	// general row for it is 22K..00 "Body Mass Index".
	bmiConcept = record.Concept{Codings: []record.Code{
		{System: record.SystemReadV2, Code: "22K..", Display: "Body Mass Index", DescriptionID: "00"},
	}}
)

// bmiSuffix makes the id of the BMI observation a weight row carries.
const bmiSuffix = "-bmi"

func cloneConcept(c record.Concept) record.Concept {
	c.Codings = slices.Clone(c.Codings)
	return c
}

func quantity(v float64, unit string) *record.Quantity { return &record.Quantity{Value: v, Unit: unit} }

// observation reads an observation row (and the BMI beside a weight).
func (j *journal) observation(i int, c *ClinicalRow) error {
	if consentOfRow(c) != record.ConsentUnknown {
		// The patient's record-sharing consent (consent.go), not an entry.
		return nil
	}
	o, bmi, err := observationOf(i, c)
	if err != nil {
		return err
	}
	// The first general entry coded "no known allergy" (of whatever row
	// type, when the encoder would write it as a general row) is the
	// record's NoKnownAllergies.
	if _, _, bp := bloodPressure(&o); j.rec.NoKnownAllergies == nil && !bp && !plainValue(&o, unitKg) && !plainValue(&o, unitMetre) {
		if cd, ok := o.Code.SNOMED(); ok && cd.Code == snomedNoKnownAllergy {
			j.rec.NoKnownAllergies = &o
			j.file(c, o.ID)
			return nil
		}
	}
	j.rec.Observations = append(j.rec.Observations, o)
	j.file(c, o.ID)
	if bmi != nil {
		j.rec.Observations = append(j.rec.Observations, *bmi)
		j.file(c, bmi.ID)
	}
	return nil
}

// observationOf reads an observation row. A measurement row's value is read
// from its own columns alone, as that is all the encoder writes there.
func observationOf(i int, c *ClinicalRow) (record.Observation, *record.Observation, error) {
	it, err := itemOf(i, c)
	if err != nil {
		return record.Observation{}, nil, err
	}
	o := record.Observation{Item: it}
	fail := func(field string, err error) (record.Observation, *record.Observation, error) {
		return record.Observation{}, nil, &fieldError{row: i + 1, field: field, err: err}
	}
	number := func(field, s string) (float64, bool, error) {
		if s == "" {
			return 0, false, nil
		}
		v, err := parseNumber(s)
		return v, err == nil, err
	}
	switch {
	case c.EntityTy == EntityBloodPressure && (c.Systolic != "" || c.Diastolic != ""):
		for _, part := range []struct {
			field, value string
			code         record.Concept
		}{{"systolic", c.Systolic, systolicConcept}, {"diastolic", c.Diastolic, diastolicConcept}} {
			v, ok, err := number(part.field, part.value)
			if err != nil {
				return fail(part.field, err)
			}
			if ok {
				o.Components = append(o.Components, record.ObservationComponent{Code: cloneConcept(part.code), Value: quantity(v, unitMmHg)})
			}
		}
		return o, nil, nil
	case c.EntityTy == EntityWeight && c.WeightKg != "":
		v, _, err := number("weightkg", c.WeightKg)
		if err != nil {
			return fail("weightkg", err)
		}
		o.Value = quantity(v, unitKg)
		b, ok, err := number("bmi", c.BMI)
		if err != nil {
			return fail("bmi", err)
		}
		if !ok {
			return o, nil, nil
		}
		bmi := record.Observation{Item: it, Value: quantity(b, unitBMI)}
		bmi.ID += bmiSuffix
		bmi.Code = cloneConcept(bmiConcept)
		bmi.ProblemIDs = slices.Clone(it.ProblemIDs)
		return o, &bmi, nil
	case c.EntityTy == EntityHeight && c.HeightCm != "":
		v, _, err := number("heightcm", c.HeightCm)
		if err != nil {
			return fail("heightcm", err)
		}
		o.Value = quantity(v, unitMetre)
		return o, nil, nil
	}
	if err := valueOf(i, c, &o); err != nil {
		return record.Observation{}, nil, err
	}
	if o.Value != nil {
		return o, nil, nil
	}
	// Counts Vision keeps in a type's own column; 0 is "not recorded".
	var field, value, unit string
	switch c.EntityTy {
	case EntitySmoking:
		field, value, unit = "cigarettes", c.Cigarettes, unitCigarettes
	case EntityAlcohol:
		field, value, unit = "units", c.Units, unitAlcoholUnit
	case EntityTestResult, EntityScanResult, EntityScanResult2:
		field, value = "num_result", c.NumResult
	}
	if v, ok, err := number(field, value); err != nil {
		return fail(field, err)
	} else if ok && v != 0 {
		o.Value = quantity(v, unit)
	}
	return o, nil, nil
}

// valueOf reads our value, range and interpretation columns. Range bounds
// are in the value's unit.
func valueOf(i int, c *ClinicalRow, o *record.Observation) error {
	fail := func(field string, err error) error { return &fieldError{row: i + 1, field: field, err: err} }
	unit := ""
	if c.Value1 != "" {
		v, err := parseNumber(c.Value1)
		if err != nil {
			return fail("value1", err)
		}
		o.Value = &record.Quantity{Value: v, Comparator: c.Value1Op, Unit: c.Value1Units}
		unit = c.Value1Units
	}
	o.ValueText = c.Text
	o.Interpretation = c.Interp
	if c.RangeLow != "" || c.RangeHigh != "" || c.RangeText != "" {
		r := &record.Range{Text: c.RangeText}
		if c.RangeLow != "" {
			v, err := parseNumber(c.RangeLow)
			if err != nil {
				return fail("range_low", err)
			}
			r.Low = quantity(v, unit)
		}
		if c.RangeHigh != "" {
			v, err := parseNumber(c.RangeHigh)
			if err != nil {
				return fail("range_high", err)
			}
			r.High = quantity(v, unit)
		}
		o.Range = r
	}
	return nil
}

// plainValue reports whether o holds nothing but a value with no
// comparator, as a measurement row's column can hold it.
func plainValue(o *record.Observation, unit string) bool {
	return o.Value != nil && o.Value.Comparator == "" && o.Value.Unit == unit &&
		o.ValueText == "" && o.Range == nil && o.Interpretation == "" && len(o.Components) == 0
}

// bloodPressure returns the systolic and diastolic columns when o is a
// blood pressure as a BP row holds one: components only, systolic before
// diastolic, in mmHg.
func bloodPressure(o *record.Observation) (sys, dia string, ok bool) {
	if o.Value != nil || o.ValueText != "" || o.Range != nil || o.Interpretation != "" || len(o.Components) == 0 || len(o.Components) > 2 {
		return "", "", false
	}
	next := 0 // 0: systolic or diastolic may come; 1: only diastolic
	for _, cp := range o.Components {
		if cp.Value == nil || cp.Value.Unit != unitMmHg || cp.Value.Comparator != "" {
			return "", "", false
		}
		cd, _ := cp.Code.SNOMED()
		switch {
		case cd.Code == systolicConcept.Codings[0].Code && next == 0:
			sys, next = formatNumber(cp.Value.Value), 1
		case cd.Code == diastolicConcept.Codings[0].Code && dia == "":
			dia, next = formatNumber(cp.Value.Value), 2
		default:
			return "", "", false
		}
	}
	return sys, dia, true
}

// observation writes an observation row.
func (e *encoder) observation(o *record.Observation) {
	e.clinical = append(e.clinical, e.observationRow(o, EntityGeneral, false))
}

// observationRow writes o as a row of type ty, or as a measurement row
// when o has that shape and generic is false.
func (e *encoder) observationRow(o *record.Observation, ty EntityType, generic bool) ClinicalRow {
	var sys, dia string
	bp := false
	if !generic {
		sys, dia, bp = bloodPressure(o)
		switch {
		case bp:
			ty = EntityBloodPressure
		case plainValue(o, unitKg):
			ty = EntityWeight
		case plainValue(o, unitMetre):
			ty = EntityHeight
		}
	}
	row := e.rowOf(ty, "", &o.Item)
	switch ty {
	case EntityBloodPressure:
		row.Systolic, row.Diastolic = sys, dia
		return row
	case EntityWeight:
		row.WeightKg = formatNumber(o.Value.Value)
		return row
	case EntityHeight:
		row.HeightCm = formatNumber(o.Value.Value)
		return row
	}
	if v := o.Value; v != nil {
		row.Value1, row.Value1Units, row.Value1Op = formatNumber(v.Value), v.Unit, v.Comparator
	}
	row.Text = o.ValueText
	row.Interp = o.Interpretation
	if r := o.Range; r != nil {
		if r.Low != nil {
			row.RangeLow = formatNumber(r.Low.Value)
		}
		if r.High != nil {
			row.RangeHigh = formatNumber(r.High.Value)
		}
		row.RangeText = r.Text
	}
	return row
}
