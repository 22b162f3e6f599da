package rf2

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestSplitLine(t *testing.T) {
	tests := []struct {
		line string
		want int
		cols []string
		ok   bool
	}{
		{"a\tb\tc", 3, []string{"a", "b", "c"}, true},
		{"a\tb\tc\r\n", 3, []string{"a", "b", "c"}, true},
		{"a\tb\tc\n", 3, []string{"a", "b", "c"}, true},
		{"a\t\tc", 3, []string{"a", "", "c"}, true},
		{"a\tb", 3, nil, false},
		{"", -1, []string{""}, true},
	}
	for _, tt := range tests {
		cols, err := SplitLine([]byte(tt.line), tt.want)
		if (err == nil) != tt.ok || strings.Join(cols, "|") != strings.Join(tt.cols, "|") {
			t.Errorf("SplitLine(%q, %d) = %q, %v", tt.line, tt.want, cols, err)
		}
	}
}

const conceptHeader = "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId"

func TestReadRowsLineEndings(t *testing.T) {
	body := []string{conceptHeader, "195967001\t20020131\t1\t900000000000207008\t900000000000074008", "38341003\t20020131\t0\t900000000000207008\t900000000000074008"}
	for name, text := range map[string]string{
		"CRLF":                strings.Join(body, "\r\n") + "\r\n",
		"LF":                  strings.Join(body, "\n") + "\n",
		"no final newline":    strings.Join(body, "\n"),
		"blank trailing line": strings.Join(body, "\r\n") + "\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			var got []Concept
			_, err := ReadRows(strings.NewReader(text), func(cols []string) error {
				c, err := ParseConcept(cols)
				got = append(got, c)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].ID != "195967001" || !got[0].Active || got[1].Active || got[1].DefinitionStatusID != "900000000000074008" {
				t.Fatalf("rows = %+v", got)
			}
		})
	}
}

func TestReadRowsKeepsLongTerms(t *testing.T) {
	term := strings.Repeat("long term ", 409) // 4,090 characters: the new limit
	text := "id\teffectiveTime\tactive\tmoduleId\tconceptId\tlanguageCode\ttypeId\tterm\tcaseSignificanceId\r\n" +
		"19999999119\t20260311\t1\t999000011000000103\t19999999103\ten\t900000000000013009\t" + term + "\t900000000000448009\r\n"
	var d Description
	if _, err := ReadRows(strings.NewReader(text), func(cols []string) error {
		var err error
		d, err = ParseDescription(cols)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if d.Term != term {
		t.Fatalf("term length %d, want %d", len(d.Term), len(term))
	}
}

func TestReadRowsRejectsBadRows(t *testing.T) {
	for name, row := range map[string]string{
		"short row":  "195967001\t20020131\t1",
		"bad active": "195967001\t20020131\tyes\t900000000000207008\t900000000000074008",
		"bad date":   "195967001\t2002-01-31\t1\t900000000000207008\t900000000000074008",
		"empty id":   "\t20020131\t1\t900000000000207008\t900000000000074008",
	} {
		_, err := ReadRows(strings.NewReader(conceptHeader+"\n"+row+"\n"), func(cols []string) error {
			_, err := ParseConcept(cols)
			return err
		})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ReadRows(strings.NewReader(""), func([]string) error { return nil }); err == nil {
		t.Error("empty file: no error")
	}
}

func mdrsFile(rows ...string) string {
	return "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId\tsourceEffectiveTime\ttargetEffectiveTime\n" + strings.Join(rows, "\n") + "\n"
}

func TestVersions(t *testing.T) {
	const core, mono, clin = "900000000000207008", "83821000000107", "999000011000000103"
	row := func(id, et, module, ref, src, tgt string) string {
		return strings.Join([]string{id, et, "1", module, RefsetModuleDependency, ref, src, tgt}, "\t")
	}
	concept := "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n1\t20020131\t1\t" + core + "\t900000000000074008\n"
	tests := []struct {
		name    string
		release string // Full or Snapshot
		rows    []string
		want    []string // module@date
		invalid []string // dependencies not satisfied, module
	}{
		{"snapshot, one edition", "Snapshot", []string{
			row("a", "20260311", mono, core, "20260311", "20260201"),
			row("b", "20260311", mono, clin, "20260311", "20260311"),
			row("c", "20260311", clin, core, "20260311", "20260201"),
			row("d", "20260201", core, "900000000000012004", "20260201", "20260201"),
		}, []string{mono + "@20260311"}, nil},
		{"full, history gives two versions", "Full", []string{
			row("a1", "20251119", mono, core, "20251119", "20251101"),
			row("a2", "20260311", mono, core, "20260311", "20260201"),
			row("d1", "20251101", core, "900000000000012004", "20251101", "20251101"),
			row("d2", "20260201", core, "900000000000012004", "20260201", "20260201"),
		}, []string{mono + "@20251119", mono + "@20260311"}, nil},
		{"mismatched: target newer than installed", "Snapshot", []string{
			row("a", "20260311", mono, core, "20260311", "20260301"),
			row("d", "20260201", core, "900000000000012004", "20260201", "20260201"),
		}, []string{mono + "@20260311"}, []string{core}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"Snap/sct2_Concept_" + tt.release + "_INT_20260311.txt":                  {Data: []byte(concept)},
				"Snap/der2_ssRefset_ModuleDependency" + tt.release + "_INT_20260311.txt": {Data: []byte(mdrsFile(tt.rows...))},
				"Snap/der2_ssRefset_ModuleDependencyDelta_INT_20260311.txt":              {Data: []byte("not read")},
				"readme.txt": {Data: []byte("ignored")},
			}
			pkg, err := ReadPackage(fsys)
			if err != nil {
				t.Fatal(err)
			}
			evs, err := pkg.Versions()
			if err != nil {
				t.Fatal(err)
			}
			var got, invalid []string
			for _, ev := range evs {
				got = append(got, ev.Module+"@"+ev.Date)
				for _, d := range ev.Dependencies {
					if !d.Satisfied() {
						invalid = append(invalid, d.Module)
					}
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || strings.Join(invalid, ",") != strings.Join(tt.invalid, ",") {
				t.Fatalf("versions %v invalid %v, want %v invalid %v", got, invalid, tt.want, tt.invalid)
			}
		})
	}
}

func TestSnapshotAt(t *testing.T) {
	p := &Package{Concepts: []Concept{
		{Row: Row{ID: "1", EffectiveTime: "20250101", Active: true}},
		{Row: Row{ID: "1", EffectiveTime: "20260101", Active: false}},
		{Row: Row{ID: "2", EffectiveTime: "20260101", Active: true}},
	}}
	old := p.SnapshotAt("20250601")
	if len(old.Concepts) != 1 || !old.Concepts[0].Active {
		t.Fatalf("at 20250601: %+v", old.Concepts)
	}
	now := p.SnapshotAt("20260101")
	if len(now.Concepts) != 2 || now.Concepts[0].Active {
		t.Fatalf("at 20260101: %+v", now.Concepts)
	}
}

func TestNoVersionWithoutMDRS(t *testing.T) {
	p := &Package{}
	if _, err := p.Versions(); err == nil {
		t.Fatal("no module dependency rows: want error")
	}
}
