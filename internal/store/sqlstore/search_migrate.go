package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3"
)

// fillSearchVersion indexes the articles that exist in the search index migration 5
// creates. It is Go because the analysis is: neither database stems as we do. Documents
// of other types come later (migration 9), with nothing to index yet.
const fillSearchVersion = 6

// searchDialect is the store's dialect for a goose dialect.
func searchDialect(d goose.Dialect) *dialect {
	if d == goose.DialectPostgres {
		return postgresDialect
	}
	return sqliteDialect
}

func searchMigration(d goose.Dialect) *goose.Migration {
	sd := searchDialect(d)
	fill := func(ctx context.Context, tx *sql.Tx) error {
		return buildAll(ctx, tx, sd, []*collectionSQL{sd.search.articles}, nil)
	}
	return goose.NewGoMigration(fillSearchVersion,
		&goose.GoFunc{RunTx: fill},
		&goose.GoFunc{Mode: goose.TransactionEnabled}) // migration 5's Down drops the index
}

// reanalyseSearchVersion analyses every article and document again, for the search
// that forgives missing accents: Dutch and English words are now folded before they are
// stemmed ("rôles" was indexed as "roles", and is "role" now, as "roles" is). French
// entries come out as they were; they are rebuilt all the same, because one rebuild of
// everything, emptied first, is simpler and leaves a tidier index than picking entries
// out. On 20,000 demo articles it took 4.5 to 5.5 s on SQLite
// and 14.5 to 16.5 s on PostgreSQL (an online reindex: 4.5 and 12.5 s), during which
// the site waits. Emptied first, PostgreSQL's index keeps its size (97 MB here, where
// rewriting each entry in place left it at 190 MB).
//
// It also adds the index by date that lists of every language walk (a search without
// words across languages, search_list.go), which took a sort of every published article.
//
// Older versions may still write (TRUE below): they ignore the new index, French
// entries are analysed exactly as before, and Dutch and English ones differ only in
// words with accents that their stemmers read, which the demo site's 68,700 Dutch and
// English terms have none of. An article an older instance saves during a rolling
// upgrade is found by the new search; the odd such word it holds ("scène") is indexed
// the old way until its next save or "roneo search reindex". The way down keeps the
// new entries, which older versions search as well, but for those same few words.
const reanalyseSearchVersion = 11

func reanalyseSearchMigration(d goose.Dialect) *goose.Migration {
	sd := searchDialect(d)
	up := func(ctx context.Context, tx *sql.Tx) error {
		cs := sd.search.collections()
		for _, c := range cs {
			if _, err := tx.ExecContext(ctx, c.clear); err != nil {
				return fmt.Errorf("emptying the search index: %w", err)
			}
		}
		if err := buildAll(ctx, tx, sd, cs, nil); err != nil {
			return err
		}
		for _, c := range cs {
			if c.analyze == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, c.analyze); err != nil {
				return fmt.Errorf("search index statistics: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE INDEX articles_by_date ON articles (status, publish_at DESC, id DESC)`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_compat (version, older_binaries_may_write) VALUES ($1, TRUE)`,
			reanalyseSearchVersion)
		return err
	}
	down := func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DROP INDEX articles_by_date`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM schema_compat WHERE version = $1`, reanalyseSearchVersion)
		return err
	}
	return goose.NewGoMigration(reanalyseSearchVersion, &goose.GoFunc{RunTx: up}, &goose.GoFunc{RunTx: down})
}
