package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
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

	tree     *side // the working tree's roneo
	ref      *side // the -ref revision's, nil without -ref
	children []*child
}

// measure runs the steps in order; each one does nothing when -only leaves it out.
// The PostgreSQL schemas are made before the demo, so that a database out of reach
// stops the benchmark before it has spent minutes. nginx, cached and uncached alternate
// the sides round by round; the other scenarios run for the reference, then the tree.
func (b *bench) measure(ctx context.Context) error {
	b.http = newClient()
	if err := b.buildRoneo(ctx); err != nil {
		return err
	}
	for _, step := range []func(context.Context) error{b.preparePostgres, b.prepareData, b.measureWithCache, b.measureWithoutCache} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	steps := []struct {
		scenarios []string
		run       func(context.Context, *side) error
	}{
		{postgresScenarios, b.copyToPostgres},
		{[]string{scenarioUncachedPG}, b.measureUncachedOnPostgres},
		{[]string{scenarioCached1x, scenarioCached2x}, b.measureScaleOut},
		{[]string{scenarioSearch}, b.measureSearchSQLite},
		{[]string{scenarioSearchPG}, b.measureSearchPostgres},
		{[]string{scenarioNewsroom}, b.measureNewsroom},
		{[]string{scenarioHitRate}, b.measureHitRate},
		{[]string{scenarioPublishPG}, b.measurePublishPG},
		{[]string{scenarioSitemap}, b.measureSitemap},
	}
	for _, step := range steps {
		if len(selected(b.cfg, step.scenarios)) == 0 {
			continue
		}
		if err := b.eachSide(ctx, step.scenarios, step.run); err != nil {
			return err
		}
	}
	return b.measurePhotos(ctx)
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
	side       *side // whose roneo it is; nil for nginx serving the page from disk, a ceiling both sides share
	url        string
	identical  bool     // it serves exactly the reference bytes, not only the same length
	server     *child   // what wrk talks to
	behind     []*child // the roneo instances behind server, when it is a proxy
	onPostgres bool     // roneo reads its side's PostgreSQL schema
	// connections is how many wrk keeps open; 0 for -connections.
	connections int
}

// load is the wrk threads and connections for s.
func (b *bench) load(s subject) (threads, connections int) {
	if s.connections > 0 {
		return min(b.cfg.Threads, s.connections), s.connections
	}
	return b.cfg.Threads, b.cfg.Connections
}

