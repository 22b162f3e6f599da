package tpp

import (
	"bytes"
	"io"
	"os"
	"testing"

	"im1fhir/record"
)

func fullPatient() record.Patient {
	p := basePatient()
	for _, tc := range roundTripCases() {
		if tc.name == "every field" {
			tc.p(&p)
		}
	}
	return p
}

func BenchmarkDecodePatient(b *testing.B) {
	inputs := map[string][]byte{"encoded": []byte(mustEncode(b, fullPatient()))}
	if s, err := os.ReadFile(samplePath); err == nil {
		inputs["real sample"] = s
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := DecodePatient(bytes.NewReader(in)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncodePatient(b *testing.B) {
	p, practice := fullPatient(), testPractice()
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodePatient(io.Discard, practice, &p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodePractice(b *testing.B) {
	var buf bytes.Buffer
	if err := EncodePractice(&buf, fullPractice()); err != nil {
		b.Fatal(err)
	}
	in := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := DecodePractice(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodePractice(b *testing.B) {
	p := fullPractice()
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodePractice(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}
