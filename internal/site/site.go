// Package site serves the public website: every page type of the address scheme, built
// from what identifies it (PageRequest) without an HTTP request, the page cache that
// keeps built pages until a change touches what they show, and the default theme's
// templates. Handlers are thin adapters over the builders; builders read the store and
// the domain and nothing else.
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
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/roneo/roneo/internal/card"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// Store is what the public site reads, and the changes it listens to.
type Store interface {
	store.ArticleReader
	store.ArticleIndex
	store.TaxonomyReader
	store.DossierReader
	store.PhotoReader
	store.RedirectReader
	store.Previews
	store.Searcher
	store.Notifier
	store.Schema
}

// Config is what the site needs from the command line.
type Config struct {
	// BaseURL is the public address, such as https://example.org; it makes canonical
	// links, hreflang links and share links absolute.
	BaseURL *url.URL
	// Hosts are the site's other addresses (mirrors, an onion service) as --hosts gives
	// them. When set they win over the list in the newsroom's settings; nil: the
	// settings' list.
	Hosts []hosts.Origin
	// PageCacheBytes bounds the page cache; 0 disables it.
	PageCacheBytes int64
	// Theme holds templates/, static/ and i18n/.
	Theme fs.FS
	// Media are served under the scheme's media addresses (nil serves nothing).
	Media media.Store
	// Scheme is the address scheme; nil: the default one.
	Scheme *urls.Scheme
	Logger *slog.Logger
	Clock  func() time.Time
}

// Server is the public site.
type Server struct {
	cfg      Config
	store    Store
	scheme   *urls.Scheme
	log      *slog.Logger
	now      func() time.Time
	base     string // BaseURL without a trailing slash
	main     hosts.Origin
	tmpl     *templates
	renderer *render.Renderer // plain text of bodies, for search snippets
	cards    *card.Renderer
	bundle   *i18n.Bundle
	assets   *webkit.Assets
	cache    *pageCache
	media    *mediaCache // small photo files, which never change under their names
	flights  singleflight.Group
	builders map[urls.Kind]builder
	handler  http.Handler

	state       atomic.Pointer[siteState]
	stateMu     sync.Mutex // serialises reloads of state
	stateGen    atomic.Uint64
	unsubscribe func()
}

// New builds the site. It parses templates and reads assets once, here.
func New(ctx context.Context, st Store, cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Scheme == nil {
		cfg.Scheme = urls.New()
	}
	if cfg.BaseURL == nil {
		return nil, fmt.Errorf("site: a base URL is required")
	}
	s := &Server{
		cfg: cfg, store: st, scheme: cfg.Scheme, log: cfg.Logger, now: cfg.Clock,
		base:     strings.TrimRight(cfg.BaseURL.String(), "/"),
		cache:    newPageCache(cfg.PageCacheBytes),
		media:    newMediaCache(mediaCacheBytes),
		renderer: render.New(),
	}
	s.builders = s.builderTable()
	var err error
	if s.main, err = hosts.OriginOf(cfg.BaseURL); err != nil {
		return nil, fmt.Errorf("site: base URL: %w", err)
	}
	if s.cards, err = card.NewRenderer(); err != nil {
		return nil, err
	}
	if s.bundle, err = i18n.Load(cfg.Theme, "i18n"); err != nil {
		return nil, err
	}
	asset := func(hashed string) string { return s.scheme.Path(urls.Page{Kind: urls.Asset, Key: hashed}) }
	if s.assets, err = webkit.LoadAssets(cfg.Theme, "static", asset); err != nil {
		return nil, err
	}
	if s.tmpl, err = parseTemplates(cfg.Theme); err != nil {
		return nil, err
	}
	if _, err := s.reloadState(ctx); err != nil {
		return nil, err
	}
	s.unsubscribe = st.Subscribe(s.contentChanged)
	s.handler = s.routes()
	return s, nil
}

// Close stops listening for content changes.
func (s *Server) Close() { s.unsubscribe() }

// ServeHTTP makes the site an http.Handler. A page in the cache is answered before
// routing: the cache holds only pages built for exactly this path, so the answer is the
// same, only sooner.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	origin := s.matchOrigin(r)
	s.onionLocation(w, r, origin)
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.RawQuery == "" && s.store.Hearing() {
		if e := s.cache.get(s.cacheKey(origin, r.URL.Path)); e != nil {
			e.Serve(w, r, cacheHit)
			return
		}
	}
	// The handlers read the address the request came through from its context rather
	// than match its Host again.
	s.handler.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), originKey{}, origin)))
}

// contentChanged purges the cached pages a committed change touches, on this instance,
// whichever instance or process made it; a change of everything reloads the site-wide
// state too.
func (s *Server) contentChanged(c store.Change) {
	if c.All || slices.ContainsFunc(c.Keys, content.Key.NamesPhoto) {
		// A photo deleted must not stay downloadable from memory.
		s.media.clear()
	}
	switch {
	case c.All:
		s.stateGen.Add(1)
		s.cache.purgeAll()
	case len(c.Keys) > 0:
		s.cache.purge(c.Keys)
	}
}

// CacheStats are the page cache's counters, for /healthz and the benchmark.
type CacheStats struct {
	Pages  int   `json:"pages"`
	Bytes  int64 `json:"bytes"`
	Hits   int64 `json:"hits"`
	Misses int64 `json:"misses"`
	Purges int64 `json:"purges"`
}

// CacheStats reports the page cache's counters.
func (s *Server) CacheStats() CacheStats { return s.cache.stats() }

// Languages are the site's languages, the default first.
func (s *Server) Languages(ctx context.Context) ([]content.Lang, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.site.Langs, nil
}
