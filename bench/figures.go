package main

import (
	"fmt"
	"math"
	"slices"
)

// figure is one number the benchmark reports for a binary, under a name that stays the
// same from run to run: the before/after table of -ref, the sections of RESULTS.md and
// the comparison with the last of them all use these.
type figure struct {
	Name   string  // "uncached p99"
	Unit   string  // "ms", "req/s", "%", "MB", "s"
	Value  float64 // meaningless when NA is set
	Higher bool    // a higher value is better
	// Rounds is how many rounds the figure is the median of; when more than one, Min
	// and Max are their spread.
	Rounds   int
	Min, Max float64
	// Shared figures are the same measurement for both binaries (nginx, the ceiling).
	Shared bool
	NA     string // why it was not measured
}

// figures are the run's figures for the scenarios it selected, in a fixed order.
func (r *results) figures() []figure {
	var fs []figure
	if r.selected(scenarioDemo) && r.Settings.DataDir == "" {
		f := figure{Name: "demo time", Unit: "s"}
		if r.Demo != nil {
			f.Value = r.Demo.Seconds
		}
		fs = append(fs, r.measured(f, r.Demo != nil, scenarioDemo))
	}
	if r.selected(scenarioNginx) {
		nginx := r.wrkFigures(scenarioNginx)
		for i := range nginx {
			nginx[i].Shared = true
		}
		fs = append(fs, nginx[0])
	}
	if r.selected(scenarioCached) && r.selected(scenarioNginx) {
		fs = append(fs, r.ratioFigure("cached/nginx", r.CachedVsNginxPercent, r.CachedVsNginxRounds, scenarioCached, scenarioNginx))
	}
	for _, s := range []string{scenarioCached, scenarioUncached, scenarioUncached1} {
		if r.selected(s) {
			fs = append(fs, r.wrkFigures(s)...)
			fs = append(fs, r.memoryFigure(s))
		}
	}
	for _, s := range []string{scenarioFeed, scenarioFeedUncached} {
		if r.selected(s) {
			fs = append(fs, r.wrkFigures(s)...)
		}
	}
	if r.selected(scenarioCopy) || slices.ContainsFunc(postgresScenarios, r.selected) {
		fs = append(fs, r.copyFigure())
	}
	if r.selected(scenarioUncachedPG) {
		fs = append(fs, r.wrkFigures(scenarioUncachedPG)...)
		fs = append(fs, r.memoryFigure(scenarioUncachedPG))
	}
	for _, s := range []string{scenarioCached1x, scenarioCached2x} {
		if r.selected(s) {
			fs = append(fs, r.wrkFigures(s)...)
		}
	}
	if r.selected(scenarioCached1x) && r.selected(scenarioCached2x) {
		fs = append(fs, r.ratioFigure("cached-2x/cached-1x", r.Cached2xVs1xPercent, r.Cached2xVs1xRounds, scenarioCached2x, scenarioCached1x))
	}
	fs = append(fs, r.searchFigures()...)
	fs = append(fs, r.newsroomFigures()...)
	fs = append(fs, r.hitRateFigures()...)
	fs = append(fs, r.sitemapFigures()...)
	fs = append(fs, r.publishPGFigures()...)
	return append(fs, r.photoFigures()...)
}

func (r *results) selected(scenario string) bool { return slices.Contains(r.Settings.Only, scenario) }

// measured completes a figure: NA, with the reason recorded for the first of scenarios
// that has one, unless ok.
func (r *results) measured(f figure, ok bool, scenarios ...string) figure {
	if ok {
		return f
	}
	f.NA = "not measured"
	for _, s := range scenarios {
		if why := r.NotAvailable[s]; why != "" {
			f.NA = why
			break
		}
	}
	return f
}

// wrkFigures are a wrk scenario's medians: req/s, p50, p99, each with its rounds' spread.
func (r *results) wrkFigures(scenario string) []figure {
	fs := []figure{
		{Name: scenario + " throughput", Unit: "req/s", Higher: true},
		{Name: scenario + " p50", Unit: "ms"},
		{Name: scenario + " p99", Unit: "ms"},
	}
	s := r.summary(scenario)
	if s == nil {
		for i := range fs {
			fs[i] = r.measured(fs[i], false, scenario)
		}
		return fs
	}
	values := []func(measurement) float64{
		func(m measurement) float64 { return m.RequestsPerSec },
		func(m measurement) float64 { return m.LatencyMS.P50 },
		func(m measurement) float64 { return m.LatencyMS.P99 },
	}
	medians := []float64{s.RequestsPerSec, s.P50MS, s.P99MS}
	for i := range fs {
		var all []float64
		for _, m := range r.Runs {
			if m.Scenario == scenario {
				all = append(all, values[i](m))
			}
		}
		fs[i].Value, fs[i].Rounds = medians[i], len(all)
		fs[i].Min, fs[i].Max = slices.Min(all), slices.Max(all)
	}
	return fs
}

