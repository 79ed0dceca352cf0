package sqlstore

import (
	"context"
	"fmt"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// dossierSQL reads dossiers and their lists on a conn.
type dossierSQL struct{ c conn }

// Dossier finds a dossier by language and slug.
func (r dossierSQL) Dossier(ctx context.Context, lang content.Lang, slug string) (content.Dossier, error) {
	d, err := scanDossier(r.c.queryRow(ctx, `SELECT `+dossierColumns+` FROM dossiers d WHERE d.lang = $1 AND d.slug = $2`, lang, slug))
	if err != nil {
		return d, fmt.Errorf("dossier %s/%s: %w", lang, slug, err)
	}
	return d, nil
}

// DossierByID finds a dossier by ID.
func (r dossierSQL) DossierByID(ctx context.Context, id int64) (content.Dossier, error) {
	d, err := scanDossier(r.c.queryRow(ctx, `SELECT `+dossierColumns+` FROM dossiers d WHERE d.id = $1`, id))
	if err != nil {
		return d, fmt.Errorf("dossier %d: %w", id, err)
	}
	return d, nil
}

// Dossiers lists a language's dossiers, most recently updated first.
func (r dossierSQL) Dossiers(ctx context.Context, lang content.Lang, featuredOnly bool, limit, offset int) ([]content.Dossier, error) {
	if err := pageBounds(limit, offset); err != nil {
		return nil, err
	}
	return collectDossiers(r.c.query(ctx, `SELECT `+dossierColumns+` FROM dossiers d
		WHERE d.lang = $1 AND (d.featured = TRUE OR $2 = FALSE)
		ORDER BY d.updated_at DESC, d.id DESC LIMIT $3 OFFSET $4`, lang, featuredOnly, limit, offset))
}

// DossierVersions returns the language versions of a dossier.
func (r dossierSQL) DossierVersions(ctx context.Context, storyID int64) ([]content.Dossier, error) {
	return collectDossiers(r.c.query(ctx, `SELECT `+dossierColumns+` FROM dossiers d
		WHERE d.story_id = $1 ORDER BY d.lang`, storyID))
}

// DossierArticles lists the articles of a dossier that audience may see, in the editors'
// order.
func (r dossierSQL) DossierArticles(ctx context.Context, dossierID int64, audience store.Audience, limit, offset int) ([]content.Teaser, error) {
	if err := pageBounds(limit, offset); err != nil {
		return nil, err
	}
	visible, err := audienceCondition(audience)
	if err != nil {
		return nil, err
	}
	return collectTeasers(r.c.query(ctx, `SELECT `+teaserColumns+`
		FROM dossier_articles da JOIN articles a ON a.id = da.article_id`+photoJoin+`
		WHERE da.dossier_id = $1 AND `+visible+`
		ORDER BY da.position, a.id LIMIT $2 OFFSET $3`, dossierID, limit, offset))
}

// DossierMembers returns every article of a dossier, in order, whatever its state.
func (r dossierSQL) DossierMembers(ctx context.Context, dossierID int64) ([]int64, error) {
	return collect(scanID)(r.c.query(ctx, `SELECT article_id FROM dossier_articles
		WHERE dossier_id = $1 ORDER BY position, article_id`, dossierID))
}

// ArticleDossiers lists the dossiers an article belongs to.
func (r dossierSQL) ArticleDossiers(ctx context.Context, articleID int64) ([]content.Dossier, error) {
	return collectDossiers(r.c.query(ctx, `SELECT `+dossierColumns+`
		FROM dossier_articles da JOIN dossiers d ON d.id = da.dossier_id
		WHERE da.article_id = $1 ORDER BY d.title`, articleID))
}
