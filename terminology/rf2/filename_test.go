package rf2

import "testing"

func TestParseFileName(t *testing.T) {
	tests := []struct {
		name                            string
		kind                            Kind
		sub, tag, rtype, lang, ns, date string
	}{
		// Real names from spec/terminology.md §1.3, one per era and tag.
		{"sct2_Concept_Snapshot_INT_20230131.txt", KindConcept, "", "", "Snapshot", "", "INT", "20230131"},
		{"sct2_Description_Snapshot-en_INT_20230131.txt", KindDescription, "", "", "Snapshot", "en", "INT", "20230131"},
		{"der2_cRefset_LanguageSnapshot-en_INT_20230131.txt", KindLanguage, "Language", "", "Snapshot", "en", "INT", "20230131"},
		{"der2_ssRefset_ModuleDependencySnapshot_INT_20180131.txt", KindModuleDependency, "ModuleDependency", "", "Snapshot", "", "INT", "20180131"},
		{"der2_iisssccRefset_ExtendedMapSnapshot_INT_20230131.txt", "", "ExtendedMap", "", "Snapshot", "", "INT", "20230131"},
		{"sct2_sRefset_OWLExpressionSnapshot_INT_20230131.txt", "", "OWLExpression", "", "Snapshot", "", "INT", "20230131"},
		{"sct2_Concept_Snapshot_GB1000000_20180401.txt", KindConcept, "", "", "Snapshot", "", "GB1000000", "20180401"},
		{"sct2_Description_Snapshot-en-GB_GB1000000_20180401.txt", KindDescription, "", "", "Snapshot", "en-GB", "GB1000000", "20180401"},
		{"sct2_Concept_UKCLFull_GB1000000_20220928.txt", KindConcept, "", "UKCL", "Full", "", "GB1000000", "20220928"},
		{"der2_iisssciRefset_ExtendedMapUKCLSnapshot_GB1000000_20230215.txt", "", "ExtendedMap", "UKCL", "Snapshot", "", "GB1000000", "20230215"},
		{"sct2_Concept_UKEDSnapshot_GB_20210512.txt", KindConcept, "", "UKED", "Snapshot", "", "GB", "20210512"},
		{"der2_ssRefset_ModuleDependencyUKEDSnapshot_GB_20210512.txt", KindModuleDependency, "ModuleDependency", "UKED", "Snapshot", "", "GB", "20210512"},
		{"sct2_Concept_MONOSnapshot_GB_20260311.txt", KindConcept, "", "MONO", "Snapshot", "", "GB", "20260311"},
		{"der2_cRefset_LanguageMONOSnapshot-en_GB_20260311.txt", KindLanguage, "Language", "MONO", "Snapshot", "en", "GB", "20260311"},
		{"der2_sRefset_SimpleMapMONOSnapshot_GB_20260311.txt", "", "SimpleMap", "MONO", "Snapshot", "", "GB", "20260311"},
		{"sct2_Concept_Snapshot_GB1000001_20190612.txt", KindConcept, "", "", "Snapshot", "", "GB1000001", "20190612"},
		{"sct2_Concept_UKDGSnapshot_GB1000001_20260311.txt", KindConcept, "", "UKDG", "Snapshot", "", "GB1000001", "20260311"},
		{"sct2_RelationshipConcreteValues_UKDRSnapshot_GB1000001_20240410.txt", "", "", "UKDR", "Snapshot", "", "GB1000001", "20240410"},
		{"der2_Refset_SimpleUKCRSnapshot_GB1000000_20260311.txt", "", "Simple", "UKCR", "Snapshot", "", "GB1000000", "20260311"},
		{"xder2_cRefset_AssociationDelta_INT_20260201.txt", KindAssociation, "Association", "", "Delta", "", "INT", "20260201"},
		{"SnomedCT_MonolithRF2_PRODUCTION_20260311T120000Z/Snapshot/Terminology/sct2_Relationship_MONOSnapshot_GB_20260311.txt", KindRelationship, "", "MONO", "Snapshot", "", "GB", "20260311"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn, err := ParseFileName(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			got := [7]string{string(fn.Kind()), fn.SubType, fn.ReleaseTag, fn.ReleaseType, fn.Language, fn.Namespace, fn.Date}
			want := [7]string{string(tt.kind), tt.sub, tt.tag, tt.rtype, tt.lang, tt.ns, tt.date}
			if got != want {
				t.Errorf("ParseFileName = %q, want %q", got, want)
			}
		})
	}
	for _, bad := range []string{"readme.txt", "release_package_information.json", "sct2_Concept_Snapshot_INT_2023013.txt", "sct2_Concept_INT_20230131.txt", ""} {
		if _, err := ParseFileName(bad); err == nil {
			t.Errorf("ParseFileName(%q) succeeded, want error", bad)
		}
	}
}

func TestPackageDate(t *testing.T) {
	for in, want := range map[string]string{
		"SnomedCT_MonolithRF2_PRODUCTION_20260311T120000Z": "20260311",
		"uk_sct2mo_41.6.0_20260311000001Z.zip":             "20260311",
		"something-else":                                   "",
	} {
		if got := PackageDate(in); got != want {
			t.Errorf("PackageDate(%q) = %q, want %q", in, got, want)
		}
	}
}
