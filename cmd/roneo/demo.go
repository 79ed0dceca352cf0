package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/roneo/roneo/internal/demo"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
)

// maxDemoArticles bounds what demo and serve --demo generate.
const maxDemoArticles = 10_000_000

// runDemo is "roneo demo": generated content for trying Roneo out and for benchmarks.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	data := dataFlags{Dir: "roneo-data"}
	articles, seed := 300, int64(1)
	fs := newFlagSet("demo", stderr)
	fs.IntVar(&articles, "articles", articles, "number of articles to generate, in all languages together")
	fs.Int64Var(&seed, "seed", seed, "seed of the generator: the same seed gives the same site")
	pictures := -1
	fs.IntVar(&pictures, "pictures", pictures, "number of pictures to draw, which articles share (default: one for every dozen articles, at most 24; 0 for none)")
	data.register(fs)
	if _, err := parseArgs(fs, args, noArgs()); err != nil {
		return err
	}
	if articles < 1 || articles > maxDemoArticles {
		return fmt.Errorf("%w: --articles %d: give a number from 1 to %d", errUsage, articles, maxDemoArticles)
	}
	s, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	stats, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if !stats.Empty() {
		return fmt.Errorf("%s already holds content (%d articles); demo content goes into an empty data directory only", data.describe(), stats.Articles)
	}
	m, err := openMedia(data.mediaLocation())
	if err != nil {
		return err
	}
	defer m.Close()
	// The pictures' sizes for pages are made while the articles are written, and the
	// command waits for them, as "roneo media import" does: the site is complete when it
	// ends, with or without a running serve.
	var derived chan error
	derive := func() {
		derived = make(chan error, 1)
		go func() {
			derived <- drainDerivatives(ctx, s, editorial.New(s, editorial.Config{Clock: time.Now}), m, stderr)
		}()
	}
	_, err = generateDemo(ctx, s, m, articles, pictures, seed, derive, stdout, stderr)
	if derived != nil {
		start := time.Now()
		if derr := <-derived; derr != nil && err == nil {
			err = fmt.Errorf("making the demo pictures' sizes: %w", derr)
		}
		if waited := time.Since(start); err == nil && waited > time.Second {
			fmt.Fprintf(stdout, "Waited %s for the demo pictures' sizes.\n", waited.Round(time.Millisecond))
		}
	}
	return err
}

// generateDemo writes the demo content and its pictures, whose derivatives it leaves
// queued, and returns the editorial service it wrote with.
func generateDemo(ctx context.Context, s store.Store, m media.Store, articles, pictures int, seed int64, picturesStored func(), stdout, stderr io.Writer) (*editorial.Service, error) {
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	ed := editorial.New(s, editorial.Config{Renderer: render.New(), Clock: time.Now})
	stats, err := demo.Generate(ctx, s, ed, demo.Options{
		Articles: articles, Seed: seed, Now: time.Now(), Progress: progress, Media: m, Pictures: pictures,
		PicturesStored: picturesStored,
	})
	if err != nil {
		return nil, fmt.Errorf("demo content: %w", err)
	}
	if err := s.Analyze(ctx); err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "Generated %d articles (%d translations, %d press releases, %d photo reports, %d scheduled, %d drafts), %d sections, %d tags, %d dossiers, %d people in %s.\n",
		stats.Articles, stats.Translations, stats.PressReleases, stats.PhotoReports, stats.Scheduled, stats.Drafts,
		stats.Sections, stats.Tags, stats.Dossiers, stats.Persons, stats.Elapsed.Round(time.Millisecond))
	return ed, nil
}

// fillDemo is "serve --demo": demo content in an empty data directory, nothing otherwise.
func (m *Main) fillDemo(ctx context.Context) error {
	stats, err := m.store.Stats(ctx)
	if err != nil {
		return err
	}
	if !stats.Empty() {
		m.log.Info("the data directory already has content; --demo adds nothing", "articles", stats.Articles)
		return nil
	}
	// The runner this instance starts makes the pictures' derivatives; pages show the
	// originals until then.
	_, err = generateDemo(ctx, m.store, m.media, m.Config.DemoArticles, m.Config.DemoPictures, 1, nil, m.stdout, m.stderr)
	return err
}

// isTerminal reports whether w is a terminal, where a progress bar makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
