package tpp

import (
	"errors"
	"strings"
	"time"

	"im1fhir/record"
)

// errBadDate never carries the offending text: it may be a date of birth.
var errBadDate = errors.New("bad date")

// parseDate reads an xs:date or xs:dateTime, keeping the precision the text
// carries. The schema only allows whole days, but SystmOne exports partial
// dates ("1951", "1951-06") for imported history, so those are accepted too.
// Times without a zone are taken as UTC.
func parseDate(s string) (record.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return record.Date{}, nil
	}
	layouts := []struct {
		layout string
		p      record.Precision
	}{
		{"2006-01-02", record.PrecisionDay},
		{"2006", record.PrecisionYear},
		{"2006-01", record.PrecisionMonth},
		{"2006-01-02T15:04:05", record.PrecisionSecond},
		{"2006-01-02T15:04", record.PrecisionMinute},
		{"2006-01-02T15:04:05.999999999", record.PrecisionSecond},
		{time.RFC3339Nano, record.PrecisionSecond},
		{"2006-01-02Z07:00", record.PrecisionDay},
	}
	for _, l := range layouts {
		if len(s) < 4 {
			break
		}
		t, err := time.Parse(l.layout, s)
		if err == nil {
			return record.Date{Time: t, Precision: l.p}, nil
		}
	}
	return record.Date{}, errBadDate
}

// formatDate writes an xs:date. Partial dates widen to their first day: the
// schema has no partial form, and the first day keeps the date inside the
// interval the source meant.
func formatDate(d record.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time.Format("2006-01-02")
}

// formatDateTime writes an xs:dateTime in UTC.
func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
