package record

import "time"

// Schedule is a bookable session or rota: a practitioner and/or location
// offering slots over a planning horizon.
type Schedule struct {
	ID             string
	PractitionerID string
	LocationID     string
	// JobRole is the practitioner's SDS job role for this schedule.
	JobRole Code
	// Category is the session or rota name (GP Connect serviceCategory).
	Category     string
	Horizon      Period
	Slots        []Slot
	LastModified time.Time
}

// Slot is one bookable period in a schedule.
type Slot struct {
	ID         string
	ScheduleID string
	Start, End time.Time
	// Status is "free", "busy", "busy-unavailable", "busy-tentative", "entered-in-error".
	Status string
	// ServiceType is the slot type description ("Routine GP appointment").
	ServiceType string
	// DeliveryChannel is "In-person", "Telephone" or "Video".
	DeliveryChannel string
	// BookableOrgTypes and BookableODSCodes restrict who may book; empty means anyone.
	BookableOrgTypes []string
	BookableODSCodes []string
	LastModified     time.Time
}

// Appointment is a booking of one or more adjacent slots.
type Appointment struct {
	ID                 string
	Version            int
	Status             string // "booked", "cancelled", ...
	PatientID          string
	SlotIDs            []string
	Start              time.Time
	End                time.Time
	LocationID         string
	PractitionerID     string
	Description        string
	Comment            string
	Created            time.Time
	CancellationReason string
	// BookingOrganisation is who booked it (GP Connect contained Organization).
	BookingOrganisation *Organisation
	ServiceType         string
	ServiceCategory     string
	DeliveryChannel     string
	LastModified        time.Time
}
