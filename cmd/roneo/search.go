package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

const searchUsage = `Usage:
  roneo search reindex [flags]     rebuild the search index of every article; the site keeps running
  roneo search stats [flags]       how many articles the index holds, and its size
  roneo search query --q WORDS     search as readers do, to check the index and time it;
                                   filters without --q list what they select, newest first

Run "roneo search <command> -h" for a command's flags.
`

// runSearch is "roneo search": the search index for the operator.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, searchUsage)
		return errUsage
	}
	switch args[0] {
	case "reindex":
		return runReindex(ctx, args[1:], stdout, stderr)
	case "stats":
		return runSearchStats(ctx, args[1:], stdout, stderr)
	case "query":
		return runSearchQuery(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "roneo search: unknown command %q\n\n%s", args[0], searchUsage)
	return errUsage
}

// searchFlagSet parses the flags of a search command: the data flags and those more
// adds.
func searchFlagSet(name string, args []string, stderr io.Writer, more func(*flag.FlagSet)) (*dataFlags, error) {
	data := &dataFlags{Dir: "roneo-data"}
	fs := newFlagSet("search "+name, stderr)
	data.register(fs)
	if more != nil {
		more(fs)
	}
	_, err := parseArgs(fs, args, noArgs())
	return data, err
}

func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	data, err := searchFlagSet("reindex", args, stderr, nil)
	if err != nil {
		return err
	}
	db, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(stdout, "Reindexing the articles of %s\n", data.describe())
	start := time.Now()
	var indexed int
	progress := reindexProgress(stderr)
	err = db.Reindex(ctx, func(done, total int) {
		indexed = done
		progress(done, total)
	})
	if err != nil {
		return fmt.Errorf("reindex stopped after %d articles; run it again: %w", indexed, err)
	}
	elapsed := time.Since(start)
	stats, err := db.IndexStats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Indexed %d articles and documents in %s.\n", indexed, elapsed.Round(time.Millisecond))
	printIndexStats(stdout, stats)
	return nil
}

// reindexProgress draws a bar on a terminal and stays quiet elsewhere.
func reindexProgress(w io.Writer) func(done, total int) {
	if !isTerminal(w) {
		return func(int, int) {}
	}
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("articles"),
				progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		}
		bar.Set(done)
	}
}

func runSearchStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	data, err := searchFlagSet("stats", args, stderr, nil)
	if err != nil {
		return err
	}
	db, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	stats, err := db.IndexStats(ctx)
	if err != nil {
		return err
	}
	printIndexStats(stdout, stats)
	return nil
}

func printIndexStats(w io.Writer, s store.IndexStats) {
	fmt.Fprintf(w, "The index holds %d articles and %d other documents and takes %s.\n", s.Articles, s.Documents, humanBytes(s.Bytes))
}

// searchFlags are what "roneo search query" asks.
type searchFlags struct {
	q              store.SearchQuery
	lang, kind     string
	repeat         int
	sectionID, tag int64
}

func (f *searchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.q.Text, "q", "", "the words, as a reader types them; without them, filters list newest first")
	fs.StringVar(&f.lang, "lang", "", "only articles in this language (fr, nl, en, …)")
	fs.StringVar(&f.kind, "kind", "", "only articles of this kind: article, press_release or photo_report")
	fs.Int64Var(&f.sectionID, "section", 0, "only articles of this section (its ID)")
	fs.Int64Var(&f.tag, "tag", 0, "only articles with this tag (its ID)")
	fs.Int64Var(&f.q.AuthorID, "author", 0, "only articles by this person (their ID)")
	fs.BoolVar(&f.q.Staff, "staff", false, "search as the newsroom does: drafts and every other status, not the trash")
	fs.IntVar(&f.q.Limit, "limit", 10, "hits to show")
	fs.IntVar(&f.repeat, "repeat", 1, "run the search this many times, after one more to warm the caches, and report how long it took")
}

// filtered reports a filter given.
func (f *searchFlags) filtered() bool {
	return f.lang != "" || f.kind != "" || f.sectionID != 0 || f.tag != 0 || f.q.AuthorID != 0 || f.q.Staff
}

func runSearchQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f searchFlags
	data, err := searchFlagSet("query", args, stderr, f.register)
	if err != nil {
		return err
	}
	if strings.TrimSpace(f.q.Text) == "" && !f.filtered() || f.repeat < 1 {
		return fmt.Errorf("%w: --q is required (or a filter, to list newest first), and --repeat must be at least 1", errUsage)
	}
	db, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	f.q.Lang, f.q.Kind, f.q.SectionID, f.q.TagID = content.Lang(f.lang), content.Kind(f.kind), f.sectionID, f.tag
	var res store.SearchResult
	if f.repeat > 1 { // once first, untimed, as the site's searches find the caches warm
		if _, err := db.Search(ctx, f.q); err != nil {
			return err
		}
	}
	times := make([]time.Duration, f.repeat)
	for i := range times {
		start := time.Now()
		if res, err = db.Search(ctx, f.q); err != nil {
			return err
		}
		times[i] = time.Since(start)
	}
	if strings.TrimSpace(f.q.Text) == "" {
		fmt.Fprintf(stdout, "%d articles match the filters.\n", res.Total)
	} else {
		fmt.Fprintf(stdout, "%d articles match %q.\n", res.Total, f.q.Text)
	}
	for i, h := range res.Hits {
		fmt.Fprintf(stdout, "%3d. %7.3f  %s  %s  %s/%s  %s\n", i+1+f.q.Offset, h.Rank, date(h.PublishAt), h.Status, h.Lang, h.Slug, h.Title)
	}
	printTimes(stdout, times)
	return nil
}

func date(t time.Time) string {
	if t.IsZero() {
		return "----------"
	}
	return t.Format(time.DateOnly)
}

// printTimes reports one search's time, or the median and the 95th percentile of
// several.
func printTimes(w io.Writer, times []time.Duration) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d.Microseconds())/1000) }
	if len(times) == 1 {
		fmt.Fprintf(w, "Searched in %s.\n", ms(times[0]))
		return
	}
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	at := func(p int) time.Duration { return sorted[min(len(sorted)-1, len(sorted)*p/100)] }
	fmt.Fprintf(w, "Searched %d times: median %s, 95th percentile %s, slowest %s.\n",
		len(times), ms(at(50)), ms(at(95)), ms(sorted[len(sorted)-1]))
}