// name is the scenario with its side, for logs and file names: "cached", "ref-cached".
func (s subject) name() string {
	if s.side == nil {
		return s.scenario
	}
	return s.side.name(s.scenario)
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
// page comes from the tree's roneo, and cached, for each side. All servers stay up so
// that their runs alternate: nginx, ref-cached, cached, nginx, …
func (b *bench) measureWithCache(ctx context.Context) error {
	if !b.cfg.wants(scenarioNginx) && !b.cfg.wants(scenarioCached) && !b.cfg.wants(scenarioFeed) {
		return nil
	}
	srv, err := b.startRoneo(ctx, b.tree, roneoInstance{label: scenarioCached, pageCache: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, b.tree, srv.base); err != nil {
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
	if b.cfg.wants(scenarioFeed) {
		feed, stop, err := b.feedSubject(ctx, scenarioFeed, true)
		if err != nil {
			return err
		}
		defer stop()
		subjects = append(subjects, feed)
	}
	if !b.cfg.wants(scenarioCached) {
		return b.runRounds(ctx, subjects...)
	}
	return b.measureRoneo(ctx, scenarioCached, true, srv, subjects)
}

// measureWithoutCache runs roneo with --page-cache 0 for each side, alternating: under
// load (uncached), then one request at a time (uncached-1).
func (b *bench) measureWithoutCache(ctx context.Context) error {
	for _, scenario := range []string{scenarioUncached, scenarioUncached1} {
		if !b.cfg.wants(scenario) {
			continue
		}
		if err := b.measureUncached(ctx, scenario); err != nil {
			return err
		}
	}
	return nil
}

func (b *bench) measureUncached(ctx context.Context, scenario string) error {
	srv, err := b.startRoneo(ctx, b.tree, roneoInstance{label: scenario})
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, b.tree, srv.base); err != nil {
		return err
	}
	var subjects []subject
	if scenario == scenarioUncached && b.cfg.wants(scenarioFeedUncached) {
		feed, stop, err := b.feedSubject(ctx, scenarioFeedUncached, false)
		if err != nil {
			return err
		}
		defer stop()
		subjects = append(subjects, feed)
	}
	return b.measureRoneo(ctx, scenario, false, srv, subjects)
}

// measureRoneo measures the tree's server srv for a scenario, after the subjects
// given and beside the reference's server, which it starts, when there is one. Then it
// records the memory of each.
func (b *bench) measureRoneo(ctx context.Context, scenario string, pageCache bool, srv *roneoServer, subjects []subject) error {
	servers := map[*side]*roneoServer{b.tree: srv}
	if b.ref != nil {
		err := b.onSide(ctx, b.ref, []string{scenario}, func() error {
			refSrv, err := b.startRoneo(ctx, b.ref, roneoInstance{label: scenario, pageCache: pageCache})
			if err != nil {
				return err
			}
			defer func() {
				if servers[b.ref] == nil {
					refSrv.stop()
				}
			}()
			if err := b.choosePage(ctx, b.ref, refSrv.base); err != nil {
				return err
			}
			s, err := b.roneoSubject(ctx, b.ref, scenario, refSrv)
			if err != nil {
				return err
			}
			subjects, servers[b.ref] = append(subjects, s), refSrv
			return nil
		})
		if err != nil {
			return err
		}
		if refSrv := servers[b.ref]; refSrv != nil {
			defer refSrv.stop()
		}
	}
	s, err := b.roneoSubject(ctx, b.tree, scenario, srv)
	if err != nil {
		return err
	}
	if err := b.runRounds(ctx, append(subjects, s)...); err != nil {
		return err
	}
	for _, sd := range b.sides() {
		if servers[sd] != nil {
			if err := b.recordMemory(sd, scenario, servers[sd]); err != nil {
				return err
			}
		}
	}
	return nil
}

// roneoSubject checks that srv serves a page of the length of its side's reference page.
func (b *bench) roneoSubject(ctx context.Context, sd *side, name string, srv *roneoServer) (subject, error) {
	url := srv.base + sd.page.Path
	body, err := fetch(ctx, b.http, url)
	if err != nil {
		return subject{}, err
	}
	identical, err := samePage("roneo ("+sd.name(name)+")", body, *sd.page)
	if err != nil {
		return subject{}, err
	}
	s := subject{scenario: name, side: sd, url: url, identical: identical, server: srv.child, onPostgres: srv.onPostgres}
	if name == scenarioUncached1 {
		s.connections = 1
	}
	return s, nil
}

// recordMemory reads the resident memory of roneo serve once its runs are over; the
// peak (VmHWM) covers every round.
func (b *bench) recordMemory(sd *side, name string, srv *roneoServer) error {
	mem, err := readMemory(srv.pid())
	if err != nil {
		return err
	}
	mem.After = name
	mem.Database = srv.database()
	sd.res.Memory = append(sd.res.Memory, mem)
	b.logf("roneo (%s): RSS %.1f MB, peak %.1f MB", sd.name(name), mem.RSSMB, mem.PeakMB)
	return nil
}

// runRounds measures the subjects in turn, round after round: with nginx and cached,
// nginx, cached, nginx, cached, … so that a slow spell of the shared machine falls on
// both sides of a ratio rather than on one scenario. Each subject is warmed up once,
// before its first run.
func (b *bench) runRounds(ctx context.Context, subjects ...subject) error {
	for round := 1; round <= b.cfg.Rounds; round++ {
		for _, s := range roundOrder(subjects, round) {
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

// roundOrder is the order of the subjects in a round: as given in odd rounds; in even
// rounds the reference's and the tree's runs of a scenario swap places, so that
// neither side always runs right after nginx, or always last.
func roundOrder(subjects []subject, round int) []subject {
	order := slices.Clone(subjects)
	if round%2 == 1 {
		return order
	}
	for i := 0; i+1 < len(order); i++ {
		a, c := order[i], order[i+1]
		if a.side != nil && c.side != nil && a.side.ref != c.side.ref && a.scenario == c.scenario {
			order[i], order[i+1] = c, a
			i++
		}
	}
	return order
}

func (b *bench) warmUp(ctx context.Context, s subject) error {
	threads, connections := b.load(s)
	b.logf("%s: warm-up %s, then %d × wrk -t%d -c%d -d%s %s",
		s.name(), warmUp, b.cfg.Rounds, threads, connections, b.cfg.Duration, s.url)
	_, cpu, err := b.wrk(ctx, s.name()+"-warmup", s, warmUp)
	if err != nil {
		return err
	}
	if len(s.behind) > 1 && unevenSplit(cpu.InstanceCores) {
		return fmt.Errorf("%s: nginx did not share the requests out during the warm-up: the instances behind it used %s cores; see %s",
			s.name(), instanceSplit(cpu.InstanceCores), b.ws.path(s.side.name("proxy"), "error.log"))
	}
	return nil
}

// runOnce measures s for one round and checks that its servers are still up.
func (b *bench) runOnce(ctx context.Context, s subject, round int) error {
	r, cpu, err := b.wrk(ctx, fmt.Sprintf("%s-%d", s.name(), round), s, b.cfg.Duration)
	if err != nil {
		return err
	}
	if err := s.exited(); err != nil {
		return err
	}
	m := measurement{Scenario: s.scenario, Round: round, URL: s.url, SamePageBytes: s.identical, CPU: cpu, wrkResult: r}
	if s.side != nil {
		s.side.res.Runs = append(s.side.res.Runs, m)
	} else { // nginx: each side's ratio is taken against it
		for _, sd := range b.sides() {
			sd.res.Runs = append(sd.res.Runs, m)
		}
	}
	b.logf("%s, round %d/%d: %.0f req/s, p50 %.3f ms, p99 %.3f ms; CPU cores: server %.2f, database %.2f, wrk %.2f, others %.2f",
		s.name(), round, b.cfg.Rounds, r.RequestsPerSec, r.LatencyMS.P50, r.LatencyMS.P99, cpu.ServerCores, cpu.DatabaseCores, cpu.WrkCores, cpu.OtherCores)
	if len(cpu.InstanceCores) > 1 {
		b.logf("%s, round %d/%d: the instances behind nginx used %s cores", s.name(), round, b.cfg.Rounds, instanceSplit(cpu.InstanceCores))
	}
	return nil
}

// warmUp is the unmeasured wrk run before the first measured run of each scenario: it
// fills caches, grows the Go heap and lets the CPU settle.
const warmUp = 3 * time.Second
