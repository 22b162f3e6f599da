package tpp

import (
	"bytes"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"im1fhir/record"
)

// repeatReader yields prefix, then body repeated forever (or n times).
type repeatReader struct {
	prefix []byte
	body   []byte
	n      int // remaining repeats; <0 forever
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if len(r.prefix) > 0 {
		n := copy(p, r.prefix)
		r.prefix = r.prefix[n:]
		return n, nil
	}
	if r.n == 0 {
		return 0, io.EOF
	}
	n := 0
	for n+len(r.body) <= len(p) && r.n != 0 {
		n += copy(p[n:], r.body)
		if r.n > 0 {
			r.n--
		}
	}
	if n == 0 {
		return 0, io.ErrShortBuffer
	}
	return n, nil
}

func TestHostileInput(t *testing.T) {
	valid := mustEncode(t, basePatient())
	for _, tc := range []struct {
		name string
		r    func() io.Reader
		// patientOnly: the fault is in the patient, which DecodePractice
		// rightly ignores.
		patientOnly bool
	}{
		{name: "empty", r: func() io.Reader { return strings.NewReader("") }},
		{name: "not XML", r: func() io.Reader { return strings.NewReader("{\"resourceType\":\"Patient\"}") }},
		{name: "truncated", r: func() io.Reader { return strings.NewReader(valid[:len(valid)/2]) }},
		{name: "wrong root", r: func() io.Reader { return strings.NewReader("<Patient><Identity/></Patient>") }},
		{name: "namespaced root", r: func() io.Reader { return strings.NewReader(`<PatientRecord xmlns="urn:other"/>`) }},
		{name: "bad birth date", r: func() io.Reader {
			return strings.NewReader(strings.Replace(valid, "1970-03-04", "1970-02-31", 1))
		}, patientOnly: true},
		{name: "bad registration date", r: func() io.Reader {
			return strings.NewReader(strings.Replace(valid, "<CareStartDate>2001-05-06", "<CareStartDate>last week", 1))
		}, patientOnly: true},
		{name: "deeply nested", r: func() io.Reader {
			return &repeatReader{prefix: []byte("<PatientRecord><Patient><Clinical>"), body: []byte("<x>"), n: 200000}
		}},
		{name: "huge", r: func() io.Reader {
			return &repeatReader{prefix: []byte("<PatientRecord><PatientUID>"), body: bytes.Repeat([]byte("a"), 4096), n: -1}
		}},
		{name: "entity expansion", r: func() io.Reader {
			return strings.NewReader(`<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><PatientRecord><PatientUID>&b;</PatientUID></PatientRecord>`)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			if _, err := DecodePatient(tc.r()); err == nil {
				t.Error("DecodePatient = nil error, want one")
			}
			if _, err := DecodePractice(tc.r()); err == nil && !tc.patientOnly {
				t.Error("DecodePractice = nil error, want one")
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestErrorsCarryNoPHI: a bad date must not echo the date or the patient's
// NHS number or name into the error text (errors end up in logs).
func TestErrorsCarryNoPHI(t *testing.T) {
	doc := strings.Replace(mustEncode(t, basePatient()), "<DateOfBirth>1970-03-04", "<DateOfBirth>1970-03-99", 1)
	_, err := DecodePatient(strings.NewReader(doc))
	if err == nil {
		t.Fatal("DecodePatient = nil error, want one")
	}
	for _, phi := range []string{"1970-03-99", "9476719915", "Smith", "John"} {
		if strings.Contains(err.Error(), phi) {
			t.Errorf("error %q carries %q", err, phi)
		}
	}
}

func FuzzDecodePatient(f *testing.F) {
	f.Add([]byte(mustEncode(f, basePatient())))
	if b, err := os.ReadFile(samplePath); err == nil {
		f.Add(b)
	}
	f.Add([]byte("<PatientRecord><PatientUID>x</PatientUID><Patient><Demographics><DateOfBirth>1951</DateOfBirth></Demographics></Patient></PatientRecord>"))
	for _, tc := range clinicalCases() {
		p := basePatient()
		p.Record = tc.rec()
		f.Add([]byte(mustEncode(f, p)))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodePatient(bytes.NewReader(b))
		if err != nil {
			return
		}
		// Whatever decodes must also encode (when the schema's required
		// values are present) and decode again to the same patient id.
		if p.ID == "" || p.BirthDate.IsZero() || p.Registration.Period.Start.IsZero() {
			return
		}
		var buf bytes.Buffer
		if err := EncodePatient(&buf, nil, &p); err != nil {
			t.Fatalf("EncodePatient of a decoded patient: %v", err)
		}
		q, err := DecodePatient(&buf)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, buf.String())
		}
		if q.ID != p.ID || q.NHSNumber != p.NHSNumber || q.Consent != p.Consent {
			t.Fatalf("re-decode changed identity or consent: %+v vs %+v", q, p)
		}
		// Every clinical item survives being written back.
		if a, b := clinicalCounts(p.Record), clinicalCounts(q.Record); a != b {
			t.Fatalf("re-decode changed the clinical item counts: %v, then %v\n%s", a, b, buf.String())
		}
	})
}

func FuzzDecodePractice(f *testing.F) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("<PatientRecord><OrganisationID>A1</OrganisationID><Metadata><Site><ID>;kind=organisation</ID></Site></Metadata></PatientRecord>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodePractice(bytes.NewReader(b))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := EncodePractice(&out, p); err != nil {
			t.Fatalf("EncodePractice of a decoded practice: %v", err)
		}
		if _, err := DecodePractice(&out); err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out.String())
		}
	})
}

// clinicalCounts is the number of items in each area (issues, results and
// the no-known-allergies entry included).
func clinicalCounts(r record.ClinicalRecord) [12]int {
	c := [12]int{len(r.Allergies), len(r.Medications), len(r.Problems), len(r.Consultations), len(r.Observations),
		len(r.Immunisations), len(r.Investigations), len(r.Referrals), len(r.DiaryEntries), len(r.Documents)}
	for _, m := range r.Medications {
		c[10] += len(m.Issues)
	}
	for _, inv := range r.Investigations {
		c[11] += len(allResults(&inv))
	}
	if r.NoKnownAllergies != nil {
		c[4]++
	}
	return c
}

// FuzzEventUID: whatever an EventUID holds parses, and what it parses to
// writes back to text that parses the same.
func FuzzEventUID(f *testing.F) {
	f.Add("f7b1080000000000")
	f.Add("o%3B1%3Dx%2C%25;by=nurse%3B2;codes=item,component;rec=2023-03-04T10:12:00Z")
	f.Add(";;=;a=;=b;%;%2")
	f.Fuzz(func(t *testing.T, s string) {
		u := parseEventUID(s)
		v := parseEventUID(u.String())
		if v.ID != u.ID || !reflect.DeepEqual(v.q, u.q) {
			t.Fatalf("%q: parsed %+v, re-parsed %+v", s, u, v)
		}
		for name := range u.q {
			_ = u.list(name)
			_, _, _ = u.time(name)
			_, _, _ = u.date(name)
		}
	})
}
