package newsroom

import (
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

// trashArticle moves an article to the trash: readers get 410, editors can restore it.
func (s *Server) trashArticle(w http.ResponseWriter, r *request) error {
	a, err := s.articleOfPath(r)
	if err != nil {
		return err
	}
	if _, err := s.cfg.Editorial.TrashArticle(r.Context(), editorial.Person(r.user), a.ID); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"articles", "trashed"))
	return nil
}

// restoreArticle takes an article out of the trash, with the status it had.
func (s *Server) restoreArticle(w http.ResponseWriter, r *request) error {
	a, err := s.articleOfPath(r)
	if err != nil {
		return err
	}
	if _, err := s.cfg.Editorial.RestoreArticle(r.Context(), editorial.Person(r.user), a.ID); err != nil {
		return err
	}
	seeOther(w, r, withDone(articlePath(a.ID), "restored"))
	return nil
}

// articleOfPath loads the article named by the path's {id}, whatever its state.
func (s *Server) articleOfPath(r *request) (*content.Article, error) {
	id, ok := formID(r.PathValue("id"))
	if !ok {
		return nil, errNotFound
	}
	return s.store.ArticleByID(r.Context(), id)
}

// previewMarkdown renders a body as the public site will show it, for the editor's
// live preview. Nothing is saved.
func (s *Server) previewMarkdown(w http.ResponseWriter, r *request) error {
	lang, err := content.ParseLang(r.PostFormValue("lang"))
	if err != nil {
		lang = r.site.DefaultLang()
	}
	html, err := s.cfg.Renderer.Markdown(string(lang), normalizeNewlines(r.PostFormValue("body")))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(html))
	return nil
}
