package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// Analyze gathers, over every table, the statistics the query planner chooses its
// indexes by. Run it after filling the database in bulk (demo content, an import, a
// copy): without them a page can be planned as for empty tables and read every article.
func (db *DB) Analyze(ctx context.Context) error {
	return db.refreshStatistics(ctx, `ANALYZE`)
}

// Optimize refreshes the planner statistics of the tables that changed a lot since they
// were last gathered (or never were), and costs next to nothing when none did: opening a
// SQLite database calls it, and "roneo serve" every few hours. PostgreSQL's autovacuum
// does this on its own.
func (db *DB) Optimize(ctx context.Context) error {
	if db.dialect.optimize == "" {
		return nil
	}
	return db.refreshStatistics(ctx, db.dialect.optimize)
}

func (db *DB) refreshStatistics(ctx context.Context, statement string) error {
	err := inWriteTx(ctx, db.write, func(tx *sql.Tx) error {
		if db.dialect.reloadStatistics == "" {
			_, err := tx.ExecContext(ctx, statement)
			return err
		}
		before, err := sqliteStatistics(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, statement); err != nil {
			return err
		}
		after, err := sqliteStatistics(ctx, tx)
		if err != nil || after == before {
			return err
		}
		_, err = tx.ExecContext(ctx, db.dialect.reloadStatistics)
		return err
	})
	if err != nil {
		return fmt.Errorf("planner statistics: %w", db.dialect.translate(err))
	}
	return nil
}

// sqliteStatistics returns the whole of SQLite's planner statistics, to tell whether they
// changed; empty when none were ever gathered.
func sqliteStatistics(ctx context.Context, tx *sql.Tx) (string, error) {
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1')`).Scan(&exists); err != nil || !exists {
		return "", err
	}
	var all sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT group_concat(tbl || ' ' || COALESCE(idx, '') || ' ' || COALESCE(stat, ''), ';') FROM sqlite_stat1`).Scan(&all)
	return all.String, err
}

// inWriteTx runs fn in a transaction on the write pool, committed if fn succeeds.
func inWriteTx(ctx context.Context, write *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
