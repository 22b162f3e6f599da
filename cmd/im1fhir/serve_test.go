package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeEndToEnd runs the real command on 127.0.0.1:0 with the embedded
// sandbox, as a user would, and shuts it down by cancelling its context.
func TestServeEndToEnd(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, serveConfig{ASID: "918999198738", LogLevel: "info"}, ln, &lockedWriter{w: &logs})
	}()
	base := "http://" + ln.Addr().String()
	waitReady(t, base+"/readyz", done)

	for _, path := range []string{"/healthz", "/readyz"} {
		if code, _ := get(t, base+path, nil); code != 200 {
			t.Errorf("GET %s = %d", path, code)
		}
	}
	code, body := get(t, base+"/GPC001/STU3/1/gpconnect/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9476719915",
		gpcHeaders("urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1", "patient/*.read"))
	if code != 200 || !strings.Contains(body, `"resourceType":"Patient"`) || !strings.Contains(body, "9476719915") {
		t.Errorf("patient search = %d %.300s", code, body)
	}
	code, body = get(t, base+"/GPC001/STU3/1/gpconnect/fhir/CodeSystem?url=http://snomed.info/sct",
		gpcHeaders("urn:nhs:names:services:gpconnect:fhir:rest:search:codesystem-1", "organization/*.read"))
	if code != 200 || !strings.Contains(body, `"resourceType":"CodeSystem"`) {
		t.Errorf("CodeSystem search with in-process terminology = %d %.300s", code, body)
	}
	if code, body := get(t, base+"/metrics", nil); code != 200 || !strings.Contains(body, "http_server") {
		t.Errorf("GET /metrics = %d, want Prometheus text with HTTP server metrics:\n%.500s", code, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("runServe returned %v after cancel", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("runServe did not stop after cancel")
	}
	if l := logs.String(); strings.Contains(l, "9476719915") {
		t.Errorf("logs carry an NHS number:\n%s", l)
	}
}

// waitReady polls url until it answers 200, failing at once if the server
// goroutine has already returned.
func waitReady(t *testing.T, url string, done <-chan error) {
	t.Helper()
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("server stopped before it was ready: %v", err)
		default:
		}
		if resp, err := client.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never became ready", url)
}

func get(t *testing.T, url string, h http.Header) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if h != nil {
		req.Header = h
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func gpcHeaders(interaction, scope string) http.Header {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	now := time.Now().Unix()
	claims := map[string]any{"iss": "https://c.example", "sub": "1", "aud": "https://p.example", "iat": now, "exp": now + 300,
		"reason_for_request": "directcare", "requested_scope": scope,
		"requesting_device":       map[string]any{"resourceType": "Device", "model": "t", "version": "1"},
		"requesting_organization": map[string]any{"resourceType": "Organization", "identifier": []any{map[string]any{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "GPCA0001"}}},
		"requesting_practitioner": map[string]any{"resourceType": "Practitioner", "id": "1", "identifier": []any{map[string]any{"system": "https://fhir.nhs.uk/Id/sds-user-id", "value": "UNK"}}}}
	h := http.Header{}
	h.Set("Ssp-TraceID", "5f8d3a4e-0000-4000-8000-000000000001")
	h.Set("Ssp-From", "200000000359")
	h.Set("Ssp-To", "918999198738")
	h.Set("Ssp-InteractionID", interaction)
	h.Set("Authorization", "Bearer "+enc(map[string]any{"alg": "none", "typ": "JWT"})+"."+enc(claims)+".")
	return h
}
