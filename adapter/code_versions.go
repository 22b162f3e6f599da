package adapter

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"im1fhir/terminology"
)

// codeVersionsTTL is how long a version list is trusted before it is asked
// for again; a release switch in the sidecar shows within this time.
const codeVersionsTTL = 30 * time.Second

// codeVersions caches the terminology service's version list. When the
// service cannot be reached the last list is kept (and a warning logged), so
// the adapter keeps answering; with no list at all, codes go out without a
// version (IM1 im1_code_001 degrades, GP Connect does not).
type codeVersions struct {
	client terminology.Client
	log    *slog.Logger
	now    func() time.Time

	mu      sync.Mutex
	fetched time.Time
	list    []terminology.CodeSystemVersion
	inUse   map[string]string
}

func newCodeVersions(c terminology.Client, log *slog.Logger, now func() time.Time) *codeVersions {
	return &codeVersions{client: c, log: log, now: now}
}

// current returns every loaded version and, per system, the default one's
// version string. err is set only when no list has ever been obtained.
func (cv *codeVersions) current(ctx context.Context) ([]terminology.CodeSystemVersion, map[string]string, error) {
	if cv == nil || cv.client == nil {
		return nil, nil, terminology.ErrUnavailable
	}
	cv.mu.Lock()
	defer cv.mu.Unlock()
	if cv.list != nil && cv.now().Sub(cv.fetched) < codeVersionsTTL {
		return cv.list, cv.inUse, nil
	}
	fctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	ctx, sp := span(fctx, "terminology.versions")
	list, err := cv.client.Versions(ctx, "")
	sp.End()
	if err != nil {
		cv.log.WarnContext(ctx, "terminology unavailable; serving codes with the last known versions",
			slog.String("error", err.Error()), slog.Bool("have_versions", cv.list != nil))
		cv.fetched = cv.now() // retry after the TTL, not on every request
		if cv.list == nil {
			return nil, nil, err
		}
		return cv.list, cv.inUse, nil
	}
	cv.list, cv.inUse, cv.fetched = list, defaultVersions(list), cv.now()
	return cv.list, cv.inUse, nil
}

func defaultVersions(list []terminology.CodeSystemVersion) map[string]string {
	m := map[string]string{}
	for _, v := range list {
		if v.IsDefault {
			m[v.System] = v.Version
		}
	}
	return m
}
