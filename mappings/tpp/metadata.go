package tpp

// Metadata is the directory part of a PatientRecord: the sites and users the
// record refers to.
type Metadata struct {
	Site []Site `xml:"Site"`
	User []User `xml:"User"`
}

// Site is a SystmOne site. Address is required by the schema.
type Site struct {
	Name      string  `xml:"Name"`
	ID        string  `xml:"ID"`
	Telephone string  `xml:"Telephone,omitempty"`
	Fax       string  `xml:"Fax,omitempty"`
	Email     string  `xml:"Email,omitempty"`
	Address   Address `xml:"Address"`
}

// User is a SystmOne user (a member of staff). Gender uses the Sex
// enumeration (M|F).
type User struct {
	Title          string       `xml:"Title"`
	FirstName      string       `xml:"FirstName"`
	MiddleNames    string       `xml:"MiddleNames,omitempty"`
	Surname        string       `xml:"Surname"`
	UserName       string       `xml:"UserName"`
	Gender         string       `xml:"Gender"`
	Role           string       `xml:"Role"`
	RoleCode       string       `xml:"RoleCode,omitempty"`
	NationalID     string       `xml:"NationalID,omitempty"`
	NationalIDType string       `xml:"NationalIDType,omitempty"`
	AccessRights   AccessRights `xml:"AccessRights"`
	UserGroups     UserGroups   `xml:"UserGroups"`
}

// AccessRights lists a user's access rights.
type AccessRights struct {
	Access []string `xml:"Access"`
}

// UserGroups lists the groups a user belongs to.
type UserGroups struct {
	Group []string `xml:"Group"`
}
