// Command im1fhir is the one binary of the project.
//
//	im1fhir serve        the GP Connect adapter (FHIR STU3 over the sandbox or an IM1 source)
//	im1fhir terminology  the terminology sidecar (SNOMED CT / dm+d versions and look-ups)
//	im1fhir sandbox      build or generate sandbox practice data in supplier formats
//
// Run "im1fhir <command> --help" for each command's flags and environment variables.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `im1fhir: GP Connect FHIR over GP suppliers' IM1 records.

Usage:
  im1fhir serve [flags]        run the GP Connect adapter
  im1fhir terminology [flags]  run the terminology sidecar
  im1fhir sandbox <build|generate> [flags]
                               write sandbox practice data in supplier formats
  im1fhir healthcheck --url U  exit 0 when U answers 200 (for container health checks)

Run "im1fhir <command> --help" for the flags of each command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "im1fhir:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand; it is main without the process, so tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return serveMain(ctx, args[1:], stdout, stderr)
	case "terminology":
		return terminologyMain(ctx, args[1:], stdout, stderr)
	case "sandbox":
		return sandboxMain(ctx, args[1:], stdout, stderr)
	case "healthcheck":
		return healthcheckMain(ctx, args[1:], stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
