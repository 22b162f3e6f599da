package record

import (
	"errors"
	"fmt"
)

// NHSNumber is a 10-digit NHS number whose modulus 11 check digit is valid.
// Obtain one through ParseNHSNumber.
type NHSNumber string

// ErrInvalidNHSNumber is returned by ParseNHSNumber.
var ErrInvalidNHSNumber = errors.New("invalid NHS number")

// ParseNHSNumber validates s: exactly ten ASCII digits, modulus 11 check digit
// (weights 10..2; 11 means 0; 10 means never valid).
func ParseNHSNumber(s string) (NHSNumber, error) {
	if len(s) != 10 {
		return "", fmt.Errorf("%w: want 10 digits, got %d characters", ErrInvalidNHSNumber, len(s))
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return "", fmt.Errorf("%w: non-digit at position %d", ErrInvalidNHSNumber, i+1)
		}
		if i < 9 {
			sum += int(c-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 || check != int(s[9]-'0') {
		return "", fmt.Errorf("%w: check digit fails", ErrInvalidNHSNumber)
	}
	return NHSNumber(s), nil
}

// String returns the ten digits.
func (n NHSNumber) String() string { return string(n) }

// NHSNumberStatus is the NHS number verification status
// (CareConnect-NHSNumberVerificationStatus-1): "01" present and verified ..
// "08" trace postponed.
type NHSNumberStatus string

// Verification statuses used by the sandbox and the rules.
const (
	NHSNumberVerified      NHSNumberStatus = "01"
	NHSNumberNotTraced     NHSNumberStatus = "02"
	NHSNumberTraceRequired NHSNumberStatus = "03"
)

// NHSNumberStatusDisplay gives the CodeSystem display for each status.
var NHSNumberStatusDisplay = map[NHSNumberStatus]string{
	"01": "Number present and verified",
	"02": "Number present but not traced",
	"03": "Trace required",
	"04": "Trace attempted - No match or multiple match found",
	"05": "Trace needs to be resolved - (NHS number or patient detail conflict)",
	"06": "Trace in progress",
	"07": "Number not present and trace not required",
	"08": "Trace postponed (baby under six weeks old)",
}
