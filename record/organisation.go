package record

import "time"

// Organisation is a practice or another organisation the record refers to.
type Organisation struct {
	ID      string
	ODSCode string
	Name    string
	// Type is a GPConnect-OrganisationType-1 code ("gp-practice", "urgent-care") when known.
	Type      string
	Telecom   []ContactPoint
	Addresses []Address
	// PartOfID links a branch organisation to its parent.
	PartOfID     string
	LastModified time.Time
}

// Location is a site where care is given (a surgery, a branch).
type Location struct {
	ID string
	// SiteODSCode is the site's ODS code (e.g. Z26556), when it has one.
	SiteODSCode            string
	Name                   string
	Status                 string // "active", "suspended", "inactive"
	Address                Address
	Telecom                []ContactPoint
	ManagingOrganisationID string
	LastModified           time.Time
}

// Practitioner is a clinician or staff member.
type Practitioner struct {
	ID string
	// SDSUserID and SDSRoleProfileIDs are the national (Spine directory)
	// identifiers; either may be absent.
	SDSUserID         string
	SDSRoleProfileIDs []string
	// LocalUserID is the supplier system's own login id.
	LocalUserID  string
	Name         HumanName
	Gender       Gender
	Telecom      []ContactPoint
	Roles        []PractitionerRole
	LastModified time.Time
}

// PractitionerRole is a practitioner's role at an organisation.
type PractitionerRole struct {
	ID             string
	OrganisationID string
	// JobRole is an SDS job role (CareConnect-SDSJobRoleName-1), e.g. R0260 "General Medical Practitioner".
	JobRole Code
}
