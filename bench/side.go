package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// side is one roneo binary under measurement: the working tree's, or, with -ref, the
// reference revision's. Each side has its own demo site, PostgreSQL schema and port,
// since a newer binary's database may not open with an older one, and since the two
// serve side by side while their rounds alternate.
type side struct {
	ref     bool
	rev     string // -ref as given, "" for the tree
	commit  string // the measured commit: the tree's with "-dirty" when it has changes
	bin     string
	dataDir string
	port    int   // its instances listen here (the first one) and build their URLs on it
	page    *page // the article its scenarios request
	res     *results

	pg      *pgSchema // its PostgreSQL schema, nil when no scenario needs one
	pgMedia string    // the media directory roneo copy fills for it

	// Why the side can no longer run a scenario, "" while it can: its build or demo
	// failed (the whole side), or its schema or copy did (the PostgreSQL scenarios).
	noSite     string
	noPostgres string
}

// name prefixes a scenario or file name with the side: "cached" for the tree,
// "ref-cached" for the reference.
func (s *side) name(n string) string {
	if s.ref {
		return "ref-" + n
	}
	return n
}

// describe names the side for people: "this tree" or "ref HEAD~3".
func (s *side) describe() string {
	if s.ref {
		return "ref " + s.rev
	}
	return "this tree"
}

// where are roneo's flags for the side's database: the SQLite data directory, or its
// PostgreSQL schema (with a data directory of its own, so that nothing lands in a
// roneo-data of the working directory).
func (s *side) where(b *bench, onPostgres bool) []string {
	if onPostgres {
		return []string{"--database", s.pg.url, "--data", b.ws.path(s.name("pg-data"))}
	}
	return []string{"--data", s.dataDir}
}

// sides are the reference first, when there is one, then the tree: scenarios that do
// not alternate run in that order.
func (b *bench) sides() []*side {
	if b.ref != nil {
		return []*side{b.ref, b.tree}
	}
	return []*side{b.tree}
}

// eachSide runs one step of the benchmark for every side. A failure of the tree's
// binary stops the benchmark, as it always has; the reference's binary may be too old
// for a scenario (no such command or flag), so its failure marks the step's scenarios
// n/a on that side and the run goes on.
func (b *bench) eachSide(ctx context.Context, scenarios []string, step func(context.Context, *side) error) error {
	for _, s := range b.sides() {
		if err := b.onSide(ctx, s, scenarios, func() error { return step(ctx, s) }); err != nil {
			return err
		}
	}
	return nil
}

// onSide runs fn for side s unless it cannot run the scenarios, and tolerates the
// reference's failures: see eachSide.
func (b *bench) onSide(ctx context.Context, s *side, scenarios []string, fn func() error) error {
	if reason := s.cannotRun(scenarios); reason != "" {
		s.res.markNA(b.cfg, scenarios, reason)
		return nil
	}
	err := fn()
	if err == nil || !s.ref || ctx.Err() != nil {
		return err
	}
	reason := why(err)
	s.res.markNA(b.cfg, scenarios, reason)
	b.logf("%s: %s n/a: %s", s.describe(), strings.Join(selected(b.cfg, scenarios), ","), reason)
	return nil
}

// cannotRun says why the side cannot run any of scenarios, "" when it can.
func (s *side) cannotRun(scenarios []string) string {
	switch {
	case s.noSite != "":
		return s.noSite
	case s.noPostgres != "" && slices.ContainsFunc(scenarios, func(n string) bool { return slices.Contains(postgresScenarios, n) }):
		return s.noPostgres
	}
	return ""
}

// markNA records why the selected ones of scenarios were not measured on this side.
func (r *results) markNA(cfg config, scenarios []string, reason string) {
	if r.NotAvailable == nil {
		r.NotAvailable = map[string]string{}
	}
	for _, n := range selected(cfg, scenarios) {
		if _, done := r.NotAvailable[n]; !done {
			r.NotAvailable[n] = reason
		}
	}
}

// selected are the scenarios of names that -only selects.
func selected(cfg config, names []string) []string {
	var out []string
	for _, n := range names {
		if cfg.wants(n) {
			out = append(out, n)
		}
	}
	return out
}

// firstLine is the first line of a message: errors carry the end of a log below it.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// refused says a side could not start: it is n/a from then on.
func refused(step string, err error) string {
	return fmt.Sprintf("%s failed: %s", step, why(err))
}
