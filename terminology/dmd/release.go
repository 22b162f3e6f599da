package dmd

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Class is a dm+d concept class.
type Class string

const (
	VTM        Class = "VTM"
	VMP        Class = "VMP"
	AMP        Class = "AMP"
	VMPP       Class = "VMPP"
	AMPP       Class = "AMPP"
	Ingredient Class = "ING"
)

// Concept is one dm+d entity that a code can name.
type Concept struct {
	ID          string
	Class       Class
	Name        string
	Description string // AMP DESC (name plus supplier)
	Invalid     bool
	PreviousID  string   // VTMIDPREV / VPIDPREV / ISIDPREV: the code this one replaced
	ChangedOn   string   // VTMIDDT / VPIDDT / ISIDDT, YYYY-MM-DD
	Parents     []string // VMP→VTM, AMP→VMP, VMPP→VMP, AMPP→VMPP and AMP
}

// Release is one weekly dm+d release.
type Release struct {
	Name      string // zip or folder name
	ReleaseID string // "3.1.0" from the zip name; "" for an unpacked folder
	Date      string // YYYYMMDD
	Concepts  []Concept
	Files     []string
}

var (
	zipNameRE  = regexp.MustCompile(`^nhsbsa_dmd_([1-9]|1[0-2])\.(\d+)\.(\d+)_(20\d{2})(0[1-9]|1[0-2])(\d{2})0*1\.zip$`)
	fileNameRE = regexp.MustCompile(`^f_([a-z_]*?)(\d)_(\d)(\d{2})(\d{2})(\d{2})\.xml$`)
)

// ParseZipName reads the release id and date (YYYYMMDD) from a TRUD dm+d zip name.
func ParseZipName(name string) (releaseID, date string, err error) {
	m := zipNameRE.FindStringSubmatch(path.Base(name))
	if m == nil {
		return "", "", fmt.Errorf("dmd: %q is not a dm+d release zip name", path.Base(name))
	}
	return m[1] + "." + m[2] + "." + m[3], m[4] + m[5] + m[6], nil
}

// FileName is a parsed inner file name such as f_vmp2_3260821.xml.
type FileName struct {
	Entity string // vtm, vmp, amp, vmpp, ampp, ingredient, lookup, gtin, bnf, history, vtm_ing
	Schema string // "2_3"
	Date   string // YYYYMMDD (20YY assumed)
}

// ParseFileName parses an inner dm+d XML file name.
func ParseFileName(name string) (FileName, error) {
	m := fileNameRE.FindStringSubmatch(path.Base(name))
	if m == nil {
		return FileName{}, fmt.Errorf("dmd: %q is not a dm+d XML file name", path.Base(name))
	}
	return FileName{Entity: m[1], Schema: m[2] + "_" + m[3], Date: "20" + m[6] + m[5] + m[4]}, nil
}

// ReadFS reads a release from an unpacked folder (or an opened zip), opening
// nested zips as well. name is the folder or zip name, used for the release
// id and date when it follows the TRUD pattern.
func ReadFS(fsys fs.FS, name string) (*Release, error) {
	rel := &Release{Name: path.Base(name)}
	if id, date, err := ParseZipName(name); err == nil {
		rel.ReleaseID, rel.Date = id, date
	}
	latest := ""
	if err := readTree(fsys, "", rel, &latest, 0); err != nil {
		return nil, err
	}
	if len(rel.Files) == 0 {
		return nil, fmt.Errorf("dmd: %s: no dm+d XML files", name)
	}
	if rel.Date == "" {
		rel.Date = latest
	}
	sort.SliceStable(rel.Concepts, func(i, j int) bool { return rel.Concepts[i].ID < rel.Concepts[j].ID })
	return rel, nil
}

// ReadZip reads a release zip held in memory.
func ReadZip(data []byte, name string) (*Release, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("dmd: %s: %w", name, err)
	}
	return ReadFS(zr, name)
}

// maxNested bounds zip-in-zip depth; real releases nest one level.
const maxNested = 3

// maxInnerZip bounds one nested zip read into memory.
const maxInnerZip = 256 << 20

func readTree(fsys fs.FS, prefix string, rel *Release, latest *string, depth int) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		lower := strings.ToLower(p)
		if strings.HasSuffix(lower, ".zip") {
			if depth >= maxNested {
				return fmt.Errorf("dmd: %s: zips nested more than %d deep", p, maxNested)
			}
			data, err := readAll(fsys, p, maxInnerZip)
			if err != nil {
				return err
			}
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return fmt.Errorf("dmd: nested %s: %w", p, err)
			}
			return readTree(zr, prefix+p+"!", rel, latest, depth+1)
		}
		fn, err := ParseFileName(p)
		if err != nil {
			return nil // readme, xsd, …
		}
		if fn.Date > *latest {
			*latest = fn.Date
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		n := len(rel.Concepts)
		if err := ParseXML(fn.Entity, f, &rel.Concepts); err != nil {
			return fmt.Errorf("dmd: %s%s: %w", prefix, p, err)
		}
		if len(rel.Concepts) > n || fn.Entity != "" {
			rel.Files = append(rel.Files, prefix+p)
		}
		return nil
	})
}

func readAll(fsys fs.FS, p string, limit int64) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("dmd: %s larger than %d bytes", p, limit)
	}
	return data, nil
}
