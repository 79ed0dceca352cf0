package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Scenario names, as -only takes them.
const (
	scenarioDemo     = "demo"
	scenarioNginx    = "nginx"
	scenarioCached   = "cached"
	scenarioUncached = "uncached"
	// The same pages one request at a time: the latency a reader meets on a quiet site.
	scenarioUncached1 = "uncached-1"
	// The scale-out scenarios run on a PostgreSQL schema of their own.
	scenarioCopy       = "copy"        // roneo copy of the demo site from SQLite to PostgreSQL
	scenarioUncachedPG = "uncached-pg" // uncached, on PostgreSQL
	scenarioCached1x   = "cached-1x"   // nginx proxying to one roneo with its page cache
	scenarioCached2x   = "cached-2x"   // nginx proxying to two, on the same database
	// The newsroom's list and publish-to-visible, on the SQLite demo site; it runs last,
	// as it adds an account and articles to the site.
	scenarioNewsroom = "newsroom"
	// Search: the index build and the latency of searches, on SQLite and PostgreSQL.
	scenarioSearch   = "search"
	scenarioSearchPG = "search-pg"
	// Targeted purges of the page cache: a publish seen across two instances on
	// PostgreSQL, and the hit rate while articles are published under load on SQLite.
	scenarioPublishPG = "publish-pg"
	scenarioHitRate   = "hitrate"
	// The site's French Atom feed beside the article page, page cache on and off, and
	// every sitemap fetched whole (see feeds.go).
	scenarioFeed         = "feed"
	scenarioFeedUncached = "feed-uncached"
	scenarioSitemap      = "sitemap"
	// Photos (see photos.go): derivatives made by roneo media import, a burst of
	// uploads to the newsroom, a derivative served beside nginx, an album's ZIP.
	scenarioPhotosDerive = "photos-derive"
	scenarioPhotosBurst  = "photos-burst"
	scenarioPhotosServe  = "photos-serve"
	scenarioPhotosZip    = "photos-zip"
)

var allScenarios = []string{scenarioDemo, scenarioCached, scenarioUncached, scenarioUncached1, scenarioNginx,
	scenarioCopy, scenarioUncachedPG, scenarioCached1x, scenarioCached2x, scenarioSearch, scenarioSearchPG, scenarioNewsroom,
	scenarioHitRate, scenarioPublishPG, scenarioFeed, scenarioFeedUncached, scenarioSitemap,
	scenarioPhotosDerive, scenarioPhotosServe, scenarioPhotosBurst, scenarioPhotosZip}

// optInScenarios are left out of the default run, as they take minutes each on two
// cores (see README.md): -only names them.
var optInScenarios = []string{scenarioPhotosBurst, scenarioPhotosZip}

// defaultScenarios are what runs without -only: all but the opt-in ones.
func defaultScenarios() []string {
	return slices.DeleteFunc(slices.Clone(allScenarios), func(name string) bool { return slices.Contains(optInScenarios, name) })
}

// postgresScenarios need the PostgreSQL schema, and the copy that fills it.
var postgresScenarios = []string{scenarioCopy, scenarioUncachedPG, scenarioCached1x, scenarioCached2x, scenarioSearchPG, scenarioPublishPG}

// defaultPostgres is the database of every machine of ours (see the Makefile), used
// when RONEO_TEST_POSTGRES does not name another.
const (
	postgresEnv     = "RONEO_TEST_POSTGRES"
	defaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
)

// config is the command line.
type config struct {
	Articles    int
	Duration    time.Duration
	Rounds      int
	Connections int
	Threads     int
	Keep        bool
	DataDir     string
	Postgres    string // the database in which the benchmark makes a schema of its own
	Only        []string
	Ref         string   // a revision to build and measure beside the working tree, "" for none
	Record      bool     // append the run to RESULTS.md
	RecordNote  string   // what the run is for, written in its section
	Tolerance   float64  // percent worse than the last recorded run before a figure is flagged
	Args        []string // the command line, as RESULTS.md records it
	// HitRateDuration is the length of hitrate's wrk run on the home page.
	HitRateDuration time.Duration
	// Photos is how many 12-megapixel photos photos-derive imports; AlbumPhotos how
	// many photos photos-burst uploads and photos-zip's album holds.
	Photos      int
	AlbumPhotos int
}

// wants reports whether scenario name is to be run.
func (c config) wants(name string) bool { return slices.Contains(c.Only, name) }

