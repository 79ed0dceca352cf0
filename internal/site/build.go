package site

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// PageRequest is what identifies a public page, and how its links are written. Pages
// are built from it alone, with no HTTP request: the server, the static mirror and the
// tests build them the same way.
type PageRequest struct {
	Page urls.Page
	// Origin is the scheme and host of absolute links (the canonical link, hreflang,
	// share links): "https://news.example.org". Empty: the configured base URL.
	Origin string
	// Query is what a search asks; other pages ignore it.
	Query url.Values
	// Relative writes the page's links relative to it, for a static mirror opened from
	// disk; otherwise they are root-relative, for the server.
	Relative bool
}

// Response is a built page: its bytes, its status and headers, and the keys of all it
// shows, which say when a cached copy is out of date.
type Response struct {
	Status       int
	Body         []byte
	ContentType  string
	LastModified time.Time
	CSP          string         // replaces the default policy when set
	CacheControl []string       // nil: revalidate every time
	Location     string         // a redirect's target, as a link of the page
	Robots       string         // X-Robots-Tag, for pages robots must not index
	Header       []webkit.Field // any other header
	// Cacheable: the page may be kept and served again until a change meets its keys.
	// Search results and embargoed previews never are.
	Cacheable bool
	Keys      content.Keys
}

// build is one page being built: what identifies it, how its links are written, and the
// keys of everything it shows.
type build struct {
	ctx    context.Context
	s      *Server
	st     *siteState
	page   urls.Page
	lang   content.Lang
	query  url.Values
	origin string
	links  urls.Links
	keys   content.Keys
	now    time.Time
}

// path is the root-relative address of p; link is how this page writes a link to it.
func (b *build) path(p urls.Page) string { return b.s.scheme.Path(p) }
func (b *build) link(p urls.Page) string { return b.links.To(b.s.scheme.Path(p)) }

// absolute is p's full address on the host the page is read through, for what must be
// absolute whatever the links: share links, feeds.
func (b *build) absolute(p urls.Page) string { return urls.Absolute(b.origin, b.s.scheme.Path(p)) }

// canonical is p's full address on the main domain, for search engines and share
// previews: the canonical link, og:url, hreflang, structured data's identifiers.
func (b *build) canonical(p urls.Page) string { return urls.Absolute(b.s.base, b.s.scheme.Path(p)) }

// self is the page being built, at its number.
func (b *build) self() urls.Page { return b.page }

// show records keys of what the page shows.
func (b *build) show(keys ...content.Key) { b.keys.Add(keys...) }

// builder builds one kind of page.
type builder func(b *build) (*Response, error)

// builders names the builder of every kind of page the site builds. Root, Media and
// Asset are answered by the server directly: they are no pages of a language; nor are
// a photo's download and an album's ZIP, files streamed from the media store that the
// page cache must not hold.
func (s *Server) builderTable() map[urls.Kind]builder {
	return map[urls.Kind]builder{
		urls.Home:         s.home,
		urls.Article:      func(b *build) (*Response, error) { return s.article(b, false) },
		urls.ArticlePrint: func(b *build) (*Response, error) { return s.article(b, true) },
		urls.ArticleShare: s.mastodonForm,
		urls.Section:      s.section,
		urls.Tag:          s.tag,
		urls.Author:       s.author,
		urls.Dossier:      s.dossier,
		urls.Dossiers:     s.dossiers,
		urls.Search:       s.search,
		urls.Preview:      s.preview,
		urls.Press:        s.press,
		urls.HomeFeed:     s.feed,
		urls.PressFeed:    s.feed,
		urls.SectionFeed:  s.feed,
		urls.TagFeed:      s.feed,
		urls.AuthorFeed:   s.feed,
		urls.DossierFeed:  s.feed,
		urls.ArticleCard:  s.card,
		urls.HomeCard:     s.card,
		urls.SitemapIndex: s.sitemapIndex,
		urls.Sitemap:      s.sitemap,
		urls.Album:        s.album,
		urls.AlbumPhoto:   s.albumPhoto,
	}
}

