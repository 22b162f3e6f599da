// Package rf2 reads SNOMED CT Release Format 2 files: file names, rows and
// whole release packages (folders or zips) from an fs.FS.
//
// File names are parsed with a tolerant pattern: the release tag inside the
// content sub-type (none, UKCL, UKED, UKCR, MONO, UKDG, UKDR, …) has changed
// between eras, so no tag is hard-coded. Lines may end in CRLF (as real
// releases do) or LF. Terms are never truncated: descriptions longer than 255
// characters are legal from UK Edition 43.0.0.
//
// A Package keeps every row it read. Snapshot files hold one row per
// component; Full files hold every historical row, so SnapshotAt can rebuild
// the state at any earlier release date. Versions derives the edition(s) and
// their dated versions from the module dependency reference set
// (900000000000534007), which is the authoritative version of a release.
package rf2
