package site_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/demo"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
	"github.com/roneo/roneo/web"
)

// cardsChecked is how many share cards of the home pages, then of the newest articles,
// the purge check builds; feedsChecked how many feeds of each kind of list.
const (
	cardsChecked = 2
	feedsChecked = 1
)

// builtPage is a page as one pass built it: its answer and the keys it showed.
type builtPage struct {
	status int
	body   []byte
	keys   content.Keys
}

// TestPurgeIsNeverTooSmall builds every page of a small generated site, makes each
// kind of change through the editorial core, builds every page again, and checks that
// every page whose bytes changed named a key the change touched (or the change touched
// everything): a cached copy of it would have been purged.
func TestPurgeIsNeverTooSmall(t *testing.T) {
	t.Parallel()
	w := newWholeSite(t)
	pages := w.buildAll(t)
	for _, c := range w.changes(t) {
		t.Run(c.name, func(t *testing.T) {
			heard := w.during(t, c.do)
			after := w.buildAll(t)
			changed := 0
			for key, before := range pages {
				now := after[key]
				if before.status != http.StatusOK || (now.status == before.status && bytes.Equal(now.body, before.body)) {
					continue
				}
				changed++
				if !heard.All && !meets(before.keys, heard.Keys) {
					t.Errorf("%s changed (status %d → %d) but the change named none of its keys\n page's keys: %v\n change: %v",
						key, before.status, now.status, before.keys.Sorted(), heard.Keys)
				}
			}
			if changed == 0 && !c.invisible {
				t.Errorf("no page changed: the change tests nothing")
			}
			pages = after
		})
	}
}

func meets(page content.Keys, change []content.Key) bool {
	for _, k := range change {
		if page.Has(k) {
			return true
		}
	}
	return false
}

// wholeSite is a generated site with its editorial core and a site without a cache.
type wholeSite struct {
	st    *sqlstore.DB
	ed    *editorial.Service
	site  *site.Server
	clock *storetest.Clock
	ctx   context.Context

	mu    sync.Mutex
	heard store.Change
}

