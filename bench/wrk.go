package main

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// wrkResult is what the benchmark keeps of one wrk run.
type wrkResult struct {
	RequestsPerSec float64      `json:"requests_per_sec"`
	Requests       int64        `json:"requests"`
	LatencyMS      latencies    `json:"latency_ms"`
	Non2xx3xx      int64        `json:"non_2xx_3xx_responses"`
	SocketErrors   socketErrors `json:"socket_errors"`
}

// latencies is wrk's latency distribution, in milliseconds.
type latencies struct {
	P50 float64 `json:"p50"`
	P75 float64 `json:"p75"`
	P90 float64 `json:"p90"`
	P99 float64 `json:"p99"`
}

type socketErrors struct {
	Connect int64 `json:"connect"`
	Read    int64 `json:"read"`
	Write   int64 `json:"write"`
	Timeout int64 `json:"timeout"`
}

// failures counts the requests that did not get a good answer. wrk leaves timed-out
// requests out of its latency distribution, so a run with failures has no valid p99.
func (r wrkResult) failures() int64 {
	e := r.SocketErrors
	return r.Non2xx3xx + e.Connect + e.Read + e.Write + e.Timeout
}

// wrk runs wrk against the subject's URL for d, parses its report and records where
// the CPU went meanwhile; the raw report is kept in the workspace as wrk-<name>.txt.
func (b *bench) wrk(ctx context.Context, name string, s subject, d time.Duration) (wrkResult, cpuShare, error) {
	bin, err := findProgram("wrk", "/usr/bin/wrk")
	if err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	groups := s.cpuGroups()
	backends, err := b.databaseBackends(ctx, s, nil)
	if err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	before, err := sampleCPU(groups, backends)
	if err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	threads, connections := b.load(s)
	out, wrkCPU, err := runToolCPU(ctx, b.root, bin, "-t", strconv.Itoa(threads), "-c", strconv.Itoa(connections),
		"-d", wrkDuration(d), "--latency", s.url)
	if err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	// Connections opened during the run have processes of their own, counted from nothing.
	if backends, err = b.databaseBackends(ctx, s, backends); err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	after, err := sampleCPU(groups, backends)
	if err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	if err := os.WriteFile(b.ws.path("wrk-"+name+".txt"), out, 0o644); err != nil {
		return wrkResult{}, cpuShare{}, err
	}
	r, err := parseWrk(string(out))
	if err != nil {
		return r, cpuShare{}, fmt.Errorf("wrk %s: %w\n%s", name, err, out)
	}
	return r, share(before, after, wrkCPU), nil
}

// databaseBackends adds to known the PostgreSQL processes serving roneo's connections
// when the subject reads its side's PostgreSQL schema.
func (b *bench) databaseBackends(ctx context.Context, s subject, known []int) ([]int, error) {
	if !s.onPostgres {
		return nil, nil
	}
	pids, err := s.side.pg.backendPIDs(ctx)
	if err != nil {
		return nil, err
	}
	for _, pid := range pids {
		if !slices.Contains(known, pid) {
			known = append(known, pid)
		}
	}
	return known, nil
}

// wrkDuration writes d as wrk reads it: whole seconds ("1m0s" would not parse).
func wrkDuration(d time.Duration) string {
	return strconv.Itoa(max(1, int(d.Round(time.Second)/time.Second))) + "s"
}

// parseWrk reads the report of "wrk --latency".
func parseWrk(out string) (wrkResult, error) {
	var r wrkResult
	percentiles := map[string]*float64{"50%": &r.LatencyMS.P50, "75%": &r.LatencyMS.P75, "90%": &r.LatencyMS.P90, "99%": &r.LatencyMS.P99}
	found := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		fields := strings.Fields(line)
		var err error
		switch {
		case len(fields) == 2 && percentiles[fields[0]] != nil:
			*percentiles[fields[0]], err = parseLatency(fields[1])
			found[fields[0]] = true
		case strings.HasPrefix(line, "Requests/sec:") && len(fields) == 2:
			r.RequestsPerSec, err = strconv.ParseFloat(fields[1], 64)
			found["Requests/sec"] = true
		case len(fields) > 2 && fields[1] == "requests" && fields[2] == "in":
			r.Requests, err = strconv.ParseInt(fields[0], 10, 64)
		case strings.HasPrefix(line, "Socket errors:"):
			e := &r.SocketErrors
			_, err = fmt.Sscanf(line, "Socket errors: connect %d, read %d, write %d, timeout %d", &e.Connect, &e.Read, &e.Write, &e.Timeout)
		case strings.HasPrefix(line, "Non-2xx or 3xx responses:") && len(fields) == 5:
			r.Non2xx3xx, err = strconv.ParseInt(fields[4], 10, 64)
		}
		if err != nil {
			return r, fmt.Errorf("wrk line %q: %w", line, err)
		}
	}
	for _, key := range []string{"Requests/sec", "50%", "99%"} {
		if !found[key] {
			return r, fmt.Errorf("wrk printed no %q line (was --latency given?)", key)
		}
	}
	return r, nil
}

// parseLatency converts one of wrk's durations ("812.00us", "1.21ms", "2.00s", "1.50m")
// to milliseconds.
func parseLatency(s string) (float64, error) {
	units := []struct {
		suffix string
		ms     float64
	}{{"us", 0.001}, {"ms", 1}, {"s", 1000}, {"m", 60_000}, {"h", 3_600_000}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, fmt.Errorf("latency %q: %w", s, err)
			}
			// Rounded to the nanosecond, the precision of wrk's figures, to drop the
			// float noise of the conversion (0.816, not 0.8160000000000001).
			return math.Round(v*u.ms*1e6) / 1e6, nil
		}
	}
	return 0, fmt.Errorf("latency %q has no unit (us, ms, s, m, h)", s)
}
