// Package demo fills an empty store with plausible, generated content in French, Dutch
// and English: an invented organisation's site settings, its writers and press officers,
// sections, tags, campaign dossiers and articles, press releases and photo reports spread
// over three years, with translations, related reading, embargoes and drafts.
//
// Every text comes from the phrase tables of this package; nothing names a real living
// person, points to a remote URL or refers to a file that does not exist. Output depends
// only on Options, so a seed reproduces a site exactly. The planner deals headlines so
// that no list a reader sees (home page, section, dossier, editors' picks) shows two made
// from one phrase, and a translation says what its original says, a few hours later.
//
// It writes through the editorial core's bulk path, whose typography and slug rules it
// follows; it must not import a database driver or net/http.
package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
)

// ErrNotEmpty is returned when the store already holds content: demo articles mixed into
// a real site could not be told apart and removed.
var ErrNotEmpty = errors.New("the store already holds content; generate demo content into an empty data directory")

// Options say how much to generate and from which seed.
type Options struct {
	Articles int       // number of articles, all languages together; default 300
	Seed     int64     // the same seed gives the same content
	Now      time.Time // dates spread over the three years before Now; default time.Now()
	Progress io.Writer // where to draw a progress bar; nil: none
	// Media is where the demo's pictures go; nil: a demo without pictures.
	Media media.Store
	// Pictures is how many pictures to draw for Media; negative: DefaultPictures.
	Pictures int
	// PicturesStored, when set, is called once the pictures are stored and their
	// derivative jobs queued, before the articles are written: a caller can make the
	// derivatives meanwhile.
	PicturesStored func()
}

func (o Options) withDefaults() Options {
	if o.Articles <= 0 {
		o.Articles = 300
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// Stats counts what Generate created.
type Stats struct {
	Articles      int // all kinds and languages, translations included
	Translations  int // versions of a story other than its first
	PressReleases int
	PhotoReports  int
	Scheduled     int
	Drafts        int
	Sections      int
	Tags          int // all languages together
	Dossiers      int // all languages together
	Persons       int
	Elapsed       time.Duration
}

// Generate creates a demo site in s, which must be empty. It renders article bodies on
// every CPU and writes them in transactions of a thousand, in order of publication so that
// IDs grow with dates. Cancelling ctx stops it between transactions; what was committed
// stays.
func Generate(ctx context.Context, s Counter, ed *editorial.Service, opts Options) (Stats, error) {
	stats, _, err := generate(ctx, s, ed, opts)
	return stats, err
}

// generated is what the planner decided, by plan index, for tests to check: the ID of
// each article and the phrases of its headline.
type generated struct {
	ids                    []int64
	headlines, standfirsts []int32
}

func generate(ctx context.Context, s Counter, ed *editorial.Service, opts Options) (Stats, *generated, error) {
	start := time.Now()
	opts = opts.withDefaults()
	if err := ensureEmpty(ctx, s); err != nil {
		return Stats{}, nil, err
	}
	seed := uint64(opts.Seed)
	slugs := slugSet{}
	var tax *taxonomy
	err := ed.Bulk(ctx, actor, func(b *editorial.Batch) (err error) {
		tax, err = createTaxonomy(b, ed, seed, slugs)
		return err
	})
	if err != nil {
		return Stats{}, nil, fmt.Errorf("demo taxonomy: %w", err)
	}
	p := newPlanner(opts, seed, tax, slugs)
	if n := opts.pictures(); n > 0 {
		if p.photos, err = makePhotoPool(ctx, ed, opts.Media, seed, n); err != nil {
			return Stats{}, nil, fmt.Errorf("demo pictures: %w", err)
		}
		if opts.PicturesStored != nil {
			opts.PicturesStored()
		}
	}
	stats, ids, err := runPipeline(ctx, ed, p, opts)
	if err != nil {
		return stats, nil, fmt.Errorf("demo articles: %w", err)
	}
	if err := ed.Bulk(ctx, actor, func(b *editorial.Batch) error { return fillDossiers(b, tax, p.dossierLists(ids)) }); err != nil {
		return stats, nil, fmt.Errorf("demo dossiers: %w", err)
	}
	stats.Sections, stats.Tags, stats.Dossiers, stats.Persons = tax.counts()
	stats.Elapsed = time.Since(start)
	return stats, &generated{ids: ids, headlines: p.headlines, standfirsts: p.standfirsts}, nil
}

// Counter says what a store holds.
type Counter interface {
	Stats(ctx context.Context) (store.Stats, error)
}

// actor is who the audit log says wrote demo content.
var actor = editorial.System("demo")

// ensureEmpty refuses a store that holds anything, drafts and people included.
func ensureEmpty(ctx context.Context, s Counter) error {
	stats, err := s.Stats(ctx)
	if err != nil {
		return fmt.Errorf("demo: check store: %w", err)
	}
	if !stats.Empty() {
		return fmt.Errorf("%w (%d articles, %d people, %d sections)", ErrNotEmpty, stats.Articles, stats.Persons, stats.Sections)
	}
	return nil
}

// count adds one stored article to the statistics.
func (s *Stats) count(a *content.Article, translation bool) {
	s.Articles++
	if translation {
		s.Translations++
	}
	switch a.Kind {
	case content.KindPressRelease:
		s.PressReleases++
	case content.KindPhotoReport:
		s.PhotoReports++
	}
	switch a.Status {
	case content.StatusScheduled:
		s.Scheduled++
	case content.StatusDraft:
		s.Drafts++
	}
}
