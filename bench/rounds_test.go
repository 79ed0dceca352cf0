package main

import (
	"slices"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{nil, 0}, {[]float64{7}, 7}, {[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{45000, 27800, 40000}, 40000},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.in)
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
		if !slices.Equal(in, tt.in) {
			t.Errorf("median reordered its argument: %v, was %v", tt.in, in)
		}
	}
}

func TestSummarize(t *testing.T) {
	runs := []measurement{
		{Scenario: scenarioNginx, Round: 1, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 45000, LatencyMS: latencies{P50: 0.5, P99: 3}}},
		{Scenario: scenarioCached, Round: 1, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 20000, LatencyMS: latencies{P50: 1.2, P99: 9}}},
		{Scenario: scenarioNginx, Round: 2, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 27800, LatencyMS: latencies{P50: 0.9, P99: 2}, Non2xx3xx: 1}},
		{Scenario: scenarioCached, Round: 2, SamePageBytes: false, wrkResult: wrkResult{RequestsPerSec: 21000, LatencyMS: latencies{P50: 1.0, P99: 7}}},
		{Scenario: scenarioNginx, Round: 3, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 40000, LatencyMS: latencies{P50: 0.7, P99: 5}, SocketErrors: socketErrors{Read: 2}}},
	}
	got := summarize(runs)
	want := []summary{
		{Name: scenarioNginx, Rounds: 3, RequestsPerSec: 40000, MinRequestsPerSec: 27800, MaxRequestsPerSec: 45000, P50MS: 0.7, P99MS: 3, Failures: 3, SamePageBytes: true},
		{Name: scenarioCached, Rounds: 2, RequestsPerSec: 20500, MinRequestsPerSec: 20000, MaxRequestsPerSec: 21000, P50MS: 1.1, P99MS: 8, Failures: 0, SamePageBytes: false},
	}
	if len(got) != len(want) {
		t.Fatalf("summarize = %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Name != w.Name || g.Rounds != w.Rounds || g.RequestsPerSec != w.RequestsPerSec ||
			g.MinRequestsPerSec != w.MinRequestsPerSec || g.MaxRequestsPerSec != w.MaxRequestsPerSec ||
			!near(g.P50MS, w.P50MS) || g.P99MS != w.P99MS || g.Failures != w.Failures || g.SamePageBytes != w.SamePageBytes {
			t.Errorf("summary %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestCachedVsNginxPairsEachCachedRunWithTheNginxRunBefore(t *testing.T) {
	rps := func(name string, round int, v float64) measurement {
		return measurement{Scenario: name, Round: round, wrkResult: wrkResult{RequestsPerSec: v}}
	}
	runs := []measurement{
		rps(scenarioNginx, 1, 40000), rps(scenarioCached, 1, 20000),
		rps(scenarioNginx, 2, 30000), rps(scenarioCached, 2, 24000),
		rps(scenarioUncached, 1, 900), // not paired with anything
	}
	got := cachedVsNginx(runs)
	want := []roundRatio{{Round: 1, Percent: 50}, {Round: 2, Percent: 80}}
	if !slices.Equal(got, want) {
		t.Errorf("cachedVsNginx = %v, want %v", got, want)
	}
	if got := cachedVsNginx([]measurement{rps(scenarioCached, 1, 20000), rps(scenarioCached, 2, 20000)}); got != nil {
		t.Errorf("cachedVsNginx without nginx = %v, want none", got)
	}
}
