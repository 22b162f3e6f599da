// Package adapter is the HTTP face of im1fhir: an Echo server exposing each
// sandbox or upstream practice as GP Connect FHIR STU3.
//
// Roots, one set per practice ODS code:
//
//	/{ODS}/STU3/1/gpconnect/fhir             Foundations and Appointment Management
//	/{ODS}/STU3/1/gpconnect/structured/fhir  Access Record Structured
//
// Interactions served at the Foundations root: metadata, Patient search and
// read, Organization search and read, Practitioner search and read, Location
// read. Interactions GP Connect defines that have no handler yet answer 501
// NOT_IMPLEMENTED after the full pipeline and are left out of the
// CapabilityStatement.
//
// Every GP Connect request passes, in order: practice known → SSP headers
// present → Ssp-To is our ASID → interaction ID known and matching verb and
// path → JWT decoded and every claim rule checked → scope matches the
// interaction → response format negotiated → handler. Handlers return
// errors; one writer turns them into GPConnect-OperationOutcome-1 bodies.
// Every response carries Cache-Control: no-store.
//
// Outside the GP Connect roots: GET /healthz, GET /readyz, GET /metrics.
package adapter
