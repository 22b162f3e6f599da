package vision

import (
	"testing"
	"time"

	"im1fhir/record"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		name, value, flag string
		want              record.Date
		wantErr           bool
	}{
		{"sample dob", "1942-08-09T00:00:00", "1", record.DateOf(1942, 8, 9), false},
		{"missing flag is a whole date", "1942-08-09T00:00:00", "", record.DateOf(1942, 8, 9), false},
		{"month", "1942-08-01T00:00:00", "2", record.Date{Time: time.Date(1942, 8, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}, false},
		{"year keeps only the year", "1942-08-09T00:00:00", "3", record.Date{Time: time.Date(1942, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}, false},
		{"minute", "2020-02-03T10:11:12", "4", record.Date{Time: time.Date(2020, 2, 3, 10, 11, 0, 0, time.UTC), Precision: record.PrecisionMinute}, false},
		{"second", "2020-02-03T10:11:12", "5", record.Date{Time: time.Date(2020, 2, 3, 10, 11, 12, 0, time.UTC), Precision: record.PrecisionSecond}, false},
		{"not recorded", "", "", record.Date{}, false},
		{"null date", "0001-01-01T00:00:00", "1", record.Date{}, false},
		{"bad month", "1942-13-09T00:00:00", "1", record.Date{}, true},
		{"date only", "1942-08-09", "1", record.Date{}, true},
		{"unknown flag", "1942-08-09T00:00:00", "9", record.Date{}, true},
		{"unknown flag without a value", "", "x", record.Date{}, true},
	}
	for _, c := range cases {
		got, err := parseDate(c.value, c.flag)
		if (err != nil) != c.wantErr {
			t.Errorf("%s: parseDate(%q, %q) error = %v, want error %v", c.name, c.value, c.flag, err, c.wantErr)
			continue
		}
		if got != c.want {
			t.Errorf("%s: parseDate(%q, %q) = %v (%d), want %v (%d)", c.name, c.value, c.flag, got, got.Precision, c.want, c.want.Precision)
		}
	}
}

func TestFormatDateRoundTrip(t *testing.T) {
	dates := []record.Date{
		{},
		record.DateOf(1942, 8, 9),
		{Time: time.Date(1990, 5, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth},
		{Time: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear},
		{Time: time.Date(2021, 6, 7, 8, 9, 0, 0, time.UTC), Precision: record.PrecisionMinute},
		{Time: time.Date(2021, 6, 7, 8, 9, 10, 0, time.UTC), Precision: record.PrecisionSecond},
	}
	for _, d := range dates {
		v, f := formatDate(d)
		got, err := parseDate(v, f)
		if err != nil || got != d {
			t.Errorf("parseDate(formatDate(%v)) = %v, %v; want %v", d, got, err, d)
		}
	}
	// A partial date is written as the first instant it covers, so a
	// month-precision date in mid-month still sorts and reads correctly.
	v, f := formatDate(record.Date{Time: time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth})
	if v != "1990-05-01T00:00:00" || f != "2" {
		t.Errorf("formatDate(mid-May, month) = %q, %q; want 1990-05-01T00:00:00, 2", v, f)
	}
}
