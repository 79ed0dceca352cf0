package newsroom

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// op is what an editor's button asks for besides saving the fields. Each has its own
// route, so the route table says which role may do it.
type op string

const (
	opSave      op = "saved"
	opSubmit    op = "submitted"
	opPublish   op = "published"
	opSchedule  op = "scheduled"
	opUnpublish op = "unpublished"
	opArchive   op = "archived"
)

// saveHandler saves the editor's form and then does o.
func (s *Server) saveHandler(o op) handler {
	return func(w http.ResponseWriter, r *request) error { return s.save(w, r, o) }
}

// save is the one way an article changes: form → checks → one transaction with the
// revision and the audit entry → back to the editor. A version that moved on since the
// form was opened gets the conflict screen: nothing is silently overwritten.
func (s *Server) save(w http.ResponseWriter, r *request, o op) error {
	ctx := r.Context()
	stored, err := s.editable(r)
	if err != nil {
		return err
	}
	f, err := readArticleForm(r)
	if err != nil {
		return err
	}
	a := &content.Article{Status: content.StatusDraft, CreatedBy: r.user.ID}
	if stored != nil {
		f.ID = stored.ID
		if f.Version != stored.Version {
			return s.conflict(w, r, stored, f)
		}
		cp := *stored
		a = &cp
	}
	d, err := s.loadEditorData(ctx, f.Lang)
	if err != nil {
		return err
	}
	fe, err := s.applyForm(r, d, &f, a)
	if err != nil {
		return err
	}
	action, detail := s.transition(r, o, stored, a, fe)
	if err := s.finishArticle(r, stored, a, fe); err != nil {
		return err
	}
	if len(fe) > 0 {
		return s.renderEditor(w, r, http.StatusUnprocessableEntity, stored, f, fe, nil)
	}
	a.UpdatedBy = r.user.ID
	err = s.store.Update(ctx, func(tx store.Tx) error {
		return s.writeArticle(ctx, tx, r, a, stored == nil, f, action, detail)
	})
	switch {
	case errors.Is(err, store.ErrConflict) && stored != nil:
		// Someone saved between the check above and the transaction.
		if stored, err = s.store.ArticleByID(ctx, stored.ID); err != nil {
			return err
		}
		return s.conflict(w, r, stored, f)
	case err != nil:
		return err
	}
	if err := s.store.DeleteAutosave(ctx, f.ID, r.user.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Warn("autosave not deleted", "article", a.ID, "err", err)
	}
	seeOther(w, r, articlePath(a.ID)+"?done="+string(o))
	return nil
}

// editable loads the article of the path ("new" is nil) if the person may change it.
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
	if !canEditContent(r.user, a) {
		return nil, forbidden(errors.New("not this person's article"))
	}
	if !a.DeletedAt.IsZero() {
		return nil, &httpError{status: http.StatusConflict, key: "nr.error.trashed"}
	}
	return a, nil
}

// canEditContent is auth.CanEdit without the trash: whether the article is in the trash
// is a state of its own, answered with its own message.
func canEditContent(u *auth.User, a *content.Article) bool {
	live := *a
	live.DeletedAt = time.Time{}
	return auth.CanEdit(u, &live)
}

// transition applies o to a's status and says what the audit log records ("" for
// nothing: saving a draft is not news).
func (s *Server) transition(r *request, o op, stored, a *content.Article, fe fieldErrors) (action, detail string) {
	now := s.now()
	before := a.Status
	switch o {
	case opSubmit:
		if a.Status == content.StatusDraft {
			a.Status = content.StatusSubmitted
		}
	case opPublish:
		a.Status = content.StatusPublished
		if a.PublishAt.IsZero() || a.PublishAt.After(now) {
			a.PublishAt = now
		}
		detail = a.Title
	case opSchedule:
		if !a.PublishAt.After(now) {
			fe["publish_at"] = r.T("nr.problem.future")
		}
		a.Status = content.StatusScheduled
		detail = a.PublishAt.UTC().Format("2006-01-02 15:04 UTC")
	case opUnpublish:
		a.Status = content.StatusDraft
	case opArchive:
		a.Status = content.StatusArchived
	}
	switch {
	case a.Status != before:
		return "article." + map[op]string{opSubmit: "submit", opPublish: "publish", opSchedule: "schedule",
			opUnpublish: "unpublish", opArchive: "archive"}[o], detail
	case stored == nil:
		return "article.create", a.Title
	case a.Status == content.StatusPublished || a.Status == content.StatusScheduled:
		return "article.update", a.Title // a change readers see, or will
	}
	return "", ""
}