// errNoBuilder: the page has no builder (Root, Media, Asset).
var errNoBuilder = errors.New("no page is built at this address")

// Build builds the page req names. A page that does not exist is an error the webkit
// classifies (404, 410); a page that moved is a Response with a Location.
func (s *Server) Build(ctx context.Context, req PageRequest) (*Response, error) {
	buildPage := s.builders[req.Page.Kind]
	if buildPage == nil {
		return nil, webkit.NotFound(errNoBuilder)
	}
	b, err := s.newBuild(ctx, req)
	if err != nil {
		return nil, err
	}
	resp, err := buildPage(b)
	if err != nil {
		return nil, err
	}
	resp.Keys = b.keys
	return resp, nil
}

// newBuild starts building the page req names, once its address proves to be one of
// the site's. The files the server streams itself (an album's ZIP) start here too.
func (s *Server) newBuild(ctx context.Context, req PageRequest) (*build, error) {
	if err := s.scheme.Check(req.Page); err != nil {
		return nil, webkit.NotFound(err)
	}
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	if req.Page.Lang != "" && !st.site.HasLang(req.Page.Lang) { // the sitemaps have none
		return nil, webkit.NotFound(errors.New("not a language of the site"))
	}
	if req.Page.Num > urls.MaxPage {
		return nil, webkit.NotFound(errors.New("page number out of range"))
	}
	b := &build{ctx: ctx, s: s, st: st, page: req.Page, lang: req.Page.Lang, query: req.Query,
		origin: req.Origin, keys: content.Keys{}, now: s.now(), links: urls.RootLinks()}
	if b.origin == "" {
		b.origin = s.base
	}
	if req.Relative {
		b.links = urls.RelativeLinks(s.scheme.Path(req.Page))
	}
	return b, nil
}

// renderPage renders a page template into a 200 response that may be cached, last
// modified when the newest of its articles (or floor) changed.
func (b *build) renderPage(name string, data any, ts []content.Teaser, floor time.Time) (*Response, error) {
	body, err := b.s.tmpl.render(name, data)
	if err != nil {
		return nil, err
	}
	return &Response{
		Status: http.StatusOK, Body: body, ContentType: "text/html; charset=utf-8",
		LastModified: latest(ts, floor), Cacheable: true,
	}, nil
}

// movedPermanently is a 301 to another page of this site: an old slug's answer. The
// page cache does not keep redirects.
func (b *build) movedPermanently(p urls.Page) *Response {
	return &Response{Status: http.StatusMovedPermanently, Location: b.link(p)}
}

// answer is the response as the webkit sends it, with the site's security headers.
func (r *Response) answer() *webkit.Answer {
	a := &webkit.Answer{Status: r.Status, Body: r.Body, ContentType: r.ContentType,
		LastModified: r.LastModified, Location: r.Location}
	a.Header = append(a.Header, webkit.Security(or(r.CSP, defaultCSP))...)
	cacheControl := cacheRevalidate
	switch {
	case r.CacheControl != nil:
		cacheControl = r.CacheControl
	case !r.Cacheable && r.Status == http.StatusOK:
		cacheControl = noStore
	}
	a.Header = append(a.Header, webkit.Field{Key: "Cache-Control", Value: cacheControl})
	if r.Robots != "" {
		a.Header = append(a.Header, webkit.Field{Key: "X-Robots-Tag", Value: []string{r.Robots}})
	}
	a.Header = append(a.Header, r.Header...)
	return a
}

var (
	cacheRevalidate = []string{"public, max-age=0, must-revalidate"}
	noStore         = []string{"no-store"}
)

// defaultCSP: pages load nothing from other origins and run no inline script; the one
// script and the stylesheet come from this site.
const defaultCSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func or(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
