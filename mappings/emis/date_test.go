package emis

import (
	"testing"
	"time"

	"im1fhir/record"
)

func TestPlainDate(t *testing.T) {
	tests := []struct {
		in   string
		want record.Date
	}{
		{"", record.Date{}},
		{"1987", record.Date{Time: time.Date(1987, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}},
		{"03/1987", record.Date{Time: time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}},
		{"29/02/2024", record.DateOf(2024, time.February, 29)},
		{" 01/12/2023 ", record.DateOf(2023, time.December, 1)},
		// UK summer time: 09:15 BST is 08:15 UTC.
		{"01/07/2024 09:15", record.Date{Time: time.Date(2024, 7, 1, 8, 15, 0, 0, time.UTC), Precision: record.PrecisionMinute}},
		// Winter: GMT equals UTC.
		{"01/12/2024 09:15:42", record.Date{Time: time.Date(2024, 12, 1, 9, 15, 42, 0, time.UTC), Precision: record.PrecisionSecond}},
	}
	for _, tc := range tests {
		got, err := parsePlainDate(tc.in)
		if err != nil {
			t.Errorf("parsePlainDate(%q) error %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("parsePlainDate(%q) = %v (%v), want %v (%v)", tc.in, got, got.Precision, tc.want, tc.want.Precision)
		}
		if back, want := formatPlainDate(got), trimmed(tc.in); back != want {
			t.Errorf("formatPlainDate(parsePlainDate(%q)) = %q", tc.in, back)
		}
	}
}

func trimmed(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

func TestPlainDateErrors(t *testing.T) {
	for _, in := range []string{"31/02/2023", "2023-02-01", "1/2/2023", "13/2023", "0000", "01/01/1700", "01/01/2023 25:00", "abcd"} {
		if d, err := parsePlainDate(in); err == nil {
			t.Errorf("parsePlainDate(%q) = %v, want error", in, d)
		}
	}
}

func TestItemDate(t *testing.T) {
	tests := []struct {
		name        string
		date, clock string
		part        *int64
		want        record.Date
	}{
		{"day", "14/05/2024", "", int64p(datePartDay), record.DateOf(2024, time.May, 14)},
		{"day with time", "14/05/2024", "10:20", int64p(datePartDay), record.Date{Time: time.Date(2024, 5, 14, 9, 20, 0, 0, time.UTC), Precision: record.PrecisionMinute}},
		{"full", "14/01/2024 10:20:05", "", int64p(datePartFull), record.Date{Time: time.Date(2024, 1, 14, 10, 20, 5, 0, time.UTC), Precision: record.PrecisionSecond}},
		{"month", "05/2024", "", int64p(datePartMonth), record.Date{Time: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}},
		{"year", "2024", "", int64p(datePartYear), record.Date{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionYear}},
		{"unknown ignores the string", "whatever", "", int64p(datePartUnknown), record.Date{}},
		{"no DatePart: from the shape", "05/2024", "", nil, record.Date{Time: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Precision: record.PrecisionMonth}},
		{"no DatePart with time", "14/05/2024", "10:20", nil, record.Date{Time: time.Date(2024, 5, 14, 9, 20, 0, 0, time.UTC), Precision: record.PrecisionMinute}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseItemDate(tc.date, tc.part, tc.clock)
			if err != nil {
				t.Fatalf("parseItemDate error %v", err)
			}
			if got != tc.want {
				t.Fatalf("parseItemDate = %v (%v), want %v (%v)", got, got.Precision, tc.want, tc.want.Precision)
			}
			// Writing the date back and reading it again keeps value and precision.
			d, p, c := formatItemDate(got)
			again, err := parseItemDate(d, &p, c)
			if err != nil || again != got {
				t.Errorf("parseItemDate(formatItemDate(%v)) = %v, %v", got, again, err)
			}
		})
	}
}

func TestItemDateErrors(t *testing.T) {
	tests := []struct {
		name        string
		date, clock string
		part        int64
	}{
		{"year part with a day", "14/05/2024", "", datePartYear},
		{"month part with a year", "2024", "", datePartMonth},
		{"day part with a month", "05/2024", "", datePartDay},
		{"bad time", "14/05/2024", "1020", datePartDay},
		{"part out of range", "14/05/2024", "", 9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if d, err := parseItemDate(tc.date, &tc.part, tc.clock); err == nil {
				t.Errorf("parseItemDate = %v, want error", d)
			}
		})
	}
}

func TestTimestamp(t *testing.T) {
	want := time.Date(2024, 6, 3, 7, 45, 0, 0, time.UTC)
	got, err := parseTimestamp("03/06/2024", "08:45:00")
	if err != nil || !got.Equal(want) {
		t.Fatalf("parseTimestamp = %v, %v; want %v", got, err, want)
	}
	if d, c := formatTimestamp(got); d != "03/06/2024" || c != "08:45:00" {
		t.Errorf("formatTimestamp = %q %q", d, c)
	}
	midnight, err := parseTimestamp("03/06/2024", "")
	if err != nil || !midnight.Equal(time.Date(2024, 6, 2, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("parseTimestamp(date only) = %v, %v; want UK midnight", midnight, err)
	}
}
