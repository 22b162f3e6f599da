package telemetry

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"go.opentelemetry.io/otel"
)

func TestSetupExportsMetricsAndLogsTraceIDs(t *testing.T) {
	tel, err := Setup(context.Background(), Config{ServiceName: "test", ServiceVersion: "0"})
	if err != nil {
		t.Fatal(err)
	}
	defer tel.Shutdown(context.Background())
	c, _ := otel.Meter("test").Int64Counter("im1fhir_test_total")
	c.Add(context.Background(), 3)
	w := httptest.NewRecorder()
	tel.Metrics.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	if body, _ := io.ReadAll(w.Body); !strings.Contains(string(body), "im1fhir_test_total") {
		t.Errorf("metrics lack the counter:\n%s", body)
	}

	var buf bytes.Buffer
	log := NewLogger(&buf, slog.LevelInfo)
	ctx, span := otel.Tracer("test").Start(context.Background(), "op")
	log.InfoContext(ctx, "hello")
	span.End()
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["trace_id"] != span.SpanContext().TraceID().String() {
		t.Errorf("trace_id = %v, want %s", rec["trace_id"], span.SpanContext().TraceID())
	}
}
