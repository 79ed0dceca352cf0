package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// hitrate measures how well the page cache holds while the site changes: wrk loads the
// French home page for -hitrate-duration while an editor publishes French articles at
// evenly spaced times, and a loop meanwhile fetches pages those articles do not touch.
// It reports the share of each that the cache answered, from the X-Cache header of every
// answer (counted inside wrk by a script, and by the loop).

// unrelatedEvery is the pause between two fetches of the unrelated pages' loop: enough
// requests to see each purge, too few to take CPU from the server.
const unrelatedEvery = 100 * time.Millisecond

// hitRateResult is what hitrate measured.
type hitRateResult struct {
	Seconds         float64      `json:"seconds"`            // the wrk run on /fr/
	PublishedAtS    []float64    `json:"published_at_s"`     // when each publish was sent, from the run's start
	PublishToHomeMS []float64    `json:"publish_to_home_ms"` // under the load
	Home            cacheAnswers `json:"home"`               // /fr/, counted by wrk
	HomeRequestsSec float64      `json:"home_requests_per_sec"`
	UnrelatedPages  []string     `json:"unrelated_pages"`
	Unrelated       cacheAnswers `json:"unrelated"`
	// Counters are the server's own, over the run (all pages), nil when not reported.
	Hits   *int64 `json:"hits,omitempty"`
	Misses *int64 `json:"misses,omitempty"`
	Purges *int64 `json:"purges,omitempty"`
}

// cacheAnswers counts answers by their X-Cache header.
type cacheAnswers struct {
	Hits   int64 `json:"hits"`
	Misses int64 `json:"misses"`
	Other  int64 `json:"other"` // no X-Cache, or another value
}

func (c *cacheAnswers) add(status string) {
	switch status {
	case cacheHit:
		c.Hits++
	case cacheMiss:
		c.Misses++
	default:
		c.Other++
	}
}

// rate is the hit rate in percent, nil when no answer said HIT or MISS.
func (c cacheAnswers) rate() *float64 { return hitRate(c.Hits, c.Misses) }

// publishOffsets are when, from the start of a run of d, the articles are published:
// one a minute, at least two, evenly spaced with half a gap at each end (120 s: 30 s
// and 90 s; 60 s: 15 s and 45 s; 300 s: 30, 90, 150, 210 and 270 s).
func publishOffsets(d time.Duration) []time.Duration {
	n := max(2, int(d/time.Minute))
	offsets := make([]time.Duration, n)
	for k := range n {
		offsets[k] = d * time.Duration(2*k+1) / time.Duration(2*n)
	}
	return offsets
}

// xcacheScript counts the X-Cache header of every answer in each wrk thread and prints
// the totals once the run is over.
const xcacheScript = `-- Counts answers by their X-Cache header; written by Roneo's benchmark.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  hits, misses, others = 0, 0, 0
end

function response(status, headers, body)
  local x = headers["X-Cache"] or headers["x-cache"]
  if x == "HIT" then
    hits = hits + 1
  elseif x == "MISS" then
    misses = misses + 1
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits")
    m = m + t:get("misses")
    o = o + t:get("others")
  end
  io.write(string.format("x-cache: hit %d miss %d other %d\n", h, m, o))
end
`

var xcacheLineRe = regexp.MustCompile(`x-cache: hit (\d+) miss (\d+) other (\d+)`)

// parseXCacheCounts reads the line the script prints.
func parseXCacheCounts(out string) (cacheAnswers, error) {
	m := xcacheLineRe.FindStringSubmatch(out)
	if m == nil {
		return cacheAnswers{}, fmt.Errorf("wrk's script printed no X-Cache counts:\n%s", out)
	}
	var c cacheAnswers
	c.Hits, _ = strconv.ParseInt(m[1], 10, 64)
	c.Misses, _ = strconv.ParseInt(m[2], 10, 64)
	c.Other, _ = strconv.ParseInt(m[3], 10, 64)
	return c, nil
}

