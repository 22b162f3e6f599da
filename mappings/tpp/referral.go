package tpp

import (
	"strings"

	"im1fhir/record"
)

// A referral is an outgoing Letter (Type "Referral", RecipientOrganisation
// the recipient's name, SenderOrganisation the practice, DateSentReceived
// the referral date, DocumentUid the referral id), and the Event's
// LinkedReferralUID is the referral id, as SystmOne links the events of a
// referral. Its code, service and reason are ClinicalCodes beside it (roles
// code, service, reason). Qualifiers: prio (priority), status (other than
// "active"), to (the recipient organisation's ODS code).
//
// Reading real journals, an incoming or other Letter is a document (Type is
// its title).

func (e *clinicalEncoder) referral(r *record.Referral) {
	ev, uid := e.itemEvent(&r.Item)
	l := Letter{RecipientOrganisation: r.Recipient, DocumentUid: r.ID, Type: "Referral", Direction: "Outgoing",
		LinkedProblemUID: r.ProblemIDs}
	if e.practice != nil {
		l.SenderOrganisation = e.practice.Organisation.Name
	}
	if !r.Effective.IsZero() {
		l.DateSentReceived = formatDate(r.Effective)
	}
	if r.Priority != "" {
		uid.set("prio", r.Priority)
	}
	if r.Status != "active" {
		uid.set("status", r.Status)
	}
	if r.RecipientID != "" {
		uid.set("to", organisationODS(e.practice, r.RecipientID))
	}
	var rc roleCodes
	rc.addConcept(roleCode, r.Code)
	rc.addConcept(roleService, r.Service)
	rc.addConcept(roleReason, r.Reason)
	rc.apply(&ev, &uid)
	ev.Letter = []Letter{l}
	ev.LinkedReferralUID = r.ID
	e.add(ev, uid)
}

func (d *clinicalDecoder) letter(e entry, l *Letter) error {
	if !strings.EqualFold(strings.TrimSpace(l.Direction), "Outgoing") {
		doc := record.Document{Item: withLinks(e.item, l.LinkedProblemUID), Title: strings.TrimSpace(l.Type)}
		doc.Code = e.role(roleCode)
		doc.Note = e.text
		doc.OrganisationID = strings.TrimSpace(l.SenderOrganisation)
		d.link(doc.Item)
		d.out.Documents = append(d.out.Documents, doc)
		return nil
	}
	r := record.Referral{Item: withLinks(e.item, l.LinkedProblemUID), Status: "active"}
	if id := strings.TrimSpace(e.ev.LinkedReferralUID); id != "" && e.uid.q == nil {
		r.ID = id
	}
	r.Code = e.role(roleCode)
	r.Service = e.role(roleService)
	r.Reason = e.role(roleReason)
	r.Note = e.text
	r.Recipient = strings.TrimSpace(l.RecipientOrganisation)
	if r.Recipient == "" && l.RecipientName != nil {
		n := nameFromTPP(l.RecipientName.Title, l.RecipientName.FirstName, l.RecipientName.MiddleNames, l.RecipientName.Surname)
		r.Recipient = strings.TrimSpace(strings.Join(append(append(n.Prefix, n.Given...), n.Family), " "))
	}
	r.Priority, _ = e.uid.get("prio")
	if s, ok := e.uid.get("status"); ok {
		r.Status = s
	}
	r.RecipientID, _ = e.uid.get("to")
	d.link(r.Item)
	d.out.Referrals = append(d.out.Referrals, r)
	return nil
}
