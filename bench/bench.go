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
	port     int   // roneo's port, and every instance's base URL, so that pages are identical
	page     *page // the article every scenario requests
	children []*child

	pg      *pgSchema // the scale-out scenarios' database, nil when none runs
	pgMedia string    // the media directory roneo copy fills for it
}

// measure runs the steps in order; each one does nothing when -only leaves it out.
// The PostgreSQL schema is made before the demo, so that a database out of reach
// stops the benchmark before it has spent minutes.
func (b *bench) measure(ctx context.Context) error {
	b.http = newClient()
	steps := []func(context.Context) error{
		b.buildRoneo, b.preparePostgres, b.prepareData,
		b.measureWithCache, b.measureWithoutCache,
		b.copyToPostgres, b.measureUncachedOnPostgres, b.measureScaleOut,
		b.measureSearch, b.measureNewsroom,
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
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

// subject is a server under measurement and the URL of the reference page on it.
type subject struct {
	scenario   string
	url        string
	identical  bool     // it serves exactly the reference bytes, not only the same length
	server     *child   // what wrk talks to
	behind     []*child // the roneo instances behind server, when it is a proxy
	onPostgres bool     // roneo reads the benchmark's PostgreSQL schema
}

// cpuGroups are the process groups whose CPU counts as the server's: the server first,
// then each instance behind it.
func (s subject) cpuGroups() []int {
	groups := []int{s.server.pid()}
	for _, c := range s.behind {
		groups = append(groups, c.pid())
	}
	return groups
}

// exited is the error of the first of the subject's servers to have stopped, nil
// while all run.
func (s subject) exited() error {
	for _, c := range append([]*child{s.server}, s.behind...) {
		select {
		case <-c.done:
			return c.exited()
		default:
		}
	}
	return nil
}

// measureWithCache runs the scenarios that need roneo with its page cache: nginx, whose
// page comes from it, and cached. Both servers stay up so that their runs alternate.
func (b *bench) measureWithCache(ctx context.Context) error {
	if !b.cfg.wants(scenarioNginx) && !b.cfg.wants(scenarioCached) {
		return nil
	}
	srv, err := b.startRoneo(ctx, roneoInstance{label: scenarioCached, pageCache: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, srv.base); err != nil {
		return err
	}
	var subjects []subject
	if b.cfg.wants(scenarioNginx) {
		ng, err := b.nginxSubject(ctx)
		if err != nil {
			return err
		}
		defer ng.server.stop()
		subjects = append(subjects, ng)
	}
	if b.cfg.wants(scenarioCached) {
		cached, err := b.roneoSubject(ctx, scenarioCached, srv)
		if err != nil {
			return err
		}
		subjects = append(subjects, cached)
	}
	if err := b.runRounds(ctx, subjects...); err != nil {
		return err
	}
	if b.cfg.wants(scenarioCached) {
		return b.recordMemory(scenarioCached, srv)
	}
	return nil
}

// measureWithoutCache restarts roneo on the same data with --page-cache 0.
func (b *bench) measureWithoutCache(ctx context.Context) error {
	if !b.cfg.wants(scenarioUncached) {
		return nil
	}
	srv, err := b.startRoneo(ctx, roneoInstance{label: scenarioUncached})
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, srv.base); err != nil {
		return err
	}
	uncached, err := b.roneoSubject(ctx, scenarioUncached, srv)
	if err != nil {
		return err
	}
	if err := b.runRounds(ctx, uncached); err != nil {
		return err
	}
	return b.recordMemory(scenarioUncached, srv)
}

// roneoSubject checks that srv serves a page of the reference length.
func (b *bench) roneoSubject(ctx context.Context, name string, srv *roneoServer) (subject, error) {
	url := srv.base + b.page.Path
	body, err := fetch(ctx, b.http, url)
	if err != nil {
		return subject{}, err
	}
	identical, err := samePage("roneo ("+name+")", body, *b.page)
	if err != nil {
		return subject{}, err
	}
	return subject{scenario: name, url: url, identical: identical, server: srv.child, onPostgres: srv.onPostgres}, nil
}

// recordMemory reads the resident memory of roneo serve once its runs are over; the
// peak (VmHWM) covers every round.
func (b *bench) recordMemory(name string, srv *roneoServer) error {
	mem, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	mem.After = name
	mem.Database = srv.database()
	b.res.Memory = append(b.res.Memory, mem)
	b.logf("roneo (%s): RSS %.1f MB, peak %.1f MB", name, mem.RSSMB, mem.PeakMB)
	return nil
}

// runRounds measures the subjects in turn, round after round: with nginx and cached,
// nginx, cached, nginx, cached, … so that a slow spell of the shared machine falls on
// both sides of a ratio rather than on one scenario. Each subject is warmed up once,
// before its first run.
func (b *bench) runRounds(ctx context.Context, subjects ...subject) error {
	for round := 1; round <= b.cfg.Rounds; round++ {
		for _, s := range subjects {
			if round == 1 {
				if err := b.warmUp(ctx, s); err != nil {
					return err
				}
			}
			if err := b.runOnce(ctx, s, round); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *bench) warmUp(ctx context.Context, s subject) error {
	b.logf("%s: warm-up %s, then %d × wrk -t%d -c%d -d%s %s",
		s.scenario, warmUp, b.cfg.Rounds, b.cfg.Threads, b.cfg.Connections, b.cfg.Duration, s.url)
	_, cpu, err := b.wrk(ctx, s.scenario+"-warmup", s, warmUp)
	if err != nil {
		return err
	}
	if len(s.behind) > 1 && unevenSplit(cpu.InstanceCores) {
		return fmt.Errorf("%s: nginx did not share the requests out during the warm-up: the instances behind it used %s cores; see %s",
			s.scenario, instanceSplit(cpu.InstanceCores), b.ws.path("proxy", "error.log"))
	}
	return nil
}

// runOnce measures s for one round and checks that its servers are still up.
func (b *bench) runOnce(ctx context.Context, s subject, round int) error {
	r, cpu, err := b.wrk(ctx, fmt.Sprintf("%s-%d", s.scenario, round), s, b.cfg.Duration)
	if err != nil {
		return err
	}
	if err := s.exited(); err != nil {
		return err
	}
	b.res.Runs = append(b.res.Runs, measurement{Scenario: s.scenario, Round: round, URL: s.url, SamePageBytes: s.identical, CPU: cpu, wrkResult: r})
	b.logf("%s, round %d/%d: %.0f req/s, p50 %.3f ms, p99 %.3f ms; CPU cores: server %.2f, database %.2f, wrk %.2f, others %.2f",
		s.scenario, round, b.cfg.Rounds, r.RequestsPerSec, r.LatencyMS.P50, r.LatencyMS.P99, cpu.ServerCores, cpu.DatabaseCores, cpu.WrkCores, cpu.OtherCores)
	if len(cpu.InstanceCores) > 1 {
		b.logf("%s, round %d/%d: the instances behind nginx used %s cores", s.scenario, round, b.cfg.Rounds, instanceSplit(cpu.InstanceCores))
	}
	return nil
}

// warmUp is the unmeasured wrk run before the first measured run of each scenario: it
// fills caches, grows the Go heap and lets the CPU settle.
const warmUp = 3 * time.Second
