package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// envString returns the environment value of name, or def when unset. Flags
// take their defaults from it, so a flag on the command line beats the
// environment, which beats the built-in default.
func envString(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

// newFlagSet builds a FlagSet whose --help prints the summary, then every
// flag with its environment variable.
func newFlagSet(name, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: im1fhir %s [flags]\n\n%s\n\nFlags:\n", name, strings.TrimSpace(summary))
		fs.PrintDefaults()
	}
	return fs
}
