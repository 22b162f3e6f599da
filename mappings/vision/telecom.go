package vision

import "im1fhir/record"

// personTelecom is a person's telephone and email slots: phone_number
// (home), work_phone, cell (mobile, the real export's own column) and email.
type personTelecom struct {
	home, work, mobile, email string
}

// toRecord lists the held slots in a fixed order: home, work, mobile, email.
func (t personTelecom) toRecord() []record.ContactPoint {
	var out []record.ContactPoint
	add := func(system, value, use string) {
		if value != "" {
			out = append(out, record.ContactPoint{System: system, Value: value, Use: use})
		}
	}
	add("phone", t.home, "home")
	add("phone", t.work, "work")
	add("phone", t.mobile, "mobile")
	add("email", t.email, "home")
	return out
}

// personTelecomOf fills each slot with the first matching contact point. A
// phone with no use counts as home. Points with no slot (a second home
// phone, a fax) are dropped: Vision has nowhere to hold them.
func personTelecomOf(cps []record.ContactPoint) personTelecom {
	var t personTelecom
	set := func(slot *string, v string) {
		if *slot == "" {
			*slot = v
		}
	}
	for _, cp := range cps {
		switch {
		case cp.System == "email":
			set(&t.email, cp.Value)
		case cp.System == "phone" && cp.Use == "mobile", cp.System == "sms":
			set(&t.mobile, cp.Value)
		case cp.System == "phone" && cp.Use == "work":
			set(&t.work, cp.Value)
		case cp.System == "phone":
			set(&t.home, cp.Value)
		}
	}
	return t
}

// orgTelecom is the bulk-extract Practice table's phone, fax and email; all
// are work contact points.
type orgTelecom struct {
	phone, fax, email string
}

func (t orgTelecom) toRecord() []record.ContactPoint {
	var out []record.ContactPoint
	add := func(system, value string) {
		if value != "" {
			out = append(out, record.ContactPoint{System: system, Value: value, Use: "work"})
		}
	}
	add("phone", t.phone)
	add("fax", t.fax)
	add("email", t.email)
	return out
}

func orgTelecomOf(cps []record.ContactPoint) orgTelecom {
	var t orgTelecom
	set := func(slot *string, v string) {
		if *slot == "" {
			*slot = v
		}
	}
	for _, cp := range cps {
		switch cp.System {
		case "phone":
			set(&t.phone, cp.Value)
		case "fax":
			set(&t.fax, cp.Value)
		case "email":
			set(&t.email, cp.Value)
		}
	}
	return t
}
