package record

import "time"

// Practice is everything a GP system holds for one practice: the practice
// itself, the other organisations and sites it refers to, its staff, its
// patients and its appointment book.
type Practice struct {
	Organisation  Organisation
	Organisations []Organisation // others referred to (branches, referral targets)
	Locations     []Location
	Practitioners []Practitioner
	Patients      []Patient
	Schedules     []Schedule
	Appointments  []Appointment
	// Supplier names the native format the practice data came from
	// ("emis", "tpp", "vision").
	Supplier     string
	LastModified time.Time
}
