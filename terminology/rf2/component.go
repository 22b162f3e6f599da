package rf2

import "fmt"

// Well-known SCTIDs the loader needs (SNOMED CT metadata; using them is fine
// under the licence: they are structural constants, not content).
const (
	RefsetModuleDependency = "900000000000534007"
	IsA                    = "116680003"
	TypeFSN                = "900000000000003001"
	TypeSynonym            = "900000000000013009"
	TypeDefinition         = "900000000000550004"
	Preferred              = "900000000000548007"
	Acceptable             = "900000000000549004"
	Defined                = "900000000000073002"
	Primitive              = "900000000000074008"
	StatedRelationship     = "900000000000010007"
	RefsetReplacedBy       = "900000000000526001"
	RefsetSameAs           = "900000000000527005"
	RefsetPossiblyEquiv    = "900000000000523009"
	RefsetConceptInactive  = "900000000000489007"
	ModuleCore             = "900000000000207008"
	ModuleModel            = "900000000000012004"
)

// Row is what every component row shares: id effectiveTime active moduleId.
type Row struct {
	ID            string
	EffectiveTime string
	Active        bool
	ModuleID      string
}

func (r Row) rowKey() (string, string) { return r.ID, r.EffectiveTime }

// Concept is a row of sct2_Concept_….
type Concept struct {
	Row
	DefinitionStatusID string
}

// Description is a row of sct2_Description_… (or TextDefinition).
type Description struct {
	Row
	ConceptID          string
	LanguageCode       string
	TypeID             string
	Term               string
	CaseSignificanceID string
}

// Relationship is a row of sct2_Relationship_….
type Relationship struct {
	Row
	SourceID             string
	DestinationID        string
	RelationshipGroup    string
	TypeID               string
	CharacteristicTypeID string
	ModifierID           string
}

// Member is a row of any der2 reference set: refsetId,
// referencedComponentId and the pattern's extra columns in order.
type Member struct {
	Row
	RefsetID              string
	ReferencedComponentID string
	Extra                 []string
}

func parseRow(cols []string) (Row, error) {
	if len(cols) < 4 {
		return Row{}, fmt.Errorf("rf2: %d columns, want at least 4", len(cols))
	}
	var active bool
	switch cols[2] {
	case "1":
		active = true
	case "0":
	default:
		return Row{}, fmt.Errorf("rf2: active %q is not 0 or 1", cols[2])
	}
	if !isDate(cols[1]) {
		return Row{}, fmt.Errorf("rf2: effectiveTime %q is not YYYYMMDD", cols[1])
	}
	if cols[0] == "" {
		return Row{}, fmt.Errorf("rf2: empty id")
	}
	return Row{ID: cols[0], EffectiveTime: cols[1], Active: active, ModuleID: cols[3]}, nil
}

func isDate(s string) bool {
	if len(s) != 8 {
		return false
	}
	for i := 0; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseConcept parses the columns of a concept row.
func ParseConcept(cols []string) (Concept, error) {
	if len(cols) != 5 {
		return Concept{}, fmt.Errorf("rf2: concept has %d columns, want 5", len(cols))
	}
	r, err := parseRow(cols)
	return Concept{Row: r, DefinitionStatusID: cols[4]}, err
}

// ParseDescription parses the columns of a description row.
func ParseDescription(cols []string) (Description, error) {
	if len(cols) != 9 {
		return Description{}, fmt.Errorf("rf2: description has %d columns, want 9", len(cols))
	}
	r, err := parseRow(cols)
	return Description{Row: r, ConceptID: cols[4], LanguageCode: cols[5], TypeID: cols[6],
		Term: cols[7], CaseSignificanceID: cols[8]}, err
}

// ParseRelationship parses the columns of a relationship row.
func ParseRelationship(cols []string) (Relationship, error) {
	if len(cols) != 10 {
		return Relationship{}, fmt.Errorf("rf2: relationship has %d columns, want 10", len(cols))
	}
	r, err := parseRow(cols)
	return Relationship{Row: r, SourceID: cols[4], DestinationID: cols[5], RelationshipGroup: cols[6],
		TypeID: cols[7], CharacteristicTypeID: cols[8], ModifierID: cols[9]}, err
}

// ParseMember parses the columns of a reference set row with extra columns.
func ParseMember(cols []string, extra int) (Member, error) {
	if len(cols) != 6+extra {
		return Member{}, fmt.Errorf("rf2: refset row has %d columns, want %d", len(cols), 6+extra)
	}
	r, err := parseRow(cols)
	return Member{Row: r, RefsetID: cols[4], ReferencedComponentID: cols[5], Extra: cols[6:]}, err
}

// ParseLine parses one raw line of a file of the given kind. It is the
// single entry point the fuzz test drives.
func ParseLine(kind Kind, line []byte) (any, error) {
	cols, err := SplitLine(line, -1)
	if err != nil {
		return nil, err
	}
	switch kind {
	case KindConcept:
		return ParseConcept(cols)
	case KindDescription:
		return ParseDescription(cols)
	case KindRelationship:
		return ParseRelationship(cols)
	case KindLanguage, KindAssociation, KindAttributeValue:
		return ParseMember(cols, 1)
	case KindModuleDependency:
		return ParseMember(cols, 2)
	}
	return nil, fmt.Errorf("rf2: unknown kind %q", kind)
}
