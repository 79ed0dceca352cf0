package editorial

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// DossierInput is a dossier as an editor saves it.
type DossierInput struct {
	ID       int64 // 0: a new dossier
	Lang     content.Lang
	Title    string
	Slug     string // empty: made from the title
	Intro    string // Markdown
	Featured bool
	Image    content.Image
	// Members are the dossier's articles in order; nil leaves them as they are.
	Members []int64
}

// SaveDossier creates or changes a dossier and, when given, its ordered list of
// articles. A taken slug is a problem on "slug".
func (s *Service) SaveDossier(ctx context.Context, actor Actor, in DossierInput) (*content.Dossier, error) {
	if !actor.can(auth.ActTaxonomy) {
		return nil, ErrForbidden
	}
	d := &content.Dossier{ID: in.ID, Lang: in.Lang, Featured: in.Featured, Image: in.Image}
	d.Title = s.Text(in.Lang, in.Title)
	d.Intro = in.Intro
	if d.Slug = strings.TrimSpace(in.Slug); d.Slug == "" {
		d.Slug = content.Slugify(d.Title)
	}
	var err error
	if d.IntroHTML, err = s.Markdown(d.Lang, d.Intro); err != nil {
		return nil, err
	}
	err = s.update(ctx, func(tx store.Tx) error { return s.saveDossier(ctx, tx, actor, d, in.Members) })
	if errors.Is(err, store.ErrConflict) {
		return nil, problem("slug", "taken")
	}
	return d, err
}

func (s *Service) saveDossier(ctx context.Context, tx store.Tx, actor Actor, d *content.Dossier, members []int64) error {
	if err := s.checkSlug(d.Lang, d.Slug); err != nil {
		return err
	}
	langs := []content.Lang{d.Lang}
	action := "dossier.create"
	if d.ID == 0 {
		if err := tx.CreateDossier(ctx, d); err != nil {
			return err
		}
	} else {
		old, err := tx.DossierByID(ctx, d.ID)
		if err != nil {
			return err
		}
		d.StoryID, d.CreatedAt = old.StoryID, old.CreatedAt
		if err := tx.UpdateDossier(ctx, d); err != nil {
			return err
		}
		langs, action = append(langs, old.Lang), "dossier.update"
	}
	tx.Affect(content.DossierKeys(d.ID, langs...)...)
	if members != nil {
		if err := s.setMembers(ctx, tx, content.DossierRef{ID: d.ID, Lang: d.Lang}, members); err != nil {
			return err
		}
	}
	return tx.Audit(ctx, actor.entry(s.now(), "taxonomy."+action, "dossier", d.Title))
}

// SetDossierMembers replaces a dossier's ordered list of articles.
func (s *Service) SetDossierMembers(ctx context.Context, actor Actor, dossierID int64, members []int64) error {
	if !actor.can(auth.ActTaxonomy) {
		return ErrForbidden
	}
	return s.update(ctx, func(tx store.Tx) error {
		d, err := tx.DossierByID(ctx, dossierID)
		if err != nil {
			return err
		}
		if err := s.setMembers(ctx, tx, content.DossierRef{ID: d.ID, Lang: d.Lang}, members); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.entry(s.now(), "taxonomy.dossier.update", "dossier", d.Title))
	})
}

// setMembers writes a dossier's list; every article must exist.
func (s *Service) setMembers(ctx context.Context, tx store.Tx, d content.DossierRef, members []int64) error {
	members = dedupe(members)
	for _, id := range members {
		if _, err := tx.ArticleByID(ctx, id); errors.Is(err, store.ErrNotFound) {
			return problem("articles", "gone")
		} else if err != nil {
			return err
		}
	}
	before, err := tx.DossierMembers(ctx, d.ID)
	if err != nil {
		return err
	}
	if slices.Equal(before, members) {
		return nil
	}
	if err := tx.SetDossierArticles(ctx, d.ID, members); err != nil {
		return err
	}
	tx.Affect(content.DossierMembersKeys(d, before, members)...)
	return nil
}

// checkSlug refuses a slug the address scheme keeps for itself.
func (s *Service) checkSlug(lang content.Lang, slug string) error {
	if s.scheme.Reserved(lang, slug) {
		return problem("slug", "reserved")
	}
	return nil
}

func dedupe(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
