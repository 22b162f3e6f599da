package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Synthetic dm+d ids (spec/terminology.md §6.3) plus a minted one for the
// code change.
var (
	dmdVTM  = "3009999999105"
	dmdVMP  = "3019999999107"
	dmdAMP  = "3029999999100"
	dmdVMPP = "3039999999103"
	dmdAMPP = "3049999999108"
	dmdING  = "3059999999106"
	// The new code of "Co-amilofruse 2.5mg/20mg tablets" after the code change.
	dmdChangedVMP = mint(306, "10")
)

func dmdSyntheticIDs() []string {
	return []string{dmdVTM, dmdVMP, dmdAMP, dmdVMPP, dmdAMPP, dmdING, dmdChangedVMP}
}

const (
	week1Dir  = "dmd-2021-08-26"
	week2Zip  = "nhsbsa_dmd_9.0.0_20210906000001.zip"
	week1Date = "260821"
	week2Date = "060921"
)

// writeDMD copies the real extract (week 1) and derives week 2 from it.
func writeDMD(out, sample string) error {
	if err := copyDir(sample, filepath.Join(out, week1Dir)); err != nil {
		return fmt.Errorf("copy dm+d sample: %w", err)
	}
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(sample, name))
		return string(b), err
	}
	t := tree{}
	gtin := tree{}
	files := []string{"f_vtm2_3", "f_vmp2_3", "f_amp2_3", "f_vmpp2_3", "f_ampp2_3", "f_ingredient2_3", "f_lookup2_3", "f_gtin2_0", "f_bnf1_0"}
	for _, f := range files {
		s, err := read(f + week1Date + ".xml")
		if err != nil {
			return err
		}
		s = editWeek2(f, s)
		name := f + week2Date + ".xml"
		if f == "f_gtin2_0" {
			gtin[name] = []byte(s) // GTIN data ships in a nested zip
			continue
		}
		t[name] = []byte(s)
	}
	gz, err := gtin.zip()
	if err != nil {
		return err
	}
	t["week092021-r2_3-GTIN.zip"] = gz
	z, err := t.zip()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, week2Zip), z, 0o644)
}

func replaceOnce(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("fixturegen: dm+d sample changed: %q not found", old))
	}
	return strings.Replace(s, old, new, 1)
}

// editWeek2 applies week 2's changes: the 2.5mg/20mg VMP changes code, the
// Mawdsley-Brooks 28-tablet AMPP becomes invalid, and a synthetic
// "Testamol" family (VTM → VMP → AMP, VMPP, AMPP, ingredient) is added.
func editWeek2(file, s string) string {
	switch file {
	case "f_vtm2_3":
		s = replaceOnce(s, "    </VTM>\n", "    </VTM>\n    <VTM>\n        <VTMID>"+dmdVTM+"</VTMID>\n        <NM>Testamol</NM>\n    </VTM>\n")
	case "f_vmp2_3":
		s = replaceOnce(s, "<VPID>318135008</VPID>", "<VPID>"+dmdChangedVMP+"</VPID>\n            <VPIDDT>2021-09-06</VPIDDT>\n            <VPIDPREV>318135008</VPIDPREV>")
		s = replaceOnce(s, "    </VMPS>", "        <VMP>\n            <VPID>"+dmdVMP+"</VPID>\n            <VTMID>"+dmdVTM+
			"</VTMID>\n            <NM>Testamol 500mg tablets</NM>\n            <BASISCD>0001</BASISCD>\n            <PRES_STATCD>0001</PRES_STATCD>\n        </VMP>\n    </VMPS>")
	case "f_amp2_3":
		s = replaceOnce(s, "    </AMPS>", "        <AMP>\n            <APID>"+dmdAMP+"</APID>\n            <VPID>"+dmdVMP+
			"</VPID>\n            <NM>Testamol 500mg tablets</NM>\n            <DESC>Testamol 500mg tablets (Synthetic Pharma Ltd)</DESC>\n            <SUPPCD>38727911000001101</SUPPCD>\n            <LIC_AUTHCD>0001</LIC_AUTHCD>\n            <AVAIL_RESTRICTCD>0001</AVAIL_RESTRICTCD>\n        </AMP>\n    </AMPS>")
	case "f_vmpp2_3":
		s = replaceOnce(s, "    </VMPPS>", "        <VMPP>\n            <VPPID>"+dmdVMPP+"</VPPID>\n            <NM>Testamol 500mg tablets 32 tablet</NM>\n            <VPID>"+dmdVMP+
			"</VPID>\n            <QTYVAL>32</QTYVAL>\n            <QTY_UOMCD>428673006</QTY_UOMCD>\n        </VMPP>\n    </VMPPS>")
	case "f_ampp2_3":
		s = replaceOnce(s, "<APPID>37365911000001107</APPID>", "<APPID>37365911000001107</APPID>\n            <INVALID>1</INVALID>")
		s = replaceOnce(s, "    </AMPPS>", "        <AMPP>\n            <APPID>"+dmdAMPP+"</APPID>\n            <NM>Testamol 500mg tablets (Synthetic Pharma Ltd) 32 tablet</NM>\n            <VPPID>"+dmdVMPP+
			"</VPPID>\n            <APID>"+dmdAMP+"</APID>\n            <LEGAL_CATCD>0001</LEGAL_CATCD>\n        </AMPP>\n    </AMPPS>")
	case "f_ingredient2_3":
		s = replaceOnce(s, "</INGREDIENT_SUBSTANCES>", "    <ING>\n        <ISID>"+dmdING+"</ISID>\n        <NM>Testamol</NM>\n    </ING>\n</INGREDIENT_SUBSTANCES>")
	}
	return s
}
