package source

import (
	"sort"

	"im1fhir/record"
)

// Directory is a practice's organisations, sites and staff, indexed for the
// look-ups GP Connect makes. Build it once with NewDirectory; it is read-only
// afterwards and safe for concurrent use.
type Directory struct {
	// Record is the practice data the directory indexes.
	Record *record.Practice
	// Enabled lists the GP Connect capabilities the practice has switched
	// on (CapabilityFoundations, ...). GP Connect requires each to be
	// switchable per practice and off unless enabled (gpconnect.md §7).
	Enabled       map[string]bool
	Practice      *record.Organisation
	Organisations []*record.Organisation // the practice first, then the others
	Locations     []*record.Location
	Practitioners []*record.Practitioner

	orgByID, orgByODS   map[string]*record.Organisation
	locByID             map[string]*record.Location
	pracByID, pracBySDS map[string]*record.Practitioner
}

// NewDirectory indexes a practice's directory. The practice's own
// organisation comes first; duplicates (by id) keep the first seen.
func NewDirectory(p *record.Practice) *Directory {
	d := &Directory{Record: p,
		orgByID: map[string]*record.Organisation{}, orgByODS: map[string]*record.Organisation{},
		locByID: map[string]*record.Location{}, pracByID: map[string]*record.Practitioner{}, pracBySDS: map[string]*record.Practitioner{},
	}
	d.Practice = d.addOrg(&p.Organisation)
	for i := range p.Organisations {
		d.addOrg(&p.Organisations[i])
	}
	for i := range p.Locations {
		l := &p.Locations[i]
		if _, dup := d.locByID[l.ID]; !dup {
			d.locByID[l.ID] = l
			d.Locations = append(d.Locations, l)
		}
	}
	for i := range p.Practitioners {
		pr := &p.Practitioners[i]
		if _, dup := d.pracByID[pr.ID]; dup {
			continue
		}
		d.pracByID[pr.ID] = pr
		if pr.SDSUserID != "" {
			d.pracBySDS[pr.SDSUserID] = pr
		}
		d.Practitioners = append(d.Practitioners, pr)
	}
	sort.SliceStable(d.Locations, func(i, j int) bool { return d.Locations[i].ID < d.Locations[j].ID })
	return d
}

func (d *Directory) addOrg(o *record.Organisation) *record.Organisation {
	if prev, dup := d.orgByID[o.ID]; dup {
		return prev
	}
	d.orgByID[o.ID] = o
	if o.ODSCode != "" {
		if _, dup := d.orgByODS[o.ODSCode]; !dup {
			d.orgByODS[o.ODSCode] = o
		}
	}
	d.Organisations = append(d.Organisations, o)
	return o
}

// Organisation finds an organisation by logical id.
func (d *Directory) Organisation(id string) (*record.Organisation, bool) {
	o, ok := d.orgByID[id]
	return o, ok
}

// OrganisationByODS finds an organisation by ODS code.
func (d *Directory) OrganisationByODS(code string) (*record.Organisation, bool) {
	o, ok := d.orgByODS[code]
	return o, ok
}

// Location finds a site by logical id.
func (d *Directory) Location(id string) (*record.Location, bool) {
	l, ok := d.locByID[id]
	return l, ok
}

// Practitioner finds a practitioner by logical id.
func (d *Directory) Practitioner(id string) (*record.Practitioner, bool) {
	p, ok := d.pracByID[id]
	return p, ok
}

// PractitionerBySDS finds a practitioner by SDS user id.
func (d *Directory) PractitionerBySDS(sdsUserID string) (*record.Practitioner, bool) {
	p, ok := d.pracBySDS[sdsUserID]
	return p, ok
}
