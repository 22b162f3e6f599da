// Package telemetry sets up OpenTelemetry for the binary's commands: a
// tracer provider (OTLP/HTTP export when an endpoint is configured; spans are
// created either way so trace ids reach logs and error bodies), a meter
// provider exported as Prometheus text, and a slog JSON handler that adds
// the current trace id to every record logged with a context.
package telemetry
