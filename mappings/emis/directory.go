package emis

// PeopleListType is the person directory: users in their roles and other
// people the message refers to.
type PeopleListType struct {
	Person []PersonType `xml:"Person"`
}

// PersonType describes a person, normally a user in one role. A user with
// several roles appears once per role with the same GUID.
type PersonType struct {
	IdentType
	Mnemonic                string              `xml:"Mnemonic,omitempty"`
	PCSUser                 *int64              `xml:"PCSUser,omitempty"`
	ActiveEMISUser          string              `xml:"ActiveEMISUser,omitempty"`
	Title                   string              `xml:"Title,omitempty"`
	FirstNames              string              `xml:"FirstNames,omitempty"`
	LastName                string              `xml:"LastName,omitempty"`
	Category                *PersonCategoryType `xml:"Category,omitempty"`
	NationalCode            string              `xml:"NationalCode,omitempty"`
	PrescriptionCode        string              `xml:"PrescriptionCode,omitempty"`
	GmcCode                 *int64              `xml:"GmcCode,omitempty"`
	UKCCCode                string              `xml:"UKCCCode,omitempty"`
	Scripts                 string              `xml:"Scripts,omitempty"`
	Consulter               string              `xml:"Consulter,omitempty"`
	ContractStart           string              `xml:"ContractStart,omitempty"`
	ContractEnd             string              `xml:"ContractEnd,omitempty"`
	Doctor                  string              `xml:"Doctor,omitempty"`
	Locum                   string              `xml:"Locum,omitempty"`
	Registrar               string              `xml:"Registrar,omitempty"`
	Maternity               string              `xml:"Maternity,omitempty"`
	ChildSurveillance       string              `xml:"ChildSurveillance,omitempty"`
	Contraceptive           string              `xml:"Contraceptive,omitempty"`
	TwentyFourHour          string              `xml:"TwentyFourHour,omitempty"`
	MinorSurgery            string              `xml:"MinorSurgery,omitempty"`
	ResonsibleHA            *IdentType          `xml:"ResonsibleHA,omitempty"`
	Trainer                 *IdentType          `xml:"Trainer,omitempty"`
	ContractualRelationship string              `xml:"ContractualRelationship,omitempty"`
	Address                 *AddressType        `xml:"Address,omitempty"`
	Telephone1              string              `xml:"Telephone1,omitempty"`
	Telephone2              string              `xml:"Telephone2,omitempty"`
	Fax                     string              `xml:"Fax,omitempty"`
	Email                   string              `xml:"Email,omitempty"`
	Role                    *RoleType           `xml:"Role,omitempty"`
	Security1               string              `xml:"Security1,attr,omitempty"`
	Security2               string              `xml:"Security2,attr,omitempty"`
}

// PersonCategoryType is a job or staff category.
type PersonCategoryType struct {
	IdentType
	Mnemonic    string `xml:"Mnemonic,omitempty"`
	Description string `xml:"Description,omitempty"`
	// Purpose is UPDATE or REFERENCE.
	Purpose string `xml:"Purpose,attr,omitempty"`
}

// RoleType is a role defined by application, team and location.
type RoleType struct {
	IdentType
	Application *ApplicationType `xml:"Application,omitempty"`
	Team        *IdentType       `xml:"Team,omitempty"`
	// Location points into the LocationList.
	Location *IdentType `xml:"Location,omitempty"`
}

// ApplicationType is the EMIS application the user works in (GP, DDU ...).
type ApplicationType struct {
	IdentType
	ApplicationMnemonic string `xml:"ApplicationMnemonic,omitempty"`
	ApplicationName     string `xml:"ApplicationName,omitempty"`
}

// LocationListType is the location directory: the practice, its sites and
// any other organisation the message refers to.
type LocationListType struct {
	Location []LocationType `xml:"Location"`
}

// LocationType is any physical location or organisation.
type LocationType struct {
	IdentType
	LocationName   string              `xml:"LocationName,omitempty"`
	NationalCode   string              `xml:"NationalCode,omitempty"`
	LocationTypeID *IdentType          `xml:"LocationTypeID,omitempty"`
	Address        *AddressType        `xml:"Address,omitempty"`
	Telephone1     string              `xml:"Telephone1,omitempty"`
	Telephone2     string              `xml:"Telephone2,omitempty"`
	Fax            string              `xml:"Fax,omitempty"`
	Email          string              `xml:"Email,omitempty"`
	Contact        string              `xml:"Contact,omitempty"`
	Cypher         string              `xml:"Cypher,omitempty"`
	Interchange    *int64              `xml:"Interchange,omitempty"`
	LinkCode       string              `xml:"LinkCode,omitempty"`
	SeniorPartner  string              `xml:"SeniorPartner,omitempty"`
	PCGCode        string              `xml:"PCGCode,omitempty"`
	PCTCode        string              `xml:"PCTCode,omitempty"`
	GPLinkCodeList *GPLinkCodeListType `xml:"GPLinkCodeList,omitempty"`
}

// GPLinkCodeListType lists a location's links to other locations.
type GPLinkCodeListType struct {
	GPLinkCode []GPLinkCodeType `xml:"GPLinkCode"`
}

// GPLinkCodeType is one link: the linked location's identity and a code.
type GPLinkCodeType struct {
	IdentType
	LinkCode string `xml:"LinkCode"`
}

// LocationTypeListType is the directory of location types.
type LocationTypeListType struct {
	LocationType []TypeOfLocationType `xml:"LocationType"`
}

// TypeOfLocationType is one location type ("General Practice", "Main Surgery" ...).
type TypeOfLocationType struct {
	IdentType
	Description string `xml:"Description,omitempty"`
}
