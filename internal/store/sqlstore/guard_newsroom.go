package sqlstore

import (
	"context"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// The newsroom's part of guardedTx: every method records its error, as the others do.

func (g *guardedTx) CreateUser(ctx context.Context, u *auth.User) error {
	return g.record(g.tx.CreateUser(ctx, u))
}

func (g *guardedTx) UpdateUser(ctx context.Context, u *auth.User) error {
	return g.record(g.tx.UpdateUser(ctx, u))
}

func (g *guardedTx) Audit(ctx context.Context, e store.AuditEntry) error {
	return g.record(g.tx.Audit(ctx, e))
}

func (g *guardedTx) TrashArticle(ctx context.Context, id int64, at time.Time) error {
	return g.record(g.tx.TrashArticle(ctx, id, at))
}

func (g *guardedTx) RestoreArticle(ctx context.Context, id int64) error {
	return g.record(g.tx.RestoreArticle(ctx, id))
}

func (g *guardedTx) CreatePreview(ctx context.Context, p store.Preview) error {
	return g.record(g.tx.CreatePreview(ctx, p))
}

func (g *guardedTx) RevokePreview(ctx context.Context, hash string, at time.Time) error {
	return g.record(g.tx.RevokePreview(ctx, hash, at))
}

func (g *guardedTx) UpdatePerson(ctx context.Context, p *content.Person) error {
	return g.record(g.tx.UpdatePerson(ctx, p))
}

func (g *guardedTx) UpdateSection(ctx context.Context, s *content.Section) error {
	return g.record(g.tx.UpdateSection(ctx, s))
}

func (g *guardedTx) UpdateDossier(ctx context.Context, d *content.Dossier) error {
	return g.record(g.tx.UpdateDossier(ctx, d))
}
