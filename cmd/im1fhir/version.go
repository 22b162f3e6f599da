package main

// version is the product version reported in CapabilityStatement.software
// and telemetry; release builds override it with
// -ldflags "-X main.version=1.2.3".
var version = "0.1.0"

const softwareName = "im1fhir"
