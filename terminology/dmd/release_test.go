package dmd

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

const sample = "../../testdata/terminology/dmd-2021-08-26"

func TestParseZipName(t *testing.T) {
	tests := []struct{ name, id, date string }{
		{"nhsbsa_dmd_9.1.0_20220912000001.zip", "9.1.0", "20220912"},
		{"nhsbsa_dmd_4.0.0_20210405000001.zip", "4.0.0", "20210405"},
		{"nhsbsa_dmd_12.1.0_20201214000001.zip", "12.1.0", "20201214"},
		{"/some/dir/nhsbsa_dmd_3.1.0_20260309000001.zip", "3.1.0", "20260309"},
	}
	for _, tt := range tests {
		id, date, err := ParseZipName(tt.name)
		if err != nil || id != tt.id || date != tt.date {
			t.Errorf("ParseZipName(%q) = %q, %q, %v", tt.name, id, date, err)
		}
	}
	for _, bad := range []string{"nhsbsa_dmd_13.1.0_20201214000001.zip", "nhsbsa_dmd_1.0.0_20221301000001.zip", "dmd.zip"} {
		if _, _, err := ParseZipName(bad); err == nil {
			t.Errorf("ParseZipName(%q) succeeded", bad)
		}
	}
}

func TestParseFileName(t *testing.T) {
	tests := []struct{ name, entity, schema, date string }{
		{"f_vmp2_3260821.xml", "vmp", "2_3", "20210826"},
		{"f_ingredient2_3260821.xml", "ingredient", "2_3", "20210826"},
		{"f_gtin2_0260821.xml", "gtin", "2_0", "20210826"},
		{"HISTORIC_CODES/f_history1_0260821.xml", "history", "1_0", "20210826"},
		{"VTM_INGREDIENTS/f_vtm_ing1_0260821.xml", "vtm_ing", "1_0", "20210826"},
	}
	for _, tt := range tests {
		fn, err := ParseFileName(tt.name)
		if err != nil || fn.Entity != tt.entity || fn.Schema != tt.schema || fn.Date != tt.date {
			t.Errorf("ParseFileName(%q) = %+v, %v", tt.name, fn, err)
		}
	}
	if _, err := ParseFileName("lookup_v2_3.xsd"); err == nil {
		t.Error("xsd parsed as a dm+d file")
	}
}

func TestReadRealExtract(t *testing.T) {
	rel, err := ReadFS(os.DirFS(sample), "dmd-2021-08-26")
	if err != nil {
		t.Fatal(err)
	}
	if rel.Date != "20210826" || rel.ReleaseID != "" {
		t.Errorf("date %q id %q", rel.Date, rel.ReleaseID)
	}
	byID := map[string]Concept{}
	for _, c := range rel.Concepts {
		byID[c.ID] = c
	}
	want := map[string]struct {
		class   Class
		name    string
		parents string
	}{
		"34186711000001102": {VTM, "Co-amilofruse", ""},
		"318136009":         {VMP, "Co-amilofruse 5mg/40mg tablets", "34186711000001102"},
		"37365811000001102": {AMP, "Co-amilofruse 5mg/40mg tablets", "318136009"},
		"1245011000001108":  {VMPP, "Co-amilofruse 5mg/40mg tablets 28 tablet", "318136009"},
		"37365911000001107": {AMPP, "Co-amilofruse 5mg/40mg tablets (Mawdsley-Brooks & Company Ltd) 28 tablet", "1245011000001108 37365811000001102"},
		"387516008":         {Ingredient, "Amiloride hydrochloride", ""},
	}
	for id, w := range want {
		c, ok := byID[id]
		if !ok || c.Class != w.class || c.Name != w.name || strings.Join(c.Parents, " ") != w.parents {
			t.Errorf("%s = %+v, want %+v", id, c, w)
		}
	}
	if c := byID["34186711000001102"]; c.PreviousID != "354303007" || c.ChangedOn != "2017-03-10" {
		t.Errorf("VTM code change = %q %q", c.PreviousID, c.ChangedOn)
	}
	// The bnf file also has VMP elements; they must not become concepts.
	if len(rel.Concepts) != 14 {
		t.Errorf("%d concepts, want 14", len(rel.Concepts))
	}
}

func TestNestedZip(t *testing.T) {
	inner := zipOf(t, map[string]string{"f_vtm2_3090326.xml": `<VIRTUAL_THERAPEUTIC_MOIETIES><VTM><VTMID>3009999999105</VTMID><NM>Testamol</NM><INVALID>1</INVALID></VTM></VIRTUAL_THERAPEUTIC_MOIETIES>`})
	outer := zipOf(t, map[string]string{"bonus/inner.zip": string(inner), "README.txt": "x"})
	rel, err := ReadZip(outer, "nhsbsa_dmd_3.1.0_20260309000001.zip")
	if err != nil {
		t.Fatal(err)
	}
	if rel.Date != "20260309" || rel.ReleaseID != "3.1.0" || len(rel.Concepts) != 1 || !rel.Concepts[0].Invalid {
		t.Fatalf("release = %+v", rel)
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseXMLErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"truncated":  `<VIRTUAL_MED_PRODUCTS><VMPS><VMP><VPID>1</VPID>`,
		"no id":      `<VIRTUAL_MED_PRODUCTS><VMPS><VMP><NM>x</NM></VMP></VMPS></VIRTUAL_MED_PRODUCTS>`,
		"mismatched": `<A><B></A></B>`,
	} {
		var out []Concept
		if err := ParseXML("vmp", strings.NewReader(doc), &out); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ReadFS(fstest.MapFS{"readme": {Data: []byte("x")}}, "empty"); err == nil {
		t.Error("release with no XML: no error")
	}
}

func FuzzParseXML(f *testing.F) {
	for _, name := range []string{"f_vmp2_3260821.xml", "f_ampp2_3260821.xml", "f_vtm2_3260821.xml"} {
		b, err := os.ReadFile(sample + "/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(len(name)), b)
	}
	f.Add(uint8(0), []byte(`<X><VTM><VTMID>1</VTMID></VTM></X>`))
	entities := []string{"vtm", "vmp", "amp", "vmpp", "ampp", "ingredient", "lookup", "gtin"}
	f.Fuzz(func(t *testing.T, e uint8, data []byte) {
		var out []Concept
		if err := ParseXML(entities[int(e)%len(entities)], bytes.NewReader(data), &out); err != nil {
			return
		}
		for _, c := range out {
			if c.ID == "" {
				t.Fatalf("concept without id from %q", data)
			}
		}
	})
}

func BenchmarkParseXML(b *testing.B) {
	data, err := os.ReadFile(sample + "/f_vmp2_3260821.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var out []Concept
		if err := ParseXML("vmp", bytes.NewReader(data), &out); err != nil {
			b.Fatal(err)
		}
	}
}
