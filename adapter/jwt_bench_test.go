package adapter

import (
	"net/http"
	"testing"
	"time"

	"im1fhir/conformance"
)

func BenchmarkJWTCheck(b *testing.B) {
	jc, err := newJWTChecker(func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	in, _ := conformance.Lookup(conformance.IDPatientRead)
	h := http.Header{}
	h.Set("Authorization", "Bearer "+unsignedJWT(claims(string(in.Scope))))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jc.check(h, in); err != nil {
			b.Fatal(err)
		}
	}
}
