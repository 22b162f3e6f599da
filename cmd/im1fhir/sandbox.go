package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"im1fhir/record"
	"im1fhir/source/sandbox/generate"
)

const sandboxUsage = `Usage:
  im1fhir sandbox build [flags]     write the default sandbox: the GP Connect assurance
                                    fixture practice GPC001 (EMIS format) with generated
                                    patients, R1A14 (TPP format) and R1A17 (Vision format)
  im1fhir sandbox generate [flags]  write one generated practice

Both write the sandbox layout (sandbox.json, pds.json, <ODS>/practice.xml,
<ODS>/patients/<id>.xml), replacing the practice folders they write.
Output is deterministic: the same flags give byte-identical files.
Run "im1fhir sandbox <build|generate> --help" for the flags.
`

// sandboxMain runs `im1fhir sandbox`.
func sandboxMain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, sandboxUsage)
		return errors.New("sandbox: no subcommand given")
	}
	switch args[0] {
	case "build":
		return sandboxBuild(ctx, args[1:], stdout, stderr)
	case "generate":
		return sandboxGenerate(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, sandboxUsage)
		return nil
	}
	fmt.Fprint(stderr, sandboxUsage)
	return fmt.Errorf("sandbox: unknown subcommand %q", args[0])
}

// sandboxFlags builds a subcommand's FlagSet with its usage text.
func sandboxFlags(name, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sandbox "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: im1fhir sandbox %s [flags]\n\n%s\n\nFlags:\n", name, strings.TrimSpace(summary))
		fs.PrintDefaults()
	}
	return fs
}

// nowFlag is a --now value: a date (2006-01-02, taken at 09:00 UTC), an
// RFC 3339 time, or "today" for the current time.
type nowFlag struct{ t time.Time }

func (n *nowFlag) String() string { return n.t.Format(time.RFC3339) }

func (n *nowFlag) Set(s string) error {
	switch {
	case s == "today":
		n.t = time.Now().UTC().Truncate(time.Second)
		return nil
	case len(s) == len("2006-01-02"):
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			return err
		}
		n.t = d.Add(9 * time.Hour)
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("want 2006-01-02, an RFC 3339 time or \"today\": %w", err)
	}
	n.t = t.UTC()
	return nil
}

const nowUsage = `the sandbox's "today": every date is at or before it and ages count back from it;
2006-01-02 (09:00 UTC), an RFC 3339 time, or "today". The fixed default keeps the
shipped files from changing between builds`

const buildSummary = `Writes the default sandbox into --out: GPC001, the GP Connect provider assurance
fixture practice (every fixture patient, organisation, location and practitioner
of spec/gpconnect-test-fixtures.md) in EMIS format with generated patients beside
them, R1A14 in TPP format and R1A17 in Vision format with generated patients.
Regenerate the shipped data with: im1fhir sandbox build --out testdata/sandbox`

func sandboxBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := sandboxFlags("build", buildSummary, stderr)
	out := fs.String("out", "", "sandbox folder to write (required); practice folders in it are replaced")
	now := nowFlag{generate.DefaultNow}
	fs.Var(&now, "now", nowUsage)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs, *out); err != nil {
		return err
	}
	return writeSandbox(ctx, stdout, *out, generate.DefaultSandbox(now.t))
}

const generateSummary = `Writes one generated practice into --out in a supplier's native format: its
directory (organisation, sites, staff) and --patients patients with registrations
and clinical records. The same --seed and --now give byte-identical files.`

// odsPattern accepts practice ODS codes (A81001, GPC001, R1A14).
var odsPattern = regexp.MustCompile(`^[A-Z0-9]{3,10}$`)

func sandboxGenerate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := sandboxFlags("generate", generateSummary, stderr)
	cfg := generate.Config{}
	fs.IntVar(&cfg.Patients, "patients", 50, "number of patients to generate")
	fs.Int64Var(&cfg.Seed, "seed", 1, "random seed; the same seed gives the same practice")
	fs.StringVar(&cfg.Supplier, "format", "emis", "supplier format to write: emis, tpp or vision")
	fs.StringVar(&cfg.ODS, "ods", "", "the practice's ODS code (required), e.g. A81001")
	fs.StringVar(&cfg.Name, "name", "", "the practice's name; empty picks one")
	out := fs.String("out", "", "sandbox folder to write (required); the practice's folder in it is replaced")
	now := nowFlag{generate.DefaultNow}
	fs.Var(&now, "now", nowUsage)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs, *out); err != nil {
		return err
	}
	cfg.ODS = strings.ToUpper(strings.TrimSpace(cfg.ODS))
	if !odsPattern.MatchString(cfg.ODS) {
		fs.Usage()
		return fmt.Errorf("sandbox generate: --ods %q is not an ODS code", cfg.ODS)
	}
	if _, ok := generate.Encoders()[cfg.Supplier]; !ok {
		return fmt.Errorf("sandbox generate: --format %q: want emis, tpp or vision", cfg.Supplier)
	}
	if cfg.Patients < 0 || cfg.Patients > 100000 {
		return fmt.Errorf("sandbox generate: --patients %d out of range 0..100000", cfg.Patients)
	}
	cfg.Now = now.t
	return writeSandbox(ctx, stdout, *out, []*record.Practice{generate.Generate(cfg)})
}

func noArgs(fs *flag.FlagSet, out string) error {
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%s: unexpected arguments %q", fs.Name(), fs.Args())
	}
	if out == "" {
		fs.Usage()
		return fmt.Errorf("%s: --out is required", fs.Name())
	}
	return nil
}

func writeSandbox(ctx context.Context, stdout io.Writer, out string, practices []*record.Practice) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := generate.Write(out, practices); err != nil {
		return err
	}
	for _, p := range practices {
		fmt.Fprintf(stdout, "%s (%s): %d patients\n", p.Organisation.ODSCode, p.Supplier, len(p.Patients))
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	return nil
}
