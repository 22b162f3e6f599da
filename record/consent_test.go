package record

import (
	"testing"
	"time"
)

func TestConsentOf(t *testing.T) {
	cases := []struct {
		system, code string
		want         Consent
	}{
		{SystemSNOMED, "416308001", ConsentDissent},
		{SystemSNOMED, "425691002", ConsentGiven},
		{SystemSNOMED, "417370002", ConsentGiven},
		{SystemSNOMED, "425689007", ConsentUnknown}, // not an SCTID
		{SystemReadV2, "9Nd1.", ConsentDissent},
		{SystemReadV2, "9Nd1", ConsentDissent},
		{SystemReadV2, " 9Nd7. ", ConsentGiven},
		{SystemCTV3, "XaKII", ConsentDissent},
		{SystemCTV3, "9Nd1.", ConsentDissent},
		{SystemReadV2, "XaKII", ConsentUnknown},
		{SystemSNOMED, "9Nd1.", ConsentUnknown},
		{SystemReadV2, "G20..", ConsentUnknown},
	}
	for _, c := range cases {
		if got := ConsentOf(c.system, c.code); got != c.want {
			t.Errorf("ConsentOf(%s, %q) = %v, want %v", c.system, c.code, got, c.want)
		}
	}
}

func TestConsentHistory(t *testing.T) {
	d := func(y int) Date { return DateOf(y, time.January, 1) }
	var h ConsentHistory
	h.Add(ConsentDissent, d(2020))
	h.Add(ConsentGiven, Date{}) // undated: older than any dated entry
	h.Add(ConsentUnknown, d(2030))
	if h.Consent() != ConsentDissent {
		t.Fatalf("got %v, want dissent", h.Consent())
	}
	h.Add(ConsentGiven, d(2020)) // equal date: the later entry wins
	if h.Consent() != ConsentGiven {
		t.Fatalf("got %v, want consent given", h.Consent())
	}
	h.Add(ConsentDissent, d(2019))
	if h.Consent() != ConsentGiven {
		t.Fatalf("an older entry overrode a newer one")
	}
}
