package sqlstore

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

// fillSearchVersion indexes the articles that exist in the search index migration 5
// creates. It is Go because the analysis is: neither database stems as we do. Documents
// of other types come later (migration 9), with nothing to index yet.
const fillSearchVersion = 6

func searchMigration(d goose.Dialect) *goose.Migration {
	sd := sqliteDialect
	if d == goose.DialectPostgres {
		sd = postgresDialect
	}
	fill := func(ctx context.Context, tx *sql.Tx) error {
		return buildAll(ctx, tx, sd, []*collectionSQL{sd.search.articles}, nil)
	}
	return goose.NewGoMigration(fillSearchVersion,
		&goose.GoFunc{RunTx: fill},
		&goose.GoFunc{Mode: goose.TransactionEnabled}) // migration 5's Down drops the index
}