// measureHitRate runs hitrate on the side's demo site.
func (b *bench) measureHitRate(ctx context.Context, s *side) error {
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioHitRate, pageCache: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	nc, err := b.newsroomSignIn(ctx, s, srv, false)
	if err != nil {
		return err
	}
	res := &hitRateResult{Seconds: b.cfg.HitRateDuration.Seconds()}
	if res.UnrelatedPages, err = unrelatedPages(ctx, b.http, srv.base); err != nil {
		return err
	}
	for _, p := range append([]string{"/fr/"}, res.UnrelatedPages...) {
		if _, _, err := b.warmPage(ctx, srv.base+p); err != nil {
			return err
		}
	}
	before, err := b.readCounters(ctx, srv.base)
	if err != nil {
		return err
	}
	if err := b.loadWhilePublishing(ctx, s, nc, srv.base, res); err != nil {
		return err
	}
	after, err := b.readCounters(ctx, srv.base)
	if err != nil {
		return err
	}
	res.Hits, res.Misses, res.Purges = counterDelta(before.Hits, after.Hits), counterDelta(before.Misses, after.Misses), counterDelta(before.Purges, after.Purges)
	s.res.HitRate = res
	b.logf("hitrate (%s): home page %s, unrelated pages %s; %d articles published, visible on the home page in %.0f ms (median)",
		s.describe(), rateText(res.Home), rateText(res.Unrelated), len(res.PublishToHomeMS), median(res.PublishToHomeMS))
	return nil
}

// loadWhilePublishing runs wrk on the French home page for the run's duration, and
// meanwhile publishes at publishOffsets and fetches the unrelated pages in a loop.
func (b *bench) loadWhilePublishing(ctx context.Context, s *side, nc *http.Client, base string, res *hitRateResult) error {
	script := b.ws.path(s.name("xcache.lua"))
	if err := os.WriteFile(script, []byte(xcacheScript), 0o644); err != nil {
		return err
	}
	wrkBin, err := findProgram("wrk", "/usr/bin/wrk")
	if err != nil {
		return err
	}
	b.logf("hitrate (%s): wrk -t%d -c%d -d%s on /fr/, publishing at %v", s.describe(), b.cfg.Threads, b.cfg.Connections,
		wrkDuration(b.cfg.HitRateDuration), publishOffsets(b.cfg.HitRateDuration))
	loopCtx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	var publishErr, loopErr error
	start := time.Now()
	wg.Go(func() { publishErr = b.publishOnSchedule(loopCtx, nc, base, start, res) })
	wg.Go(func() { loopErr = b.fetchUnrelated(loopCtx, base, res) })
	out, err := runTool(ctx, b.root, wrkBin, "-t", strconv.Itoa(b.cfg.Threads), "-c", strconv.Itoa(b.cfg.Connections),
		"-d", wrkDuration(b.cfg.HitRateDuration), "--latency", "-s", script, base+"/fr/")
	if err != nil {
		stop()
		wg.Wait()
		return err
	}
	// Let a publish under way finish: its time to visible is part of the figures.
	wg.Wait()
	if err := os.WriteFile(b.ws.path("wrk-"+s.name(scenarioHitRate)+".txt"), out, 0o644); err != nil {
		return err
	}
	if publishErr != nil {
		return publishErr
	}
	if loopErr != nil {
		return loopErr
	}
	w, err := parseWrk(string(out))
	if err != nil {
		return err
	}
	res.HomeRequestsSec = w.RequestsPerSec
	res.Home, err = parseXCacheCounts(string(out))
	return err
}

// publishOnSchedule publishes one article at each of the run's offsets and times how
// long the home page takes to show it.
func (b *bench) publishOnSchedule(ctx context.Context, nc *http.Client, base string, start time.Time, res *hitRateResult) error {
	for i, at := range publishOffsets(b.cfg.HitRateDuration) {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Until(start.Add(at))):
		}
		title := publishTitle(i)
		_, sent, err := publishArticle(ctx, nc, base, title)
		if err != nil {
			return err
		}
		res.PublishedAtS = append(res.PublishedAtS, sent.Sub(start).Seconds())
		visible, err := b.pollUntil(ctx, base+"/fr/", title, sent)
		if err != nil {
			return err
		}
		res.PublishToHomeMS = append(res.PublishToHomeMS, visible)
	}
	return nil
}

