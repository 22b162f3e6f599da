package record

import (
	"errors"
	"testing"
)

func TestParseNHSNumber(t *testing.T) {
	valid := []string{"9000000009", "9476719915", "9476719931", "9006763985", "9973179641", "9999999999"}
	for _, s := range valid {
		if _, err := ParseNHSNumber(s); err != nil {
			t.Errorf("ParseNHSNumber(%q) = %v, want valid", s, err)
		}
	}
	// Rejections the GP Connect assurance suite sends.
	invalid := []string{"34555##4", "hello", "999999999", "9000000008", "90000000090", "", "１２３４５６７８９０"}
	for _, s := range invalid {
		if _, err := ParseNHSNumber(s); !errors.Is(err, ErrInvalidNHSNumber) {
			t.Errorf("ParseNHSNumber(%q) = %v, want ErrInvalidNHSNumber", s, err)
		}
	}
}

func FuzzParseNHSNumber(f *testing.F) {
	f.Add("9000000009")
	f.Add("34555##4")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNHSNumber(s)
		if err == nil && (len(n) != 10 || string(n) != s) {
			t.Fatalf("accepted %q as %q", s, n)
		}
	})
}
