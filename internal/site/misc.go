package site

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// rootRedirect sends "/" to the default language's home page.
func (s *Server) rootRedirect(w http.ResponseWriter, r *http.Request) error {
	st, err := s.current(r.Context())
	if err != nil {
		return err
	}
	http.Redirect(w, r, homePath(st.site.DefaultLang()), http.StatusFound)
	return nil
}

// langRedirect adds the trailing slash to "/fr".
func (s *Server) langRedirect(w http.ResponseWriter, r *http.Request) error {
	st, err := s.current(r.Context())
	if err != nil {
		return err
	}
	lang, ok := s.siteLang(st, r.PathValue("lang"))
	if !ok {
		return notFound(errors.New("unknown language"))
	}
	http.Redirect(w, r, homePath(lang), http.StatusMovedPermanently)
	return nil
}

// healthz reports whether this instance can serve pages: the database answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	status, body := http.StatusOK, map[string]any{"status": "ok"}
	if _, err := s.store.Site(ctx); err != nil {
		status, body = http.StatusServiceUnavailable, map[string]any{"status": "unavailable"}
		s.log.Warn("health check failed", "err", err)
	}
	pages, bytes := s.cache.stats()
	body["page_cache"] = map[string]any{"pages": pages, "bytes": bytes}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("User-agent: *\nDisallow: /newsroom/\nDisallow: /*/print$\n"))
}

// favicon answers the browsers that ask for /favicon.ico whatever the page says.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) error {
	u, err := s.assets.url("icon.svg")
	if err != nil {
		return notFound(err)
	}
	http.Redirect(w, r, u, http.StatusMovedPermanently)
	return nil
}