// finishArticle gives a its slug and adds the domain's own checks to fe.
func (s *Server) finishArticle(r *request, stored, a *content.Article, fe fieldErrors) error {
	// The slug follows the title until the article is first published; after that its
	// address stays (a changed slug would still redirect, but links in print would not).
	if stored == nil || stored.Lang != a.Lang || (stored.PublishAt.IsZero() &&
		(stored.Status == content.StatusDraft || stored.Status == content.StatusSubmitted)) {
		if err := s.uniqueSlug(r.Context(), a); err != nil {
			return err
		}
	}
	if err := a.Validate(); err != nil {
		more, ok := problems(r, err)
		if !ok {
			return err
		}
		for k, v := range more {
			if _, dup := fe[k]; !dup {
				fe[k] = v
			}
		}
	}
	return nil
}

// writeArticle stores a with its new tags, its dossiers and the audit entry, in tx.
func (s *Server) writeArticle(ctx context.Context, tx store.Tx, r *request, a *content.Article, isNew bool, f articleForm, action, detail string) error {
	for _, name := range newTagNames(f.NewTags) {
		id, err := s.tagFor(ctx, tx, a.Lang, name)
		if err != nil {
			return err
		}
		a.TagIDs = append(a.TagIDs, id)
	}
	var err error
	if isNew {
		err = tx.CreateArticle(ctx, a)
	} else {
		err = tx.UpdateArticle(ctx, a)
	}
	if err != nil {
		return err
	}
	if auth.Can(r.user, auth.ActEditAny) {
		if err := s.setDossiers(ctx, tx, a.ID, f.DossierIDs); err != nil {
			return err
		}
	}
	if action == "" {
		return nil
	}
	return tx.Audit(ctx, s.entry(r.user, action, articleTarget(a.ID), detail))
}

// tagFor returns the tag named name in lang, creating it if it does not exist.
func (s *Server) tagFor(ctx context.Context, tx store.Tx, lang content.Lang, name string) (int64, error) {
	slug := content.Slugify(name)
	if t, err := s.store.Tag(ctx, lang, slug); err == nil {
		return t.ID, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	t := &content.Tag{Lang: lang, Slug: slug, Name: s.cfg.Renderer.Text(string(lang), name)}
	if err := tx.CreateTag(ctx, t); err != nil {
		return 0, err
	}
	return t.ID, nil
}

// setDossiers puts the article in the dossiers chosen and takes it out of the others,
// keeping each dossier's order (a new member goes last).
func (s *Server) setDossiers(ctx context.Context, tx store.Tx, articleID int64, want []int64) error {
	have, err := s.store.ArticleDossiers(ctx, articleID)
	if err != nil {
		return err
	}
	haveIDs := make([]int64, len(have))
	for i, d := range have {
		haveIDs[i] = d.ID
	}
	for _, d := range unionIDs(haveIDs, want) {
		in, wanted := contains(haveIDs, d), contains(want, d)
		if in == wanted {
			continue
		}
		list, err := s.store.DossierArticles(ctx, d, 1000, 0)
		if err != nil {
			return err
		}
		var ids []int64
		for _, t := range list {
			if t.ID != articleID {
				ids = append(ids, t.ID)
			}
		}
		if wanted {
			ids = append(ids, articleID)
		}
		if err := tx.SetDossierArticles(ctx, d, ids); err != nil {
			return err
		}
	}
	return nil
}

func articlePath(id int64) string { return prefix + "articles/" + strconv.FormatInt(id, 10) }
