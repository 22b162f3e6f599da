package conformance

// Root is a GP Connect capability root: each is registered separately in SDS
// and has its own CapabilityStatement.
type Root string

// The capability roots this provider serves, as path segments after
// /{ODS}/STU3/1/ (gpconnect.md §1.1; the demonstrator's /fhir suffix).
const (
	RootFoundations Root = "gpconnect/fhir"
	RootStructured  Root = "gpconnect/structured/fhir"
)

// Scope is a JWT requested_scope value (gpconnect.md §2).
type Scope string

// The scopes GP Connect defines.
const (
	ScopePatientRead  Scope = "patient/*.read"
	ScopePatientWrite Scope = "patient/*.write"
	ScopeOrgRead      Scope = "organization/*.read"
	ScopeOrgWrite     Scope = "organization/*.write"
)

// KnownScope reports whether s is a scope GP Connect defines.
func KnownScope(s Scope) bool {
	switch s {
	case ScopePatientRead, ScopePatientWrite, ScopeOrgRead, ScopeOrgWrite:
		return true
	}
	return false
}

// Interaction is one GP Connect interaction: its Spine interaction ID and the
// verb, path and scope it belongs to, plus what its CapabilityStatement entry
// says. The adapter routes exactly these; a handler is attached per ID.
type Interaction struct {
	ID     string
	Root   Root
	Method string
	// Path is relative to the root, in Echo's syntax ("/Patient/:id").
	Path  string
	Scope Scope
	// Reason is the JWT reason_for_request the interaction needs.
	Reason string

	// For the CapabilityStatement:
	Resource      string // FHIR resource type; "" for system-level operations and metadata
	Code          string // FHIR restful interaction code: read, search-type, create, update
	SearchParams  []SearchParam
	SearchInclude []string
	Operation     *Operation
	// Documentation is shown in the CapabilityStatement: what the call costs
	// and when to use it (IM1 im1_use_004).
	Documentation string
}

// SearchParam is a search parameter an interaction accepts.
type SearchParam struct {
	Name, Type, Documentation string
}

// Operation is a named FHIR operation and its OperationDefinition.
type Operation struct {
	Name, Definition string
}

const idPrefix = "urn:nhs:names:services:gpconnect:"

// Interaction IDs (gpconnect.md §1.3).
const (
	IDMetadata            = idPrefix + "fhir:rest:read:metadata-1"
	IDStructuredMetadata  = idPrefix + "structured:fhir:rest:read:metadata-1"
	IDPatientSearch       = idPrefix + "fhir:rest:search:patient-1"
	IDPatientRead         = idPrefix + "fhir:rest:read:patient-1"
	IDRegisterPatient     = idPrefix + "fhir:operation:gpc.registerpatient-1"
	IDGetStructuredRecord = idPrefix + "fhir:operation:gpc.getstructuredrecord-1"
	IDMigrateStructured   = idPrefix + "fhir:operation:gpc.migratestructuredrecord-1"
	IDSlotSearch          = idPrefix + "fhir:rest:search:slot-1"
	IDAppointmentRead     = idPrefix + "fhir:rest:read:appointment-1"
	IDAppointmentCreate   = idPrefix + "fhir:rest:create:appointment-1"
	IDAppointmentAmend    = idPrefix + "fhir:rest:update:appointment-1"
	IDAppointmentCancel   = idPrefix + "fhir:rest:cancel:appointment-1"
	IDPatientAppointments = idPrefix + "fhir:rest:search:patient_appointments-1"
	IDOrganizationRead    = idPrefix + "fhir:rest:read:organization-1"
	IDOrganizationSearch  = idPrefix + "fhir:rest:search:organization-1"
	IDPractitionerRead    = idPrefix + "fhir:rest:read:practitioner-1"
	IDPractitionerSearch  = idPrefix + "fhir:rest:search:practitioner-1"
	IDLocationRead        = idPrefix + "fhir:rest:read:location-1"

	// IDCodeSystemSearch is an im1fhir extension, named in GP Connect's
	// scheme: coding-scheme version discovery (IM1 im1_code_001), which GP
	// Connect itself does not define.
	IDCodeSystemSearch = idPrefix + "fhir:rest:search:codesystem-1"
)