func newWholeSite(t *testing.T) *wholeSite {
	clock := storetest.NewClock(start)
	st, err := sqlstore.OpenSQLite(context.Background(), t.TempDir(), sqlstore.Options{Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := &wholeSite{st: st, clock: clock, ctx: context.Background(),
		ed: editorial.New(st, editorial.Config{Renderer: render.New(), Clock: clock.Now})}
	pictures, err := media.NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(w.ctx, st, w.ed, demo.Options{Articles: 36, Seed: 3, Now: start, Media: pictures}); err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://news.example.org")
	if w.site, err = site.New(w.ctx, st, site.Config{BaseURL: base, Theme: web.FS, Clock: clock.Now}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.site.Close)
	st.Subscribe(func(c store.Change) {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.heard.All = w.heard.All || c.All
		w.heard.Keys = append(w.heard.Keys, c.Keys...)
	})
	return w
}

// during runs a change and returns everything subscribers heard while it ran.
func (w *wholeSite) during(t *testing.T, change func(t *testing.T)) store.Change {
	w.mu.Lock()
	w.heard = store.Change{}
	w.mu.Unlock()
	change(t)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.heard
}

// buildAll builds every page of the site: each list at each of its pages, each article
// with its print and share pages, whatever its status (most answer 404 or 410).
func (w *wholeSite) buildAll(t *testing.T) map[string]builtPage {
	out := map[string]builtPage{}
	scheme := urls.New()
	build := func(p urls.Page) bool {
		resp, err := w.site.Build(w.ctx, site.PageRequest{Page: p})
		key := scheme.Path(p)
		if err != nil {
			status := webkit.Classify(err).Status
			if status >= 500 {
				t.Fatalf("%s: %v", key, err)
			}
			out[key] = builtPage{status: status}
			return false
		}
		out[key] = builtPage{status: resp.Status, body: resp.Body, keys: resp.Keys}
		return resp.Status == http.StatusOK
	}
	// A list's pages, its feed (one format: the others carry the same entries; the
	// first feeds of each kind of list, as a feed costs fifty articles' loading) and its
	// share card.
	feeds, cards := map[urls.Kind]int{}, 0
	card := func(p urls.Page) {
		// A card shows its page's title and kind alone: a few stand for all, since
		// drawing one costs a thousand pages under the race detector.
		if cards < cardsChecked {
			cards++
			build(p)
		}
	}
	list := func(p urls.Page) {
		for n := 1; n <= 20 && build(p.At(n)); n++ {
		}
		if k, ok := p.Kind.Feed(); ok && feeds[k] < feedsChecked {
			feeds[k]++
			build(urls.Page{Kind: k, Lang: p.Lang, Key: p.Key, Ext: "atom"})
		}
		if k, ok := p.Kind.Card(); ok {
			card(urls.Page{Kind: k, Lang: p.Lang, Key: p.Key, Ext: "png"})
		}
	}
	langs, err := w.site.Languages(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs {
		list(urls.Page{Kind: urls.Home, Lang: l})
		list(urls.Page{Kind: urls.Dossiers, Lang: l})
		list(urls.Page{Kind: urls.Press, Lang: l})
		w.lists(t, l, list)
	}
	items, err := w.st.NewsroomArticles(w.ctx, store.ArticleQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	trashed, err := w.st.NewsroomArticles(w.ctx, store.ArticleQuery{Deleted: true, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	cards = 0
	for _, it := range append(items, trashed...) {
		for _, k := range []urls.Kind{urls.Article, urls.ArticlePrint, urls.ArticleShare, urls.Album} {
			build(urls.Page{Kind: k, Lang: it.Lang, Key: it.Slug})
		}
		// An album's photo pages are built alike: the first few stand for the rest.
		for n := 1; n <= albumPhotosChecked && build(urls.Page{Kind: urls.AlbumPhoto, Lang: it.Lang, Key: it.Slug, Num: n}); n++ {
		}
		card(urls.Page{Kind: urls.ArticleCard, Lang: it.Lang, Key: it.Slug, Ext: "png"})
	}
	return out
}

// albumPhotosChecked is how many photo pages of each album the purge check builds.
const albumPhotosChecked = 2

// lists calls list with the first page of every section, tag, author and dossier list
// in lang.
func (w *wholeSite) lists(t *testing.T, lang content.Lang, list func(urls.Page)) {
	sections, err := w.st.Sections(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sections {
		if n, ok := s.Names[lang]; ok {
			list(urls.Page{Kind: urls.Section, Lang: lang, Key: n.Slug})
		}
	}
	// Tags and people by the dozen would make the test slow and add nothing: their
	// pages are all built alike. Every other one (by ID, which no change moves) is
	// enough.
	tags, err := w.st.Tags(w.ctx, lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range tags {
		if tg.ID%2 == 0 {
			list(urls.Page{Kind: urls.Tag, Lang: lang, Key: tg.Slug})
		}
	}
	persons, err := w.st.Persons(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons {
		if p.ID%2 == 0 {
			list(urls.Page{Kind: urls.Author, Lang: lang, Key: p.Slug})
		}
	}
	dossiers, err := w.st.Dossiers(w.ctx, lang, false, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dossiers {
		list(urls.Page{Kind: urls.Dossier, Lang: lang, Key: d.Slug})
	}
}

// change is one kind of change the test makes. invisible: it may change no page.
type change struct {
	name      string
	do        func(t *testing.T)
	invisible bool
}

// changes are the kinds of change pages must follow.
func (w *wholeSite) changes(t *testing.T) []change {
	pick := func(status content.Status, lang content.Lang, skip int) *content.Article {
		t.Helper()
		items, err := w.st.NewsroomArticles(w.ctx, store.ArticleQuery{Statuses: []content.Status{status}, Lang: lang, Limit: 100})
		if err != nil || len(items) <= skip {
			t.Fatalf("no %s article in %s (%v)", status, lang, err)
		}
		a, err := w.st.ArticleByID(w.ctx, items[skip].ID)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	save := func(t *testing.T, a *content.Article, step content.Transition, edit func(in *editorial.ArticleInput)) {
		t.Helper()
		in := inputOf(a)
		if edit != nil {
			edit(&in)
		}
		if _, err := w.ed.SaveArticle(w.ctx, editorial.System("test"), in, step); err != nil {
			t.Fatal(err)
		}
	}
	reload := func(a *content.Article) *content.Article {
		got, err := w.st.ArticleByID(w.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	sectionOf := func(not int64) int64 {
		ss, _ := w.st.Sections(w.ctx)
		for _, s := range ss {
			if s.ID != not {
				return s.ID
			}
		}
		t.Fatal("one section only")
		return 0
	}
	return []change{
		{name: "publish a draft", do: func(t *testing.T) { save(t, pick(content.StatusDraft, "", 0), content.Publish, nil) }},
		{name: "unpublish", do: func(t *testing.T) { save(t, pick(content.StatusPublished, "fr", 0), content.Unpublish, nil) }},
		{name: "retitle", do: func(t *testing.T) {
			save(t, pick(content.StatusPublished, "fr", 1), content.Keep, func(in *editorial.ArticleInput) { in.Title = "Un titre tout neuf" })
		}},
		{name: "move to another section", do: func(t *testing.T) {
			a := pick(content.StatusPublished, "nl", 0)
			save(t, a, content.Keep, func(in *editorial.ArticleInput) { in.SectionID = sectionOf(a.SectionID) })
		}},
		{name: "change tags", do: func(t *testing.T) {
			a := pick(content.StatusPublished, "fr", 2)
			tags, _ := w.st.Tags(w.ctx, "fr")
			save(t, a, content.Keep, func(in *editorial.ArticleInput) { in.TagIDs = []int64{tags[len(tags)-1].ID} })
		}},
		{name: "dossier members", do: func(t *testing.T) {
			ds, _ := w.st.Dossiers(w.ctx, "fr", false, 1, 0)
			a := pick(content.StatusPublished, "fr", 3)
			members, _ := w.st.DossierMembers(w.ctx, ds[0].ID)
			if err := w.ed.SetDossierMembers(w.ctx, editorial.System("test"), ds[0].ID, append([]int64{a.ID}, members...)); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "editors' picks", do: func(t *testing.T) {
			a, b := pick(content.StatusPublished, "fr", 4), pick(content.StatusPublished, "fr", 5)
			save(t, a, content.Keep, func(in *editorial.ArticleInput) { in.RelatedIDs = []int64{b.ID} })
		}},
		{name: "translation", do: func(t *testing.T) {
			a, other := pick(content.StatusPublished, "en", 0), pick(content.StatusPublished, "fr", 6)
			save(t, a, content.Keep, func(in *editorial.ArticleInput) { in.TranslationOf = other.ID })
		}},
		{name: "feature", do: func(t *testing.T) {
			save(t, pick(content.StatusPublished, "nl", 1), content.Keep, func(in *editorial.ArticleInput) { in.Featured = !in.Featured })
		}},
		{name: "trash", do: func(t *testing.T) {
			a := pick(content.StatusPublished, "fr", 7)
			if _, err := w.ed.TrashArticle(w.ctx, editorial.System("test"), a.ID); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "restore", do: func(t *testing.T) {
			trashed, err := w.st.NewsroomArticles(w.ctx, store.ArticleQuery{Deleted: true, Limit: 1})
			if err != nil || len(trashed) == 0 {
				t.Fatalf("nothing in the trash: %v", err)
			}
			if _, err := w.ed.RestoreArticle(w.ctx, editorial.System("test"), trashed[0].ID); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "schedule and publish at the time", do: func(t *testing.T) {
			a := pick(content.StatusDraft, "", 0)
			save(t, a, content.Schedule, func(in *editorial.ArticleInput) { in.PublishAt = w.clock.Now().Add(time.Hour) })
			w.clock.Advance(2 * time.Hour)
			if _, err := w.ed.PublishDue(w.ctx); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a person's name", do: func(t *testing.T) {
			a := reload(pick(content.StatusPublished, "fr", 8))
			if len(a.Authors) == 0 {
				t.Skip("the article has no author")
			}
			p := a.Authors[0]
			p.Name = "Nom Changé"
			if err := w.ed.SavePerson(w.ctx, editorial.System("test"), &p, "fr"); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a dossier's title", do: func(t *testing.T) {
			ds, _ := w.st.Dossiers(w.ctx, "nl", false, 1, 0)
			d := ds[0]
			if _, err := w.ed.SaveDossier(w.ctx, editorial.System("test"), editorial.DossierInput{ID: d.ID, Lang: d.Lang,
				Title: "Een nieuwe titel", Slug: d.Slug, Intro: d.Intro, Featured: d.Featured}); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a section's name", do: func(t *testing.T) {
			ss, _ := w.st.Sections(w.ctx)
			s := ss[0]
			n := s.Names["fr"]
			n.Name = "Rubrique renommée"
			s.Names["fr"] = n
			if err := w.ed.SaveSection(w.ctx, editorial.System("test"), &s); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "the site's settings", do: func(t *testing.T) {
			site, _ := w.st.Site(w.ctx)
			site.Name = "Un autre nom"
			if err := w.ed.SaveSettings(w.ctx, editorial.System("test"), site); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "new derivatives of a photo", do: func(t *testing.T) { w.newDerivatives(t) }},
		{name: "a photo's words", do: func(t *testing.T) { w.photoWords(t) }},
		{name: "an album in another order", do: func(t *testing.T) { w.reorderAlbum(t) }},
		{name: "a draft stays a draft", invisible: true, do: func(t *testing.T) {
			save(t, pick(content.StatusDraft, "", 0), content.Keep, func(in *editorial.ArticleInput) { in.Title = "Toujours un brouillon" })
		}},
	}
}

// inputOf is what the editor's form sends for a stored article, unchanged.
func inputOf(a *content.Article) editorial.ArticleInput {
	in := editorial.ArticleInput{
		ID: a.ID, Version: a.Version, Kind: a.Kind, Lang: a.Lang, Title: a.Title, Standfirst: a.Standfirst,
		Signature: a.Signature, Body: a.Body, SectionID: a.SectionID, TagIDs: slices.Clone(a.TagIDs),
		AuthorIDs: a.AuthorIDs, ContactIDs: a.ContactIDs, RelatedIDs: a.RelatedIDs, Featured: a.Featured,
		PublishAt: a.PublishAt, Image: a.Image,
	}
	if a.StoryID != a.ID {
		in.TranslationOf = a.StoryID
	}
	return in
}

// shownPhoto is a photo a published article shows.
func (w *wholeSite) shownPhoto(t *testing.T) content.Photo {
	photos, _, err := w.st.Photos(w.ctx, store.PhotoQuery{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range photos {
		uses, err := w.st.PhotoUses(w.ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(uses, func(u content.PhotoUse) bool { return u.Status == content.StatusPublished && !u.Trashed }) {
			return p
		}
	}
	t.Skip("no published article shows a photo of the demo")
	return content.Photo{}
}

// newDerivatives changes the derivatives of a photo a published article shows, as the
// derivative job records those it made.
func (w *wholeSite) newDerivatives(t *testing.T) {
	p := w.shownPhoto(t)
	widths := content.WantedWidths(p.Width)
	if slices.Equal(p.Widths, widths) {
		widths = widths[:1]
	}
	if err := w.ed.PhotoDerived(w.ctx, p.ID, widths); err != nil {
		t.Fatal(err)
	}
}

// photoWords changes the caption, credit, alt text and focal point of a photo a
// published article shows.
func (w *wholeSite) photoWords(t *testing.T) {
	p := w.shownPhoto(t)
	_, err := w.ed.UpdatePhoto(w.ctx, editorial.System("test"), editorial.PhotoInput{ID: p.ID,
		Alt:     map[content.Lang]string{"fr": "Une autre description", "nl": "Een andere beschrijving", "en": "Another description"},
		Caption: "Une légende nouvelle", Credit: "Quelqu’un d’autre", FocusX: 10, FocusY: 90})
	if err != nil {
		t.Fatal(err)
	}
}

// reorderAlbum turns a published article's album around.
func (w *wholeSite) reorderAlbum(t *testing.T) {
	items, err := w.st.NewsroomArticles(w.ctx, store.ArticleQuery{Statuses: []content.Status{content.StatusPublished}, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		album, err := w.st.Album(w.ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(album) < 2 {
			continue
		}
		slices.Reverse(album)
		if err := w.ed.SetAlbum(w.ctx, editorial.System("test"), it.ID, album); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Skip("no published article of the demo has an album of two photos")
}
