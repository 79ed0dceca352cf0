// Package site serves the public website: routing, page handlers, the page cache and the
// default theme's templates. Handlers call the store and the domain and nothing else.
//
// It must not import the newsroom, the SQL backends or the command line.
package site

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
)

// Config is what the site needs from the command line.
type Config struct {
	// BaseURL is the public address, such as https://example.org; it makes canonical
	// links, hreflang links and share links absolute.
	BaseURL *url.URL
	// PageCacheBytes bounds the page cache; 0 disables it.
	PageCacheBytes int64
	// Theme holds templates/, static/ and i18n/.
	Theme fs.FS
	// Media are served under /media/ (nil serves nothing).
	Media  media.Store
	Logger *slog.Logger
	Clock  func() time.Time
}

// Server is the public site.
type Server struct {
	cfg      Config
	store    store.Store
	log      *slog.Logger
	now      func() time.Time
	base     string // BaseURL without a trailing slash
	tmpl     *templates
	renderer *render.Renderer // plain text of bodies, for search snippets
	bundle   *i18n.Bundle
	assets   *assets
	cache    *pageCache
	flights  singleflight.Group
	handler  http.Handler
	security []headerField

	state       atomic.Pointer[siteState]
	stateMu     sync.Mutex // serialises reloads of state
	stateGen    atomic.Uint64
	unsubscribe func()
}

// siteState is the site-wide data every page needs — settings and the section tree —
// read once and reloaded after each change to it, instead of on every request.
type siteState struct {
	site     content.Site
	sections *content.SectionTree
	menus    map[content.Lang]*menu
	loaded   time.Time
}

// New builds the site. It parses templates and reads assets once, here.
func New(ctx context.Context, st store.Store, cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.BaseURL == nil {
		return nil, fmt.Errorf("site: a base URL is required")
	}
	s := &Server{
		cfg: cfg, store: st, log: cfg.Logger, now: cfg.Clock,
		base:     strings.TrimRight(cfg.BaseURL.String(), "/"),
		cache:    newPageCache(cfg.PageCacheBytes),
		security: securityFields(""),
		renderer: render.New(),
	}
	var err error
	if s.bundle, err = i18n.Load(cfg.Theme, "i18n"); err != nil {
		return nil, err
	}
	if s.assets, err = loadAssets(cfg.Theme, "static"); err != nil {
		return nil, err
	}
	if s.tmpl, err = parseTemplates(cfg.Theme, s.assets); err != nil {
		return nil, err
	}
	if _, err := s.reloadState(ctx); err != nil {
		return nil, err
	}
	s.unsubscribe = st.Subscribe(s.contentChanged)
	// Unsafe methods from other origins are refused: the public site's forms (Mastodon
	// sharing today) must only ever be sent from its own pages.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(s.handle(func(http.ResponseWriter, *http.Request) error {
		return &httpError{status: http.StatusForbidden, key: "error.403"}
	}))
	s.handler = cop.Handler(s.routes())
	return s, nil
}

// Close stops listening for content changes.
func (s *Server) Close() { s.unsubscribe() }

// ServeHTTP makes the site an http.Handler, with its security headers on every answer.
// A page in the cache is answered before routing: the cache holds only pages that a
// route produced for exactly this path, so the answer is the same, only sooner.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.RawQuery == "" {
		if e, _ := s.cache.get(r.URL.Path); e != nil {
			serveEntry(w, r, e)
			return
		}
	}
	setSecurityHeaders(w.Header(), s.security)
	if strings.HasPrefix(r.URL.Path, mediaPrefix) {
		s.handle(s.serveMedia).ServeHTTP(w, r)
		return
	}
	s.handler.ServeHTTP(w, r)
}

// contentChanged purges the page cache after a commit and reloads the site-wide state
// when settings or taxonomy changed.
func (s *Server) contentChanged(c store.Change) {
	if c.All {
		s.stateGen.Add(1)
	}
	s.cache.purge(s.now())
}

// current returns the site-wide state, reloading it if a change made it stale.
func (s *Server) current(ctx context.Context) (*siteState, error) {
	st := s.state.Load()
	if st != nil && s.stateGen.Load() == 0 {
		return st, nil
	}
	return s.reloadState(ctx)
}

func (s *Server) reloadState(ctx context.Context) (*siteState, error) {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	gen := s.stateGen.Load()
	if st := s.state.Load(); st != nil && gen == 0 {
		return st, nil // another request reloaded it while this one waited
	}
	site, err := s.store.Site(ctx)
	if err != nil {
		return nil, fmt.Errorf("site settings: %w", err)
	}
	sections, err := s.store.Sections(ctx)
	if err != nil {
		return nil, fmt.Errorf("sections: %w", err)
	}
	st := &siteState{site: site, sections: content.NewSectionTree(sections), loaded: s.now(), menus: map[content.Lang]*menu{}}
	for _, lang := range site.Langs {
		if st.menus[lang], err = s.newMenu(st, lang); err != nil {
			return nil, err
		}
	}
	s.state.Store(st)
	s.stateGen.CompareAndSwap(gen, 0)
	// Pages rendered with the old state must go too.
	s.cache.purge(s.now())
	return st, nil
}
