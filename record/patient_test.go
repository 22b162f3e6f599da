package record

import "testing"

func TestDisclosable(t *testing.T) {
	base := func() Patient {
		return Patient{NHSNumber: "9000000009", NHSNumberStatus: NHSNumberVerified, Registration: Registration{Active: true}}
	}
	cases := []struct {
		name   string
		change func(*Patient)
		want   bool
	}{
		{"active verified", func(*Patient) {}, true},
		{"dissent is still disclosed", func(p *Patient) { p.Consent = ConsentDissent }, true},
		{"inactive", func(p *Patient) { p.Registration.Active = false }, false},
		{"deceased", func(p *Patient) { p.Deceased = DateOf(2020, 1, 1) }, false},
		{"sensitive", func(p *Patient) { p.Spine.Sensitive = true }, false},
		{"no NHS number", func(p *Patient) { p.NHSNumber = "" }, false},
		{"unverified but traceable", func(p *Patient) { p.NHSNumberStatus = NHSNumberTraceRequired }, true},
		{"unverified, not on spine", func(p *Patient) { p.NHSNumberStatus = NHSNumberTraceRequired; p.Spine.NotOnSpine = true }, false},
		{"unverified, superseded", func(p *Patient) { p.NHSNumberStatus = NHSNumberTraceRequired; p.Spine.Superseded = true }, false},
	}
	for _, c := range cases {
		p := base()
		c.change(&p)
		if got := p.Disclosable(); got != c.want {
			t.Errorf("%s: Disclosable() = %v, want %v", c.name, got, c.want)
		}
	}
}
