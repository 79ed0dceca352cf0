package sqlstore

import (
	"context"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// guardedTx is the Tx that Update hands out. It remembers the first error any method
// returned, so that a caller who ignores one still gets a rollback: after a failed
// statement PostgreSQL refuses the rest of the transaction, but SQLite would commit
// whatever had been written.
type guardedTx struct {
	tx  *tx
	err error
}

var _ store.Tx = (*guardedTx)(nil)

func (g *guardedTx) record(err error) error {
	if err != nil && g.err == nil {
		g.err = err
	}
	return err
}

func (g *guardedTx) PutSite(ctx context.Context, s content.Site) error {
	return g.record(g.tx.PutSite(ctx, s))
}

func (g *guardedTx) CreatePerson(ctx context.Context, p *content.Person) error {
	return g.record(g.tx.CreatePerson(ctx, p))
}

func (g *guardedTx) CreateSection(ctx context.Context, s *content.Section) error {
	return g.record(g.tx.CreateSection(ctx, s))
}

func (g *guardedTx) CreateTag(ctx context.Context, t *content.Tag) error {
	return g.record(g.tx.CreateTag(ctx, t))
}

func (g *guardedTx) CreateDossier(ctx context.Context, d *content.Dossier) error {
	return g.record(g.tx.CreateDossier(ctx, d))
}

func (g *guardedTx) SetDossierArticles(ctx context.Context, dossierID int64, articleIDs []int64) error {
	return g.record(g.tx.SetDossierArticles(ctx, dossierID, articleIDs))
}

func (g *guardedTx) CreateArticle(ctx context.Context, a *content.Article) error {
	return g.record(g.tx.CreateArticle(ctx, a))
}

func (g *guardedTx) UpdateArticle(ctx context.Context, a *content.Article) error {
	return g.record(g.tx.UpdateArticle(ctx, a))
}

func (g *guardedTx) PublishDue(ctx context.Context, now time.Time) ([]int64, error) {
	ids, err := g.tx.PublishDue(ctx, now)
	return ids, g.record(err)
}
