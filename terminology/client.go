package terminology

import "context"

// Client is what the adapter asks of terminology: look-ups and version
// discovery. *Service implements it in-process; client.HTTP implements it
// against a running sidecar. Errors wrap ErrNotFound, ErrUnknownSystem,
// ErrUnknownVersion (*VersionError), ErrInvalid or ErrUnavailable.
type Client interface {
	// Lookup resolves req.Version to one loaded version and returns the
	// concept as that version has it; the result always names the resolved
	// version.
	Lookup(ctx context.Context, req LookupRequest) (LookupResult, error)
	// Versions lists every loaded version of system ("" = every system),
	// newest first, with the default marked.
	Versions(ctx context.Context, system string) ([]CodeSystemVersion, error)
}

// LookupRequest is the input of CodeSystem/$lookup.
type LookupRequest struct {
	System          string
	Version         string // any accepted form; "" = the default version
	Code            string
	DisplayLanguage string   // BCP-47; "" = en-GB
	Properties      []string // property codes wanted; nil = all
}

// LookupResult is the output of CodeSystem/$lookup.
type LookupResult struct {
	System       string        `json:"system"`
	Name         string        `json:"name"`    // code system name
	Version      string        `json:"version"` // resolved version, always set
	Code         string        `json:"code"`
	Display      string        `json:"display"`
	Active       bool          `json:"active"`
	Abstract     bool          `json:"abstract"`
	Designations []Designation `json:"designation,omitempty"`
	Properties   []Property    `json:"property,omitempty"`
}

var _ Client = (*Service)(nil)
