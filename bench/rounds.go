package main

import "slices"

// The machine is shared, so one run of a scenario can be a third slower than the next
// for reasons of its own (nginx alone has measured 27.8k and 45k req/s a minute apart).
// Each scenario is therefore run several rounds and judged on medians, which one
// unlucky round cannot move; min and max show how far apart the rounds were.

// summary is one scenario over its rounds.
type summary struct {
	Name              string  `json:"name"`
	Rounds            int     `json:"rounds"`
	RequestsPerSec    float64 `json:"median_requests_per_sec"`
	MinRequestsPerSec float64 `json:"min_requests_per_sec"`
	MaxRequestsPerSec float64 `json:"max_requests_per_sec"`
	// P50MS and P99MS are the medians of each round's percentile, each taken on its
	// own: they may come from different rounds.
	P50MS         float64 `json:"median_p50_ms"`
	P99MS         float64 `json:"median_p99_ms"`
	Failures      int64   `json:"failed_requests"` // over all rounds
	SamePageBytes bool    `json:"same_page_bytes"` // in every round
}

// roundRatio is one scenario's req/s in one round as a percentage of another's in the
// run just before it: roneo cached against nginx, cached-2x against cached-1x.
type roundRatio struct {
	Round   int     `json:"round"`
	Percent float64 `json:"percent"`
}

// summarize sums up the runs of each scenario, in the order of their first runs.
func summarize(runs []measurement) []summary {
	var names []string
	for _, r := range runs {
		if !slices.Contains(names, r.Scenario) {
			names = append(names, r.Scenario)
		}
	}
	sums := make([]summary, 0, len(names))
	for _, name := range names {
		sums = append(sums, summarizeScenario(name, runs))
	}
	return sums
}

func summarizeScenario(name string, runs []measurement) summary {
	s := summary{Name: name, SamePageBytes: true}
	var rps, p50, p99 []float64
	for _, r := range runs {
		if r.Scenario != name {
			continue
		}
		s.Rounds++
		s.Failures += r.failures()
		s.SamePageBytes = s.SamePageBytes && r.SamePageBytes
		rps = append(rps, r.RequestsPerSec)
		p50 = append(p50, r.LatencyMS.P50)
		p99 = append(p99, r.LatencyMS.P99)
	}
	s.RequestsPerSec, s.P50MS, s.P99MS = median(rps), median(p50), median(p99)
	s.MinRequestsPerSec, s.MaxRequestsPerSec = slices.Min(rps), slices.Max(rps)
	return s
}

// cachedVsNginx pairs each cached run with the nginx run just before it. Both ran
// within seconds of each other, so their ratio is less at the mercy of the machine's
// slow spells than the ratio of two medians taken minutes apart.
func cachedVsNginx(runs []measurement) []roundRatio {
	return pairedRatios(runs, scenarioNginx, scenarioCached)
}

// pairedRatios is each run of scenario over the last run of base before it in the same
// round, in percent. Other scenarios may run between the two (the feed runs between
// nginx and the article page).
func pairedRatios(runs []measurement, base, scenario string) []roundRatio {
	var ratios []roundRatio
	var last *measurement // the latest run of base
	for i := range runs {
		switch m := &runs[i]; {
		case m.Scenario == base:
			last = m
		case m.Scenario == scenario && last != nil && last.Round == m.Round && last.RequestsPerSec > 0:
			ratios = append(ratios, roundRatio{Round: m.Round, Percent: 100 * m.RequestsPerSec / last.RequestsPerSec})
			last = nil
		}
	}
	return ratios
}

// medianRatio is the median of the rounds' ratios, nil for none.
func medianRatio(ratios []roundRatio) *float64 {
	if len(ratios) == 0 {
		return nil
	}
	percents := make([]float64, len(ratios))
	for i, rr := range ratios {
		percents[i] = rr.Percent
	}
	m := median(percents)
	return &m
}

// median is the middle value, or the mean of the two middle ones for an even count;
// 0 for none.
func median(values []float64) float64 {
	n := len(values)
	if n == 0 {
		return 0
	}
	sorted := slices.Sorted(slices.Values(values))
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
