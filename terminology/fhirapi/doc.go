// Package fhirapi serves the terminology sidecar over HTTP with Echo.
//
// FHIR base /fhir (R4 by default; Accept "application/fhir+json; fhirVersion=3.0"
// gives STU3 shapes):
//
//	GET       /fhir/metadata                     the sidecar's CapabilityStatement
//	GET       /fhir/metadata?mode=terminology    TerminologyCapabilities (R4): every code
//	                                             system, every loaded version, the default
//	GET       /fhir/CodeSystem?url=&version=&_elements=
//	                                             one CodeSystem (content not-present) per version
//	GET       /fhir/CodeSystem/{id}              one of those
//	GET|POST  /fhir/CodeSystem/$lookup           system, code, version, coding, property,
//	                                             displayLanguage (or Accept-Language)
//	GET|POST  /fhir/CodeSystem/$validate-code    url|system, code, version, display, coding
//	GET|POST  /fhir/ValueSet/$validate-code      url={system or version URI}?fhir_vs[=isa/{id}]
//
// Plain JSON and operations:
//
//	GET  /releases                  the version registry as JSON
//	POST /admin/releases?name={zip} load a release zip (request body) and switch to it
//	GET  /healthz, /readyz
//
// Errors are OperationOutcomes: an unknown code is 404 (issue code-invalid),
// an unknown version 404 (not-found) listing the valid versions, an
// unsupported system 400 (not-supported), a malformed request 400 (invalid).
// Nothing internal is ever put in a 5xx body.
package fhirapi
