package store

import (
	"context"

	"github.com/roneo/roneo/internal/content"
)

// DossierReader reads dossiers and their ordered lists of articles.
type DossierReader interface {
	Dossier(ctx context.Context, lang content.Lang, slug string) (content.Dossier, error)
	DossierByID(ctx context.Context, id int64) (content.Dossier, error)
	// Dossiers lists a language's dossiers, most recently changed first.
	Dossiers(ctx context.Context, lang content.Lang, featuredOnly bool, limit, offset int) ([]content.Dossier, error)
	// DossierVersions returns the language versions of a dossier.
	DossierVersions(ctx context.Context, storyID int64) ([]content.Dossier, error)
	// DossierArticles returns the articles of a dossier that audience may see, in the
	// editors' order.
	DossierArticles(ctx context.Context, dossierID int64, audience Audience, limit, offset int) ([]content.Teaser, error)
	// DossierMembers returns the IDs of every article of a dossier in the editors' order,
	// whatever its state, the trash included: a dossier's list is rebuilt from it, and
	// must lose nothing it did not mean to.
	DossierMembers(ctx context.Context, dossierID int64) ([]int64, error)
	// ArticleDossiers lists the dossiers an article belongs to, by title.
	ArticleDossiers(ctx context.Context, articleID int64) ([]content.Dossier, error)
}

// DossierWriter changes dossiers.
type DossierWriter interface {
	CreateDossier(ctx context.Context, d *content.Dossier) error
	UpdateDossier(ctx context.Context, d *content.Dossier) error
	// SetDossierArticles replaces a dossier's ordered list of articles.
	SetDossierArticles(ctx context.Context, dossierID int64, articleIDs []int64) error
}
