package main

import (
	"strings"
	"testing"
	"time"
)

// TestReportShowsSpreadAndRounds: the reader sees the medians, how far apart the
// rounds were, each round's ratio, and which run was disturbed.
func TestReportShowsSpreadAndRounds(t *testing.T) {
	r := newResults(config{Articles: targetDemoArticles, Rounds: 2, Duration: 10 * time.Second, Connections: 32, Threads: 2})
	r.Runs = []measurement{
		{Scenario: scenarioNginx, Round: 1, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 40000}},
		{Scenario: scenarioCached, Round: 1, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 26000}},
		{Scenario: scenarioNginx, Round: 2, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 30000}, CPU: cpuShare{OtherCores: 0.5}},
		{Scenario: scenarioCached, Round: 2, SamePageBytes: true, wrkResult: wrkResult{RequestsPerSec: 21000}},
	}
	r.judge(time.Now())
	var out strings.Builder
	printReport(&out, r)
	for _, want := range []string{
		"2 rounds",
		"nginx (static file)               35000     30000–40000",
		"cached / nginx req/s:     67.5 % (median of the rounds)",
		"cached / nginx by round:  1: 65.0 %, 2: 70.0 %",
		"during the nginx run of round 2",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
