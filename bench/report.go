package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// scenarioLabels are the names the table prints, in the order it prints them.
var scenarioLabels = []struct{ name, label string }{
	{scenarioNginx, "nginx (static file)"},
	{scenarioCached, "roneo, page cache on"},
	{scenarioUncached, "roneo, page cache off"},
	{scenarioUncached1, "roneo, cache off, 1 connection"},
	{scenarioFeed, "roneo, Atom feed (fr), cache on"},
	{scenarioFeedUncached, "roneo, Atom feed (fr), cache off"},
	{scenarioUncachedPG, "roneo, cache off, PostgreSQL"},
	{scenarioCached1x, "proxy → 1 roneo, PostgreSQL"},
	{scenarioCached2x, "proxy → 2 roneo, PostgreSQL"},
	{scenarioPhotosNginx, "nginx, photo (static file)"},
	{scenarioPhotosServe, "roneo, photo 800 px WebP"},
}

// printReport writes the figures of r for a person to read.
func printReport(out io.Writer, r *results) {
	s := r.Settings
	fmt.Fprintf(out, "\nRoneo benchmark — %s, wrk -t%d -c%d -d%s --latency, %s, %d CPUs, %s\n",
		siteDescription(s), s.Threads, s.Connections, s.Duration, plural(s.Rounds, "round"), r.Machine.CPUs, r.Machine.GoVersion)
	if r.Commit != "" {
		tree := "Tree: " + r.Commit
		if r.Ref != nil {
			tree += "; reference: " + refLabel(s.Ref, r.Ref.Commit)
		}
		fmt.Fprintln(out, tree)
	}
	if r.Page != nil {
		fmt.Fprintf(out, "Page: %s (%d bytes)\n", r.Page.Path, r.Page.Bytes)
	}
	printSummaries(out, r)
	printRuns(out, r)
	printFigures(out, r)
	printScaleOut(out, r)
	printNewsroom(out, r)
	printSearch(out, r)
	printHitRate(out, r)
	printPublishPG(out, r)
	printPhotos(out, r)
	printBeforeAfter(out, r)
	printTargets(out, r)
}

// busyOtherCores is the CPU other processes may use during a run, in cores, before the
// report warns that the machine was too busy for the figures to be trusted.
const busyOtherCores = 0.2

// printRuns lists every measured run with where the CPU went, and warns of each run
// taken while other processes were busy: the medians may absorb one such run, but the
// reader should know it happened.
func printRuns(out io.Writer, r *results) {
	runs := allRuns(r)
	if len(runs) == 0 {
		return
	}
	const row = "  %5s  %-15s %9s %9s %9s %7s %7s %6s %6s %7s\n"
	order := "in the order run"
	if r.Ref != nil {
		order = "the tree's in the order run, then the reference's (ref-)"
	}
	fmt.Fprintf(out, "\nEach measured run, %s; CPU in cores of %d:\n", order, r.Machine.CPUs)
	fmt.Fprintf(out, row, "round", "scenario", "req/s", "p50 ms", "p99 ms", "failed", "server", "db", "wrk", "others")
	for _, run := range runs {
		c := run.CPU
		fmt.Fprintf(out, row, fmt.Sprint(run.Round), run.Scenario, fmt.Sprintf("%.0f", run.RequestsPerSec),
			fmt.Sprintf("%.3f", run.LatencyMS.P50), fmt.Sprintf("%.3f", run.LatencyMS.P99), fmt.Sprint(run.failures()),
			fmt.Sprintf("%.2f", c.ServerCores), fmt.Sprintf("%.2f", c.DatabaseCores), fmt.Sprintf("%.2f", c.WrkCores), fmt.Sprintf("%.2f", c.OtherCores))
	}
	for _, run := range runs {
		if run.CPU.OtherCores > busyOtherCores {
			fmt.Fprintf(out, "WARNING: other processes took %.2f cores during the %s run of round %d; its figures are not reliable, run again on an idle machine\n",
				run.CPU.OtherCores, run.Scenario, run.Round)
		}
		if c := run.CPU.InstanceCores; len(c) > 1 && unevenSplit(c) {
			fmt.Fprintf(out, "WARNING: the instances behind nginx used %s cores during the %s run of round %d: nginx did not share the requests out; see proxy/error.log (-keep)\n",
				instanceSplit(c), run.Scenario, run.Round)
		}
	}
}

// allRuns are the tree's runs, then the reference's under "ref-" names, without the
// nginx runs both share.
func allRuns(r *results) []measurement {
	runs := slices.Clone(r.Runs)
	if r.Ref == nil {
		return runs
	}
	for _, run := range r.Ref.Runs {
		if run.Scenario != scenarioNginx {
			run.Scenario = "ref-" + run.Scenario
			runs = append(runs, run)
		}
	}
	return runs
}

func siteDescription(s settings) string {
	if s.DataDir != "" {
		return "data from " + s.DataDir
	}
	return fmt.Sprintf("%d demo articles", s.Articles)
}

