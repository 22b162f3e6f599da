package record

import (
	"fmt"
	"time"
)

// Precision says how much of a Date is known. GP systems hold many partial
// dates (a year of onset, a month of an immunisation), and GP Connect compares
// them as whole intervals, so the precision must survive mapping.
type Precision uint8

// Precisions, from least to most precise.
const (
	PrecisionUnknown Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
	PrecisionMinute
	PrecisionSecond
)

// Date is a point in time with the precision the source recorded. A zero Date
// (PrecisionUnknown) means "not recorded".
type Date struct {
	Time      time.Time
	Precision Precision
}

// DateOf returns a day-precision Date.
func DateOf(y int, m time.Month, d int) Date {
	return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}
}

// IsZero reports whether the date was not recorded.
func (d Date) IsZero() bool { return d.Precision == PrecisionUnknown || d.Time.IsZero() }

// Interval returns the half-open interval [start, end) the date covers at its
// precision: 2019 covers the whole of 2019, 2019-03 the whole of March.
func (d Date) Interval() (start, end time.Time) {
	t := d.Time
	switch d.Precision {
	case PrecisionYear:
		start = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, t.Location())
		return start, start.AddDate(1, 0, 0)
	case PrecisionMonth:
		start = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location())
		return start, start.AddDate(0, 1, 0)
	case PrecisionDay:
		start = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
		return start, start.AddDate(0, 0, 1)
	case PrecisionMinute:
		start = t.Truncate(time.Minute)
		return start, start.Add(time.Minute)
	case PrecisionSecond:
		start = t.Truncate(time.Second)
		return start, start.Add(time.Second)
	}
	return time.Time{}, time.Time{}
}

// Overlaps reports whether the date, taken as its whole interval, overlaps
// [from, to). An unknown date overlaps everything: GP Connect returns undated
// items with every match.
func (d Date) Overlaps(from, to time.Time) bool {
	if d.IsZero() {
		return true
	}
	s, e := d.Interval()
	return (to.IsZero() || s.Before(to)) && (from.IsZero() || e.After(from))
}

// String renders the date at its precision (ISO 8601), for logs and tests.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.Format("2006")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	case PrecisionMinute, PrecisionSecond:
		return d.Time.Format(time.RFC3339)
	}
	return ""
}

// Period is a start and optional end. A zero End means "ongoing".
type Period struct {
	Start Date
	End   Date
}

// GoString keeps test failure output readable.
func (p Period) GoString() string { return fmt.Sprintf("Period{%s..%s}", p.Start, p.End) }
