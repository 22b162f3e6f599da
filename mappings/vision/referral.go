package vision

import "im1fhir/record"

// Referrals (59): base_type RFL001 (every referral in the sample), status
// as text, urgency the priority, organisa the recipient organisation's id
// (0: none) and our org_name its name. The service and reason are coding
// rows: the sample's specialty columns (nhsspec DEP000, fhsaspec SPE000)
// only ever hold "not recorded".

const referralOutbound = "RFL001"

// urgencyPriority maps the URG table; URG000 (every sample referral) is
// "not recorded", and the order of the rest is ours.
var urgencyPriority = map[string]string{
	"URG001": "routine",
	"URG002": "urgent",
	"URG003": "asap",
}

var priorityUrgency = map[string]string{
	"":        "URG000",
	"routine": "URG001",
	"urgent":  "URG002",
	"asap":    "URG003",
}

func (j *journal) referral(i int, c *ClinicalRow) error {
	it, err := itemOf(i, c)
	if err != nil {
		return err
	}
	if err := j.own(i, it.ID); err != nil {
		return err
	}
	r := record.Referral{Item: it, Status: c.Status, Priority: urgencyPriority[c.Urgency],
		Recipient: c.OrgName, RecipientID: ref(c.Organisa),
		Service: j.codings[conceptKey{it.ID, slotService}], Reason: j.codings[conceptKey{it.ID, slotReason}]}
	j.rec.Referrals = append(j.rec.Referrals, r)
	j.file(c, r.ID)
	return nil
}

func (e *encoder) referral(r *record.Referral) {
	row := e.rowOf(EntityReferral, "", &r.Item)
	row.BaseType = referralOutbound
	row.Status = r.Status
	row.Urgency = priorityUrgency[r.Priority]
	row.Organisa, row.OrgName = r.RecipientID, r.Recipient
	e.codings = append(e.codings, codingRows(r.ID, slotService, r.Service, true)...)
	e.codings = append(e.codings, codingRows(r.ID, slotReason, r.Reason, true)...)
	e.clinical = append(e.clinical, row)
}
