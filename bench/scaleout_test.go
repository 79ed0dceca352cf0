package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/testkit"
)

func TestParseFlagsPostgres(t *testing.T) {
	t.Setenv(postgresEnv, "")
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil || cfg.Postgres != defaultPostgres || !cfg.wantsPostgres() {
		t.Errorf("defaults: -postgres %q, PostgreSQL scenarios %v, %v", cfg.Postgres, cfg.wantsPostgres(), err)
	}
	t.Setenv(postgresEnv, "postgres://u@db.example/roneo")
	if cfg, _ := parseFlags(nil, io.Discard); cfg.Postgres != "postgres://u@db.example/roneo" {
		t.Errorf("with $%s set: -postgres %q", postgresEnv, cfg.Postgres)
	}
	if cfg, err := parseFlags([]string{"-only", "cached,uncached", "-postgres", "not a url"}, io.Discard); err != nil || cfg.wantsPostgres() {
		t.Errorf("-only without PostgreSQL scenarios: the URL is not needed, got %v", err)
	}
	for _, bad := range []string{"host=127.0.0.1 user=postgres", "mysql://x/y", "postgres://u@h/db?search_path=x"} {
		if _, err := parseFlags([]string{"-only", "copy", "-postgres", bad}, io.Discard); err == nil {
			t.Errorf("-postgres %q gave no error", bad)
		}
	}
}

func TestCached2xVs1x(t *testing.T) {
	r := newResults(config{Articles: 2000, Rounds: 2})
	r.Runs = []measurement{
		{Scenario: scenarioCached1x, Round: 1, wrkResult: wrkResult{RequestsPerSec: 10000}},
		{Scenario: scenarioCached2x, Round: 1, wrkResult: wrkResult{RequestsPerSec: 12000}},
		{Scenario: scenarioCached1x, Round: 2, wrkResult: wrkResult{RequestsPerSec: 8000}},
		{Scenario: scenarioCached2x, Round: 2, wrkResult: wrkResult{RequestsPerSec: 10400}},
	}
	r.judge(time.Now())
	want := []roundRatio{{Round: 1, Percent: 120}, {Round: 2, Percent: 130}}
	if !slices.Equal(r.Cached2xVs1xRounds, want) {
		t.Errorf("rounds = %v, want %v", r.Cached2xVs1xRounds, want)
	}
	if p := r.Cached2xVs1xPercent; p == nil || !near(*p, 125) {
		t.Errorf("cached-2x / cached-1x = %v, want 125", p)
	}
	if len(r.Targets) != 6 {
		t.Errorf("%d targets; the scale-out figures have none, want the issues' 6", len(r.Targets))
	}
}

func TestUnevenSplit(t *testing.T) {
	tests := []struct {
		cores  []float64
		uneven bool
	}{
		{[]float64{0.45, 0.48}, false}, {[]float64{0.6, 0.2}, false}, {[]float64{0.9, 0.05}, true}, {[]float64{0, 0}, true},
	}
	for _, tt := range tests {
		if got := unevenSplit(tt.cores); got != tt.uneven {
			t.Errorf("unevenSplit(%v) = %v, want %v", tt.cores, got, tt.uneven)
		}
	}
}

// TestReportScaleOut: uncached on SQLite and PostgreSQL side by side, the copy, the
// 2x/1x ratio and how the instances shared the work; a lopsided split is a warning.
func TestReportScaleOut(t *testing.T) {
	r := newResults(config{Articles: 2000, Rounds: 1, Duration: 5 * time.Second, Connections: 32, Threads: 2})
	r.Postgres = &postgresInfo{URL: defaultPostgres, Schema: "roneo_bench_1"}
	r.Copy = &copyResult{Seconds: 3.4, RoneoSeconds: 3.3, Articles: 2000, Rows: 11271, Tables: 14, SchemaBytes: 12 << 20}
	r.Runs = []measurement{
		{Scenario: scenarioUncached, Round: 1, wrkResult: wrkResult{RequestsPerSec: 311, LatencyMS: latencies{P50: 87, P99: 392.34}}},
		{Scenario: scenarioUncachedPG, Round: 1, wrkResult: wrkResult{RequestsPerSec: 300, LatencyMS: latencies{P50: 80, P99: 550.37}}},
		{Scenario: scenarioCached1x, Round: 1, wrkResult: wrkResult{RequestsPerSec: 12000}, CPU: cpuShare{InstanceCores: []float64{0.7}}},
		{Scenario: scenarioCached2x, Round: 1, wrkResult: wrkResult{RequestsPerSec: 14400}, CPU: cpuShare{InstanceCores: []float64{0.9, 0.01}}},
	}
	r.judge(time.Now())
	var out strings.Builder
	printReport(&out, r)
	for _, want := range []string{
		"roneo, cache off, PostgreSQL        300",
		"proxy → 2 roneo, PostgreSQL       14400",
		"3.4 s for 2000 articles, 11271 rows in 14 tables (roneo said 3.3 s); schema 12.0 MB",
		"SQLite 392.340 ms, PostgreSQL 550.370 ms (medians)",
		"120.0 % (median of the rounds)",
		"1: 0.90 + 0.01",
		"WARNING: the instances behind nginx used 0.90 + 0.01 cores during the cached-2x run of round 1",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestProxyConfig has nginx check the proxy configuration, when nginx is installed.
func TestProxyConfig(t *testing.T) {
	bin, err := findProgram("nginx", "/usr/sbin/nginx")
	if err != nil {
		testkit.Optional(t, "nginx, which the benchmark uses and `make test` does not install: %v", err)
	}
	dir := t.TempDir()
	ups := []upstream{
		{Name: "cached_1x", Listen: "127.0.0.1:1", Servers: []string{"127.0.0.1:2"}},
		{Name: "cached_2x", Listen: "127.0.0.1:3", Servers: []string{"127.0.0.1:2", "127.0.0.1:4"}},
	}
	if err := writeProxyFiles(dir, ups); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile(filepath.Join(dir, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(conf), "keepalive 32;"); n != 2 || !strings.Contains(string(conf), "server 127.0.0.1:4;") {
		t.Errorf("nginx.conf has %d upstreams with keepalive, want 2:\n%s", n, conf)
	}
	out, err := exec.Command(bin, "-t", "-e", filepath.Join(dir, "error.log"), "-p", dir+"/", "-c", filepath.Join(dir, "nginx.conf")).CombinedOutput()
	if err != nil {
		t.Errorf("nginx -t: %v\n%s\n%s", err, out, conf)
	}
}
