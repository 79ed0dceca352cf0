package sqlstore

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

// fillSearchVersion indexes the articles that exist in the search index migration 5
// creates. It is Go because the analysis is: neither database stems as we do.
const fillSearchVersion = 6

func searchMigration(d goose.Dialect) *goose.Migration {
	sd := sqliteDialect
	if d == goose.DialectPostgres {
		sd = postgresDialect
	}
	return goose.NewGoMigration(fillSearchVersion,
		&goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error { return buildAll(ctx, tx, sd, nil) }},
		&goose.GoFunc{Mode: goose.TransactionEnabled}) // migration 5's Down drops the index
}
