// Package terminology is the terminology sidecar's domain: loaded code
// system releases (SNOMED CT editions from RF2, dm+d weekly releases, legacy
// Read v2 / CTV3 / EMIS local code lists), the version registry that names
// them, and look-ups against a resolved version.
//
// Versions. A SNOMED CT version is http://snomed.info/sct/{module}/version/{YYYYMMDD},
// taken from the module dependency reference set. Requests may name an
// edition by any UK alias (83821000000107, 999000041000000102,
// 999000021000000109, …), an edition without a date (its latest loaded
// version), a bare date, or nothing (the default: the latest UK Monolith).
// Every request is first resolved to one concrete loaded version; caches are
// keyed by that resolved version, never by "latest", so a new release can
// never serve a stale answer. An unknown version is an error that lists the
// valid ones.
//
// Releases switch atomically: the loaded set is an immutable catalog behind
// an atomic pointer. Loading a release builds a new catalog and swaps it in;
// look-ups in flight finish against the catalog they started with, and older
// versions stay loaded for pinned look-ups.
//
// Service is the in-process implementation of Client (look-up and version
// discovery); package client is the HTTP one for a remote sidecar and
// package fhirapi serves the FHIR API. The package knows nothing of GP
// Connect.
//
//go:generate go run ./internal/fixturegen -out ../testdata/terminology -dmd-sample ../../shared/samples/dmd/dmd-2021-08-26
package terminology
