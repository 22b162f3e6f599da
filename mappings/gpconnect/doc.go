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
// It also renders the Access Record Structured response (StructuredBundle):
// one builder per clinical item type (allergy.go, medication.go, problem.go,
// encounter.go, observation.go, immunization.go, investigation.go,
// referral.go, diary.go, document.go) and the GP Connect List structure
// (list.go). structured_plan.go decides which items a Bundle holds before
// anything is built, so every reference can be checked against the Bundle and
// none dangles. BundleJSON and EntryKey let the adapter assemble a Bundle
// from cached entry JSON, because the FHIR marshaller, not building, is the
// cost of a rich record. docs/structured-vs-emis.md compares the output with
// a real EMIS response.
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
