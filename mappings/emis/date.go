package emis

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // EMIS writes UK local times; the zone must resolve even in images without zoneinfo.

	"im1fhir/record"
)

// london is the zone of every time EMIS writes. Dates without a time are
// kept at UTC midnight, as record.DateOf makes them, so that a day means the
// same day whatever the zone.
var london = mustLoadLondon()

func mustLoadLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// Unreachable: time/tzdata is embedded above.
		panic(err)
	}
	return loc
}

// DatePart values of ItemBaseType.
const (
	datePartDay     = 0 // dd/mm/yyyy, optionally with AssignedTime
	datePartMonth   = 1 // mm/yyyy
	datePartYear    = 2 // yyyy
	datePartUnknown = 3
	datePartFull    = 4 // dd/mm/yyyy hh:mm:ss
)

// parsePlainDate reads the plain date strings of the registration
// (DateOfBirth, DateAdded ...). EMIS writes dd/mm/yyyy; shorter and longer
// shapes keep whatever precision was recorded.
func parsePlainDate(s string) (record.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return record.Date{}, nil
	}
	var layout string
	var p record.Precision
	switch len(s) {
	case 4:
		layout, p = "2006", record.PrecisionYear
	case 7:
		layout, p = "01/2006", record.PrecisionMonth
	case 10:
		layout, p = "02/01/2006", record.PrecisionDay
	case 16:
		layout, p = "02/01/2006 15:04", record.PrecisionMinute
	case 19:
		layout, p = "02/01/2006 15:04:05", record.PrecisionSecond
	default:
		return record.Date{}, fmt.Errorf("date %q: not dd/mm/yyyy", s)
	}
	loc := time.UTC
	if p >= record.PrecisionMinute {
		loc = london
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		return record.Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	if t.Year() < minYear {
		// Year 1 would also read back as "not recorded" (record.Date.IsZero).
		return record.Date{}, fmt.Errorf("date %q: before %d", s, minYear)
	}
	return record.Date{Time: t.UTC(), Precision: p}, nil
}

// minYear rejects dates no GP record holds.
const minYear = 1800

// formatPlainDate writes d at its precision.
func formatPlainDate(d record.Date) string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case record.PrecisionYear:
		return d.Time.Format("2006")
	case record.PrecisionMonth:
		return d.Time.Format("01/2006")
	case record.PrecisionDay:
		return d.Time.Format("02/01/2006")
	case record.PrecisionMinute:
		return d.Time.In(london).Format("02/01/2006 15:04")
	default:
		return d.Time.In(london).Format("02/01/2006 15:04:05")
	}
}

// parseItemDate reads a clinical item's AssignedDate, DatePart and
// AssignedTime. A missing DatePart is read from the shape of the date, as
// EMIS leaves it out on some items (notably referrals).
func parseItemDate(date string, part *int64, clock string) (record.Date, error) {
	date, clock = strings.TrimSpace(date), strings.TrimSpace(clock)
	if part == nil {
		if clock != "" && len(date) == 10 {
			date += " " + clock
			if len(clock) == 5 || len(clock) == 8 {
				return parsePlainDate(date)
			}
			return record.Date{}, fmt.Errorf("time %q: not hh:mm", clock)
		}
		return parsePlainDate(date)
	}
	switch *part {
	case datePartUnknown:
		return record.Date{}, nil
	case datePartYear:
		if len(date) != 4 {
			return record.Date{}, fmt.Errorf("date %q: DatePart 2 wants yyyy", date)
		}
	case datePartMonth:
		if len(date) != 7 {
			return record.Date{}, fmt.Errorf("date %q: DatePart 1 wants mm/yyyy", date)
		}
	case datePartDay, datePartFull:
		if len(date) == 10 && clock != "" {
			if len(clock) != 5 && len(clock) != 8 {
				return record.Date{}, fmt.Errorf("time %q: not hh:mm", clock)
			}
			date += " " + clock
		}
		if len(date) != 10 && len(date) != 16 && len(date) != 19 {
			return record.Date{}, fmt.Errorf("date %q: DatePart %d wants dd/mm/yyyy", date, *part)
		}
	default:
		return record.Date{}, fmt.Errorf("DatePart %d: not 0-4", *part)
	}
	return parsePlainDate(date)
}

// formatItemDate writes d as AssignedDate, DatePart and AssignedTime.
func formatItemDate(d record.Date) (date string, part int64, clock string) {
	if d.IsZero() {
		return "", datePartUnknown, ""
	}
	switch d.Precision {
	case record.PrecisionYear:
		return formatPlainDate(d), datePartYear, ""
	case record.PrecisionMonth:
		return formatPlainDate(d), datePartMonth, ""
	case record.PrecisionDay:
		return formatPlainDate(d), datePartDay, ""
	case record.PrecisionMinute:
		t := d.Time.In(london)
		return t.Format("02/01/2006"), datePartDay, t.Format("15:04")
	default:
		t := d.Time.In(london)
		return t.Format("02/01/2006"), datePartDay, t.Format("15:04:05")
	}
}

// parseTimestamp reads MessageInformation's DateCreated and TimeCreated.
func parseTimestamp(date, clock string) (time.Time, error) {
	date, clock = strings.TrimSpace(date), strings.TrimSpace(clock)
	if date == "" {
		if clock != "" {
			return time.Time{}, fmt.Errorf("time %q without a date", clock)
		}
		return time.Time{}, nil
	}
	if clock != "" {
		date += " " + clock
	}
	d, err := parsePlainDate(date)
	if err != nil {
		return time.Time{}, err
	}
	if d.Precision < record.PrecisionDay {
		return time.Time{}, fmt.Errorf("date %q: want dd/mm/yyyy", date)
	}
	if d.Precision == record.PrecisionDay {
		// A creation date without a time is midnight UK time.
		return time.Date(d.Time.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, london).UTC(), nil
	}
	return d.Time, nil
}

// formatTimestamp writes t as DateCreated and TimeCreated (seconds kept).
func formatTimestamp(t time.Time) (date, clock string) {
	if t.IsZero() {
		return "", ""
	}
	l := t.In(london)
	return l.Format("02/01/2006"), l.Format("15:04:05")
}
