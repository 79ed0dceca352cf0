package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// bench is one run of the benchmark: what it has built, started and measured so far.
type bench struct {
	cfg      config
	root     string // the repository
	ws       *workspace
	progress io.Writer
	res      *results
	http     *http.Client

	roneoBin string
	dataDir  string
	port     int   // roneo's port, the same for both servers so that pages are identical
	page     *page // the article every scenario requests
	children []*child
}

// measure runs the steps in order; each one does nothing when -only leaves it out.
func (b *bench) measure(ctx context.Context) error {
	b.http = newClient()
	steps := []func(context.Context) error{b.buildRoneo, b.prepareData, b.measureWithCache, b.measureWithoutCache}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// needsServer reports whether any selected scenario serves pages.
func (b *bench) needsServer() bool {
	return b.cfg.wants(scenarioNginx) || b.cfg.wants(scenarioCached) || b.cfg.wants(scenarioUncached)
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.progress, "» "+format+"\n", args...)
}

// stopAll stops every server still running, the latest first.
func (b *bench) stopAll() {
	for i := len(b.children) - 1; i >= 0; i-- {
		b.children[i].stop()
	}
}

func (b *bench) track(c *child) *child {
	b.children = append(b.children, c)
	return c
}

// measureWithCache runs the scenarios that need roneo with its page cache: nginx, whose
// page comes from it, and cached.
func (b *bench) measureWithCache(ctx context.Context) error {
	if !b.cfg.wants(scenarioNginx) && !b.cfg.wants(scenarioCached) {
		return nil
	}
	srv, err := b.startRoneo(ctx, scenarioCached, true)
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, srv.base); err != nil {
		return err
	}
	if b.cfg.wants(scenarioNginx) {
		if err := b.measureNginx(ctx); err != nil {
			return err
		}
	}
	if b.cfg.wants(scenarioCached) {
		return b.measureRoneo(ctx, scenarioCached, srv)
	}
	return nil
}

// measureWithoutCache restarts roneo on the same data with --page-cache 0.
func (b *bench) measureWithoutCache(ctx context.Context) error {
	if !b.cfg.wants(scenarioUncached) {
		return nil
	}
	srv, err := b.startRoneo(ctx, scenarioUncached, false)
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, srv.base); err != nil {
		return err
	}
	return b.measureRoneo(ctx, scenarioUncached, srv)
}

// measureRoneo checks that srv serves the reference page, loads it with wrk, and reads
// the server's memory afterwards.
func (b *bench) measureRoneo(ctx context.Context, name string, srv *roneoServer) error {
	url := srv.base + b.page.Path
	body, err := fetch(ctx, b.http, url)
	if err != nil {
		return err
	}
	identical, err := samePage("roneo ("+name+")", body, *b.page)
	if err != nil {
		return err
	}
	if err := b.runScenario(ctx, name, url, identical, srv.child); err != nil {
		return err
	}
	select {
	case <-srv.done:
		return srv.exited()
	default:
	}
	mem, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	mem.After = name
	b.res.Memory = append(b.res.Memory, mem)
	b.logf("roneo (%s): RSS %.1f MB, peak %.1f MB", name, mem.RSSMB, mem.PeakMB)
	return nil
}

// runScenario warms url up with a short wrk run, then measures it.
func (b *bench) runScenario(ctx context.Context, name, url string, identical bool, server *child) error {
	b.logf("%s: warm-up %s, then wrk -t%d -c%d -d%s %s", name, warmUp, b.cfg.Threads, b.cfg.Connections, b.cfg.Duration, url)
	if _, _, err := b.wrk(ctx, name+"-warmup", url, warmUp, server); err != nil {
		return err
	}
	r, cpu, err := b.wrk(ctx, name, url, b.cfg.Duration, server)
	if err != nil {
		return err
	}
	b.res.Scenarios = append(b.res.Scenarios, scenario{Name: name, URL: url, SamePageBytes: identical, CPU: cpu, wrkResult: r})
	b.logf("%s: %.0f req/s, p50 %.3f ms, p99 %.3f ms; CPU cores: server %.2f, wrk %.2f, others %.2f",
		name, r.RequestsPerSec, r.LatencyMS.P50, r.LatencyMS.P99, cpu.ServerCores, cpu.WrkCores, cpu.OtherCores)
	return nil
}

// warmUp is the unmeasured wrk run before each measured one: it fills caches, grows
// the Go heap and lets the CPU settle.
const warmUp = 3 * time.Second
