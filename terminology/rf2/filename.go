package rf2

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// FileName is a parsed RF2 file name:
// [x|z]{sct|der|…}{format}_{ContentType}_{SubType}{Tag}{Full|Snapshot|Delta}[-lang]_{Namespace}_{YYYYMMDD}.{ext}
type FileName struct {
	Status      string // "", "x" (alpha/beta) or "z" (archival)
	FileType    string // sct, der, doc, res, tls
	Format      string // "2" for RF2
	ContentType string // Concept, Description, cRefset, ssRefset, …
	SubType     string // refset name without tag: Language, ModuleDependency, SimpleMap, "" for terminology files
	ReleaseTag  string // UKCL, UKED, MONO, UKDG, … or "" (older releases carry none)
	ReleaseType string // Full, Snapshot or Delta
	Language    string // "en", "en-GB" or ""
	Namespace   string // INT, GB, GB1000000, GB1000001, …
	Date        string // YYYYMMDD
	Ext         string
}

var (
	fileNameRE = regexp.MustCompile(`^([xz]?)(sct|der|doc|res|tls)(\d)_([A-Za-z]+)_([A-Za-z0-9]*?)(Full|Snapshot|Delta)(?:-([A-Za-z]{2}(?:-[A-Za-z]{2})?))?_([A-Za-z0-9]+)_(\d{8})\.([A-Za-z]+)$`)
	// A release tag is a trailing run of capitals (two or more) after the refset name.
	tagRE = regexp.MustCompile(`^(.*?)([A-Z]{2,}[A-Z0-9]*)?$`)
)

// ParseFileName parses the base name of an RF2 file.
func ParseFileName(name string) (FileName, error) {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	m := fileNameRE.FindStringSubmatch(base)
	if m == nil {
		return FileName{}, fmt.Errorf("rf2: %q is not an RF2 file name", base)
	}
	fn := FileName{Status: m[1], FileType: m[2], Format: m[3], ContentType: m[4],
		ReleaseType: m[6], Language: m[7], Namespace: m[8], Date: m[9], Ext: m[10]}
	t := tagRE.FindStringSubmatch(m[5])
	fn.SubType, fn.ReleaseTag = t[1], t[2]
	// A refset name that is all capitals does not exist; but a sub-type that
	// ends in a capitalised word such as "OWL" must stay a name, which the
	// two-capitals rule already keeps when lower case follows.
	return fn, nil
}

// Kind says which component a file holds, or "" if the loader ignores it.
func (f FileName) Kind() Kind {
	switch {
	case f.FileType == "sct" && f.ContentType == "Concept":
		return KindConcept
	case f.FileType == "sct" && f.ContentType == "Description":
		return KindDescription
	case f.FileType == "sct" && f.ContentType == "TextDefinition":
		return KindDescription
	case f.FileType == "sct" && f.ContentType == "Relationship":
		return KindRelationship
	case f.FileType == "der" && strings.HasSuffix(f.ContentType, "Refset"):
		switch f.SubType {
		case "Language":
			return KindLanguage
		case "Association", "AssociationReference":
			return KindAssociation
		case "ModuleDependency":
			return KindModuleDependency
		case "AttributeValue":
			return KindAttributeValue
		}
	}
	return ""
}

// Kind names the component files the loader reads.
type Kind string

const (
	KindConcept          Kind = "Concept"
	KindDescription      Kind = "Description"
	KindRelationship     Kind = "Relationship"
	KindLanguage         Kind = "Language"
	KindAssociation      Kind = "Association"
	KindAttributeValue   Kind = "AttributeValue"
	KindModuleDependency Kind = "ModuleDependency"
)
