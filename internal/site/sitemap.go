package site

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/sitemap"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// The sitemaps: /sitemap.xml indexes one sitemap per kind of page the scheme marks
// Indexed, split every sitemap.MaxURLs addresses (/sitemaps/article-3.xml). Each kind
// has a lister here; a test enumerates the scheme, so that a new kind of page cannot
// be left out of them unnoticed. They list canonical addresses, on the main domain.
//
// Sitemaps are built for each request, streamed from the database: crawlers ask for them
// rarely, and their lastmod dates must follow every edit, which the page cache's keys
// would make too wide to be worth it.

// lister walks the pages of one kind.
type lister struct {
	// count is how many pages there are and when the newest changed (zero: unknown).
	count func(b *build) (int, time.Time, error)
	// each calls add for at most limit pages after the first offset, in a stable order.
	each func(b *build, offset, limit int, add func(urls.Page, time.Time) error) error
}

// listers has one lister for every kind the sitemaps list.
func (s *Server) listers() map[urls.Kind]lister {
	return map[urls.Kind]lister{
		urls.Home:     s.fixedLister(s.langPages(urls.Home, "")),
		urls.Press:    s.fixedLister(s.langPages(urls.Press, content.KindPressRelease)),
		urls.Dossiers: s.fixedLister(s.langPages(urls.Dossiers, "")),
		urls.Article:  s.articleLister(),
		urls.Section:  s.fixedLister(s.sectionPages),
		urls.Tag:      s.fixedLister(s.tagPages),
		urls.Author:   s.fixedLister(s.authorPages),
		urls.Dossier:  s.fixedLister(s.dossierPages),
	}
}

// sitemapPage is a page and when it last changed (zero: unknown).
type sitemapPage struct {
	page    urls.Page
	lastmod time.Time
}

// langPages lists the page of kind k in each language, last changed when its newest
// article of kind was published or edited (any kind when ""; unknown for the dossiers'
// index, which follows the dossiers rather than the articles).
func (s *Server) langPages(k urls.Kind, kind content.Kind) func(b *build) ([]sitemapPage, error) {
	return func(b *build) ([]sitemapPage, error) {
		var out []sitemapPage
		for _, l := range b.st.site.Langs {
			p := sitemapPage{page: urls.Page{Kind: k, Lang: l}}
			if k != urls.Dossiers {
				ts, err := s.store.Articles(b.ctx, store.ListQuery{Audience: store.Readers, Lang: l, Kind: kind, Limit: 1})
				if err != nil {
					return nil, err
				}
				p.lastmod = latest(ts, time.Time{})
			}
			out = append(out, p)
		}
		return out, nil
	}
}

// articleLister streams the published articles from the database.
func (s *Server) articleLister() lister {
	return lister{
		count: func(b *build) (int, time.Time, error) { return s.store.CountListed(b.ctx) },
		each: func(b *build, offset, limit int, add func(urls.Page, time.Time) error) error {
			return s.store.EachListed(b.ctx, offset, limit, func(a store.ListedArticle) error {
				if !b.st.site.HasLang(a.Lang) {
					return nil
				}
				return add(articleAt(a.Lang, a.Slug), a.UpdatedAt)
			})
		},
	}
}

