package site

import (
	"errors"
	"net/http"

	"github.com/roneo/roneo/internal/content"
)

// item serves /{lang}/{segment}/{slug}: the segment word, in the page's language, says
// what the slug names.
func (s *Server) item(r *http.Request, st *siteState, lang content.Lang) (*response, error) {
	slug := r.PathValue("slug")
	switch kindOf(lang, r.PathValue("segment")) {
	case kindArticle:
		return s.article(r, st, lang, slug, false)
	case kindSection:
		return s.section(r, st, lang, slug)
	case kindTag:
		return s.tag(r, st, lang, slug)
	case kindAuthor:
		return s.author(r, st, lang, slug)
	case kindDossier:
		return s.dossier(r, st, lang, slug)
	}
	return nil, notFound(errors.New("unknown segment"))
}

// index serves /{lang}/{segment}/: the dossiers index, or a redirect for a trailing slash.
func (s *Server) index(r *http.Request, st *siteState, lang content.Lang) (*response, error) {
	if kindOf(lang, r.PathValue("segment")) == kindDossiers {
		return s.dossiers(r, st, lang)
	}
	return nil, notFound(errors.New("unknown index"))
}

// indexOrSearch serves /{lang}/{segment}/: the search page, which is never cached, or
// an index through the page cache.
func (s *Server) indexOrSearch(index http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if kindOf(content.Lang(r.PathValue("lang")), r.PathValue("segment")) == kindSearch {
			return s.search(w, r)
		}
		index.ServeHTTP(w, r)
		return nil
	})
}

// indexRedirect adds the trailing slash to an index ("/fr/dossiers"); any other
// two-segment path is a 404 straight away, not a redirect to one.
func (s *Server) indexRedirect(w http.ResponseWriter, r *http.Request) error {
	st, err := s.current(r.Context())
	if err != nil {
		return err
	}
	lang, ok := s.siteLang(st, r.PathValue("lang"))
	switch {
	case !ok:
		return notFound(nil)
	case kindOf(lang, r.PathValue("segment")) == kindDossiers:
		http.Redirect(w, r, dossiersPath(lang), http.StatusMovedPermanently)
	case kindOf(lang, r.PathValue("segment")) == kindSearch:
		target := searchPath(lang)
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	default:
		return notFound(nil)
	}
	return nil
}

// itemAction serves /{lang}/{segment}/{slug}/{action}: an article's print view and its
// Mastodon share form.
func (s *Server) itemAction(r *http.Request, st *siteState, lang content.Lang) (*response, error) {
	if kindOf(lang, r.PathValue("segment")) != kindArticle {
		return nil, notFound(errors.New("no actions here"))
	}
	switch r.PathValue("action") {
	case "print":
		return s.article(r, st, lang, r.PathValue("slug"), true)
	case "mastodon":
		return s.mastodonForm(r, st, lang)
	}
	return nil, notFound(errors.New("unknown action"))
}

// itemPost takes the Mastodon share form.
func (s *Server) itemPost(w http.ResponseWriter, r *http.Request) error {
	st, err := s.current(r.Context())
	if err != nil {
		return err
	}
	lang, ok := s.siteLang(st, r.PathValue("lang"))
	if !ok || kindOf(lang, r.PathValue("segment")) != kindArticle || r.PathValue("action") != "mastodon" {
		return notFound(nil)
	}
	return s.mastodonShare(w, r, st, lang)
}