// wantsPostgres reports whether any selected scenario needs PostgreSQL.
func (c config) wantsPostgres() bool {
	return slices.ContainsFunc(postgresScenarios, c.wants)
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	c := config{}
	only := strings.Join(defaultScenarios(), ",")
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.Articles, "articles", 100_000, "articles the demo generator writes")
	fs.DurationVar(&c.Duration, "duration", 10*time.Second, "length of each measured wrk run")
	fs.IntVar(&c.Rounds, "rounds", 3, "measured runs of each scenario; nginx and cached alternate, and medians are reported")
	fs.IntVar(&c.Connections, "connections", 32, "wrk connections")
	fs.IntVar(&c.Threads, "threads", 2, "wrk threads")
	fs.BoolVar(&c.Keep, "keep", false, "keep the temporary directory (binary, data, logs, nginx root)")
	fs.StringVar(&c.DataDir, "data", "", "reuse this demo data directory instead of generating one (demo time is then not measured)")
	fs.StringVar(&c.Postgres, "postgres", postgresDefault(), "PostgreSQL URL for the scale-out scenarios; the benchmark makes a schema of its own in it and drops it at the end (default: $"+postgresEnv+", else "+defaultPostgres+")")
	fs.DurationVar(&c.HitRateDuration, "hitrate-duration", time.Minute, "length of the hitrate scenario's load on the home page; it publishes one article a minute, at least two")
	fs.IntVar(&c.Photos, "photos", defaultPhotos, "12-megapixel photos photos-derive imports")
	fs.IntVar(&c.AlbumPhotos, "album-photos", defaultAlbumPhotos, "6-megapixel photos photos-burst uploads at once, and photos-zip's album holds")
	fs.StringVar(&c.Ref, "ref", "", "also build ./cmd/roneo at this commit, tag or branch and measure it beside the working tree, each with a demo site of its own")
	fs.Func("record", "append this run's figures to bench/RESULTS.md, under this note (\"\" for none)", func(note string) error {
		c.Record, c.RecordNote = true, note
		return nil
	})
	fs.Float64Var(&c.Tolerance, "tolerance", defaultTolerance, "percent by which a figure may be worse than in the last run recorded in bench/RESULTS.md before it is flagged (the noise of our shared two-core machines)")
	fs.StringVar(&only, "only", only, "comma-separated scenarios to run, from "+strings.Join(allScenarios, ",")+" (default: all but "+strings.Join(optInScenarios, ",")+")")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	c.Args = args
	var err error
	if c.Only, err = parseOnly(only); err != nil {
		return c, err
	}
	return c, c.validate()
}

func parseOnly(list string) ([]string, error) {
	var names []string
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if !slices.Contains(allScenarios, name) {
			return nil, fmt.Errorf("-only: unknown scenario %q (choose from %s)", name, strings.Join(allScenarios, ","))
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("-only names no scenario")
	}
	return names, nil
}

func (c config) validate() error {
	switch {
	case c.Articles < 1:
		return fmt.Errorf("-articles must be at least 1")
	case c.Duration < time.Second:
		return fmt.Errorf("-duration must be at least 1s")
	case c.Rounds < 1:
		return fmt.Errorf("-rounds must be at least 1")
	case c.Threads < 1 || c.Connections < c.Threads:
		return fmt.Errorf("-threads must be at least 1 and -connections at least -threads")
	case c.HitRateDuration < 10*time.Second:
		return fmt.Errorf("-hitrate-duration must be at least 10s")
	case c.Photos < 1 || c.AlbumPhotos < 1:
		return fmt.Errorf("-photos and -album-photos must be at least 1")
	case c.Tolerance <= 0:
		return fmt.Errorf("-tolerance must be a percentage above 0")
	case c.Ref != "" && c.DataDir != "":
		return fmt.Errorf("-ref and -data: each binary needs a demo site it wrote itself (a newer database may not open with an older binary); leave -data out")
	}
	if c.Ref != "" {
		if err := checkRev(c.Ref); err != nil {
			return err
		}
	}
	if c.wantsPostgres() {
		return checkPostgresURL(c.Postgres)
	}
	return nil
}

func postgresDefault() string {
	if v := os.Getenv(postgresEnv); v != "" {
		return v
	}
	return defaultPostgres
}

// checkPostgresURL requires a URL, not libpq's keyword/value form: the benchmark adds
// its schema to it as a query parameter.
func checkPostgresURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		return fmt.Errorf("-postgres must be a postgres://user@host/db URL")
	}
	if u.Query().Has("search_path") {
		return fmt.Errorf("-postgres: leave search_path out, the benchmark makes a schema of its own")
	}
	return nil
}

// commandLine is the command that ran the benchmark, for RESULTS.md: arguments that a
// shell would split or expand are quoted, and -record is left out (its note is written
// in the section already, and it changes nothing measured).
func commandLine(args []string) string {
	parts := []string{"go", "run", "./bench"}
	for i := 0; i < len(args); i++ {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if name == "record" && strings.HasPrefix(args[i], "-") {
			if !hasValue {
				i++ // its note
			}
			continue
		}
		parts = append(parts, shellQuote(args[i]))
	}
	return strings.Join(parts, " ")
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_@%+=:,./~^-]+$`)

func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
