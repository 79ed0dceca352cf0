package main

import (
	"testing"
	"time"
)

func TestJudge(t *testing.T) {
	r := newResults(config{Articles: targetDemoArticles, Rounds: 1})
	r.Runs = []measurement{
		{Scenario: scenarioNginx, Round: 1, wrkResult: wrkResult{RequestsPerSec: 1000}},
		{Scenario: scenarioCached, Round: 1, wrkResult: wrkResult{RequestsPerSec: 650}},
		{Scenario: scenarioUncached, Round: 1, wrkResult: wrkResult{RequestsPerSec: 100, LatencyMS: latencies{P99: 4}, SocketErrors: socketErrors{Timeout: 1}}},
		{Scenario: scenarioUncached1, Round: 1, wrkResult: wrkResult{RequestsPerSec: 700, LatencyMS: latencies{P99: 4.5}}},
	}
	r.Memory = []memoryResult{{After: scenarioCached, PeakMB: 90}, {After: scenarioUncached, PeakMB: 170}}
	r.judge(time.Now())
	// cached/nginx, uncached p99 and req/s (a timeout), uncached-1 p99, RSS, demo.
	want := []string{statusPass, statusFail, statusFail, statusPass, statusFail, statusSkip}
	for i, tg := range r.Targets {
		if tg.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", tg.Name, tg.Status, tg.Note, want[i])
		}
	}
	if p := r.CachedVsNginxPercent; p == nil || *p != 65 {
		t.Errorf("cached/nginx = %v, want 65", p)
	}
}

// TestJudgeOnMedians: one slow nginx round gives a flattering ratio and one slow
// uncached round a bad p99; the medians ignore both.
func TestJudgeOnMedians(t *testing.T) {
	r := newResults(config{Articles: targetDemoArticles, Rounds: 3})
	r.Runs = []measurement{
		{Scenario: scenarioNginx, Round: 1, wrkResult: wrkResult{RequestsPerSec: 45000}},
		{Scenario: scenarioCached, Round: 1, wrkResult: wrkResult{RequestsPerSec: 22500}},
		{Scenario: scenarioNginx, Round: 2, wrkResult: wrkResult{RequestsPerSec: 27800}},
		{Scenario: scenarioCached, Round: 2, wrkResult: wrkResult{RequestsPerSec: 25020}},
		{Scenario: scenarioNginx, Round: 3, wrkResult: wrkResult{RequestsPerSec: 40000}},
		{Scenario: scenarioCached, Round: 3, wrkResult: wrkResult{RequestsPerSec: 22000}},
		{Scenario: scenarioUncached, Round: 1, wrkResult: wrkResult{LatencyMS: latencies{P99: 8}}},
		{Scenario: scenarioUncached, Round: 2, wrkResult: wrkResult{LatencyMS: latencies{P99: 30}}},
		{Scenario: scenarioUncached, Round: 3, wrkResult: wrkResult{LatencyMS: latencies{P99: 9}}},
	}
	r.judge(time.Now())
	if p := r.CachedVsNginxPercent; p == nil || !near(*p, 55) { // rounds: 50, 90, 55
		t.Errorf("cached/nginx = %v, want 55", p)
	}
	want := []string{statusFail, statusPass}
	for i, w := range want {
		if tg := r.Targets[i]; tg.Status != w {
			t.Errorf("%s: %s (%s), want %s", tg.Name, tg.Status, tg.Note, w)
		}
	}
}

// TestJudgeFailureInOneRound: a failed request in any round invalidates the target,
// whatever the median.
func TestJudgeFailureInOneRound(t *testing.T) {
	r := newResults(config{Articles: targetDemoArticles, Rounds: 3})
	for round := 1; round <= 3; round++ {
		m := measurement{Scenario: scenarioUncached, Round: round, wrkResult: wrkResult{LatencyMS: latencies{P99: 2}}}
		if round == 2 {
			m.Non2xx3xx = 5
		}
		r.Runs = append(r.Runs, m)
	}
	r.judge(time.Now())
	if tg := r.Targets[1]; tg.Status != statusFail || tg.Note == "" {
		t.Errorf("%s: %s (%s), want %s with a note", tg.Name, tg.Status, tg.Note, statusFail)
	}
}

func TestDemoTargetAtOtherSizes(t *testing.T) {
	r := newResults(config{Articles: 2000})
	r.Demo = &demoResult{Articles: 2000, Seconds: 1}
	if got := r.demoTarget(); got.Status != statusSkip {
		t.Errorf("demo target at 2000 articles = %s, want %s", got.Status, statusSkip)
	}
	r.Demo = &demoResult{Articles: targetDemoArticles, Seconds: 61}
	if got := r.demoTarget(); got.Status != statusFail {
		t.Errorf("demo target at 61 s = %s, want %s", got.Status, statusFail)
	}
}
