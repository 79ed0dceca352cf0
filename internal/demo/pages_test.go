package demo

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/web"
)

// servedDemo is a generated site served by the real public site, with what the planner
// decided about each article, to read pages the way a visitor sees them.
type servedDemo struct {
	db   *sqlstore.DB
	rec  *recordingStore
	gen  *generated
	site *site.Server
	// byID is every article by ID, index its position in the plan.
	byID  map[int64]*content.Article
	index map[int64]int
}

// sharedDemo is the site the page tests read, generated once: they only read it.
var sharedDemo struct {
	sync.Mutex
	site *servedDemo
	dir  string
}

// servedDemoSite returns the shared site, generating it on first use.
func servedDemoSite(t *testing.T) *servedDemo {
	t.Helper()
	sharedDemo.Lock()
	defer sharedDemo.Unlock()
	if sharedDemo.site == nil {
		dir, err := os.MkdirTemp("", "demo-pages-")
		if err != nil {
			t.Fatal(err)
		}
		sharedDemo.dir = dir
		sharedDemo.site, err = newServedDemo(dir, 1500, 4)
		if err != nil {
			t.Fatal(err)
		}
	}
	return sharedDemo.site
}

func TestMain(m *testing.M) {
	code := m.Run()
	if d := sharedDemo.site; d != nil {
		d.site.Close()
		d.db.Close()
		os.RemoveAll(sharedDemo.dir)
	}
	os.Exit(code)
}

func newServedDemo(dir string, n int, seed int64) (*servedDemo, error) {
	ctx := context.Background()
	db, err := sqlstore.OpenSQLite(ctx, dir, sqlstore.Options{Clock: func() time.Time { return now }})
	if err != nil {
		return nil, err
	}
	rec := &recordingStore{Store: db}
	_, gen, err := generate(ctx, rec, newEditorial(rec), Options{Articles: n, Seed: seed, Now: now})
	if err != nil {
		return nil, err
	}
	base, _ := url.Parse("https://news.example.org")
	srv, err := site.New(ctx, db, site.Config{BaseURL: base, Theme: web.FS, Clock: func() time.Time { return now }})
	if err != nil {
		return nil, err
	}
	d := &servedDemo{db: db, rec: rec, gen: gen, site: srv, byID: map[int64]*content.Article{}, index: map[int64]int{}}
	for i := range rec.articles {
		d.byID[rec.articles[i].ID] = &rec.articles[i]
	}
	for i, id := range gen.ids {
		d.index[id] = i
	}
	return d, nil
}

var hrefs = regexp.MustCompile(`href="(/[^"#?]+)"`)

// page builds p and returns the articles it links to, in order, each once.
func (d *servedDemo) page(t *testing.T, p urls.Page) []*content.Article {
	t.Helper()
	return d.linked(t, p, d.build(t, p))
}

func (d *servedDemo) build(t *testing.T, p urls.Page) []byte {
	t.Helper()
	resp, err := d.site.Build(context.Background(), site.PageRequest{Page: p})
	if err != nil || resp.Status != http.StatusOK {
		t.Fatalf("%s: %v", scheme.Path(p), err)
	}
	return resp.Body
}

