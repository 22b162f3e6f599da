// Command fixturegen writes the terminology fixture releases under
// testdata/terminology. Run it with `go generate ./terminology` (see the
// directive in terminology/doc.go); it is deterministic, so a rerun with no
// code change produces no diff.
//
// SNOMED CT: synthetic RF2 releases built from concepts GP records really use
// (real SCTIDs and terms for asthma, hypertension, type 2 diabetes,
// penicillin allergy, record-sharing consent and the GP Connect list codes),
// plus synthetic concepts (namespace 9999999, Verhoeff-valid) for the cases
// real content cannot show: a concept inactivated and replaced between two
// versions and a term longer than 255 characters. The hierarchy is a
// simplified one (direct parents are real ancestors, not necessarily real
// direct parents) and description ids are synthetic: these are not SNOMED
// CT content extracts. Packages cover every file-name era and release tag
// (INT, UKCL/UKED/UKCR, MONO, UKDG/UKDR, un-tagged GB1000001), Snapshot and
// Full, folders and zips, CRLF and LF.
//
// dm+d: the real OGL v3 extract (wardle/dmd test resources, copied from
// -dmd-sample) and a second, synthetic week derived from it with a code
// change, an invalidated pack, a new product family and a nested GTIN zip.
//
// Legacy: small Read v2, CTV3 and EMIS local code lists with SNOMED maps.
package main
