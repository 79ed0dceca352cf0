package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/pressly/goose/v3"
)

// foldTitlesVersion fills articles.title_folded, which migration 3 adds, for the articles
// that exist. It is Go rather than SQL because the folding is Go's: lower() and the
// accent functions of the two databases disagree.
const foldTitlesVersion = 4

func foldTitlesMigration() *goose.Migration {
	return goose.NewGoMigration(foldTitlesVersion,
		&goose.GoFunc{RunTx: foldExistingTitles},
		&goose.GoFunc{Mode: goose.TransactionEnabled}) // migration 3's Down drops the column
}

// foldBatch is how many titles one UPDATE sets: round trips, not rows, are what a large
// site's upgrade would wait for on a remote PostgreSQL.
const foldBatch = 500

func foldExistingTitles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title FROM articles ORDER BY id`)
	if err != nil {
		return err
	}
	var args []any
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			rows.Close()
			return err
		}
		args = append(args, id, foldText(title))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for len(args) > 0 {
		n := min(len(args), 2*foldBatch)
		if _, err := tx.ExecContext(ctx, foldUpdate(n/2), args[:n]...); err != nil {
			return fmt.Errorf("folding titles: %w", err)
		}
		args = args[n:]
	}
	return nil
}

// foldUpdate sets title_folded for n articles from (id, folded) pairs. The VALUES columns
// are column1 and column2 on both databases; the casts give PostgreSQL their types.
func foldUpdate(n int) string {
	var b strings.Builder
	b.WriteString(`UPDATE articles SET title_folded = v.column2 FROM (VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "(CAST($%d AS BIGINT), CAST($%d AS TEXT))", 2*i+1, 2*i+2)
	}
	b.WriteString(`) AS v WHERE articles.id = v.column1`)
	return b.String()
}
