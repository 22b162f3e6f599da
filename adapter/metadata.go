package adapter

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"

	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/mappings/gpconnect"
)

// capabilityCache holds each root's rendered CapabilityStatement: it depends
// only on the route table and build, so it is rendered once per process.
type capabilityCache struct {
	once sync.Once
	body []byte
	err  error
}

// handleMetadata serves GET [base]/metadata for either root. It must always
// succeed (gpconnect.md §7).
func (s *Server) handleMetadata(c echo.Context) error {
	root := requestInfoFrom(c).interaction.Root
	cc := s.capabilities[root]
	cc.once.Do(func() {
		cc.body, cc.err = s.renderer.JSON(conformance.CapabilityStatement(s.capabilityConfig(root)))
	})
	if cc.err != nil {
		return cc.err
	}
	return writeJSON(c, http.StatusOK, cc.body, "")
}

func (s *Server) capabilityConfig(root conformance.Root) conformance.CapabilityConfig {
	cfg := conformance.CapabilityConfig{
		Root: root, SoftwareName: s.cfg.SoftwareName, SoftwareVersion: s.cfg.SoftwareVersion,
		Formats: []string{mimeFHIRJSON}, Routed: s.routed[root], Date: s.started,
		SpecVersion: specFoundations, Profiles: gpconnect.FoundationsProfiles(),
	}
	if root == conformance.RootStructured {
		cfg.SpecVersion, cfg.Profiles = specStructured, gpconnect.StructuredProfiles()
	}
	return cfg
}

// newBundleID returns a random Bundle.id for searchsets.
func newBundleID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
