package record

import (
	"testing"
	"time"
)

func TestDateOverlaps(t *testing.T) {
	y2019 := Date{Time: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}
	mar := Date{Time: time.Date(2019, 3, 15, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}
	day := DateOf(2019, 3, 15)
	from := time.Date(2019, 3, 31, 0, 0, 0, 0, time.UTC)
	to := time.Date(2019, 4, 2, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		d    Date
		want bool
	}{
		{"year covers window", y2019, true},
		{"month ends inside window", mar, true},
		{"day before window", day, false},
		{"unknown date always matches", Date{}, true},
	}
	for _, c := range cases {
		if got := c.d.Overlaps(from, to); got != c.want {
			t.Errorf("%s: %v.Overlaps = %v, want %v", c.name, c.d, got, c.want)
		}
	}
	if s, e := mar.Interval(); !s.Equal(time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)) || !e.Equal(time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("month interval = %v..%v", s, e)
	}
}
