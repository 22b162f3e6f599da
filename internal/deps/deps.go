// Package deps pins the required modules until the packages that use them land; delete it then.
package deps

import (
	_ "github.com/google/fhir/go/jsonformat"
	_ "github.com/labstack/echo/v4"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/samber/lo"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	_ "go.opentelemetry.io/otel/sdk/trace"
)
