package newsroom

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// autosaveOffer is the editor's offer to bring back what was typed but not saved.
type autosaveOffer struct {
	At         string
	RestoreURL string
	DiscardURL string
}

// autosaveFor finds the person's autosave of the article when it is newer than the
// saved version. With ?autosave=restore the form gets it instead of the saved version;
// its version stays the one it was typed against, so that saving it over someone
// else's newer save still ends on the conflict screen.
func (s *Server) autosaveFor(r *request, stored *content.Article, f *articleForm) (*autosaveOffer, bool, error) {
	var id int64
	path := prefix + "articles/new"
	if stored != nil {
		id, path = stored.ID, articlePath(stored.ID)
	}
	as, err := s.store.Autosave(r.Context(), id, r.user.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if stored != nil && !as.SavedAt.After(stored.UpdatedAt) {
		return nil, false, nil
	}
	if r.URL.Query().Get("autosave") == "restore" {
		dossiers := f.DossierIDs
		as.Article.ID = id
		*f = formFromArticle(&as.Article, dossiers, r.site.Location)
		return nil, true, nil
	}
	return &autosaveOffer{At: r.p.DateTime(as.SavedAt), RestoreURL: path + "?autosave=restore",
		DiscardURL: path + "/autosave/discard"}, false, nil
}

// autosave keeps what the editor's script sends every few seconds, per person and
// article, until it is saved or discarded.
func (s *Server) autosave(w http.ResponseWriter, r *request) error {
	stored, err := s.editable(r)
	if err != nil {
		return err
	}
	f, err := readArticleForm(r)
	if err != nil {
		return err
	}
	a := content.Article{
		Kind: f.Kind, Lang: f.Lang, Title: f.Title, Standfirst: f.Standfirst, Body: f.Body,
		Signature: f.Signature, SectionID: f.SectionID, TagIDs: f.TagIDs, AuthorIDs: f.AuthorIDs,
		ContactIDs: f.ContactIDs, RelatedIDs: f.RelatedIDs, StoryID: f.TranslationOf,
		Featured: f.Featured, Version: f.Version, PhotoID: f.PhotoID,
	}
	a.PublishAt, _ = publishTime(f.PublishAt, r.site.Location) // a bad date is kept as no date
	as := store.Autosave{UserID: r.user.ID, SavedAt: s.now(), Article: a}
	if stored != nil {
		as.ArticleID = stored.ID
	}
	if err := s.store.PutAutosave(r.Context(), as); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(map[string]string{"saved": r.T("nr.autosave.saved", r.p.DateTime(as.SavedAt))})
}

// discardAutosave forgets the autosave and shows the saved version.
func (s *Server) discardAutosave(w http.ResponseWriter, r *request) error {
	stored, err := s.editable(r)
	if err != nil {
		return err
	}
	var id int64
	path := prefix + "articles/new"
	if stored != nil {
		id, path = stored.ID, articlePath(stored.ID)
	}
	if err := s.store.DeleteAutosave(r.Context(), id, r.user.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	seeOther(w, r, path)
	return nil
}
