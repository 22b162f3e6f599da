package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"im1fhir"
	"im1fhir/adapter"
	"im1fhir/internal/telemetry"
	"im1fhir/source/sandbox"
	"im1fhir/terminology"
	termclient "im1fhir/terminology/client"
)

const serveSummary = `Runs the GP Connect adapter: FHIR STU3 with GP Connect profiles over the
sandbox practices (or, later, a live IM1 source). Each practice ODS code gets
  /{ODS}/STU3/1/gpconnect/fhir             Foundations and Appointment Management
  /{ODS}/STU3/1/gpconnect/structured/fhir  Access Record Structured
plus GET /healthz, /readyz and /metrics (Prometheus text).
Each flag's default comes from the environment variable named beside it.`

// serveConfig is the effective configuration of `im1fhir serve`.
type serveConfig struct {
	Addr         string
	DataDir      string
	ASID         string
	OTLPEndpoint string
	LogLevel     string
	// TerminologyURL is the sidecar root; empty = in-process terminology
	// over the releases embedded in the binary.
	TerminologyURL string
}

func parseServeFlags(args []string, stderr io.Writer) (serveConfig, error) {
	var c serveConfig
	fs := newFlagSet("serve", serveSummary, stderr)
	fs.StringVar(&c.Addr, "addr", envString("IM1FHIR_ADDR", "127.0.0.1:8080"), "listen address (IM1FHIR_ADDR)")
	fs.StringVar(&c.DataDir, "data-dir", envString("IM1FHIR_DATA_DIR", ""),
		"sandbox folder (sandbox.json, pds.json, <ODS>/...); empty = the copy embedded in the binary (IM1FHIR_DATA_DIR)")
	fs.StringVar(&c.ASID, "asid", envString("IM1FHIR_ASID", "918999198738"), "this provider's Spine ASID; Ssp-To must equal it (IM1FHIR_ASID)")
	fs.StringVar(&c.OTLPEndpoint, "otlp-endpoint", envString("OTEL_EXPORTER_OTLP_ENDPOINT", ""),
		"OTLP/HTTP endpoint for traces, e.g. http://otel-collector:4318; empty = spans not exported (OTEL_EXPORTER_OTLP_ENDPOINT)")
	fs.StringVar(&c.TerminologyURL, "terminology-url", envString("IM1FHIR_TERMINOLOGY_URL", ""),
		"terminology sidecar root, e.g. http://terminology:8081; empty = in-process with the embedded fixture releases (IM1FHIR_TERMINOLOGY_URL)")
	fs.StringVar(&c.LogLevel, "log-level", envString("IM1FHIR_LOG_LEVEL", "info"), "debug, info, warn or error (IM1FHIR_LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return c, fmt.Errorf("serve: unexpected arguments %q", fs.Args())
	}
	return c, nil
}

func serveMain(ctx context.Context, args []string, _, stderr io.Writer) error {
	cfg, err := parseServeFlags(args, stderr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return runServe(ctx, cfg, ln, stderr)
}

// runServe serves on ln until ctx is cancelled, then drains in-flight
// requests. Tests call it with a 127.0.0.1:0 listener.
func runServe(ctx context.Context, cfg serveConfig, ln net.Listener, logOut io.Writer) (err error) {
	defer func() {
		if err != nil {
			ln.Close() // a failed start must not leave clients hanging on the backlog
		}
	}()
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return fmt.Errorf("serve: --log-level: %w", err)
	}
	// Request log lines are batched: one write per 100 ms instead of a
	// syscall per request; flushed on shutdown.
	logBuf := telemetry.NewBufferedWriter(logOut, 100*time.Millisecond)
	defer logBuf.Close()
	logger := telemetry.NewLogger(logBuf, level)
	tel, err := telemetry.Setup(ctx, telemetry.Config{ServiceName: "im1fhir-adapter", ServiceVersion: version, OTLPEndpoint: cfg.OTLPEndpoint})
	if err != nil {
		return fmt.Errorf("serve: telemetry: %w", err)
	}
	defer shutdownWithin(tel.Shutdown, 5*time.Second)

	data := im1fhir.SandboxFS()
	if cfg.DataDir != "" {
		data = os.DirFS(cfg.DataDir)
	}
	src, err := openSandbox(ctx, data)
	if err != nil {
		return err
	}
	term, err := openTerminology(ctx, cfg.TerminologyURL, logger)
	if err != nil {
		return err
	}
	srv, err := adapter.New(adapter.Config{Source: src, ASID: cfg.ASID, SoftwareName: softwareName,
		SoftwareVersion: version, Logger: logger, Metrics: tel.Metrics, Terminology: term})
	if err != nil {
		return err
	}
	hs := srv.HTTPServer(ln.Addr().String())
	logger.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("asid", cfg.ASID),
		slog.Any("practices", src.Practices()), slog.String("data_dir", orEmbedded(cfg.DataDir)),
		slog.Bool("otlp_export", cfg.OTLPEndpoint != ""), slog.String("terminology", orInProcess(cfg.TerminologyURL)),
		slog.String("version", version))
	return serveUntilDone(ctx, hs, ln, logger)
}

// openTerminology returns the HTTP client for a sidecar, or an in-process
// service over the embedded releases when no URL is given.
func openTerminology(ctx context.Context, url string, logger *slog.Logger) (terminology.Client, error) {
	if url != "" {
		c, err := termclient.New(termclient.Config{BaseURL: url})
		if err != nil {
			return nil, fmt.Errorf("serve: --terminology-url: %w", err)
		}
		return c, nil
	}
	svc := terminology.NewService(terminology.Config{Logger: logger})
	if _, err := svc.LoadDir(ctx, im1fhir.TerminologyFS()); err != nil {
		return nil, fmt.Errorf("serve: loading embedded terminology: %w", err)
	}
	return svc, nil
}

func orInProcess(url string) string {
	if url == "" {
		return "(in-process)"
	}
	return url
}

func openSandbox(ctx context.Context, data fs.FS) (*sandbox.Sandbox, error) {
	src, err := sandbox.Open(ctx, sandbox.Config{Data: data})
	if err != nil {
		return nil, fmt.Errorf("serve: loading sandbox: %w", err)
	}
	return src, nil
}

// serveUntilDone runs hs on ln; on ctx cancellation it stops accepting and
// gives in-flight requests up to 15 s to finish.
func serveUntilDone(ctx context.Context, hs *http.Server, ln net.Listener, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func shutdownWithin(f func(context.Context) error, d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	_ = f(ctx)
}

func orEmbedded(dir string) string {
	if dir == "" {
		return "(embedded)"
	}
	return dir
}
