package main

import (
	"strings"
	"testing"
	"time"
)

// runsOf makes the measured runs of a scenario, one a round.
func runsOf(scenario string, rps ...float64) []measurement {
	var runs []measurement
	for i, v := range rps {
		runs = append(runs, measurement{Scenario: scenario, Round: i + 1,
			wrkResult: wrkResult{RequestsPerSec: v, LatencyMS: latencies{P50: 1000 / v, P99: 10000 / v}}})
	}
	return runs
}

func figureNamed(t *testing.T, fs []figure, name string) figure {
	t.Helper()
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no figure %q in %v", name, fs)
	return figure{}
}

func TestFigures(t *testing.T) {
	r := newResults(config{Articles: 2000, Rounds: 3, Only: []string{scenarioDemo, scenarioNginx, scenarioCached, scenarioUncached, scenarioSearch}})
	for round := range 3 {
		r.Runs = append(r.Runs, runsOf(scenarioNginx, 40000+float64(round)*1000)...)
		r.Runs[len(r.Runs)-1].Round = round + 1
		r.Runs = append(r.Runs, runsOf(scenarioCached, 24000+float64(round)*1000)...)
		r.Runs[len(r.Runs)-1].Round = round + 1
	}
	r.Runs = append(r.Runs, runsOf(scenarioUncached, 900, 1000, 1100)...)
	r.Memory = []memoryResult{{After: scenarioCached, PeakMB: 57.4}}
	r.Demo = &demoResult{Articles: 2000, Seconds: 1.5}
	r.NotAvailable = map[string]string{scenarioSearch: `unknown command "search"`}
	r.judge(time.Now())
	fs := r.figures()

	if f := figureNamed(t, fs, "demo time"); f.Value != 1.5 || f.Unit != "s" || f.Higher {
		t.Errorf("demo time: %+v", f)
	}
	if f := figureNamed(t, fs, "cached throughput"); f.Value != 25000 || f.Rounds != 3 || f.Min != 24000 || f.Max != 26000 || !f.Higher {
		t.Errorf("cached throughput: %+v", f)
	}
	if f := figureNamed(t, fs, "uncached p99"); f.Value != 10 || f.Min != 10000.0/1100 || f.Max != 10000.0/900 {
		t.Errorf("uncached p99: %+v", f)
	}
	if f := figureNamed(t, fs, "cached/nginx"); f.Unit != "%" || f.Rounds != 3 || f.Min != 60 || !near(f.Value, 100*25000.0/41000) {
		t.Errorf("cached/nginx: %+v", f)
	}
	if f := figureNamed(t, fs, "nginx throughput"); !f.Shared {
		t.Errorf("nginx is not marked as shared by both binaries: %+v", f)
	}
	if f := figureNamed(t, fs, "uncached peak RSS"); f.NA != "not measured" {
		t.Errorf("uncached peak RSS was not measured: %+v", f)
	}
	if f := figureNamed(t, fs, "search reindex, sqlite"); f.NA != `unknown command "search"` || f.format() != "n/a" {
		t.Errorf("search on a binary without it: %+v", f)
	}
	if got := figureNamed(t, fs, "cached throughput").format(); got != "25000 req/s (24000–26000)" {
		t.Errorf("format = %q", got)
	}
}

func TestCompareRef(t *testing.T) {
	ref := []figure{
		{Name: "cached throughput", Unit: "req/s", Higher: true, Value: 25000, Rounds: 3, Min: 24000, Max: 26000},
		{Name: "uncached p99", Unit: "ms", Value: 10, Rounds: 3, Min: 9, Max: 11},
		{Name: "demo time", Unit: "s", Value: 50},
		{Name: "cached peak RSS", Unit: "MB", Value: 57},
		{Name: "nginx throughput", Unit: "req/s", Higher: true, Value: 40000, Shared: true},
	}
	tree := []figure{
		{Name: "cached throughput", Unit: "req/s", Higher: true, Value: 23500, Rounds: 3, Min: 23000, Max: 24500}, // within the spread of 2000
		{Name: "uncached p99", Unit: "ms", Value: 12.5, Rounds: 3, Min: 12, Max: 13},                              // 2.5 ms worse, spread 2
		{Name: "demo time", Unit: "s", Value: 54},                                                                 // 8 % slower: within 10 %
		{Name: "cached peak RSS", Unit: "MB", Value: 63},                                                          // 10.5 % more
		{Name: "nginx throughput", Unit: "req/s", Higher: true, Value: 40000, Shared: true},
		{Name: "search reindex, sqlite", Unit: "s", Value: 3},
	}
	changes := compareRef(ref, tree)
	want := map[string]bool{"cached throughput": false, "uncached p99": true, "demo time": false, "cached peak RSS": true, "search reindex, sqlite": false}
	if len(changes) != len(want) {
		t.Fatalf("%d changes, want %d (nginx is the same runs for both and left out): %+v", len(changes), len(want), changes)
	}
	for _, c := range changes {
		if c.Worse != want[c.After.Name] {
			t.Errorf("%s: worse %v (allowed %v), want %v", c.After.Name, c.Worse, c.Allowed, want[c.After.Name])
		}
	}
	if c := changes[0]; !c.BySpread || c.Allowed != 2000 || !near(c.Ratio, 0.94) {
		t.Errorf("cached throughput: %+v", c)
	}
	if c := changes[len(changes)-1]; c.Before.NA == "" || c.Worse || c.Ratio != 0 {
		t.Errorf("a figure the reference lacks: %+v", c)
	}
}

func TestPrintBeforeAfter(t *testing.T) {
	cfg := config{Articles: 2000, Rounds: 1, Ref: "HEAD~3", Only: []string{scenarioDemo, scenarioSearch}}
	tree, ref := newResults(cfg), newResults(cfg)
	tree.Commit, ref.Commit = "a632c7e-dirty", "fe48df4f6d345c49608de462bd12413d42e8dacf"
	tree.Demo, ref.Demo = &demoResult{Seconds: 2}, &demoResult{Seconds: 1.5}
	tree.Search = []searchResult{{Database: "sqlite", ReindexSeconds: 3, Searches: []searchLatency{{P95MS: 4}}}}
	ref.NotAvailable = map[string]string{scenarioSearch: `roneo: unknown command "search"`}
	tree.Ref = ref
	var out strings.Builder
	printBeforeAfter(&out, tree)
	for _, want := range []string{
		"ref HEAD~3 (fe48df4) and this tree (a632c7e-dirty)",
		"n/a for ref HEAD~3 (fe48df4): search: roneo: unknown command \"search\"",
		"WARNING: demo time is worse in this tree than in ref HEAD~3 (fe48df4): 2.00 s against 1.50 s (×1.33)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "WARNING: search") {
		t.Errorf("a figure the reference could not measure drew a warning:\n%s", out.String())
	}
}
