package newsroom

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// op is what an editor's button asks for besides saving the fields: a step of the
// workflow, with its own route so that the route table says which role may take it. The
// word is what the editor's page says was done ("?done=published").
type op struct {
	step content.Transition
	done string
}

var (
	opSave      = op{content.Keep, "saved"}
	opSubmit    = op{content.Submit, "submitted"}
	opPublish   = op{content.Publish, "published"}
	opSchedule  = op{content.Schedule, "scheduled"}
	opUnpublish = op{content.Unpublish, "unpublished"}
	opArchive   = op{content.Archive, "archived"}
)

// saveHandler saves the editor's form and then takes o's step.
func (s *Server) saveHandler(o op) handler {
	return func(w http.ResponseWriter, r *request) error { return s.save(w, r, o) }
}

// save reads the editor's form and hands it to the editorial core, which saves it in
// one transaction with its revision and audit entry. Problems bring the form back with
// every field as typed; a version that moved on since the form was opened gets the
// conflict screen: nothing is silently overwritten.
func (s *Server) save(w http.ResponseWriter, r *request, o op) error {
	stored, err := s.editable(r)
	if err != nil {
		return err
	}
	f, err := readArticleForm(r)
	if err != nil {
		return err
	}
	if stored != nil {
		f.ID = stored.ID
	}
	a, err := s.cfg.Editorial.SaveArticle(r.Context(), editorial.Person(r.user), s.articleInput(r, f), o.step)
	var conflict *editorial.ConflictError
	switch {
	case errors.As(err, &conflict):
		current := conflict.Current
		if current == nil {
			if current, err = s.store.ArticleByID(r.Context(), f.ID); err != nil {
				return err
			}
		}
		return s.conflict(w, r, current, f)
	case err != nil:
		if fe, ok := problems(r, err); ok {
			return s.renderEditor(w, r, http.StatusUnprocessableEntity, stored, f, fe, nil)
		}
		return err
	}
	if err := s.store.DeleteAutosave(r.Context(), f.ID, r.user.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Warn("autosave not deleted", "article", a.ID, "err", err)
	}
	seeOther(w, r, withDone(articlePath(a.ID), o.done))
	return nil
}

// articleInput turns the form into what the editorial core takes. A publication time
// that does not read as one is reported with the core's problems.
func (s *Server) articleInput(r *request, f articleForm) editorial.ArticleInput {
	in := editorial.ArticleInput{
		ID: f.ID, Version: f.Version, Kind: f.Kind, Lang: f.Lang, Title: f.Title, Standfirst: f.Standfirst,
		Signature: f.Signature, Body: f.Body, SectionID: f.SectionID, TagIDs: f.TagIDs,
		NewTags: newTagNames(f.NewTags), DossierIDs: f.DossierIDs, AuthorIDs: f.AuthorIDs,
		ContactIDs: f.ContactIDs, RelatedIDs: f.RelatedIDs, TranslationOf: f.TranslationOf, Featured: f.Featured,
		PhotoID: f.PhotoID,
	}
	if in.DossierIDs == nil {
		in.DossierIDs = []int64{} // the form's checkboxes are the whole list: none ticked is none
	}
	t, ok := publishTime(f.PublishAt, r.site.Location)
	if !ok {
		in.Unreadable = map[string]string{"publish_at": "date"}
	}
	in.PublishAt = t
	return in
}

// editable loads the article of the path ("new" is nil) if the person may change it.
// The editorial core checks the same again in its transaction; this answers early for a
// page that should not even show.
func (s *Server) editable(r *request) (*content.Article, error) {
	raw := r.PathValue("id")
	if raw == "new" {
		return nil, nil
	}
	id, ok := formID(raw)
	if !ok {
		return nil, errNotFound
	}
	a, err := s.store.ArticleByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !editorial.Person(r.user).MayEdit(a) {
		return nil, forbidden(errors.New("not this person's article"))
	}
	if !a.DeletedAt.IsZero() {
		return nil, &httpError{Status: http.StatusConflict, Key: "trashed"}
	}
	return a, nil
}

func articlePath(id int64) string { return prefix + "articles/" + strconv.FormatInt(id, 10) }
