package main

import (
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// TestAdapterWithSidecar runs the deployment shape of docker-compose: the
// terminology sidecar and the adapter as separate servers talking HTTP.
// With the sidecar stopped the adapter keeps answering.
func TestAdapterWithSidecar(t *testing.T) {
	tln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tctx, stopSidecar := context.WithCancel(context.Background())
	tdone := make(chan error, 1)
	tcfg, err := parseTerminologyFlags([]string{"--log-level", "error"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	go func() { tdone <- runTerminology(tctx, tcfg, tln, io.Discard) }()
	sidecar := "http://" + tln.Addr().String()
	waitReady(t, sidecar+"/readyz", tdone)

	aln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	actx, stopAdapter := context.WithCancel(context.Background())
	defer stopAdapter()
	adone := make(chan error, 1)
	go func() {
		adone <- runServe(actx, serveConfig{ASID: "918999198738", LogLevel: "error", TerminologyURL: sidecar}, aln, io.Discard)
	}()
	base := "http://" + aln.Addr().String()
	waitReady(t, base+"/readyz", adone)

	codeSystems := func() (int, string) {
		return get(t, base+"/GPC001/STU3/1/gpconnect/fhir/CodeSystem?url=http://snomed.info/sct",
			gpcHeaders("urn:nhs:names:services:gpconnect:fhir:rest:search:codesystem-1", "organization/*.read"))
	}
	code, body := codeSystems()
	if code != 200 || !strings.Contains(body, `"resourceType":"CodeSystem"`) {
		t.Fatalf("CodeSystem search through the sidecar = %d %.300s", code, body)
	}

	stopSidecar()
	select {
	case <-tdone:
	case <-time.After(20 * time.Second):
		t.Fatal("sidecar did not stop")
	}
	code, body = get(t, base+"/GPC001/STU3/1/gpconnect/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9476719915",
		gpcHeaders("urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1", "patient/*.read"))
	if code != 200 || !strings.Contains(body, "9476719915") {
		t.Errorf("patient search with the sidecar down = %d %.200s", code, body)
	}
	if code, body := codeSystems(); code != 200 {
		t.Errorf("CodeSystem search with the sidecar down = %d, want the last known list: %.200s", code, body)
	}
}
