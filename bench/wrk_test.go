package main

import (
	"testing"
	"time"
)

const wrkReport = `Running 5s test @ http://127.0.0.1:40123/fr/article/un-titre
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.40us    1.02ms  31.05ms   91.32%
    Req/Sec    21.44k     1.85k   25.10k    70.00%
  Latency Distribution
     50%  612.00us
     75%  901.00us
     90%    1.41ms
     99%    2.05s
  213456 requests in 5.01s, 4.12GB read
  Socket errors: connect 0, read 3, write 0, timeout 7
  Non-2xx or 3xx responses: 12
Requests/sec:  42605.19
Transfer/sec:    842.21MB
`

func TestParseWrk(t *testing.T) {
	r, err := parseWrk(wrkReport)
	if err != nil {
		t.Fatal(err)
	}
	want := wrkResult{
		RequestsPerSec: 42605.19, Requests: 213456,
		LatencyMS:    latencies{P50: 0.612, P75: 0.901, P90: 1.41, P99: 2050},
		Non2xx3xx:    12,
		SocketErrors: socketErrors{Read: 3, Timeout: 7},
	}
	if !near(r.RequestsPerSec, want.RequestsPerSec) || !near(r.LatencyMS.P50, want.LatencyMS.P50) ||
		!near(r.LatencyMS.P99, want.LatencyMS.P99) || r.Requests != want.Requests ||
		r.Non2xx3xx != want.Non2xx3xx || r.SocketErrors != want.SocketErrors {
		t.Errorf("parseWrk = %+v, want %+v", r, want)
	}
	if got := r.failures(); got != 22 {
		t.Errorf("failures = %d, want 22", got)
	}
}

func TestParseWrkWithoutLatency(t *testing.T) {
	if _, err := parseWrk("Requests/sec:  42605.19\n"); err == nil {
		t.Error("a report without --latency parsed without error")
	}
}

func TestParseLatency(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"812.00us", 0.812}, {"1.21ms", 1.21}, {"2.00s", 2000}, {"1.50m", 90_000}, {"0.10h", 360_000},
	}
	for _, tt := range tests {
		got, err := parseLatency(tt.in)
		if err != nil || !near(got, tt.want) {
			t.Errorf("parseLatency(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"12", "abcms", ""} {
		if _, err := parseLatency(bad); err == nil {
			t.Errorf("parseLatency(%q) gave no error", bad)
		}
	}
}

func TestWrkDuration(t *testing.T) {
	tests := map[time.Duration]string{20 * time.Second: "20s", time.Minute: "60s", 1500 * time.Millisecond: "2s", 0: "1s"}
	for d, want := range tests {
		if got := wrkDuration(d); got != want {
			t.Errorf("wrkDuration(%s) = %q, want %q", d, got, want)
		}
	}
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-9 && d > -1e-9
}
