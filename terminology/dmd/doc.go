// Package dmd reads NHSBSA dm+d weekly releases (the NHS Dictionary of
// medicines and devices): the TRUD zip name, the inner f_{entity}{X}_{Y}{DDMMYY}.xml
// file names and the XML of the VTM, VMP, AMP, VMPP, AMPP and ingredient
// files. Nested zips (GTIN, bonus files) are opened and searched too.
//
// There is no version element inside the XML: a release is identified by its
// zip name (nhsbsa_dmd_{M}.{W}.{P}_{YYYYMMDD}000001.zip) or, for an unpacked
// folder, by the latest DDMMYY in its file names. Every dm+d id is a SNOMED
// CT id, so a concept keeps its class and parent links for look-ups.
package dmd