func printSummaries(out io.Writer, r *results) {
	if len(r.Summaries) == 0 {
		return
	}
	const row = "%-28s %10s %15s %9s %9s %7s\n"
	fmt.Fprintf(out, "\nMedians over %s (min–max shows the spread of req/s):\n", plural(r.Settings.Rounds, "round"))
	fmt.Fprintf(out, row, "scenario", "req/s", "min–max req/s", "p50 ms", "p99 ms", "failed")
	for _, l := range scenarioLabels {
		if s := r.summary(l.name); s != nil {
			fmt.Fprintf(out, row, l.label, fmt.Sprintf("%.0f", s.RequestsPerSec),
				fmt.Sprintf("%.0f–%.0f", s.MinRequestsPerSec, s.MaxRequestsPerSec),
				fmt.Sprintf("%.3f", s.P50MS), fmt.Sprintf("%.3f", s.P99MS), fmt.Sprint(s.Failures))
		}
	}
}

func printFigures(out io.Writer, r *results) {
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	if p := r.CachedVsNginxPercent; p != nil {
		fmt.Fprintf(tw, "cached / nginx req/s:\t%.1f %% (median of the rounds)\n", *p)
		fmt.Fprintf(tw, "cached / nginx by round:\t%s\n", roundPercents(r.CachedVsNginxRounds))
	}
	for _, m := range r.Memory {
		fmt.Fprintf(tw, "roneo serve memory after %s (%s):\tRSS %.1f MB, peak RSS %.1f MB\n", m.After, m.Database, m.RSSMB, m.PeakMB)
	}
	if d := r.Demo; d != nil {
		fmt.Fprintf(tw, "demo generation:\t%d articles in %.1f s\n", d.Articles, d.Seconds)
	}
	if db := r.Database; db.Total > 0 {
		fmt.Fprintf(tw, "database:\t%.1f MB (roneo.db %.1f MB + WAL %.1f MB)\n", mb(db.Total), mb(db.DBBytes), mb(db.WALBytes))
	}
	for _, s := range r.Summaries {
		if !s.SamePageBytes {
			fmt.Fprintf(tw, "note:\t%s served a page of the same length but different bytes\n", s.Name)
		}
	}
	tw.Flush()
}

// printScaleOut prints the figures of the PostgreSQL scenarios, which have no target.
func printScaleOut(out io.Writer, r *results) {
	if r.Postgres == nil {
		return
	}
	fmt.Fprintf(out, "\nScale-out on PostgreSQL (schema %s in %s), figures without targets:\n", r.Postgres.Schema, r.Postgres.URL)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	if c := r.Copy; c != nil {
		fmt.Fprintf(tw, "  roneo copy from SQLite:\t%.1f s for %d articles, %d rows in %d tables (roneo said %.1f s); schema %.1f MB, then ANALYZE %.1f s\n",
			c.Seconds, c.Articles, c.Rows, c.Tables, c.RoneoSeconds, mb(c.SchemaBytes), c.AnalyzeSeconds)
	}
	sqlite, pg := r.summary(scenarioUncached), r.summary(scenarioUncachedPG)
	if pg != nil {
		fmt.Fprintf(tw, "  page cache off, p99:\tSQLite %s, PostgreSQL %.3f ms (medians)\n", orNone(sqlite, "%.3f ms", p99), pg.P99MS)
		fmt.Fprintf(tw, "  page cache off, p50:\tSQLite %s, PostgreSQL %.3f ms\n", orNone(sqlite, "%.3f ms", p50), pg.P50MS)
		fmt.Fprintf(tw, "  page cache off, req/s:\tSQLite %s, PostgreSQL %.0f\n", orNone(sqlite, "%.0f", rps), pg.RequestsPerSec)
	}
	if p := r.Cached2xVs1xPercent; p != nil {
		fmt.Fprintf(tw, "  cached-2x / cached-1x req/s:\t%.1f %% (median of the rounds)\n", *p)
		fmt.Fprintf(tw, "  cached-2x / cached-1x by round:\t%s\n", roundPercents(r.Cached2xVs1xRounds))
	}
	var splits []string
	for _, run := range r.Runs {
		if len(run.CPU.InstanceCores) > 1 {
			splits = append(splits, fmt.Sprintf("%d: %s", run.Round, instanceSplit(run.CPU.InstanceCores)))
		}
	}
	if len(splits) > 0 {
		fmt.Fprintf(tw, "  cached-2x, cores of each instance by round:\t%s\n", strings.Join(splits, ", "))
	}
	tw.Flush()
}

// orNone formats a figure of a summary, or says it was not measured.
func orNone(s *summary, format string, figure func(*summary) *float64) string {
	if s == nil {
		return "not measured"
	}
	return fmt.Sprintf(format, *figure(s))
}

func p50(s *summary) *float64 { return &s.P50MS }
func rps(s *summary) *float64 {
	if s == nil {
		return nil
	}
	return &s.RequestsPerSec
}

// roundPercents writes the per-round ratios: "1: 64.2 %, 2: 71.0 %".
func roundPercents(ratios []roundRatio) string {
	parts := make([]string, len(ratios))
	for i, rr := range ratios {
		parts[i] = fmt.Sprintf("%d: %.1f %%", rr.Round, rr.Percent)
	}
	return strings.Join(parts, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func printTargets(out io.Writer, r *results) {
	fmt.Fprintln(out, "\nTargets of the issue")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, t := range r.Targets {
		value := "—"
		if t.Value != nil {
			value = fmt.Sprintf("%.1f %s", *t.Value, t.Unit)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", t.Status, t.Name, value, t.Note)
	}
	tw.Flush()
	if r.Settings.DataDir != "" || r.Settings.Articles != targetDemoArticles {
		fmt.Fprintf(out, "(the targets are set for the %d-article demo site)\n", targetDemoArticles)
	}
	fmt.Fprintln(out, strings.Repeat("─", 60))
}
