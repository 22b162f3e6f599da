package source

import (
	"context"
	"errors"

	"im1fhir/record"
)

// Sentinel errors; implementations wrap them so callers test with errors.Is.
var (
	// ErrUnknownPractice: no practice with that ODS code is served here.
	ErrUnknownPractice = errors.New("unknown practice")
	// ErrNotFound: the practice holds no such item.
	ErrNotFound = errors.New("not found")
)

// GP Connect capabilities a practice can switch on.
const (
	CapabilityFoundations  = "foundations" // Foundations (Patient, Organization, Practitioner, Location, metadata)
	CapabilityAppointments = "appointments"
	CapabilityStructured   = "structured" // Access Record Structured
)

// AllCapabilities is every capability, for practices that enable all.
var AllCapabilities = []string{CapabilityFoundations, CapabilityAppointments, CapabilityStructured}

// Source is a GP system holding one or more practices. Returned values are
// shared snapshots: callers must not modify them.
type Source interface {
	// Practices lists the ODS codes of the practices served, sorted.
	Practices() []string
	// Directory returns a practice's organisations, sites and staff.
	Directory(ctx context.Context, ods string) (*Directory, error)
	// PatientByNHSNumber finds the practice's patient with that NHS number,
	// whatever their state; callers apply disclosure rules.
	PatientByNHSNumber(ctx context.Context, ods string, n record.NHSNumber) (*record.Patient, error)
	// Patient finds a patient by logical id.
	Patient(ctx context.Context, ods, id string) (*record.Patient, error)
	// Ready reports whether data and dependencies are ready to serve.
	Ready(ctx context.Context) error
}
