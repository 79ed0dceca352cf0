package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// The search scenarios time "roneo search reindex" (the full index build) on the demo
// site, read the index's size, and time searches of the kinds readers make with
// "roneo search query --repeat", one at a time, in a process that stays open: search on
// SQLite and search-pg on the PostgreSQL copy.

// searchRepeat is how many times each search runs; the query command runs it once
// more first, to warm the caches.
const searchRepeat = 200

// targetSearchP95MS is the search issue's latency target, for every kind of search.
const targetSearchP95MS = 20.0

// benchSearch is one search the scenario times. The words occur in the demo site's
// articles (internal/demo's topics: strikes, wages, pensions), in each language.
// "unaccented" types French words whose accent is in the ending the stemmer removes;
// "listing" gives filters and no words, which lists newest first.
type benchSearch struct {
	Kind  string   `json:"kind"`            // one-word, two-word, phrase, filtered, typing, unaccented, listing
	Query string   `json:"query"`           // as typed
	Flags []string `json:"flags,omitempty"` // filters, as roneo search query takes them
}

var benchSearches = []benchSearch{
	{"one-word", "grève", nil},
	{"one-word", "staking", nil},
	{"one-word", "strike", nil},
	{"two-word", "grève travailleurs", nil},
	{"two-word", "staking werknemers", nil},
	{"two-word", "pension reform", nil},
	{"phrase", `"piquets de grève"`, nil},
	{"phrase", `"droit de grève"`, nil},
	{"phrase", `"strike fund"`, nil},
	{"filtered", "grève", []string{"--lang", "fr", "--kind", "press_release"}},
	{"filtered", "staking", []string{"--lang", "nl", "--kind", "article"}},
	{"filtered", "grève", []string{"--staff", "--lang", "fr"}},
	{"typing", "grè", nil},
	{"unaccented", "austerite", nil},
	{"unaccented", "lignes supprimees", nil},
	{"listing", "", []string{"--lang", "fr", "--kind", "press_release"}},
	{"listing", "", []string{"--kind", "press_release"}},
}

// searchResult is what a search scenario measured on one database.
type searchResult struct {
	Database       string          `json:"database"`
	Articles       int             `json:"articles"`        // indexed by the reindex
	ReindexSeconds float64         `json:"reindex_seconds"` // wall time of roneo search reindex
	IndexBytes     int64           `json:"index_bytes"`     // as roneo reports it after the reindex
	Searches       []searchLatency `json:"searches"`
}

type searchLatency struct {
	benchSearch
	Total int     `json:"total"` // articles matching, as roneo reports them
	P50MS float64 `json:"p50_ms"`
	P95MS float64 `json:"p95_ms"`
	MaxMS float64 `json:"max_ms"`
}

// measureSearchSQLite runs the search scenario on the side's demo site.
func (b *bench) measureSearchSQLite(ctx context.Context, s *side) error {
	return b.measureSearchOn(ctx, s, "sqlite", s.where(b, false))
}

// measureSearchPostgres runs it on the side's PostgreSQL copy.
func (b *bench) measureSearchPostgres(ctx context.Context, s *side) error {
	return b.measureSearchOn(ctx, s, "postgres", s.where(b, true))
}

func (b *bench) measureSearchOn(ctx context.Context, s *side, database string, where []string) error {
	res := searchResult{Database: database}
	database = s.name(database)
	b.logf("search (%s): roneo search reindex", database)
	start := time.Now()
	out, err := runTool(ctx, b.root, append([]string{s.bin, "search", "reindex"}, where...)...)
	if err != nil {
		return err
	}
	res.ReindexSeconds = time.Since(start).Seconds()
	if res.Articles, res.IndexBytes, err = parseReindex(string(out)); err != nil {
		return err
	}
	b.logf("search (%s): %d articles indexed in %.1f s, index %.1f MB", database, res.Articles, res.ReindexSeconds, mb(res.IndexBytes))
	for _, bs := range benchSearches {
		argv := append([]string{s.bin, "search", "query"}, where...)
		argv = append(append(argv, "--q", bs.Query, "--limit", "20", "--repeat", strconv.Itoa(searchRepeat)), bs.Flags...)
		out, err := runTool(ctx, b.root, argv...)
		if err != nil && bs.Query == "" && isUsageError(err) {
			b.logf("search (%s) %s %v: skipped, this binary does not list without words", database, bs.Kind, bs.Flags)
			continue
		}
		if err != nil {
			return err
		}
		l, err := parseSearchQuery(string(out))
		if err != nil {
			return err
		}
		l.benchSearch = bs
		b.logf("search (%s) %s %s %v: %d match, p50 %.2f ms, p95 %.2f ms", database, bs.Kind, bs.Query, bs.Flags, l.Total, l.P50MS, l.P95MS)
		res.Searches = append(res.Searches, l)
	}
	s.res.Search = append(s.res.Search, res)
	return nil
}

