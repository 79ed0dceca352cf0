package editorial

import (
	"context"
	"fmt"
	"strconv"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// TrashArticle moves an article to the trash: its address answers 410, no list shows
// it, and an editor can restore it. Trashing it again changes nothing.
func (s *Service) TrashArticle(ctx context.Context, actor Actor, id int64) (*content.Article, error) {
	return s.setTrashed(ctx, actor, id, true)
}

// RestoreArticle takes an article out of the trash, with the status it had.
func (s *Service) RestoreArticle(ctx context.Context, actor Actor, id int64) (*content.Article, error) {
	return s.setTrashed(ctx, actor, id, false)
}

func (s *Service) setTrashed(ctx context.Context, actor Actor, id int64, trash bool) (*content.Article, error) {
	if !actor.can(auth.ActTrash) {
		return nil, ErrForbidden
	}
	var after *content.Article
	err := s.update(ctx, func(tx store.Tx) error {
		before, err := tx.ArticleByID(ctx, id)
		if err != nil {
			return err
		}
		after = before
		if before.DeletedAt.IsZero() != trash {
			return nil // already where it was asked to be
		}
		action := "article.restore"
		if trash {
			action = "article.delete"
			err = tx.TrashArticle(ctx, id, s.now())
		} else {
			err = tx.RestoreArticle(ctx, id)
		}
		if err != nil {
			return err
		}
		if after, err = tx.ArticleByID(ctx, id); err != nil {
			return err
		}
		dossiers, err := dossierRefs(ctx, tx, id)
		if err != nil {
			return err
		}
		tx.Affect(content.ArticleChange{Before: before, After: after, DossiersBefore: dossiers, DossiersAfter: dossiers}.Keys()...)
		if err := s.queuePublication(ctx, tx, after); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.entry(s.now(), action, articleTarget(id), after.Title))
	})
	return after, err
}

// RevertArticle saves a revision's text and choices as a new version of its article;
// its status and publication time stay as they are now, so reverting never publishes or
// hides anything. version is the one the person read: a later save is a conflict.
func (s *Service) RevertArticle(ctx context.Context, actor Actor, articleID, revisionID, version int64) (*content.Article, error) {
	var saved *content.Article
	err := s.update(ctx, func(tx store.Tx) error {
		stored, err := s.editable(ctx, tx, actor, articleID)
		if err != nil {
			return err
		}
		if version != stored.Version {
			return &ConflictError{Current: stored}
		}
		rev, err := tx.Revision(ctx, revisionID)
		if err != nil {
			return err
		}
		if rev.Subject != store.ArticleSubject(articleID) {
			return fmt.Errorf("revision %d of another article: %w", revisionID, store.ErrNotFound)
		}
		a := *stored
		old := rev.Article
		a.Kind, a.Title, a.Standfirst, a.Body, a.Signature = old.Kind, old.Title, old.Standfirst, old.Body, old.Signature
		a.SectionID, a.Featured, a.Image = old.SectionID, old.Featured, old.Image
		a.TagIDs, a.AuthorIDs, a.ContactIDs, a.RelatedIDs = old.TagIDs, old.AuthorIDs, old.ContactIDs, old.RelatedIDs
		if a.BodyHTML, err = s.Markdown(a.Lang, a.Body); err != nil {
			return err
		}
		a.UpdatedBy = actor.userID()
		saved = &a
		return s.writeArticle(ctx, tx, actor, stored, &a, ArticleInput{}, "article.revert",
			"version "+strconv.FormatInt(rev.Version, 10))
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}
