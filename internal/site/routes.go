package site

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// Limits on what a URL may carry before it is refused outright. Query strings may be
// long enough for a search pasted from a document (the search reads its first 500
// characters).
const (
	maxPathLen  = urls.MaxPathLen
	maxQueryLen = 64 << 10
)

// routes lists every public route: three fixed addresses, then every page of the
// address scheme, which the scheme parses and the builders build.
func (s *Server) routes() http.Handler {
	mux := &mediaFirst{ServeMux: http.NewServeMux(), prefix: s.mediaPrefix(), media: s.handle(s.get)}
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /robots.txt", s.robots)
	mux.Handle("GET /favicon.ico", s.handle(s.favicon))
	mux.Handle("GET /", s.handle(s.get))
	mux.Handle("POST /", s.handle(s.post))
	mux.Handle("/", s.handle(func(http.ResponseWriter, *http.Request) error { return webkit.NotFound(nil) }))
	// Unsafe methods from other origins are refused: the public site's forms (Mastodon
	// sharing today) must only ever be sent from its own pages.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(s.handle(func(http.ResponseWriter, *http.Request) error {
		return webkit.Forbidden(errors.New("cross-origin request"))
	}))
	return webkit.Headers(append(webkit.Security(defaultCSP), webkit.HSTS(s.cfg.BaseURL)...))(s.guard(cop.Handler(mux)))
}

