package dmd

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The XML elements the look-up index needs. Fields absent from a file stay
// empty; flags are "absent or present with a non-zero value".
type (
	xmlVTM struct {
		VTMID, NM, VTMIDPREV, VTMIDDT, INVALID string
	}
	xmlVMP struct {
		VPID, VTMID, NM, VPIDPREV, VPIDDT, INVALID string
	}
	xmlAMP struct {
		APID, VPID, NM, DESC, INVALID string
	}
	xmlVMPP struct {
		VPPID, VPID, NM, INVALID string
	}
	xmlAMPP struct {
		APPID, VPPID, APID, NM, INVALID string
	}
	xmlING struct {
		ISID, NM, ISIDPREV, ISIDDT, INVALID string
	}
)

// entityElement is the repeating element read from each entity's file.
var entityElement = map[string]string{
	"vtm": "VTM", "vmp": "VMP", "amp": "AMP", "vmpp": "VMPP", "ampp": "AMPP", "ingredient": "ING",
}

// ParseXML reads the concepts of one dm+d entity file (entity from its file
// name) and appends them to out. Files of other entities (lookup, gtin, bnf,
// history, …) are read for well-formedness only.
func ParseXML(entity string, r io.Reader, out *[]Concept) error {
	want := entityElement[entity]
	dec := xml.NewDecoder(r)
	dec.Strict = true
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return fmt.Errorf("unexpected end of XML")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// VMP elements also occur in bnf and history files; only the
			// entity's own file is read for concepts, and only at depth 1-2
			// (root/VMPS/VMP), so a nested look-alike cannot be taken.
			if want != "" && t.Name.Local == want && depth <= 2 {
				c, err := decodeConcept(dec, &t, want)
				if err != nil {
					return err
				}
				if c.ID == "" {
					return fmt.Errorf("%s without an id", want)
				}
				*out = append(*out, c)
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

func flag(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "0") != ""
}

func decodeConcept(dec *xml.Decoder, start *xml.StartElement, el string) (Concept, error) {
	switch el {
	case "VTM":
		var v xmlVTM
		err := dec.DecodeElement(&v, start)
		return Concept{ID: v.VTMID, Class: VTM, Name: v.NM, Invalid: flag(v.INVALID), PreviousID: v.VTMIDPREV, ChangedOn: v.VTMIDDT}, err
	case "VMP":
		var v xmlVMP
		err := dec.DecodeElement(&v, start)
		return Concept{ID: v.VPID, Class: VMP, Name: v.NM, Invalid: flag(v.INVALID), PreviousID: v.VPIDPREV, ChangedOn: v.VPIDDT, Parents: nonEmpty(v.VTMID)}, err
	case "AMP":
		var v xmlAMP
		err := dec.DecodeElement(&v, start)
		return Concept{ID: v.APID, Class: AMP, Name: v.NM, Description: v.DESC, Invalid: flag(v.INVALID), Parents: nonEmpty(v.VPID)}, err
	case "VMPP":
		var v xmlVMPP
		err := dec.DecodeElement(&v, start)
		return Concept{ID: v.VPPID, Class: VMPP, Name: v.NM, Invalid: flag(v.INVALID), Parents: nonEmpty(v.VPID)}, err
	case "AMPP":
		var v xmlAMPP
		err := dec.DecodeElement(&v, start)
		return Concept{ID: v.APPID, Class: AMPP, Name: v.NM, Invalid: flag(v.INVALID), Parents: nonEmpty(v.VPPID, v.APID)}, err
	case "ING":
		var v xmlING
		err := dec.DecodeElement(&v, start)
		return Concept{ID: v.ISID, Class: Ingredient, Name: v.NM, Invalid: flag(v.INVALID), PreviousID: v.ISIDPREV, ChangedOn: v.ISIDDT}, err
	}
	return Concept{}, fmt.Errorf("unknown element %s", el)
}

func nonEmpty(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}
