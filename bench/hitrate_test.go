package main

import (
	"slices"
	"testing"
	"time"
)

func TestPublishOffsets(t *testing.T) {
	s := time.Second
	for _, c := range []struct {
		d    time.Duration
		want []time.Duration
	}{
		{120 * s, []time.Duration{30 * s, 90 * s}},
		{60 * s, []time.Duration{15 * s, 45 * s}},
		{20 * s, []time.Duration{5 * s, 15 * s}},
		{300 * s, []time.Duration{30 * s, 90 * s, 150 * s, 210 * s, 270 * s}},
	} {
		if got := publishOffsets(c.d); !slices.Equal(got, c.want) {
			t.Errorf("publishOffsets(%s) = %v, want %v", c.d, got, c.want)
		}
	}
}

func TestParseXCacheCounts(t *testing.T) {
	out := `Running 20s test @ http://127.0.0.1:4000/fr/
  2 threads and 32 connections
  712345 requests in 20.00s, 9.10GB read
Requests/sec:  35617.25
Transfer/sec:    465.88MB
x-cache: hit 712301 miss 12 other 32
`
	c, err := parseXCacheCounts(out)
	if err != nil || c != (cacheAnswers{Hits: 712301, Misses: 12, Other: 32}) {
		t.Errorf("counts %+v, %v", c, err)
	}
	if _, err := parseXCacheCounts("Requests/sec: 1\n"); err == nil {
		t.Error("no counts: no error")
	}
}

func TestCacheAnswers(t *testing.T) {
	var c cacheAnswers
	for _, s := range []string{cacheHit, cacheHit, cacheHit, cacheMiss, "", "BYPASS"} {
		c.add(s)
	}
	if c != (cacheAnswers{Hits: 3, Misses: 1, Other: 2}) {
		t.Errorf("counted %+v", c)
	}
	if r := c.rate(); r == nil || *r != 75 {
		t.Errorf("rate %v", r)
	}
	if got := rateText(cacheAnswers{Other: 1200}); got != "n/a: "+noHitReports {
		t.Errorf("without X-Cache: %q", got)
	}
}

// TestHitRateFigures: a binary without X-Cache still gets its throughput and publish
// times; its hit rates are n/a, saying why.
func TestHitRateFigures(t *testing.T) {
	r := newResults(config{Only: []string{scenarioHitRate}})
	r.HitRate = &hitRateResult{Home: cacheAnswers{Other: 700000}, Unrelated: cacheAnswers{Other: 600},
		HomeRequestsSec: 35000, PublishToHomeMS: []float64{40, 60}}
	fs := r.figures()
	if f := figureNamed(t, fs, "hitrate home"); f.NA != noHitReports {
		t.Errorf("hitrate home: %+v", f)
	}
	if f := figureNamed(t, fs, "hitrate home throughput"); f.Value != 35000 || f.NA != "" {
		t.Errorf("throughput: %+v", f)
	}
	if f := figureNamed(t, fs, "hitrate publish to home, median"); f.Value != 50 {
		t.Errorf("publish: %+v", f)
	}
	r.HitRate.Unrelated = cacheAnswers{Hits: 590, Misses: 10}
	if f := figureNamed(t, r.figures(), "hitrate unrelated"); !near(f.Value, 100*590.0/600) {
		t.Errorf("hitrate unrelated: %+v", f)
	}
}

func TestPublishPGFigures(t *testing.T) {
	r := newResults(config{Only: []string{scenarioPublishPG}})
	r.PublishPG = &publishPGResult{VisibleMS: []float64{10, 30, 20}, HitsReported: false}
	fs := r.figures()
	if f := figureNamed(t, fs, "publish-pg visible, median"); f.Value != 20 {
		t.Errorf("median: %+v", f)
	}
	if f := figureNamed(t, fs, "publish-pg visible, max"); f.Value != 30 {
		t.Errorf("max: %+v", f)
	}
	if f := figureNamed(t, fs, "publish-pg unrelated kept"); f.NA != noHitReports {
		t.Errorf("kept without X-Cache: %+v", f)
	}
	r.PublishPG.HitsReported, r.PublishPG.UnrelatedKept = true, 2
	if f := figureNamed(t, r.figures(), "publish-pg unrelated kept"); !near(f.Value, 200.0/3) {
		t.Errorf("kept: %+v", f)
	}
}

func TestArticlePathIn(t *testing.T) {
	home := []byte(`<a href="/nl/rubriek/x">x</a><h3 class="teaser-title"><a href="/nl/artikel/staking-in-gent">Staking</a></h3>`)
	if got, err := articlePathIn(home, "nl", "artikel"); err != nil || got != "/nl/artikel/staking-in-gent" {
		t.Errorf("articlePathIn = %q, %v", got, err)
	}
	if _, err := articlePathIn(home, "en", "article"); err == nil {
		t.Error("no English article: no error")
	}
}