// fixedLister lists the pages of a kind there are few enough of to gather: sections,
// tags, people, dossiers and the pages of each language.
func (s *Server) fixedLister(pages func(b *build) ([]sitemapPage, error)) lister {
	return lister{
		count: func(b *build) (int, time.Time, error) {
			ps, err := pages(b)
			var newest time.Time
			for _, p := range ps {
				newest = later(newest, p.lastmod)
			}
			return len(ps), newest, err
		},
		each: func(b *build, offset, limit int, add func(urls.Page, time.Time) error) error {
			ps, err := pages(b)
			if err != nil {
				return err
			}
			for _, p := range ps[min(offset, len(ps)):min(offset+limit, len(ps))] {
				if err := add(p.page, p.lastmod); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func (s *Server) sectionPages(b *build) ([]sitemapPage, error) {
	var out []sitemapPage
	for _, sec := range b.st.sections.All() {
		for _, l := range b.st.site.Langs {
			if n, ok := sec.Names[l]; ok {
				out = append(out, sitemapPage{urls.Page{Kind: urls.Section, Lang: l, Key: n.Slug}, time.Time{}})
			}
		}
	}
	return out, nil
}

func (s *Server) tagPages(b *build) ([]sitemapPage, error) {
	var out []sitemapPage
	for _, l := range b.st.site.Langs {
		tags, err := s.store.Tags(b.ctx, l)
		if err != nil {
			return nil, err
		}
		for _, t := range tags {
			out = append(out, sitemapPage{urls.Page{Kind: urls.Tag, Lang: l, Key: t.Slug}, time.Time{}})
		}
	}
	return out, nil
}

func (s *Server) authorPages(b *build) ([]sitemapPage, error) {
	people, err := s.store.Persons(b.ctx)
	if err != nil {
		return nil, err
	}
	var out []sitemapPage
	for _, p := range people {
		for _, l := range b.st.site.Langs {
			out = append(out, sitemapPage{urls.Page{Kind: urls.Author, Lang: l, Key: p.Slug}, p.UpdatedAt})
		}
	}
	return out, nil
}

func (s *Server) dossierPages(b *build) ([]sitemapPage, error) {
	var out []sitemapPage
	for _, l := range b.st.site.Langs {
		for offset := 0; ; offset += dossierBatch {
			ds, err := s.store.Dossiers(b.ctx, l, false, dossierBatch, offset)
			if err != nil {
				return nil, err
			}
			for _, d := range ds {
				out = append(out, sitemapPage{urls.Page{Kind: urls.Dossier, Lang: l, Key: d.Slug}, d.UpdatedAt})
			}
			if len(ds) < dossierBatch {
				break
			}
		}
	}
	return out, nil
}

// dossierBatch is how many dossiers the sitemap reads at a time.
const dossierBatch = 1000

// sitemapName is the file of the n-th sitemap of kind k: "article-2.xml".
func sitemapName(k urls.Kind, n int) string { return k.String() + "-" + strconv.Itoa(n) + ".xml" }

// parseSitemapName reads a sitemap's file name back.
func (s *Server) parseSitemapName(name string) (urls.Kind, int, bool) {
	base, ok := strings.CutSuffix(name, ".xml")
	i := strings.LastIndexByte(base, '-')
	if !ok || i < 0 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(base[i+1:])
	if err != nil || n < 1 || strconv.Itoa(n) != base[i+1:] {
		return 0, 0, false
	}
	for _, k := range urls.Kinds() {
		if k.String() == base[:i] && k.Indexed() {
			return k, n, true
		}
	}
	return 0, 0, false
}

// sitemapIndex builds /sitemap.xml.
func (s *Server) sitemapIndex(b *build) (*Response, error) {
	var body bytes.Buffer
	idx := sitemap.NewIndex(&body)
	var newest time.Time
	listers := s.listers()
	for _, k := range urls.Kinds() {
		l, ok := listers[k]
		if !k.Indexed() || !ok {
			continue
		}
		n, updated, err := l.count(b)
		if err != nil {
			return nil, fmt.Errorf("sitemap of %s: %w", k, err)
		}
		newest = later(newest, updated)
		for i := 1; i <= sitemap.Files(n); i++ {
			if err := idx.Add(b.canonical(urls.Page{Kind: urls.Sitemap, Key: sitemapName(k, i)}), updated); err != nil {
				return nil, err
			}
		}
	}
	if err := idx.Close(); err != nil {
		return nil, err
	}
	return sitemapResponse(body.Bytes(), newest), nil
}

// sitemap builds one of the sitemaps the index names.
func (s *Server) sitemap(b *build) (*Response, error) {
	k, n, ok := s.parseSitemapName(b.page.Key)
	l, listed := s.listers()[k]
	if !ok || !listed {
		return nil, webkit.NotFound(errors.New("no such sitemap"))
	}
	var body bytes.Buffer
	w := sitemap.NewWriter(&body)
	var newest time.Time
	err := l.each(b, (n-1)*sitemap.MaxURLs, sitemap.MaxURLs, func(p urls.Page, lastmod time.Time) error {
		newest = later(newest, lastmod)
		return w.Add(sitemap.URL{Loc: b.canonical(p), LastMod: lastmod})
	})
	if err != nil {
		return nil, err
	}
	if n > 1 && w.Count() == 0 {
		return nil, webkit.NotFound(errors.New("past the last sitemap"))
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return sitemapResponse(body.Bytes(), newest), nil
}

// sitemapResponse: built for each request, yet answered with 304 when unchanged.
func sitemapResponse(body []byte, modified time.Time) *Response {
	return &Response{Status: http.StatusOK, Body: body, ContentType: "application/xml; charset=utf-8",
		LastModified: modified, CacheControl: cacheRevalidate}
}
