package tpp

import "strings"

// The schema's Site is only {Name, ID, Telephone, Fax, Email, Address}, yet the
// practice directory must carry organisations and locations with their ODS
// codes, managing organisation and status. Site/ID (a free xs:string) carries
// them as a key followed by ";name=value" qualifiers, for example
//
//	GPC001;kind=organisation;type=gp-practice
//	loc-2;ods=Z33432;status=inactive
//
// Qualifiers are written in a fixed order and only when they differ from the
// default, so a plain location is just its id. '%', ';' and '=' inside a key or
// value are percent-escaped.

// siteID is a parsed Site/ID.
type siteID struct {
	Key string
	// Qualifiers, in the order they are written.
	Kind, ODS, Org, Status, Type, PartOf string
}

const kindOrganisation = "organisation"

func (s siteID) String() string {
	var b strings.Builder
	b.WriteString(escapeSiteID(s.Key))
	for _, q := range []struct{ name, value string }{
		{"kind", s.Kind}, {"ods", s.ODS}, {"org", s.Org}, {"status", s.Status},
		{"type", s.Type}, {"partof", s.PartOf},
	} {
		if q.value != "" {
			b.WriteString(";" + q.name + "=" + escapeSiteID(q.value))
		}
	}
	return b.String()
}

// parseSiteID reads a Site/ID. Unknown qualifiers are ignored (a real
// SystmOne site id has none, and parses as a plain key).
func parseSiteID(s string) siteID {
	parts := strings.Split(strings.TrimSpace(s), ";")
	id := siteID{Key: unescapeSiteID(parts[0])}
	for _, p := range parts[1:] {
		name, value, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		value = unescapeSiteID(value)
		switch name {
		case "kind":
			id.Kind = value
		case "ods":
			id.ODS = value
		case "org":
			id.Org = value
		case "status":
			id.Status = value
		case "type":
			id.Type = value
		case "partof":
			id.PartOf = value
		}
	}
	return id
}

var (
	siteIDEscaper   = strings.NewReplacer("%", "%25", ";", "%3B", "=", "%3D")
	siteIDUnescaper = strings.NewReplacer("%25", "%", "%3B", ";", "%3D", "=")
)

func escapeSiteID(s string) string { return siteIDEscaper.Replace(s) }

func unescapeSiteID(s string) string { return siteIDUnescaper.Replace(s) }
