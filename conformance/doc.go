// Package conformance holds what GP Connect fixes and consumers check
// against: the Spine error codes and the typed Error that carries them, the
// interaction IDs with the HTTP verb and path each belongs to, and the
// CapabilityStatements, built from the route table the adapter actually
// serves so that they cannot drift from it.
package conformance
