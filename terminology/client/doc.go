// Package client is the HTTP implementation of terminology.Client, for an
// adapter that talks to a separate terminology sidecar.
//
// Each call has a per-attempt timeout; failures that may be transient
// (connection errors, timeouts, 502/503/504) are retried with exponential
// back-off; 4xx answers are final. A circuit breaker opens after repeated
// transient failures so a dead sidecar costs callers nothing while it is
// down: calls fail at once with terminology.ErrUnavailable, which callers
// treat as "degrade" (keep the code and display the record already has).
// After a cool-down one probe call is let through; success closes the
// breaker.
package client
