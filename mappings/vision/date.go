package vision

import (
	"errors"
	"time"

	"im1fhir/record"
)

// dateLayout is how Vision writes every date and timestamp attribute: a naive
// (zone-less) local timestamp, midnight for plain dates.
const dateLayout = "2006-01-02T15:04:05"

// Values of a date's "_name" precision flag. Only "1" occurs in the real
// export; the others are our convention, chosen so a partial date written by
// the sandbox survives a round trip (see doc.go).
const (
	flagDay    = "1"
	flagMonth  = "2"
	flagYear   = "3"
	flagMinute = "4"
	flagSecond = "5"
)

var errBadDate = errors.New("bad date")

// parseDate reads a date attribute and its precision flag. An empty value is
// "not recorded". A missing flag means a whole date, which is what Vision
// writes when it omits one. The error never quotes the value: dates of birth
// must not reach logs.
func parseDate(value, flag string) (record.Date, error) {
	switch flag {
	case "", flagDay, flagMonth, flagYear, flagMinute, flagSecond:
	default:
		return record.Date{}, errBadDate
	}
	if value == "" {
		return record.Date{}, nil
	}
	t, err := time.Parse(dateLayout, value)
	if err != nil {
		return record.Date{}, errBadDate
	}
	if t.Year() <= 1 {
		// 0001-01-01 (or year 0) is a null written as a date; record.Date
		// could not tell it from "not recorded" anyway.
		return record.Date{}, nil
	}
	switch flag {
	case flagMonth:
		return record.Date{Time: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}, nil
	case flagYear:
		return record.Date{Time: time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}, nil
	case flagMinute:
		return record.Date{Time: t.Truncate(time.Minute), Precision: record.PrecisionMinute}, nil
	case flagSecond:
		return record.Date{Time: t, Precision: record.PrecisionSecond}, nil
	}
	return record.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: record.PrecisionDay}, nil
}

// formatDate writes d as a Vision date attribute and precision flag, both
// empty when the date is not recorded. Partial dates are written as the first
// instant they cover so that the value alone still sorts correctly.
func formatDate(d record.Date) (value, flag string) {
	if d.IsZero() {
		return "", ""
	}
	t := d.Time.UTC()
	switch d.Precision {
	case record.PrecisionYear:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC).Format(dateLayout), flagYear
	case record.PrecisionMonth:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).Format(dateLayout), flagMonth
	case record.PrecisionMinute:
		return t.Truncate(time.Minute).Format(dateLayout), flagMinute
	case record.PrecisionSecond:
		return t.Truncate(time.Second).Format(dateLayout), flagSecond
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Format(dateLayout), flagDay
}

// parseTimestamp reads an audit timestamp (sysdate, created), which Vision
// always writes to the second and never flags.
func parseTimestamp(value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, value)
	if err != nil {
		return time.Time{}, errBadDate
	}
	return t, nil
}

// formatTimestamp writes an audit timestamp; empty for the zero time.
func formatTimestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(dateLayout)
}