// guard refuses malformed requests before routing: overlong or non-UTF-8 paths and
// query strings get a 400 page in the default language.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > maxPathLen || len(r.URL.RawQuery) > maxQueryLen ||
			!utf8.ValidString(r.URL.Path) || strings.ContainsRune(r.URL.Path, 0) {
			s.fail(w, r, webkit.BadRequest(errors.New("malformed URL")))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// handle adapts a handler that returns an error: the error becomes a localized page.
func (s *Server) handle(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// get answers every GET of the address scheme.
func (s *Server) get(w http.ResponseWriter, r *http.Request) error {
	parsed := s.scheme.Parse(r.URL.Path)
	switch parsed.Status {
	case urls.NotFound:
		return s.unknown(w, r, webkit.NotFound(errors.New("no page at this address")))
	case urls.Redirect:
		location := parsed.Location
		if parsed.Page.Kind == urls.Search && r.URL.RawQuery != "" {
			location += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, location, http.StatusMovedPermanently)
		return nil
	}
	p := parsed.Page
	switch p.Kind {
	case urls.Root:
		return s.root(w, r)
	case urls.Asset:
		return s.assets.Serve(w, r, p.Key)
	case urls.Media:
		return s.serveMedia(w, r, p.Key)
	case urls.Download:
		return s.serveDownload(w, r, p.Key)
	case urls.AlbumZip:
		return s.serveAlbumZip(w, r, p)
	}
	switch {
	case p.Kind == urls.Search || p.Kind == urls.Preview, isFeed(p.Kind) && r.URL.Query().Has("page"):
		// A feed's older entries (RFC 5005) are asked rarely: built for each request.
		return s.serveUncached(w, r, p)
	case p.Kind.Paginated() && r.URL.Query().Has("page"):
		return s.pageInPath(w, r, p)
	case r.URL.Query().Has("page"):
		// A page number on a page that has none means nothing: the bare address.
		http.Redirect(w, r, s.scheme.Path(p), http.StatusMovedPermanently)
		return nil
	}
	return s.servePage(w, r, p)
}

// serveUncached answers a page built for this request alone: search results (which
// depend on the query string), embargoed previews, and any page while this instance
// cannot hear other instances' changes.
func (s *Server) serveUncached(w http.ResponseWriter, r *http.Request, p urls.Page) error {
	resp, err := s.Build(r.Context(), PageRequest{Page: p, Query: r.URL.Query(), Origin: s.pageOrigin(s.origin(r))})
	if err != nil {
		if webkit.Classify(err).Status == http.StatusNotFound {
			return s.unknown(w, r, err)
		}
		return err
	}
	webkit.Encode(resp.answer(), false).Serve(w, r)
	return nil
}

// pageInPath answers an old list address that carries its page number in the query
// string: 301 to the address with the number in the path, where a static mirror has it
// too.
func (s *Server) pageInPath(w http.ResponseWriter, r *http.Request, p urls.Page) error {
	n, err := pageParam(r.URL.Query()["page"])
	if err != nil {
		return err
	}
	http.Redirect(w, r, s.scheme.Path(p.At(n)), http.StatusMovedPermanently)
	return nil
}

// pageParam reads the values of a ?page= parameter: one page number, 1 to MaxPage. Any
// other value is a 400; a number past MaxPage is a page that is not there, a 404.
func pageParam(v []string) (int, error) {
	n, err := strconv.Atoi(v[0])
	if len(v) > 1 || len(v[0]) > 9 || err != nil || n < 1 {
		return 0, webkit.BadRequest(errors.New("bad page parameter"))
	}
	if n > urls.MaxPage {
		return 0, webkit.NotFound(errors.New("page number out of range"))
	}
	return n, nil
}

// servePage answers a page through the page cache. Concurrent misses on one page build
// (and compress) it once. A page that does not exist is looked up in the redirects
// before it is a 404.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, p urls.Page) error {
	origin := s.origin(r)
	path := s.cacheKey(origin, r.URL.Path)
	if !s.store.Hearing() {
		// Changes made elsewhere may not reach this instance: what the cache holds may
		// be out of date, and what is built now may be by the time it is read again.
		return s.serveUncached(w, r, p)
	}
	if e := s.cache.get(path); e != nil {
		e.Serve(w, r, cacheHit)
		return nil
	}
	generation := s.cache.miss()
	v, err, _ := s.flights.Do(path, func() (any, error) {
		// Other readers wait on this build: one leaving must not fail it for all, but
		// the database's deadline (--db-timeout) holds.
		ctx, cancel := webkit.Detached(r.Context())
		defer cancel()
		resp, err := s.Build(ctx, PageRequest{Page: p, Origin: s.pageOrigin(origin)})
		if err != nil {
			return nil, err
		}
		cacheable := resp.Cacheable && resp.Status == http.StatusOK
		e := webkit.Encode(resp.answer(), cacheable && s.cache.enabled() && compressible(resp.ContentType))
		if cacheable {
			s.cache.put(path, e, resp.Keys, generation)
		}
		return built{e, cacheable}, nil
	})
	if err != nil {
		if webkit.Classify(err).Status == http.StatusNotFound {
			return s.unknown(w, r, err)
		}
		return err
	}
	b := v.(built)
	if b.cacheable {
		b.page.Serve(w, r, cacheMiss)
	} else {
		b.page.Serve(w, r)
	}
	return nil
}

// isFeed reports whether k is the feed of a list.
func isFeed(k urls.Kind) bool {
	f, ok := k.Parent().Feed()
	return ok && f == k
}

// compressible reports whether a body of this type gains from compression: text does,
// a PNG card does not.
func compressible(contentType string) bool { return !strings.HasPrefix(contentType, "image/") }

// built is a page as servePage built it.
type built struct {
	page      *webkit.Encoded
	cacheable bool
}

// X-Cache tells whether the page cache answered, so that purges can be measured.
var (
	cacheHit  = webkit.Field{Key: "X-Cache", Value: []string{"HIT"}}
	cacheMiss = webkit.Field{Key: "X-Cache", Value: []string{"MISS"}}
)

// post answers the one form of the public site: sharing on Mastodon.
func (s *Server) post(w http.ResponseWriter, r *http.Request) error {
	parsed := s.scheme.Parse(r.URL.Path)
	if parsed.Status != urls.Found || parsed.Page.Kind != urls.ArticleShare {
		return webkit.NotFound(nil)
	}
	return s.mastodonShare(w, r, parsed.Page)
}

// errorPageWait bounds what an error page waits for the database.
const errorPageWait = 500 * time.Millisecond

// fail answers with the error page for err in the reader's language. Only server-side
// failures are logged; a reader's 404 is not news.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	he := webkit.Classify(err)
	if errors.Is(r.Context().Err(), context.Canceled) {
		return // the reader left; nobody is there to answer
	}
	if he.Status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	// Past its deadline the request still gets its page, in the reader's language if
	// the database answers at once.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), errorPageWait)
	defer cancel()
	lang, st := s.langFromRequest(ctx, r)
	body, rerr := s.errorPage(st, lang, he)
	if rerr != nil {
		s.log.Error("error page failed", "err", rerr)
		http.Error(w, http.StatusText(he.Status), he.Status)
		return
	}
	h := w.Header()
	h["Content-Type"] = []string{"text/html; charset=utf-8"}
	h["Cache-Control"] = noStore
	if he.Status == http.StatusServiceUnavailable {
		h["Retry-After"] = []string{"5"}
	}
	w.WriteHeader(he.Status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// mediaFirst sends media addresses to the scheme as they are: media names nest
// ("albums/2026/x.webp"), and the router would otherwise answer a name it finds unclean
// ("a//b") with a redirect instead of a 404.
type mediaFirst struct {
	*http.ServeMux
	prefix string
	media  http.Handler
}

func (m *mediaFirst) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, m.prefix) && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		m.media.ServeHTTP(w, r)
		return
	}
	m.ServeMux.ServeHTTP(w, r)
}

// mediaPrefix is where the scheme puts media files.
func (s *Server) mediaPrefix() string {
	return strings.TrimSuffix(s.scheme.Path(urls.Page{Kind: urls.Media, Key: "x"}), "x")
}

// downloadsPrefix is where the scheme puts photos' originals: "/hd/".
func (s *Server) downloadsPrefix() string {
	key := strings.Repeat("0", 64) + "/x.jpg"
	return strings.TrimSuffix(s.scheme.Path(urls.Page{Kind: urls.Download, Key: key}), key)
}