// fetchUnrelated asks for each unrelated page in turn, every unrelatedEvery, until the
// run is over, and counts the answers by X-Cache.
func (b *bench) fetchUnrelated(ctx context.Context, base string, res *hitRateResult) error {
	end := time.Now().Add(b.cfg.HitRateDuration)
	for i := 0; time.Now().Before(end); i++ {
		_, status, err := fetchCacheStatus(ctx, b.http, base+res.UnrelatedPages[i%len(res.UnrelatedPages)])
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		res.Unrelated.add(status)
		time.Sleep(unrelatedEvery)
	}
	return nil
}

// unrelatedPages are pages a French article without section, tags or dossier does not
// change: the other languages' home pages, an article of each, and a French article
// (its related reading comes from its own section, tags and dossier).
func unrelatedPages(ctx context.Context, c *http.Client, base string) ([]string, error) {
	pages := []string{"/nl/", "/en/"}
	for _, l := range []struct{ lang, segment string }{{"nl", "artikel"}, {"en", "article"}, {"fr", "article"}} {
		home, err := fetch(ctx, c, base+"/"+l.lang+"/")
		if err != nil {
			return nil, err
		}
		p, err := articlePathIn(home, l.lang, l.segment)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// rateText is a hit rate with its counts: "99.2 % (1190 HIT, 10 MISS)".
func rateText(c cacheAnswers) string {
	r := c.rate()
	if r == nil {
		return "n/a: " + noHitReports
	}
	return fmt.Sprintf("%.1f %% (%d HIT, %d MISS)", *r, c.Hits, c.Misses)
}

// hitRateFigures are hitrate's figures.
func (r *results) hitRateFigures() []figure {
	if !r.selected(scenarioHitRate) {
		return nil
	}
	fs := []figure{
		{Name: "hitrate home", Unit: "%", Higher: true},
		{Name: "hitrate unrelated", Unit: "%", Higher: true},
		{Name: "hitrate home throughput", Unit: "req/s", Higher: true},
		{Name: "hitrate publish to home, median", Unit: "ms"},
	}
	h := r.HitRate
	if h == nil {
		for i := range fs {
			fs[i] = r.measured(fs[i], false, scenarioHitRate)
		}
		return fs
	}
	for i, c := range []cacheAnswers{h.Home, h.Unrelated} {
		if rate := c.rate(); rate != nil {
			fs[i].Value = *rate
		} else {
			fs[i].NA = noHitReports
		}
	}
	fs[2].Value = h.HomeRequestsSec
	fs[3] = r.measured(fs[3], len(h.PublishToHomeMS) > 0, scenarioHitRate)
	if len(h.PublishToHomeMS) > 0 {
		fs[3].Value = median(h.PublishToHomeMS)
	}
	return fs
}

// printHitRate prints hitrate's figures.
func printHitRate(out io.Writer, r *results) {
	h := r.HitRate
	if h == nil {
		return
	}
	var at []string
	for _, s := range h.PublishedAtS {
		at = append(at, fmt.Sprintf("%.0f s", s))
	}
	fmt.Fprintf(out, "\nCache hit rate while publishing (hitrate: wrk on /fr/ for %.0f s, SQLite, French articles published at %s):\n",
		h.Seconds, strings.Join(at, ", "))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  home page /fr/ under wrk:\t%.0f req/s; hit rate %s\n", h.HomeRequestsSec, rateText(h.Home))
	fmt.Fprintf(tw, "  unrelated pages, in a loop:\thit rate %s\n", rateText(h.Unrelated))
	fmt.Fprintf(tw, "  the unrelated pages:\t%s\n", strings.Join(h.UnrelatedPages, " "))
	if len(h.PublishToHomeMS) > 0 {
		fmt.Fprintf(tw, "  publish to visible on /fr/:\tmedian %.0f ms, max %.0f ms\n", median(h.PublishToHomeMS), slices.Max(h.PublishToHomeMS))
	}
	if h.Hits != nil && h.Misses != nil {
		purges := ""
		if h.Purges != nil {
			purges = fmt.Sprintf(", %d purges", *h.Purges)
		}
		fmt.Fprintf(tw, "  the server's counters over the run:\t%d hits, %d misses%s (every page)\n", *h.Hits, *h.Misses, purges)
	}
	tw.Flush()
}
