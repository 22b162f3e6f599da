package adapter

import (
	"testing"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"im1fhir/conformance"
)

// TestSpans checks the trace of a Patient read: a server span named by
// route, with source, mapping and render children under it.
func TestSpans(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	prev := otel.GetTracerProvider()
	otel.SetTracerProvider(tp)
	t.Cleanup(func() { otel.SetTracerProvider(prev) })
	ts := mustServer(t) // after the provider is set: otelhttp picks it up at construction

	wantOK(t, gpcReq{path: foundations + "/Patient/1", interaction: conformance.IDPatientRead}.do(t, ts), "Patient")
	spans := rec.Ended()
	byName := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range spans {
		byName[s.Name()] = s
	}
	server, ok := byName["GET /:ods/STU3/1/gpconnect/fhir/Patient/:id"]
	if !ok {
		var names []string
		for _, s := range spans {
			names = append(names, s.Name())
		}
		t.Fatalf("no server span named by route; spans: %v", names)
	}
	for _, child := range []string{"source.patient", "mapping", "render"} {
		s, ok := byName[child]
		if !ok {
			t.Errorf("no %s span", child)
			continue
		}
		if s.Parent().SpanID() != server.SpanContext().SpanID() {
			t.Errorf("%s span is not a child of the server span", child)
		}
	}
	attrs := map[string]string{}
	for _, a := range server.Attributes() {
		attrs[string(a.Key)] = a.Value.Emit()
	}
	if attrs["gpconnect.interaction"] != conformance.IDPatientRead || attrs["gpconnect.consumer_asid"] != testConsumer || attrs["gpconnect.practice"] != "GPC001" {
		t.Errorf("server span attributes = %v", attrs)
	}
}
