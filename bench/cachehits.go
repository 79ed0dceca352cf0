package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// The targeted purge scenarios read the page cache's own account of itself: every page
// answer carries X-Cache: HIT or MISS (none on an answer that cannot be cached), and
// /healthz reports "page_cache": {"pages", "bytes", "hits", "misses", "purges"}. A
// binary that does not report them still has its timings measured; the hit figures
// are then n/a.

// noHitReports is the reason given for hit figures a binary cannot give.
const noHitReports = "the server does not report cache hits"

// X-Cache values.
const (
	cacheHit  = "HIT"
	cacheMiss = "MISS"
)

// cacheCounters are the page cache's counters from /healthz; the counters a binary
// does not report are nil.
type cacheCounters struct {
	Pages  int64  `json:"pages"`
	Bytes  int64  `json:"bytes"`
	Hits   *int64 `json:"hits"`
	Misses *int64 `json:"misses"`
	Purges *int64 `json:"purges"`
}

// reported says whether the server counts hits and misses.
func (c cacheCounters) reported() bool { return c.Hits != nil && c.Misses != nil }

// parseHealthz reads the page cache's counters from /healthz's JSON.
func parseHealthz(body []byte) (cacheCounters, error) {
	var h struct {
		PageCache *cacheCounters `json:"page_cache"`
	}
	if err := json.Unmarshal(body, &h); err != nil {
		return cacheCounters{}, fmt.Errorf("/healthz: %w", err)
	}
	if h.PageCache == nil {
		return cacheCounters{}, nil
	}
	return *h.PageCache, nil
}

// readCounters asks a roneo server for its page cache's counters.
func (b *bench) readCounters(ctx context.Context, base string) (cacheCounters, error) {
	body, err := fetch(ctx, b.http, base+"/healthz")
	if err != nil {
		return cacheCounters{}, err
	}
	return parseHealthz(body)
}

// counterDelta is what a counter grew by between two readings, nil when either lacks it.
func counterDelta(before, after *int64) *int64 {
	if before == nil || after == nil {
		return nil
	}
	d := *after - *before
	return &d
}

// fetchCacheStatus GETs u, requires a 200, and returns the body and the X-Cache header
// ("" when the server sent none).
func fetchCacheStatus(ctx context.Context, c *http.Client, u string) (string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", "", fmt.Errorf("GET %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", "", fmt.Errorf("GET %s: status %d, want 200", u, resp.StatusCode)
	}
	return string(body), resp.Header.Get("X-Cache"), nil
}

// warmTries is how many requests warmPage makes at most: the first fills the cache, the
// next should hit it.
const warmTries = 5

// warmPage requests u until it answers from the page cache (X-Cache: HIT), at most
// warmTries times. A server that sends no X-Cache is asked three times, as the newsroom
// scenario warms a page, and reported is false.
func (b *bench) warmPage(ctx context.Context, u string) (hit, reported bool, err error) {
	for i := range warmTries {
		_, status, err := fetchCacheStatus(ctx, b.http, u)
		switch {
		case err != nil:
			return false, false, err
		case status == cacheHit:
			return true, true, nil
		case status == "" && i == 2:
			return false, false, nil
		}
		reported = reported || status != ""
	}
	return false, reported, nil
}

// hitRate is hits / (hits + misses) in percent, nil for no answers.
func hitRate(hits, misses int64) *float64 {
	if hits+misses == 0 {
		return nil
	}
	r := 100 * float64(hits) / float64(hits+misses)
	return &r
}
