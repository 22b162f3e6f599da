// Command loadbaseline is the yardstick for load runs: a bare Echo server
// that answers every GET with one fixed FHIR JSON body read from a file, with
// no checks, no source and no rendering. scripts/loadtest.sh runs it beside
// `im1fhir serve` so each figure in docs/benchmarks.md is a ratio against a
// baseline measured on the same machine in the same run.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:38081", "listen address")
	body := flag.String("body", "", "file whose bytes every request gets (application/fhir+json)")
	flag.Parse()
	b, err := os.ReadFile(*body)
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/*", func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
		return c.Blob(http.StatusOK, "application/fhir+json;charset=utf-8", b)
	})
	log.Fatal(e.Start(*addr))
}
