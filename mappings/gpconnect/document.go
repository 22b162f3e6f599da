package gpconnect

import (
	cpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/codes_go_proto"
	dpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/datatypes_go_proto"
	rpb "github.com/google/fhir/go/proto/google/fhir/proto/stu3/resources_go_proto"

	"im1fhir/record"
)

// documentReference renders a document linked from a consultation or a
// problem as CareConnect-GPC-DocumentReference-1: type (code or title),
// created, indexed (required; the entry time, else the last change),
// the practice as custodian, the encounter and one attachment.
func (b *structured) documentReference(d *record.Document) *rpb.DocumentReference {
	meta := newMeta(ProfileDocumentReference, d.LastModified)
	indexed := d.Recorded
	if indexed.IsZero() {
		indexed = d.LastModified
	}
	out := &rpb.DocumentReference{
		Id:          id(d.ID),
		Meta:        meta,
		Identifier:  b.identifiers(d.ID),
		Status:      &cpb.DocumentReferenceStatusCode{Value: cpb.DocumentReferenceStatusCode_CURRENT},
		Type:        b.co.codeableConcept(d.Code),
		Subject:     b.patientRef(),
		Created:     dateTime(d.Effective),
		Indexed:     instant(indexed),
		Description: optStr(d.Title),
		Author:      nil,
	}
	if out.Type == nil {
		out.Type = textConcept(d.Title)
	}
	if out.Type == nil {
		out.Type = textConcept("Document")
	}
	if ref := b.authorRef(&d.Item); ref != nil {
		out.Author = []*dpb.Reference{ref}
	}
	if b.practice != nil {
		out.Custodian = b.orgRef(b.practice.Organisation.ID)
	}
	att := &dpb.Attachment{ContentType: mimeType(d.ContentType), Url: optURI(d.URL), Title: optStr(d.Title)}
	if d.Size > 0 && d.Size < 1<<31 {
		att.Size = &dpb.UnsignedInt{Value: uint32(d.Size)}
	}
	out.Content = []*rpb.DocumentReference_Content{{Attachment: att}}
	if enc := b.encounterRef(d.ConsultationID); enc != nil {
		out.Context = &rpb.DocumentReference_Context{Encounter: enc}
	}
	seal(out, meta)
	return out
}

func mimeType(s string) *dpb.MimeTypeCode {
	if s == "" {
		return nil
	}
	return &dpb.MimeTypeCode{Value: text(s)}
}
