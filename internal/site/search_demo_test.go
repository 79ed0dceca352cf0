package site_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/demo"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/site"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/web"
)

// TestDemoTitlesTypedWithoutAccents types the title of every article of the default
// demo site ("roneo demo": 300 articles, seed 1) as a reader on a phone would, in lower
// case and without accents, into the search page of the article's language: each must be
// on the first page of results. On SQLite and on PostgreSQL.
func TestDemoTitlesTypedWithoutAccents(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a demo site")
	}
	onBothDatabases(t, checkDemoTitles)
}

func checkDemoTitles(t *testing.T, st store.Store, clock *storetest.Clock) {
	ctx := context.Background()
	ed := editorial.New(st, editorial.Config{Renderer: render.New(), Clock: clock.Now})
	if _, err := demo.Generate(ctx, st, ed, demo.Options{Articles: 300, Seed: 1, Now: start}); err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://news.example.org")
	s, err := site.New(ctx, st, site.Config{BaseURL: base, Theme: web.FS, Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	f := &fixture{site: s}
	scheme := urls.New()
	tried, missed := 0, 0
	for _, lang := range []content.Lang{"fr", "nl", "en"} {
		teasers, err := st.Articles(ctx, store.ListQuery{Audience: store.Readers, Lang: lang, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		search := scheme.Path(urls.Page{Kind: urls.Search, Lang: lang})
		for _, a := range teasers {
			tried++
			typed := typedOnAPhone(a.Title)
			p := f.get(t, search+"?q="+url.QueryEscape(typed))
			want := scheme.Path(urls.Page{Kind: urls.Article, Lang: lang, Key: a.Slug})
			found := false
			for _, n := range p.all(t, ".results h3 a") {
				for _, at := range n.Attr {
					found = found || at.Key == "href" && at.Val == want
				}
			}
			if !found {
				missed++
				t.Errorf("%s: %q, typed %q, is not on the first page: %q", lang, a.Title, typed, searchTitles(t, p))
			}
		}
	}
	if tried < 200 {
		t.Errorf("only %d published articles in the demo site", tried)
	}
	t.Logf("%d of %d titles typed without accents found on the first page", tried-missed, tried)
}

// typedOnAPhone writes a title as a reader types it: lower case, without accents,
// ligatures or the typographer's quotes, apostrophes and spaces.
func typedOnAPhone(title string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(title)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		case r == '«' || r == '»' || r == '“' || r == '”':
			b.WriteByte('"')
		case r == '–' || r == '—':
			b.WriteByte('-')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