// ratioFigure is a median of per-round ratios, in percent, with their spread.
func (r *results) ratioFigure(name string, p *float64, rounds []roundRatio, scenarios ...string) figure {
	f := figure{Name: name, Unit: "%", Higher: true}
	if p == nil {
		return r.measured(f, false, scenarios...)
	}
	f.Value, f.Rounds = *p, len(rounds)
	f.Min, f.Max = math.Inf(1), math.Inf(-1)
	for _, rr := range rounds {
		f.Min, f.Max = min(f.Min, rr.Percent), max(f.Max, rr.Percent)
	}
	return f
}

// memoryFigure is the peak resident memory of the server of a scenario.
func (r *results) memoryFigure(scenario string) figure {
	f := figure{Name: scenario + " peak RSS", Unit: "MB"}
	for _, m := range r.Memory {
		if m.After == scenario {
			f.Value = m.PeakMB
			return f
		}
	}
	return r.measured(f, false, scenario)
}

func (r *results) copyFigure() figure {
	f := figure{Name: "copy time", Unit: "s"}
	if r.Copy != nil {
		f.Value = r.Copy.Seconds
	}
	return r.measured(f, r.Copy != nil, append([]string{scenarioCopy}, postgresScenarios...)...)
}

// searchFigures are the index build and the slowest search's p95 on each database.
func (r *results) searchFigures() []figure {
	var fs []figure
	for _, db := range []struct{ scenario, name string }{{scenarioSearch, "sqlite"}, {scenarioSearchPG, "postgres"}} {
		if !r.selected(db.scenario) {
			continue
		}
		reindex := figure{Name: "search reindex, " + db.name, Unit: "s"}
		slowest := figure{Name: "search slowest p95, " + db.name, Unit: "ms"}
		i := slices.IndexFunc(r.Search, func(s searchResult) bool { return s.Database == db.name })
		if i < 0 || len(r.Search[i].Searches) == 0 {
			fs = append(fs, r.measured(reindex, false, db.scenario), r.measured(slowest, false, db.scenario))
			continue
		}
		reindex.Value = r.Search[i].ReindexSeconds
		for _, l := range r.Search[i].Searches {
			slowest.Value = max(slowest.Value, l.P95MS)
		}
		fs = append(fs, reindex, slowest)
	}
	return fs
}

// newsroomFigures are the slowest list's p99 and publish-to-visible on the warm home page.
func (r *results) newsroomFigures() []figure {
	if !r.selected(scenarioNewsroom) {
		return nil
	}
	list := figure{Name: "newsroom list slowest p99", Unit: "ms"}
	publish := figure{Name: "newsroom publish to home, median", Unit: "ms"}
	n := r.Newsroom
	if n == nil || len(n.Lists) == 0 || len(n.PublishToHomeMS) == 0 {
		return []figure{r.measured(list, false, scenarioNewsroom), r.measured(publish, false, scenarioNewsroom)}
	}
	for _, l := range n.Lists {
		list.Value = max(list.Value, l.P99MS)
	}
	publish.Value = median(n.PublishToHomeMS)
	return []figure{list, publish}
}

// format writes a figure's value with its unit, and the spread of its rounds.
func (f figure) format() string {
	if f.NA != "" {
		return "n/a"
	}
	s := formatValue(f.Value, f.Unit)
	if f.Rounds > 1 {
		s += " (" + formatNumber(f.Min, f.Unit) + "–" + formatNumber(f.Max, f.Unit) + ")"
	}
	return s
}

func formatValue(v float64, unit string) string {
	return formatNumber(v, unit) + " " + unit
}

// formatNumber writes a value with the decimals its unit deserves.
func formatNumber(v float64, unit string) string {
	switch unit {
	case "req/s":
		return fmt.Sprintf("%.0f", v)
	case "ms":
		return fmt.Sprintf("%.3f", v)
	case "s", "photos/s":
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