// linked returns the articles body links to, in order, each once.
func (d *servedDemo) linked(t *testing.T, p urls.Page, body []byte) []*content.Article {
	t.Helper()
	var out []*content.Article
	seen := map[int64]bool{}
	for _, m := range hrefs.FindAllSubmatch(body, -1) {
		parsed := scheme.Parse(string(m[1]))
		if parsed.Status != urls.Found || parsed.Page.Kind != urls.Article {
			continue
		}
		a := d.bySlug(parsed.Page.Lang, parsed.Page.Key)
		if a == nil {
			t.Fatalf("%s links to unknown article %s", scheme.Path(p), m[1])
		}
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

func (d *servedDemo) bySlug(lang content.Lang, slug string) *content.Article {
	for i := range d.rec.articles {
		if a := &d.rec.articles[i]; a.Lang == lang && a.Slug == slug {
			return a
		}
	}
	return nil
}

// echoes lists the pairs of different stories among as whose headlines come from one
// phrase.
func (d *servedDemo) echoes(as []*content.Article) []string {
	var out []string
	for i, a := range as {
		for _, b := range as[:i] {
			if a.StoryID != b.StoryID && d.gen.headlines[d.index[a.ID]] == d.gen.headlines[d.index[b.ID]] {
				out = append(out, fmt.Sprintf("%q / %q", a.Title, b.Title))
			}
		}
	}
	return out
}

// TestDemoHeadlinesDoNotEcho reads the pages that list several articles: no two stories on
// one of them may have headlines made from the same phrase.
func TestDemoHeadlinesDoNotEcho(t *testing.T) {
	d := servedDemoSite(t)
	ctx := context.Background()
	listed := 0
	check := func(p urls.Page, as []*content.Article) {
		t.Helper()
		listed += len(as)
		for _, e := range d.echoes(as) {
			t.Errorf("%s: %s", scheme.Path(p), e)
		}
	}
	sections, err := d.db.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range langs {
		for n := 1; n <= 3; n++ {
			p := urls.Page{Kind: urls.Home, Lang: lang, Num: n}
			check(p, d.page(t, p))
		}
		for _, sec := range sections {
			p := urls.Page{Kind: urls.Section, Lang: lang, Key: sec.Names[lang].Slug}
			check(p, d.page(t, p))
		}
		dossiers, err := d.db.Dossiers(ctx, lang, false, 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, ds := range dossiers {
			p := urls.Page{Kind: urls.Dossier, Lang: lang, Key: ds.Slug}
			check(p, d.page(t, p))
		}
	}
	if listed < 1000 {
		t.Errorf("the pages read list %d articles in all, want more than 1000", listed)
	}
	checkTagPages(t, d)
}

// checkTagPages: a tag's first page lists its newest articles, which may come from any
// of the topics that use the tag; the planner prefers tags that have not shown a story's
// headline lately, which keeps most of these pages free of echoes.
func checkTagPages(t *testing.T, d *servedDemo) {
	t.Helper()
	pages, echoing := 0, 0
	for _, lang := range langs {
		tags, err := d.db.Tags(context.Background(), lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range tags {
			p := urls.Page{Kind: urls.Tag, Lang: lang, Key: tag.Slug}
			as := d.page(t, p)
			if len(as) < 2 {
				continue
			}
			pages++
			if e := d.echoes(as); len(e) > 0 {
				echoing++
				t.Logf("%s: %s", scheme.Path(p), e)
			}
		}
	}
	if echoing*100 > pages*maxEchoingTagPages {
		t.Errorf("%d of %d tag pages show two headlines from one phrase, want at most %d%%", echoing, pages, maxEchoingTagPages)
	}
}

// maxEchoingTagPages is the percentage of tags whose first page may show two headlines
// from one phrase.
const maxEchoingTagPages = 20

// TestDemoRelatedPicksDoNotEcho: the editors' picks beside an article and the link in its
// body differ in headline from it and from each other.
func TestDemoRelatedPicksDoNotEcho(t *testing.T) {
	d := servedDemoSite(t)
	picked := 0
	for _, a := range d.rec.articles {
		if len(a.RelatedIDs) == 0 {
			continue
		}
		picked++
		shown := []*content.Article{d.byID[a.ID]}
		for _, id := range a.RelatedIDs {
			shown = append(shown, d.byID[id])
		}
		for _, e := range d.echoes(shown) {
			t.Errorf("article %d and its picks: %s", a.ID, e)
		}
	}
	if picked < 50 {
		t.Errorf("%d articles have editors' picks, want at least 50", picked)
	}
}

// TestDemoArticlePagesEchoLittle reads article pages whole. Related reading also draws on
// the newest articles of the article's tags and section, whichever they are when the
// page is read, so the planner cannot keep every page free of echoes: a bound is held.
func TestDemoArticlePagesEchoLittle(t *testing.T) {
	d := servedDemoSite(t)
	pages, echoing := 0, 0
	for i := range d.rec.articles {
		a := &d.rec.articles[i]
		if a.Status != content.StatusPublished || i%5 != 0 {
			continue
		}
		pages++
		shown := append(d.page(t, urls.Page{Kind: urls.Article, Lang: a.Lang, Key: a.Slug}), a)
		if e := d.echoes(shown); len(e) > 0 {
			echoing++
			t.Logf("%s/%s: %s", a.Lang, a.Slug, e)
		}
	}
	if echoing*100 > pages*maxEchoingArticlePages {
		t.Errorf("%d of %d article pages show two headlines from one phrase, want at most %d%%", echoing, pages, maxEchoingArticlePages)
	}
}

// maxEchoingArticlePages is the percentage of article pages that may show two headlines
// from one phrase.
const maxEchoingArticlePages = 12

// TestDemoTranslationsTellTheSameStory: a translation has the figures and names of its
// original and goes out a few hours after it.
func TestDemoTranslationsTellTheSameStory(t *testing.T) {
	rec := servedDemoSite(t).rec
	first := map[int64]*content.Article{}
	pairs := 0
	for i := range rec.articles {
		a := &rec.articles[i]
		orig, ok := first[a.StoryID]
		if !ok {
			first[a.StoryID] = a
			continue
		}
		pairs++
		if !a.PublishAt.IsZero() && !orig.PublishAt.IsZero() {
			if d := a.PublishAt.Sub(orig.PublishAt); d <= 0 || d > 6*time.Hour {
				t.Errorf("article %d (%s) goes out %v after its original %d (%s)", a.ID, a.Lang, d, orig.ID, orig.Lang)
			}
		}
		for _, f := range []struct{ name, orig, tr string }{
			{"title", orig.Title, a.Title}, {"standfirst", orig.Standfirst, a.Standfirst}, {"body", orig.Body, a.Body},
		} {
			if o, tr := facts(f.orig), facts(f.tr); !slices.Equal(o, tr) {
				t.Errorf("story %d: %s %s has figures %v, %s has %v", a.StoryID, f.name, orig.Lang, o, a.Lang, tr)
			}
		}
		for _, name := range names(orig.Body) {
			if !strings.Contains(a.Body, name) {
				t.Errorf("story %d: %s names %s, the %s version does not", a.StoryID, orig.Lang, name, a.Lang)
			}
		}
	}
	if pairs < 300 {
		t.Errorf("%d translations, want at least 300", pairs)
	}
}

var digits = regexp.MustCompile(`\d[\d.,\x{202f}\x{a0} ]*\d|\d`)

// facts returns the numbers of a text, their separators removed, in order: what a
// translation must keep whatever its language writes around them. Footnote marks and the
// link to further reading, which each language picks among its own articles, are left
// out; "12 h 30" is "12.30".
func facts(s string) []string {
	s = strings.NewReplacer("[^1]", "", " h ", ".").Replace(withoutLinks(s))
	var out []string
	for _, m := range digits.FindAllString(s, -1) {
		out = append(out, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, m))
	}
	return out
}

// withoutLinks leaves out the lines of a body that link to another article.
func withoutLinks(body string) string {
	var lines []string
	for _, line := range strings.Split(body, "\n") {
		if !strings.Contains(line, "](/") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// names returns the full names of the people a body quotes.
func names(body string) []string {
	body = withoutLinks(body)
	var out []string
	for _, f := range firstNames {
		for _, l := range lastNames {
			if n := f.name + " " + l; strings.Contains(body, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// TestDemoDossiersNewestFirst: a dossier lists its articles from the newest down, in every
// language.
func TestDemoDossiersNewestFirst(t *testing.T) {
	db := servedDemoSite(t).db
	ctx := context.Background()
	for _, lang := range langs {
		dossiers, err := db.Dossiers(ctx, lang, false, 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dossiers {
			list, err := db.DossierArticles(ctx, d.ID, store.Readers, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) < minDossier/2 {
				t.Errorf("dossier %s/%s has %d articles", lang, d.Slug, len(list))
			}
			for i := 1; i < len(list); i++ {
				if list[i].PublishAt.After(list[i-1].PublishAt) {
					t.Errorf("dossier %s/%s lists %q (%v) after %q (%v)", lang, d.Slug,
						list[i-1].Title, list[i-1].PublishAt, list[i].Title, list[i].PublishAt)
				}
			}
		}
	}
}

// TestDemoStandfirstsVary: no language has two articles in a row with standfirsts from one
// phrase, no phrase makes more than a small share of them, and no home page shows one
// twice.
func TestDemoStandfirstsVary(t *testing.T) {
	d := servedDemoSite(t)
	rec, gen := d.rec, d.gen
	last := map[content.Lang]int32{}
	uses := map[int32]int{}
	shown := 0
	for i, a := range rec.articles {
		if a.Status != content.StatusPublished && a.Status != content.StatusScheduled {
			continue
		}
		shown++
		id := gen.standfirsts[i]
		uses[id]++
		if prev, ok := last[a.Lang]; ok && prev == id {
			t.Errorf("article %d (%s) has the standfirst phrase of the %s article before it: %q", a.ID, a.Lang, a.Lang, a.Standfirst)
		}
		last[a.Lang] = id
	}
	most := slices.Max(slices.Collect(maps.Values(uses)))
	if most*100 > shown*maxStandfirstShare {
		t.Errorf("one standfirst phrase heads %d of %d articles, want at most %d%%", most, shown, maxStandfirstShare)
	}
	if len(uses) < 100 {
		t.Errorf("%d standfirst phrases used, want at least 100", len(uses))
	}
	for _, lang := range langs {
		// The lead and the latest articles show their standfirsts; the dossier boxes
		// beside them show titles only.
		p := urls.Page{Kind: urls.Home, Lang: lang}
		body, _, _ := bytes.Cut(d.build(t, p), []byte(`class="dossier-boxes"`))
		as := d.linked(t, p, body)
		for i, a := range as {
			for _, b := range as[:i] {
				if a.StoryID != b.StoryID && gen.standfirsts[d.index[a.ID]] == gen.standfirsts[d.index[b.ID]] {
					t.Errorf("%s: %q and %q have standfirsts from one phrase", scheme.Path(p), a.Standfirst, b.Standfirst)
				}
			}
		}
	}
}

// maxStandfirstShare is the percentage of articles one standfirst phrase may head.
const maxStandfirstShare = 3
