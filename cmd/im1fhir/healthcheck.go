package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

const healthcheckSummary = `Exits 0 when the URL answers 200 within the timeout, 1 otherwise. For
container health checks where the image has no shell or curl.`

func healthcheckMain(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlagSet("healthcheck", healthcheckSummary, stderr)
	url := fs.String("url", "http://127.0.0.1:8080/readyz", "URL to probe")
	timeout := fs.Duration("timeout", 2*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %d", *url, resp.StatusCode)
	}
	return nil
}
