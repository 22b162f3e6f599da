package terminology

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of failure a Client reports. Callers test with errors.Is.
var (
	// ErrNotFound: the code is not in the resolved version.
	ErrNotFound = errors.New("terminology: code not found")
	// ErrUnknownSystem: the code system is not served.
	ErrUnknownSystem = errors.New("terminology: code system not supported")
	// ErrUnknownVersion: the version names nothing loaded (see VersionError).
	ErrUnknownVersion = errors.New("terminology: code system version not loaded")
	// ErrInvalid: the request itself is malformed.
	ErrInvalid = errors.New("terminology: invalid request")
	// ErrUnavailable: the terminology service cannot be reached; callers
	// should degrade (keep the code and display they already hold).
	ErrUnavailable = errors.New("terminology: service unavailable")
)

// VersionError says which versions would have been valid.
type VersionError struct {
	System  string
	Version string
	Valid   []string
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("terminology: version %q of %s is not loaded; valid versions: [%s]",
		e.Version, e.System, strings.Join(e.Valid, ", "))
}

// Unwrap makes errors.Is(err, ErrUnknownVersion) true.
func (e *VersionError) Unwrap() error { return ErrUnknownVersion }

func notFound(system, version, code string) error {
	return fmt.Errorf("%w: %s|%s in version %s", ErrNotFound, system, code, version)
}
