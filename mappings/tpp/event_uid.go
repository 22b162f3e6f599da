package tpp

import (
	"sort"
	"strings"
	"time"

	"im1fhir/record"
)

// The schema gives a journal Event a free xs:string EventUID but no place for
// the audit metadata SystmOne keeps about every entry (when it was entered,
// last amended and by whom, whether it is marked private, which consultation
// it belongs to) nor for the few clinical details whose element the public
// schema lacks. As Site/ID does for the directory (site_id.go), EventUID
// carries them as the item id followed by ";name=value" qualifiers:
//
//	7c1e...;rec=2024-03-05T10:42:00Z;cons=91ab...;conf=1
//
// Qualifiers are written only when they differ from what the decoder would
// derive from the real elements, so an entry whose metadata the elements
// already say is just its id, and a real SystmOne EventUID (plain hex) parses
// as a plain id. '%', ';', '=' and ',' inside a value are percent-escaped;
// ',' separates list values.
type eventUID struct {
	ID string
	q  map[string]string
}

func parseEventUID(s string) eventUID {
	// Only the id is trimmed: a qualifier value may end in spaces.
	parts := strings.Split(s, ";")
	u := eventUID{ID: strings.TrimSpace(unescapeQualifier(parts[0]))}
	for _, p := range parts[1:] {
		name, value, ok := strings.Cut(p, "=")
		if !ok || name == "" {
			continue
		}
		if u.q == nil {
			u.q = map[string]string{}
		}
		u.q[name] = value // still escaped: lists split before unescaping
	}
	return u
}

// String writes the id and the qualifiers in name order, so equal records
// give byte-identical files.
func (u eventUID) String() string {
	var b strings.Builder
	b.WriteString(escapeQualifier(u.ID))
	names := make([]string, 0, len(u.q))
	for n := range u.q {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString(";" + n + "=" + u.q[n])
	}
	return b.String()
}

func (u *eventUID) set(name, value string) {
	if u.q == nil {
		u.q = map[string]string{}
	}
	u.q[name] = escapeQualifier(value)
}

func (u *eventUID) setList(name string, values []string) {
	esc := make([]string, len(values))
	for i, v := range values {
		esc[i] = escapeQualifier(v)
	}
	if u.q == nil {
		u.q = map[string]string{}
	}
	u.q[name] = strings.Join(esc, ",")
}

// get returns a qualifier's value and whether it was present.
func (u eventUID) get(name string) (string, bool) {
	v, ok := u.q[name]
	return unescapeQualifier(v), ok
}

func (u eventUID) has(name string) bool { _, ok := u.q[name]; return ok }

func (u eventUID) list(name string) []string {
	v, ok := u.q[name]
	if !ok || v == "" {
		return nil
	}
	parts := strings.Split(v, ",")
	for i, p := range parts {
		parts[i] = unescapeQualifier(p)
	}
	return parts
}

// setTime writes a timestamp qualifier; a zero time is written as an empty
// value (present, so it overrides the derived default).
func (u *eventUID) setTime(name string, t time.Time) {
	if t.IsZero() {
		u.set(name, "")
		return
	}
	u.set(name, t.UTC().Format(time.RFC3339Nano))
}

func (u eventUID) time(name string) (time.Time, bool, error) {
	v, ok := u.get(name)
	if !ok || v == "" {
		return time.Time{}, ok, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, true, errBadDate
	}
	return t, true, nil
}

// setDate writes a record.Date at its precision (see formatDateQ).
func (u *eventUID) setDate(name string, d record.Date) { u.set(name, formatDateQ(d)) }

func (u eventUID) date(name string) (record.Date, bool, error) {
	v, ok := u.get(name)
	if !ok {
		return record.Date{}, false, nil
	}
	d, err := parseDate(v)
	return d, true, err
}

// formatDateQ writes a date so that parseDate gives back the same value and
// precision: "2006", "2006-01", "2006-01-02", "2006-01-02T15:04" (minute,
// UTC) or RFC 3339 with fractions (second).
func formatDateQ(d record.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time.UTC()
	switch d.Precision {
	case record.PrecisionYear:
		return t.Format("2006")
	case record.PrecisionMonth:
		return t.Format("2006-01")
	case record.PrecisionDay:
		return t.Format("2006-01-02")
	case record.PrecisionMinute:
		return t.Format("2006-01-02T15:04")
	}
	return t.Format(time.RFC3339Nano)
}

var (
	qualifierEscaper   = strings.NewReplacer("%", "%25", ";", "%3B", "=", "%3D", ",", "%2C")
	qualifierUnescaper = strings.NewReplacer("%25", "%", "%3B", ";", "%3D", "=", "%2C", ",")
)

func escapeQualifier(s string) string   { return qualifierEscaper.Replace(s) }
func unescapeQualifier(s string) string { return qualifierUnescaper.Replace(s) }
