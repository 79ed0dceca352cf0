package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// scenarioLabels are the names the table prints, in the order it prints them.
var scenarioLabels = []struct{ name, label string }{
	{scenarioNginx, "nginx (static file)"},
	{scenarioCached, "roneo, page cache on"},
	{scenarioUncached, "roneo, page cache off"},
}

// printReport writes the figures of r for a person to read.
func printReport(out io.Writer, r *results) {
	s := r.Settings
	fmt.Fprintf(out, "\nRoneo benchmark — %s, wrk -t%d -c%d -d%s --latency, %d CPUs, %s\n",
		siteDescription(s), s.Threads, s.Connections, s.Duration, r.Machine.CPUs, r.Machine.GoVersion)
	if r.Page != nil {
		fmt.Fprintf(out, "Page: %s (%d bytes)\n", r.Page.Path, r.Page.Bytes)
	}
	printScenarios(out, r)
	printCPU(out, r)
	printFigures(out, r)
	printTargets(out, r)
}

// busyOtherCores is the CPU other processes may use during a run, in cores, before the
// report warns that the machine was too busy for the figures to be trusted.
const busyOtherCores = 0.2

func printCPU(out io.Writer, r *results) {
	if len(r.Scenarios) == 0 {
		return
	}
	fmt.Fprintf(out, "\nCPU during each measured run, in cores of %d:\n", r.Machine.CPUs)
	for _, sc := range r.Scenarios {
		c := sc.CPU
		fmt.Fprintf(out, "  %-9s server %.2f, wrk %.2f, others %.2f\n", sc.Name, c.ServerCores, c.WrkCores, c.OtherCores)
	}
	for _, sc := range r.Scenarios {
		if sc.CPU.OtherCores > busyOtherCores {
			fmt.Fprintf(out, "WARNING: other processes took %.2f cores during the %s run; its figures are not reliable, run again on an idle machine\n",
				sc.CPU.OtherCores, sc.Name)
		}
	}
}

func siteDescription(s settings) string {
	if s.DataDir != "" {
		return "data from " + s.DataDir
	}
	return fmt.Sprintf("%d demo articles", s.Articles)
}

func printScenarios(out io.Writer, r *results) {
	if len(r.Scenarios) == 0 {
		return
	}
	const row = "%-22s %10s %9s %9s %7s\n"
	fmt.Fprintf(out, "\n"+row, "scenario", "req/s", "p50 ms", "p99 ms", "failed")
	for _, l := range scenarioLabels {
		if sc := r.scenario(l.name); sc != nil {
			fmt.Fprintf(out, row, l.label, fmt.Sprintf("%.0f", sc.RequestsPerSec), fmt.Sprintf("%.3f", sc.LatencyMS.P50),
				fmt.Sprintf("%.3f", sc.LatencyMS.P99), fmt.Sprint(sc.failures()))
		}
	}
}

func printFigures(out io.Writer, r *results) {
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	if p := r.CachedVsNginxPercent; p != nil {
		fmt.Fprintf(tw, "cached / nginx req/s:\t%.1f %%\n", *p)
	}
	for _, m := range r.Memory {
		fmt.Fprintf(tw, "roneo serve memory after %s run:\tRSS %.1f MB, peak RSS %.1f MB\n", m.After, m.RSSMB, m.PeakMB)
	}
	if d := r.Demo; d != nil {
		fmt.Fprintf(tw, "demo generation:\t%d articles in %.1f s\n", d.Articles, d.Seconds)
	}
	if db := r.Database; db.Total > 0 {
		fmt.Fprintf(tw, "database:\t%.1f MB (roneo.db %.1f MB + WAL %.1f MB)\n", mb(db.Total), mb(db.DBBytes), mb(db.WALBytes))
	}
	for _, sc := range r.Scenarios {
		if !sc.SamePageBytes {
			fmt.Fprintf(tw, "note:\t%s served a page of the same length but different bytes\n", sc.Name)
		}
	}
	tw.Flush()
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
