package newsroom

import (
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
)

// Embargoed preview links let journalists read a press release before its embargo
// lifts. The secret is shown once, when the link is made; the store keeps its hash. A
// link stops working when the embargo lifts or when it is revoked.

type previewsPage struct {
	L       *Layout
	A       *content.Article
	Embargo string // when the embargo lifts, in the site's zone
	Open    bool   // the article is under embargo: links can be made
	Links   []previewView
	NewLink string // the link just made, shown once
	NoteErr string
}

type previewView struct {
	Hash, Note, Created, By, Expires string
	Revoked                          string
	Active                           bool
}

const maxNoteLen = 200

// previews lists an article's preview links and makes new ones.
func (s *Server) previews(w http.ResponseWriter, r *request) error {
	a, err := s.articleOfPath(r)
	if err != nil {
		return err
	}
	page, err := s.previewsPage(r, a)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "previews", page)
}

func (s *Server) previewsPage(r *request, a *content.Article) (*previewsPage, error) {
	now := s.now()
	page := &previewsPage{L: s.layout(r, r.T("nr.previews.title")), A: a, Open: a.Embargoed(now) && a.DeletedAt.IsZero()}
	if !a.PublishAt.IsZero() {
		page.Embargo = r.p.DateTime(a.PublishAt)
	}
	links, err := s.store.Previews(r.Context(), a.ID)
	if err != nil {
		return nil, err
	}
	names := s.userNames(r)
	for _, l := range links {
		v := previewView{Hash: l.Hash, Note: l.Note, Created: r.p.DateTime(l.CreatedAt), By: names(l.CreatedBy),
			Expires: r.p.DateTime(l.ExpiresAt), Active: l.RevokedAt.IsZero() && l.ExpiresAt.After(now)}
		if !l.RevokedAt.IsZero() {
			v.Revoked = r.p.DateTime(l.RevokedAt)
		}
		page.Links = append(page.Links, v)
	}
	return page, nil
}

// createPreview makes a link for the article's embargo, with a note of whom it is for.
func (s *Server) createPreview(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	a, err := s.articleOfPath(r)
	if err != nil {
		return err
	}
	note := strings.TrimSpace(r.PostFormValue("note"))
	page, err := s.previewsPage(r, a)
	if err != nil {
		return err
	}
	if !page.Open {
		return &httpError{Status: http.StatusConflict, Key: "notembargoed"}
	}
	if note == "" || len([]rune(note)) > maxNoteLen {
		page.NoteErr = r.T("nr.problem.note")
		return s.render(w, http.StatusUnprocessableEntity, "previews", page)
	}
	secret, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	p := store.Preview{Hash: hash, ArticleID: a.ID, CreatedBy: r.user.ID, CreatedAt: s.now(), ExpiresAt: a.PublishAt, Note: note}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreatePreview(ctx, p); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(r.user, "preview.create", articleTarget(a.ID), note))
	})
	if err != nil {
		return err
	}
	if page, err = s.previewsPage(r, a); err != nil {
		return err
	}
	page.NewLink = s.absolute(s.cfg.Scheme.Path(urls.Page{Kind: urls.Preview, Lang: a.Lang, Key: secret}))
	return s.render(w, http.StatusOK, "previews", page)
}

// revokePreview stops a link from working, at once.
func (s *Server) revokePreview(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	a, err := s.articleOfPath(r)
	if err != nil {
		return err
	}
	hash := r.PostFormValue("hash")
	links, err := s.store.Previews(ctx, a.ID)
	if err != nil {
		return err
	}
	var note string
	found := false
	for _, l := range links {
		if l.Hash == hash {
			found, note = true, l.Note
		}
	}
	if !found {
		return errNotFound // not a link of this article
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.RevokePreview(ctx, hash, s.now()); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(r.user, "preview.revoke", articleTarget(a.ID), note))
	})
	if err != nil {
		return err
	}
	seeOther(w, r, withDone(articlePath(a.ID)+"/previews", "revoked"))
	return nil
}
