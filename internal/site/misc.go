package site

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// healthz reports whether this instance can serve pages (the database answers), and
// the page cache's counters, so that targeted purges can be measured.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	status, body := http.StatusOK, map[string]any{"status": "ok"}
	if _, err := s.store.Site(ctx); err != nil {
		status, body = http.StatusServiceUnavailable, map[string]any{"status": "unavailable"}
		s.log.Warn("health check failed", "err", err)
	}
	// An instance that cannot hear the others' changes serves every page uncached, at a
	// cost: a load balancer may prefer the others until it hears again (within a second
	// of the database's return).
	body["hearing_changes"] = s.store.Hearing()
	if !s.store.Hearing() && status == http.StatusOK {
		status, body["status"] = http.StatusServiceUnavailable, "not hearing other instances' changes"
	}
	body["page_cache"] = s.cache.stats()
	// An instance older than its database says so: {"known":10,"current":12,…}.
	body["schema"] = s.store.SchemaStatus()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// robots keeps crawlers out of the newsroom, the print views (a copy of each article)
// and the photos' originals and albums' ZIPs (gigabytes for journalists, nothing to
// index), and names the sitemap index of the main domain, whichever address was asked:
// the sitemaps list the canonical addresses, which search engines are to index.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	sitemap := urls.Absolute(s.base, s.scheme.Path(urls.Page{Kind: urls.SitemapIndex, Ext: "xml"}))
	w.Write([]byte("User-agent: *\nDisallow: /newsroom/\nDisallow: /*/print$\nDisallow: " + s.downloadsPrefix() +
		"\nDisallow: /*.zip$\n\nSitemap: " + sitemap + "\n"))
}

// favicon answers the browsers that ask for /favicon.ico whatever the page says.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) error {
	u, err := s.assets.URL("icon.svg")
	if err != nil {
		return webkit.NotFound(err)
	}
	http.Redirect(w, r, u, http.StatusMovedPermanently)
	return nil
}

// errNoMedia: no media store is configured.
var errNoMedia = errors.New("no media store")