// Interactions is every interaction GP Connect defines for the roots served
// here, whether or not a handler is attached yet. IDs outside this table are
// unknown and rejected.
var Interactions = []Interaction{
	{ID: IDMetadata, Root: RootFoundations, Method: "GET", Path: "/metadata", Scope: ScopeOrgRead,
		Documentation: "Light: served from memory."},
	{ID: IDStructuredMetadata, Root: RootStructured, Method: "GET", Path: "/metadata", Scope: ScopeOrgRead,
		Documentation: "Light: served from memory."},
	{ID: IDPatientSearch, Root: RootFoundations, Method: "GET", Path: "/Patient", Scope: ScopePatientRead,
		Resource: "Patient", Code: "search-type",
		SearchParams:  []SearchParam{{"identifier", "token", "NHS number: https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}"}},
		Documentation: "Light: one indexed look-up. Sensitive, deceased and inactive patients are not returned."},
	{ID: IDPatientRead, Root: RootFoundations, Method: "GET", Path: "/Patient/:id", Scope: ScopePatientRead,
		Resource: "Patient", Code: "read", Documentation: "Light: one indexed look-up."},
	{ID: IDRegisterPatient, Root: RootFoundations, Method: "POST", Path: "/Patient/$gpc.registerpatient", Scope: ScopePatientWrite,
		Operation: &Operation{"gpc.registerpatient", "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"}},
	{ID: IDGetStructuredRecord, Root: RootStructured, Method: "POST", Path: "/Patient/$gpc.getstructuredrecord", Scope: ScopePatientRead,
		Operation:     &Operation{"gpc.getstructuredrecord", "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-GetStructuredRecord-Operation-1/_history/1.16"},
		Documentation: "Heavy: reads and renders the patient's whole record. Ask only for the clinical areas you need."},
	{ID: IDMigrateStructured, Root: RootStructured, Method: "POST", Path: "/Patient/$gpc.migratestructuredrecord", Scope: ScopePatientRead, Reason: "migration",
		Operation: &Operation{"gpc.migratestructuredrecord", "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-MigrateStructuredRecord-Operation-1"}},
	{ID: IDSlotSearch, Root: RootFoundations, Method: "GET", Path: "/Slot", Scope: ScopeOrgRead, Resource: "Slot", Code: "search-type",
		SearchParams:  []SearchParam{{"start", "date", ""}, {"end", "date", ""}, {"status", "token", ""}, {"searchFilter", "token", ""}},
		SearchInclude: []string{"Schedule:actor:Location", "Schedule:actor:Practitioner", "Slot:schedule", "Location:managingOrganization"}},
	{ID: IDAppointmentRead, Root: RootFoundations, Method: "GET", Path: "/Appointment/:id", Scope: ScopePatientRead, Resource: "Appointment", Code: "read"},
	{ID: IDAppointmentCreate, Root: RootFoundations, Method: "POST", Path: "/Appointment", Scope: ScopePatientWrite, Resource: "Appointment", Code: "create"},
	{ID: IDAppointmentAmend, Root: RootFoundations, Method: "PUT", Path: "/Appointment/:id", Scope: ScopePatientWrite, Resource: "Appointment", Code: "update"},
	{ID: IDAppointmentCancel, Root: RootFoundations, Method: "PUT", Path: "/Appointment/:id", Scope: ScopePatientWrite, Resource: "Appointment", Code: "update"},
	{ID: IDPatientAppointments, Root: RootFoundations, Method: "GET", Path: "/Patient/:id/Appointment", Scope: ScopePatientRead, Resource: "Appointment", Code: "search-type",
		SearchParams: []SearchParam{{"start", "date", ""}}},
	{ID: IDOrganizationRead, Root: RootFoundations, Method: "GET", Path: "/Organization/:id", Scope: ScopeOrgRead, Resource: "Organization", Code: "read",
		Documentation: "Light."},
	{ID: IDOrganizationSearch, Root: RootFoundations, Method: "GET", Path: "/Organization", Scope: ScopeOrgRead, Resource: "Organization", Code: "search-type",
		SearchParams:  []SearchParam{{"identifier", "token", "ODS code: https://fhir.nhs.uk/Id/ods-organization-code|{odsCode}"}},
		Documentation: "Light."},
	{ID: IDPractitionerRead, Root: RootFoundations, Method: "GET", Path: "/Practitioner/:id", Scope: ScopeOrgRead, Resource: "Practitioner", Code: "read",
		Documentation: "Light."},
	{ID: IDPractitionerSearch, Root: RootFoundations, Method: "GET", Path: "/Practitioner", Scope: ScopeOrgRead, Resource: "Practitioner", Code: "search-type",
		SearchParams:  []SearchParam{{"identifier", "token", "SDS user id: https://fhir.nhs.uk/Id/sds-user-id|{sdsUserId}"}},
		Documentation: "Light."},
	{ID: IDLocationRead, Root: RootFoundations, Method: "GET", Path: "/Location/:id", Scope: ScopeOrgRead, Resource: "Location", Code: "read",
		Documentation: "Light."},
	{ID: IDCodeSystemSearch, Root: RootFoundations, Method: "GET", Path: "/CodeSystem", Scope: ScopeOrgRead, Resource: "CodeSystem", Code: "search-type",
		SearchParams: []SearchParam{{"url", "uri", "code system URI, e.g. http://snomed.info/sct"}, {"version", "token", "a version string or effective date (YYYYMMDD)"}},
		Documentation: "im1fhir extension (IM1 im1_code_001): which versions of each coding scheme are in use; content not-present. " +
			"Interaction ID " + IDCodeSystemSearch + ". Light: served from a cache refreshed every 30 s."},
}

var byID = func() map[string]*Interaction {
	m := make(map[string]*Interaction, len(Interactions))
	for i := range Interactions {
		m[Interactions[i].ID] = &Interactions[i]
	}
	return m
}()

// Lookup returns the interaction with the given ID.
func Lookup(id string) (*Interaction, bool) {
	in, ok := byID[id]
	return in, ok
}
