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

	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"
	"github.com/labstack/echo/v4"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:38081", "listen address")
	body := flag.String("body", "", "file whose bytes every request gets (application/fhir+json)")
	gz := flag.Bool("gzip", false, "compress like the adapter (gzhttp, BestSpeed, over 1 KiB) so gzip runs compare like with like")
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
	var h http.Handler = e
	if *gz {
		wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(1024), gzhttp.CompressionLevel(gzip.BestSpeed))
		if err != nil {
			log.Fatal(err)
		}
		h = wrap(e)
	}
	log.Fatal(http.ListenAndServe(*addr, h))
}
