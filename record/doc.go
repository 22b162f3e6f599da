// Package record is the canonical GP record: the one shape every supplier format
// (EMIS, TPP, Vision) is mapped into and every renderer (GP Connect STU3 today)
// reads from.
//
// It holds plain Go types for practices, organisations, sites, practitioners,
// patients with their registration, and the clinical record (allergies,
// medications and issues, problems, consultations, observations, immunisations,
// investigations, referrals, diary entries, documents), plus appointment books.
// Coded values keep system, code, display and terminology version; dates keep
// their precision; every item carries LastModified.
//
// Only the standard library may be imported here: record knows nothing of
// suppliers, FHIR or HTTP.
package record
