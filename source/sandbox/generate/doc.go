// Package generate makes the sandbox's practice data: a deterministic
// population of an English practice (Generate, Populate), the GP Connect
// provider assurance fixture practice GPC001 (Fixtures), and the writer
// that lays practices out on disk in their suppliers' native formats
// (Write), in the layout package source/sandbox reads.
//
// Realism is the point: the records are what an IM1 consumer would meet in
// a real practice, so that mappings are exercised by the awkward cases.
// Names carry diacritics, apostrophes and double barrels; addresses use real
// towns and postcode districts with real-format postcodes; telephone numbers
// are in Ofcom's drama ranges and e-mail domains are RFC 2606 examples, so
// nothing reaches a real person. NHS numbers are valid modulus 11 numbers in
// the 999 test range and never collide with the fixtures'. Registrations
// include temporary, emergency, deducted and deceased patients. Clinical
// records hold allergies, medication courses with their issues, problems
// linked to their items and to each other, consultations with topics and
// headings, observations (blood pressure pairs, weights, laboratory values
// with units and ranges), immunisations, investigations with request,
// specimen and test group, referrals and diary entries, coded as GP systems
// hold them: SNOMED CT with the Read v2 and CTV3 codes where certain, dm+d
// for drugs (codes.go cites each code's source).
//
// Determinism: the same Config (seed and Now included) gives a deeply equal
// practice, and Write turns equal practices into byte-identical files, so
// the shipped sandbox does not churn when rebuilt. Every date is at or
// before Now and every item carries LastModified.
//
// Model gaps (kept here until record grows the fields): the fixture
// patient12's "merged record" trait has no field in record and is not
// expressed; vaccine products are held as text (Immunisation.Vaccine.Text).
// Read v2 codings keep the 2-character term code in Code.DescriptionID.
package generate
