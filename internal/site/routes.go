package site

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

// Limits on what a URL may carry before it is refused outright. Query strings may be
// long enough for a search pasted from a document (the search reads its first 500
// characters); the rest of the site reads only ?page=.
const (
	maxPathLen  = 1024
	maxQueryLen = 64 << 10
	maxPage     = 10_000
)

// routes lists every public route.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /robots.txt", s.robots)
	mux.Handle("GET /static/{file}", s.handle(s.assets.serve))
	mux.Handle("GET /favicon.ico", s.handle(s.favicon))
	mux.Handle("GET /{$}", s.handle(s.rootRedirect))
	mux.Handle("GET /{lang}", s.handle(s.langRedirect))
	mux.Handle("GET /{lang}/{$}", s.page(s.home))
	mux.Handle("GET /{lang}/{segment}", s.handle(s.indexRedirect))
	mux.Handle("GET /{lang}/{segment}/{$}", s.indexOrSearch(s.page(s.index)))
	mux.Handle("GET /{lang}/preview/{secret}", s.handle(s.preview))
	mux.Handle("GET /{lang}/{segment}/{slug}", s.page(s.item))
	mux.Handle("GET /{lang}/{segment}/{slug}/{action}", s.page(s.itemAction))
	mux.Handle("POST /{lang}/{segment}/{slug}/{action}", s.handle(s.itemPost))
	mux.Handle("/", s.handle(func(http.ResponseWriter, *http.Request) error { return notFound(nil) }))
	return s.guard(mux)
}

// guard refuses malformed requests before routing: overlong or non-UTF-8 paths and
// query strings get a 400 page in the default language.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > maxPathLen || len(r.URL.RawQuery) > maxQueryLen ||
			!utf8.ValidString(r.URL.Path) || strings.ContainsRune(r.URL.Path, 0) {
			s.fail(w, r, badRequest(errors.New("malformed URL")))
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

// pageFunc builds a cacheable page in a language the site publishes in.
type pageFunc func(r *http.Request, st *siteState, lang content.Lang) (*response, error)

// page serves a pageFunc through the page cache. Concurrent misses on one page render
// (and compress) it once.
func (s *Server) page(h pageFunc) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		key, err := cacheKey(r)
		if err != nil {
			return err
		}
		if !s.cache.enabled() {
			resp, err := s.build(r, h)
			if err != nil {
				return err
			}
			serveEntry(w, r, newEntry(key, resp, false))
			return nil
		}
		e, generation := s.cache.get(key)
		if e == nil {
			v, err, _ := s.flights.Do(key, func() (any, error) {
				// Other readers wait on this render: one leaving must not fail it for all.
				resp, err := s.build(r.WithContext(context.WithoutCancel(r.Context())), h)
				if err != nil {
					return nil, err
				}
				e := newEntry(key, resp, true)
				if e.status == http.StatusOK {
					s.cache.put(e, generation)
				}
				return e, nil
			})
			if err != nil {
				return err
			}
			e = v.(*entry)
		}
		serveEntry(w, r, e)
		return nil
	})
}

func (s *Server) build(r *http.Request, h pageFunc) (*response, error) {
	st, err := s.current(r.Context())
	if err != nil {
		return nil, err
	}
	lang, ok := s.siteLang(st, r.PathValue("lang"))
	if !ok {
		return nil, notFound(nil)
	}
	return h(r, st, lang)
}

// cacheKey is the path plus the only query parameter pages use. Other parameters
// (trackers' utm_*) neither split the cache nor change the page.
func cacheKey(r *http.Request) (string, error) {
	n, err := pageNumber(r)
	if err != nil {
		return "", err
	}
	return withPage(r.URL.Path, n), nil
}

// pageNumber reads ?page=; absent means 1. Garbage is a 400, an absurd number a 404.
func pageNumber(r *http.Request) (int, error) {
	v := r.URL.Query()["page"]
	if len(v) == 0 {
		return 1, nil
	}
	if len(v) > 1 || len(v[0]) > 9 {
		return 0, badRequest(errors.New("bad page parameter"))
	}
	n, err := strconv.Atoi(v[0])
	if err != nil || n < 1 {
		return 0, badRequest(errors.New("bad page parameter"))
	}
	if n > maxPage {
		return 0, notFound(errors.New("page number out of range"))
	}
	return n, nil
}

// fail answers with the error page for err in the reader's language. Only server-side
// failures are logged; a reader's 404 is not news.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	he := classify(err)
	if r.Context().Err() != nil {
		return // the reader left; nobody is there to answer
	}
	if he.status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	lang, st := s.langFromRequest(context.WithoutCancel(r.Context()), r)
	body, rerr := s.errorPage(st, lang, he)
	if rerr != nil {
		s.log.Error("error page failed", "err", rerr)
		http.Error(w, http.StatusText(he.status), he.status)
		return
	}
	h := w.Header()
	h["Content-Type"] = []string{"text/html; charset=utf-8"}
	h["Cache-Control"] = []string{"no-store"}
	if he.status == http.StatusServiceUnavailable {
		h["Retry-After"] = []string{"5"}
	}
	w.WriteHeader(he.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
