package editorial

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// writeArticle stores a with its new tags, its dossiers, the audit entry, its
// publication job and the keys of what it touches, in tx.
func (s *Service) writeArticle(ctx context.Context, tx store.Tx, actor Actor, stored, a *content.Article, in ArticleInput, action, detail string) error {
	for _, name := range in.NewTags {
		id, err := s.tagFor(ctx, tx, a.Lang, name)
		if err != nil {
			return err
		}
		if !slices.Contains(a.TagIDs, id) {
			a.TagIDs = append(a.TagIDs, id)
		}
	}
	dossiersBefore, err := dossierRefs(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	if err := s.storeArticle(ctx, tx, stored, a); err != nil {
		return err
	}
	if err := setBodyPhotos(ctx, tx, a); err != nil {
		return err
	}
	dossiersAfter := dossiersBefore
	if in.DossierIDs != nil && actor.can(auth.ActEditAny) {
		if dossiersAfter, err = s.setArticleDossiers(ctx, tx, a.ID, in.DossierIDs); err != nil {
			return err
		}
	}
	tx.Affect(content.ArticleChange{Before: stored, After: a, DossiersBefore: dossiersBefore, DossiersAfter: dossiersAfter}.Keys()...)
	if err := s.queuePublication(ctx, tx, a); err != nil {
		return err
	}
	if action == "" {
		return nil
	}
	return tx.Audit(ctx, actor.entry(s.now(), action, articleTarget(a.ID), detail))
}

// storeArticle creates or updates a; a version that moved on is a conflict.
func (s *Service) storeArticle(ctx context.Context, tx store.Tx, stored, a *content.Article) error {
	if stored == nil {
		return tx.CreateArticle(ctx, a)
	}
	err := tx.UpdateArticle(ctx, a)
	if errors.Is(err, store.ErrStale) {
		// Someone saved between this transaction's read and its write (PostgreSQL).
		return &ConflictError{}
	}
	return err
}

// tagFor returns the tag named name in lang, creating it if it does not exist.
func (s *Service) tagFor(ctx context.Context, tx store.Tx, lang content.Lang, name string) (int64, error) {
	name = strings.Join(strings.Fields(name), " ")
	slug := content.Slugify(name)
	if t, err := tx.Tag(ctx, lang, slug); err == nil {
		return t.ID, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	if s.scheme.Reserved(lang, slug) {
		return 0, problem("tags", "reserved")
	}
	t := &content.Tag{Lang: lang, Slug: slug, Name: s.Text(lang, name)}
	if err := tx.CreateTag(ctx, t); err != nil {
		return 0, fmt.Errorf("new tag %q: %w", name, err)
	}
	return t.ID, nil
}

// dossierRefs lists the dossiers holding an article (none for a new one).
func dossierRefs(ctx context.Context, tx store.Tx, articleID int64) ([]content.DossierRef, error) {
	if articleID == 0 {
		return nil, nil
	}
	ds, err := tx.ArticleDossiers(ctx, articleID)
	if err != nil {
		return nil, err
	}
	refs := make([]content.DossierRef, len(ds))
	for i, d := range ds {
		refs[i] = content.DossierRef{ID: d.ID, Lang: d.Lang}
	}
	return refs, nil
}

// setArticleDossiers puts the article in the dossiers wanted and takes it out of the
// others. Each dossier keeps its order and every other member, whatever their state:
// its list is rebuilt from all its members, not from what readers see. A new member
// goes last. It returns the dossiers holding the article now.
func (s *Service) setArticleDossiers(ctx context.Context, tx store.Tx, articleID int64, want []int64) ([]content.DossierRef, error) {
	have, err := dossierRefs(ctx, tx, articleID)
	if err != nil {
		return nil, err
	}
	var now []content.DossierRef
	for _, id := range want {
		d, err := tx.DossierByID(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, problem("dossiers", "gone")
		}
		if err != nil {
			return nil, err
		}
		now = append(now, content.DossierRef{ID: d.ID, Lang: d.Lang})
		if !slices.ContainsFunc(have, func(r content.DossierRef) bool { return r.ID == id }) {
			if err := s.changeMembers(ctx, tx, id, func(ids []int64) []int64 { return append(ids, articleID) }); err != nil {
				return nil, err
			}
		}
	}
	for _, d := range have {
		if !slices.Contains(want, d.ID) {
			if err := s.changeMembers(ctx, tx, d.ID, func(ids []int64) []int64 {
				return slices.DeleteFunc(ids, func(x int64) bool { return x == articleID })
			}); err != nil {
				return nil, err
			}
		}
	}
	return now, nil
}

// changeMembers rewrites a dossier's list with edit applied to all of its members.
func (s *Service) changeMembers(ctx context.Context, tx store.Tx, dossierID int64, edit func([]int64) []int64) error {
	ids, err := tx.DossierMembers(ctx, dossierID)
	if err != nil {
		return err
	}
	return tx.SetDossierArticles(ctx, dossierID, edit(ids))
}

// setBodyPhotos records the photos a's text places, those that exist: a revision may
// name one deleted since.
func setBodyPhotos(ctx context.Context, tx store.Tx, a *content.Article) error {
	ids := BodyPhotoIDs(a.Body)
	if len(ids) > 0 {
		photos, err := tx.PhotosByID(ctx, ids)
		if err != nil {
			return err
		}
		ids = slices.DeleteFunc(ids, func(id int64) bool { _, ok := photos[id]; return !ok })
	}
	return tx.SetBodyPhotos(ctx, a.ID, ids)
}
