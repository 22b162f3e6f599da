// Package gpconnect renders the canonical GP record (package record) as FHIR
// STU3 resources carrying the GP Connect profiles, using the
// github.com/google/fhir/go protos and its jsonformat marshaller.
//
// It builds the Foundations resources (Patient per CareConnect-GPC-Patient-1,
// Organization, Practitioner, PractitionerRole, Location), the searchset Bundle
// (GPConnect-Searchset-Bundle-1) and the error OperationOutcome
// (GPConnect-OperationOutcome-1), and holds the profile, extension,
// identifier and code-system URLs GP Connect uses.
//
// Every builder returns a fresh message that nobody else holds. That matters:
// jsonformat's marshaller rewrites typed references in the message it is
// given, so a message must be marshalled by one goroutine only and never
// reused afterwards (see Renderer).
//
// Every resource carries meta.versionId, a hash of everything rendered
// (VersionID), so the adapter can send ETag W/"<versionId>" without the GP
// system keeping versions. Times are written in UTC ("Z"): the library looks up
// a time zone per value otherwise, which makes marshalling 4–5× slower.
//
// Nothing in the FHIR library checks GP Connect profiles, so the rules this
// package follows (one meta.profile, forbidden elements left out, fixed
// extension URLs) are asserted by its own tests.
package gpconnect
