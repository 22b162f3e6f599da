package vision

import (
	"encoding/xml"
	"reflect"
	"strings"
)

// rowFields decodes attribute-only rows by a name → field table built once
// from the struct tags. encoding/xml matches each attribute against every
// field in turn, which for the 130-column journal row made decoding a
// patient's record cost ~30 ms; the table makes it a map look-up.
type rowFields struct {
	index map[string]int // attribute name → string field
	other int            // the ",any,attr" []xml.Attr field
}

func newRowFields(t reflect.Type) *rowFields {
	f := &rowFields{index: make(map[string]int, t.NumField()), other: -1}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("xml")
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case name == "" && strings.Contains(opts, "any") && strings.Contains(opts, "attr"):
			f.other = i
		case strings.Contains(opts, "attr") && t.Field(i).Type.Kind() == reflect.String:
			f.index[name] = i
		}
	}
	return f
}

// decode fills row (a pointer to the struct) from start's attributes and
// skips any content, as encoding/xml would: rows carry no child elements.
// As in encoding/xml, a name matches whatever its namespace, a repeated
// attribute's last value wins, and unknown attributes go to Other.
func (f *rowFields) decode(d *xml.Decoder, start xml.StartElement, row any) error {
	v := reflect.ValueOf(row).Elem()
	var other []xml.Attr
	for _, a := range start.Attr {
		if i, ok := f.index[a.Name.Local]; ok {
			v.Field(i).SetString(a.Value)
			continue
		}
		other = append(other, a)
	}
	if f.other >= 0 && other != nil {
		v.Field(f.other).Set(reflect.ValueOf(other))
	}
	return d.Skip()
}

var (
	patientFields  = newRowFields(reflect.TypeFor[PatientRow]())
	clinicalFields = newRowFields(reflect.TypeFor[ClinicalRow]())
	headingFields  = newRowFields(reflect.TypeFor[HeadingRow]())
	codingFields   = newRowFields(reflect.TypeFor[CodingRow]())
)

// UnmarshalXML decodes a <patient/> row through its field table.
func (p *PatientRow) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	return patientFields.decode(d, start, p)
}

// UnmarshalXML decodes a <clinical/> row through its field table.
func (c *ClinicalRow) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	return clinicalFields.decode(d, start, c)
}

// UnmarshalXML decodes a <heading/> row through its field table.
func (h *HeadingRow) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	return headingFields.decode(d, start, h)
}

// UnmarshalXML decodes a <coding/> row through its field table.
func (c *CodingRow) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	return codingFields.decode(d, start, c)
}
