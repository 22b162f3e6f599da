// Package archtest holds the test that enforces DESIGN.md's import rules, so
// the layering (adapter → source → mappings → record) cannot erode quietly.
package archtest
