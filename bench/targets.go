package main

import (
	"fmt"
	"time"
)

// The targets of the performance issue. The demo target is stated for the default
// site of 100,000 articles.
const (
	targetCachedPercent = 60.0
	targetUncachedP99MS = 10.0
	// The page cache off, on 100,000 articles: requests a second under load, and the
	// p99 of one request at a time.
	targetUncachedRPS    = 2500.0
	targetUncached1P99MS = 5.0
	targetPeakRSSMB      = 150.0
	targetDemoSeconds    = 60.0
	targetDemoArticles   = 100_000
)

// Target statuses.
const (
	statusPass = "PASS"
	statusFail = "FAIL"
	statusSkip = "SKIP"
)

// target is one of the figures and whether this run meets it.
type target struct {
	Name   string   `json:"name"`
	Limit  float64  `json:"limit"`
	Unit   string   `json:"unit"`
	AtMost bool     `json:"at_most"` // false: the value must be at least the limit
	Value  *float64 `json:"value,omitempty"`
	Status string   `json:"status"`
	Note   string   `json:"note,omitempty"`
}

// judge sums up the rounds, computes the cached/nginx ratio and checks every target
// on the medians.
func (r *results) judge(now time.Time) {
	r.Finished = now
	r.Summaries = summarize(r.Runs)
	r.CachedVsNginxRounds = cachedVsNginx(r.Runs)
	r.CachedVsNginxPercent = medianRatio(r.CachedVsNginxRounds)
	// The scale-out figures have no target: they are reported, not judged.
	r.Cached2xVs1xRounds = pairedRatios(r.Runs, scenarioCached1x, scenarioCached2x)
	r.Cached2xVs1xPercent = medianRatio(r.Cached2xVs1xRounds)
	nginx, cached, uncached := r.summary(scenarioNginx), r.summary(scenarioCached), r.summary(scenarioUncached)
	r.Targets = []target{
		target{Name: "roneo cached req/s ≥ 60% of nginx", Limit: targetCachedPercent, Unit: "%"}.
			check(r.CachedVsNginxPercent, failuresIn(nginx, cached)),
		target{Name: "roneo uncached p99 ≤ 10 ms", Limit: targetUncachedP99MS, Unit: "ms", AtMost: true}.
			check(p99(uncached), failuresIn(uncached)),
		target{Name: "roneo uncached req/s ≥ 2500", Limit: targetUncachedRPS, Unit: "req/s"}.
			check(rps(uncached), failuresIn(uncached)),
		target{Name: "roneo uncached p99 ≤ 5 ms at one connection", Limit: targetUncached1P99MS, Unit: "ms", AtMost: true}.
			check(p99(r.summary(scenarioUncached1)), failuresIn(r.summary(scenarioUncached1))),
		target{Name: "roneo serve peak RSS ≤ 150 MB", Limit: targetPeakRSSMB, Unit: "MB", AtMost: true}.
			check(r.peakRSS(), ""),
		r.demoTarget(),
	}
	r.Targets = append(r.Targets, r.newsroomTargets()...)
	r.Targets = append(r.Targets, r.searchTargets()...)
	r.judgePhotos()
	r.Targets = append(r.Targets, r.photoTargets()...)
}

func (r *results) demoTarget() target {
	t := target{Name: "demo generation of 100000 articles ≤ 60 s", Limit: targetDemoSeconds, Unit: "s", AtMost: true}
	if r.Demo == nil {
		return t.check(nil, "")
	}
	t = t.check(&r.Demo.Seconds, "")
	if r.Demo.Articles != targetDemoArticles {
		t.Status = statusSkip
		t.Note = fmt.Sprintf("measured with %d articles", r.Demo.Articles)
	}
	return t
}

// check sets the status: SKIP without a value, FAIL when the measurement is invalid
// (failed requests) or misses the limit, PASS otherwise.
func (t target) check(value *float64, invalid string) target {
	t.Value = value
	met := value != nil && ((t.AtMost && *value <= t.Limit) || (!t.AtMost && *value >= t.Limit))
	switch {
	case value == nil:
		t.Status, t.Note = statusSkip, "not measured"
	case invalid != "":
		t.Status, t.Note = statusFail, invalid
	case met:
		t.Status = statusPass
	default:
		t.Status = statusFail
	}
	return t
}

func p99(s *summary) *float64 {
	if s == nil {
		return nil
	}
	return &s.P99MS
}

// failuresIn describes the failed requests of the scenarios, "" when there were none.
// A failure in any round invalidates the target: on the loopback, a failed request is
// a fault to look into, not noise for a median to smooth away.
func failuresIn(scenarios ...*summary) string {
	for _, s := range scenarios {
		if s != nil && s.Failures > 0 {
			return fmt.Sprintf("%s had %d failed requests (errors or non-2xx) over %d rounds", s.Name, s.Failures, s.Rounds)
		}
	}
	return ""
}
