// Package redistest gives tests a real Redis server.
//
// Start returns the URL of a Redis the test may use: REDIS_URL when set,
// otherwise a private redis-server child process on a free port (no
// persistence) that is killed when the test ends. When neither is possible the
// test is skipped with a loud message, unless IM1FHIR_REQUIRE_REDIS=1 (CI), in
// which case it fails: behaviour that depends on Redis must not silently go
// untested.
//
// Server adds Stop and Restart so tests can take Redis away mid-run and bring
// it back on the same port, which is how the "Redis down → serve from memory"
// paths are exercised.
package redistest
