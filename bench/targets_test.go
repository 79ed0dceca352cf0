package main

import (
	"testing"
	"time"
)

func TestJudge(t *testing.T) {
	r := newResults(config{Articles: targetDemoArticles})
	r.Scenarios = []scenario{
		{Name: scenarioNginx, wrkResult: wrkResult{RequestsPerSec: 1000}},
		{Name: scenarioCached, wrkResult: wrkResult{RequestsPerSec: 650}},
		{Name: scenarioUncached, wrkResult: wrkResult{RequestsPerSec: 100, LatencyMS: latencies{P99: 4}, SocketErrors: socketErrors{Timeout: 1}}},
	}
	r.Memory = []memoryResult{{After: scenarioCached, PeakMB: 90}, {After: scenarioUncached, PeakMB: 170}}
	r.judge(time.Now())
	want := []string{statusPass, statusFail, statusFail, statusSkip}
	for i, tg := range r.Targets {
		if tg.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", tg.Name, tg.Status, tg.Note, want[i])
		}
	}
	if p := r.CachedVsNginxPercent; p == nil || *p != 65 {
		t.Errorf("cached/nginx = %v, want 65", p)
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