var (
	reindexRe = regexp.MustCompile(`Indexed (\d+) articles(?: and documents)? in [^\n]+\.\nThe index holds \d+ articles (?:and \d+ other documents )?and takes ([0-9.]+) (bytes|kB|MB|GB)\.`)
	matchRe   = regexp.MustCompile(`(?m)^(\d+) articles match `)
	timesRe   = regexp.MustCompile(`Searched \d+ times: median ([0-9.]+) ms, 95th percentile ([0-9.]+) ms, slowest ([0-9.]+) ms\.`)
)

// isUsageError reports a program that refused its arguments (exit code 2): an older
// roneo asked for something it does not do yet.
func isUsageError(err error) bool {
	var exit *exec.ExitError
	return errors.As(err, &exit) && exit.ExitCode() == 2
}

// parseReindex reads what roneo search reindex prints: "Indexed 100000 articles in
// 41.2s." and "The index holds 100000 articles and takes 380.1 MB."
func parseReindex(out string) (articles int, bytes int64, err error) {
	m := reindexRe.FindStringSubmatch(out)
	if m == nil {
		return 0, 0, fmt.Errorf("roneo search reindex printed %q", out)
	}
	articles, _ = strconv.Atoi(m[1])
	size, _ := strconv.ParseFloat(m[2], 64)
	unit := map[string]float64{"bytes": 1, "kB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}[m[3]]
	return articles, int64(size * unit), nil
}

// parseSearchQuery reads the total and the timings roneo search query prints.
func parseSearchQuery(out string) (searchLatency, error) {
	var l searchLatency
	m, t := matchRe.FindStringSubmatch(out), timesRe.FindStringSubmatch(out)
	if m == nil || t == nil {
		return l, fmt.Errorf("roneo search query printed %q", out)
	}
	l.Total, _ = strconv.Atoi(m[1])
	l.P50MS, _ = strconv.ParseFloat(t[1], 64)
	l.P95MS, _ = strconv.ParseFloat(t[2], 64)
	l.MaxMS, _ = strconv.ParseFloat(t[3], 64)
	return l, nil
}

// searchTargets judge the slowest search's p95 on each database measured.
func (r *results) searchTargets() []target {
	var ts []target
	for _, s := range []struct{ scenario, database string }{{scenarioSearch, "sqlite"}, {scenarioSearchPG, "postgres"}} {
		if !slices.Contains(r.Settings.Only, s.scenario) {
			continue
		}
		t := target{Name: fmt.Sprintf("search p95 ≤ 20 ms, %s (slowest search)", s.database), Limit: targetSearchP95MS, Unit: "ms", AtMost: true}
		var worst *float64
		for _, res := range r.Search {
			if res.Database != s.database {
				continue
			}
			for _, l := range res.Searches {
				if worst == nil || l.P95MS > *worst {
					worst = &l.P95MS
				}
			}
		}
		ts = append(ts, t.check(worst, ""))
	}
	return ts
}

// printSearch prints the search scenarios' figures.
func printSearch(out io.Writer, r *results) {
	for _, res := range r.Search {
		fmt.Fprintf(out, "\nSearch (%s): %d articles indexed in %.1f s, index %.1f MB; each search run %d times one at a time:\n",
			res.Database, res.Articles, res.ReindexSeconds, mb(res.IndexBytes), searchRepeat)
		for _, l := range res.Searches {
			q := l.Query
			for _, f := range l.Flags {
				q += " " + f
			}
			fmt.Fprintf(out, "  %-9s %-45s %6d match  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", l.Kind, q, l.Total, l.P50MS, l.P95MS, l.MaxMS)
		}
	}
}
