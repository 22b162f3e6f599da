package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"im1fhir/internal/redistest"
)

// TestTerminologyEndToEnd runs the real command on 127.0.0.1:0 with the
// embedded releases and a real Redis, then picks up a release dropped into
// the watched folder.
func TestTerminologyEndToEnd(t *testing.T) {
	redisURL := redistest.Start(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	watch := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	done := make(chan error, 1)
	cfg := terminologyConfig{RedisURL: redisURL, WatchDir: watch, WatchInterval: 50 * time.Millisecond, LogLevel: "info"}
	go func() { done <- runTerminology(ctx, cfg, ln, &lockedWriter{w: &logs}) }()
	base := "http://" + ln.Addr().String()
	waitReady(t, base+"/readyz", done)

	code, body := get(t, base+"/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=195967001", nil)
	if code != 200 || !strings.Contains(body, "83821000000107/version/20260311") || !strings.Contains(body, `"Asthma"`) {
		t.Errorf("lookup = %d %.400s", code, body)
	}
	code, body = get(t, base+"/fhir/metadata?mode=terminology", nil)
	if code != 200 || !strings.Contains(body, "TerminologyCapabilities") {
		t.Errorf("terminology capabilities = %d %.300s", code, body)
	}

	// A new dm+d week appears in the watched folder: copy the shipped week
	// under a later TRUD name (written via a temp name, as a copy tool would).
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "terminology", "nhsbsa_dmd_9.0.0_20210906000001.zip"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(watch, ".partial")
	if err := os.WriteFile(tmp, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(watch, "nhsbsa_dmd_9.1.0_20210913000001.zip")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		code, body = get(t, base+"/fhir/CodeSystem/$lookup?system=https://dmd.nhs.uk&code=318136009", nil)
		if strings.Contains(body, `"valueString":"20210913"`) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code != 200 || !strings.Contains(body, `"valueString":"20210913"`) {
		t.Fatalf("watched release not switched to within 5s: %d %.300s", code, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("runTerminology returned %v after cancel", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("runTerminology did not stop after cancel")
	}
}

func TestTerminologyHelpNamesEveryEnvVar(t *testing.T) {
	var out bytes.Buffer
	_, err := parseTerminologyFlags([]string{"--help"}, &out)
	if err == nil {
		t.Fatal("--help returned no error (want flag.ErrHelp)")
	}
	for _, env := range []string{"REDIS_URL", "IM1FHIR_TERMINOLOGY_ADDR", "IM1FHIR_RELEASE_DIR", "IM1FHIR_TERMINOLOGY_WATCH", "IM1FHIR_TERMINOLOGY_ADMIN_TOKEN", "OTEL_EXPORTER_OTLP_ENDPOINT"} {
		if !strings.Contains(out.String(), env) {
			t.Errorf("--help does not mention %s", env)
		}
	}
}
