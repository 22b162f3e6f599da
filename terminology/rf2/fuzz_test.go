package rf2

import (
	"bytes"
	"testing"
)

// FuzzParseLine: any bytes, any kind: an error or a value, never a panic;
// a parsed row round-trips its id.
func FuzzParseLine(f *testing.F) {
	f.Add(uint8(0), []byte("195967001\t20020131\t1\t900000000000207008\t900000000000074008\r\n"))
	f.Add(uint8(1), []byte("1\t20020131\t1\t9\t195967001\ten\t900000000000003001\tAsthma (disorder)\t900000000000448009"))
	f.Add(uint8(6), []byte("u\t20260311\t1\t83821000000107\t900000000000534007\t900000000000207008\t20260311\t20260201\n"))
	f.Add(uint8(3), []byte("\t\t\t\t\t\t"))
	kinds := []Kind{KindConcept, KindDescription, KindRelationship, KindLanguage, KindAssociation, KindAttributeValue, KindModuleDependency}
	f.Fuzz(func(t *testing.T, k uint8, line []byte) {
		v, err := ParseLine(kinds[int(k)%len(kinds)], line)
		if err != nil {
			return
		}
		var id string
		switch r := v.(type) {
		case Concept:
			id = r.ID
		case Description:
			id = r.ID
		case Relationship:
			id = r.ID
		case Member:
			id = r.ID
		}
		if id == "" || !bytes.HasPrefix(line, []byte(id+"\t")) {
			t.Fatalf("parsed id %q from %q", id, line)
		}
	})
}

// FuzzReadRows: a whole file of arbitrary bytes never panics.
func FuzzReadRows(f *testing.F) {
	f.Add([]byte(conceptHeader + "\r\n195967001\t20020131\t1\t900000000000207008\t900000000000074008\r\n"))
	f.Add([]byte("a\tb\n\n\nc\td\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ReadRows(bytes.NewReader(data), func(cols []string) error {
			_, err := ParseConcept(cols)
			return err
		})
	})
}

func BenchmarkReadRows(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(conceptHeader + "\r\n")
	for i := 0; i < 10000; i++ {
		buf.WriteString("195967001\t20020131\t1\t900000000000207008\t900000000000074008\r\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadRows(bytes.NewReader(data), func(cols []string) error {
			_, err := ParseConcept(cols)
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}
