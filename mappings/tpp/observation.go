package tpp

import (
	"strconv"
	"strings"

	"im1fhir/record"
)

// An observation is a ClinicalCode: Code, Value (xs:decimal) and Units, the
// clinician's FreeText as Note, and the value text as the Event's Narrative.
// Components (the systolic and diastolic of a blood pressure) are further
// ClinicalCodes with their own Value and Units in the same Event, as SystmOne
// records a pressure. What the element lacks goes into qualifiers: cmp (the
// value's comparator), lo/hi/rtext (reference range), interp
// (interpretation), ccmp (components' comparators).

func (e *clinicalEncoder) observation(o *record.Observation) (Event, eventUID) {
	ev, uid := e.itemEvent(&o.Item)
	cc := ClinicalCode{Code: conceptToTPP(o.Code), FreeText: o.Note, LinkedProblemUID: o.ProblemIDs}
	if o.Value != nil {
		cc.Value, cc.Units = formatDecimal(o.Value.Value), o.Value.Unit
		if o.Value.Comparator != "" {
			uid.set("cmp", o.Value.Comparator)
		}
	}
	if r := o.Range; r != nil {
		if r.Low != nil {
			uid.set("lo", formatQuantity(*r.Low))
		}
		if r.High != nil {
			uid.set("hi", formatQuantity(*r.High))
		}
		uid.set("rtext", r.Text)
	}
	if o.Interpretation != "" {
		uid.set("interp", o.Interpretation)
	}
	var rc roleCodes
	rc.add(roleItem, cc)
	var cmps []string
	anyCmp := false
	for _, c := range o.Components {
		comp := ClinicalCode{Code: conceptToTPP(c.Code)}
		cmp := ""
		if c.Value != nil {
			comp.Value, comp.Units = formatDecimal(c.Value.Value), c.Value.Unit
			cmp = c.Value.Comparator
		}
		anyCmp = anyCmp || cmp != ""
		cmps = append(cmps, cmp)
		rc.add(roleComponent, comp)
	}
	if anyCmp {
		uid.setList("ccmp", cmps)
	}
	rc.apply(&ev, &uid)
	ev.Narrative = narrative(o.ValueText)
	return ev, uid
}

// observationOf reads a ClinicalCode (with the Event's component codes) as
// an observation. A Value that is not a decimal is kept as text.
func (d *clinicalDecoder) observationOf(e entry, cc ClinicalCode) (record.Observation, error) {
	o := record.Observation{Item: withLinks(e.item, cc.LinkedProblemUID), ValueText: e.text}
	o.Code = conceptFromTPP(cc.Code)
	o.Note = cc.FreeText
	cmp, _ := e.uid.get("cmp")
	o.Value, o.ValueText = valueFromTPP(cc.Value, cc.Units, cmp, o.ValueText)
	lo, hasLo := e.uid.get("lo")
	hi, hasHi := e.uid.get("hi")
	rtext, hasText := e.uid.get("rtext")
	if hasLo || hasHi || hasText {
		o.Range = &record.Range{Text: rtext}
		if q, ok := parseQuantity(lo); ok && hasLo {
			o.Range.Low = &q
		}
		if q, ok := parseQuantity(hi); ok && hasHi {
			o.Range.High = &q
		}
	}
	o.Interpretation, _ = e.uid.get("interp")
	cmps := e.uid.list("ccmp")
	for i, c := range e.roles[roleComponent] {
		comp := record.ObservationComponent{Code: conceptFromTPP(c.Code)}
		ccmp := ""
		if i < len(cmps) {
			ccmp = cmps[i]
		}
		comp.Value, _ = valueFromTPP(c.Value, c.Units, ccmp, "")
		o.Components = append(o.Components, comp)
	}
	return o, nil
}

// valueFromTPP reads Value and Units. Text that is not a number (the
// schema says xs:decimal; exports are not always so tidy) becomes value
// text rather than an error.
func valueFromTPP(value, units, cmp, text string) (*record.Quantity, string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return nil, text
	}
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		raw := strings.TrimSpace(value + " " + units)
		if text == "" {
			return nil, raw
		}
		return nil, text + "\n" + raw
	}
	return &record.Quantity{Value: v, Comparator: cmp, Unit: strings.TrimSpace(units)}, text
}
