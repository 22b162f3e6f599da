package tpp

import (
	"strconv"
	"strings"

	"im1fhir/record"
)

// Contacts (next of kin, carers) are journal events holding a Relationship,
// which is where SystmOne keeps them. Relationship text outside the schema's
// RelationshipType enumeration is written as Type "Other" with the text in
// Description, and read back from there. Telephone is the contact's home
// phone, WorkContact their work phone; other telecoms and the contact's
// gender have no place.

func contactsFromEvents(events []Event) []record.Contact {
	var out []record.Contact
	for _, ev := range events {
		for _, rel := range ev.Relationship {
			out = append(out, contactFromTPP(rel))
		}
	}
	return out
}

func contactFromTPP(rel Relationship) record.Contact {
	c := record.Contact{
		Relationship: strings.TrimSpace(rel.Type),
		Name:         nameFromTPP(rel.Title, rel.FirstName, rel.MiddleNames, rel.Surname),
		Address:      addressFromTPP(rel.Address, "home"),
	}
	if desc := strings.TrimSpace(rel.Description); c.Relationship == "Other" && desc != "" {
		c.Relationship = desc
	}
	if t := strings.TrimSpace(rel.Telephone); t != "" {
		c.Telecom = append(c.Telecom, record.ContactPoint{System: "phone", Value: t, Use: "home"})
	}
	if t := strings.TrimSpace(rel.WorkContact); t != "" {
		c.Telecom = append(c.Telecom, record.ContactPoint{System: "phone", Value: t, Use: "work"})
	}
	return c
}

func contactEvents(p *record.Patient) []Event {
	var out []Event
	for i, c := range p.Contacts {
		rel := Relationship{Type: c.Relationship}
		rel.Title, rel.FirstName, rel.MiddleNames, rel.Surname = nameToTPP(c.Name)
		if !c.Address.IsZero() {
			a := addressToTPP(c.Address)
			rel.Address = &a
		}
		switch {
		case rel.Type == "":
			rel.Type = "Unknown"
		case !relationshipTypes[rel.Type]:
			rel.Type, rel.Description = "Other", c.Relationship
		}
		for _, cp := range c.Telecom {
			if cp.System != "phone" {
				continue
			}
			if cp.Use == "work" {
				if rel.WorkContact == "" {
					rel.WorkContact = cp.Value
				}
			} else if rel.Telephone == "" {
				rel.Telephone = cp.Value
			}
		}
		out = append(out, Event{
			Relationship: []Relationship{rel},
			EventUID:     p.ID + "-contact-" + strconv.Itoa(i+1),
		})
	}
	return out
}
