// Package source defines what the adapter asks of a GP system — the
// practice directory and patients' records, in canonical record form — and
// nothing about HTTP or FHIR. Implementations: source/sandbox (practices on
// disk in the suppliers' native formats); later source/upstream (a live IM1
// API).
package source
