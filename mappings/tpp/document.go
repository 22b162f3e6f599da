package tpp

import (
	"path"
	"strconv"
	"strings"

	"im1fhir/record"
)

// A document is an Attachment: DocumentUid (the document id), URL and
// Comments (the title); its code is a ClinicalCode beside it and its note
// the Event's Narrative. The schema has no content type or size (a response
// sends FileName and FileSize): they are the ctype and size qualifiers.

func (e *clinicalEncoder) document(doc *record.Document) {
	ev, uid := e.itemEvent(&doc.Item)
	a := Attachment{DocumentUid: doc.ID, URL: doc.URL, Comments: doc.Title, LinkedProblemUID: doc.ProblemIDs}
	if doc.ContentType != "" {
		uid.set("ctype", doc.ContentType)
	}
	if doc.Size != 0 {
		uid.set("size", strconv.FormatInt(doc.Size, 10))
	}
	var rc roleCodes
	rc.addConcept(roleCode, doc.Code)
	rc.apply(&ev, &uid)
	ev.Attachment = []Attachment{a}
	ev.Narrative = narrative(doc.Note)
	e.add(ev, uid)
}

func (d *clinicalDecoder) attachment(e entry, a *Attachment) error {
	doc := record.Document{Item: withLinks(e.item, a.LinkedProblemUID), URL: strings.TrimSpace(a.URL)}
	doc.Note = e.text
	doc.Code = e.role(roleCode)
	doc.Title = strings.TrimSpace(a.Comments)
	name := strings.TrimSpace(a.FileName)
	if doc.Title == "" {
		doc.Title = name
	}
	if v, ok := e.uid.get("ctype"); ok {
		doc.ContentType = v
	} else if ext := path.Ext(name); ext != "" {
		doc.ContentType = contentTypes[strings.ToLower(ext)]
	}
	if v, ok := e.uid.get("size"); ok {
		doc.Size, _ = strconv.ParseInt(v, 10, 64)
	} else if f := strings.Fields(a.FileSize); len(f) > 0 {
		// A response's FileSize: "0 bytes", "12 KB".
		if n, err := strconv.ParseFloat(f[0], 64); err == nil {
			mult := map[string]float64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
			if len(f) > 1 && mult[strings.ToUpper(f[1])] != 0 {
				n *= mult[strings.ToUpper(f[1])]
			}
			doc.Size = int64(n)
		}
	}
	d.link(doc.Item)
	d.out.Documents = append(d.out.Documents, doc)
	return nil
}

// contentTypes are the file types SystmOne attachments commonly have; a
// fixed table rather than the mime package, whose answers depend on the
// host's mime.types files.
var contentTypes = map[string]string{
	".htm": "text/html", ".html": "text/html", ".txt": "text/plain", ".rtf": "application/rtf",
	".pdf": "application/pdf", ".doc": "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".jpg":  "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".tif": "image/tiff", ".tiff": "image/tiff",
}
