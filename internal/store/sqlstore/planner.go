package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Analyze gathers, over every table of the store, the statistics the query planner
// chooses its indexes by. Run it after filling the database in bulk (demo content, an
// import, a restore): without them a page can be planned as for empty tables and read
// every article.
func (db *DB) Analyze(ctx context.Context) error {
	if db.dialect.reloadStatistics == "" {
		// Outside a transaction, each table is analysed in its own, holding its lock
		// only while it is read.
		statement, err := db.analyzeStatement(ctx, db.write)
		if err == nil {
			_, err = db.write.ExecContext(ctx, statement)
		}
		return db.statisticsError(err)
	}
	return db.statisticsError(inWriteTx(ctx, db.write, func(tx *sql.Tx) error {
		return db.analyzeIn(ctx, tx)
	}))
}

// analyzeIn gathers the statistics of every table within tx, where the rows it wrote
// are seen: a copy commits its rows and their statistics together.
func (db *DB) analyzeIn(ctx context.Context, tx *sql.Tx) error {
	statement, err := db.analyzeStatement(ctx, tx)
	if err != nil {
		return err
	}
	return db.refreshIn(ctx, tx, statement)
}

// Optimize refreshes the planner statistics of the tables that changed a lot since they
// were last gathered (or never were), and costs next to nothing when none did: opening a
// SQLite database calls it, and "roneo serve" every few hours. PostgreSQL's autovacuum
// does this on its own.
func (db *DB) Optimize(ctx context.Context) error {
	if db.dialect.optimize == "" {
		return nil
	}
	return db.statisticsError(inWriteTx(ctx, db.write, func(tx *sql.Tx) error {
		return db.refreshIn(ctx, tx, db.dialect.optimize)
	}))
}

// optimizeFilled runs Optimize on a database that holds articles. A new one has nothing
// to measure yet: statistics of its nearly empty tables only misled the planner while
// demo content or an import filled it (a 20,000-article demo spent a third more time in
// the kernel, reading pages); that fill ends with Analyze.
func (db *DB) optimizeFilled(ctx context.Context) error {
	var filled bool
	if err := db.write.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&filled); err != nil {
		return db.statisticsError(err)
	}
	if !filled {
		return nil
	}
	return db.Optimize(ctx)
}

func (db *DB) statisticsError(err error) error {
	if err != nil {
		return fmt.Errorf("planner statistics: %w", db.dialect.translate(err))
	}
	return nil
}

// analyzeStatement is the ANALYZE of the store's own tables: on PostgreSQL a bare
// ANALYZE would read every table of the database, other schemas' too.
func (db *DB) analyzeStatement(ctx context.Context, q querier) (string, error) {
	if db.dialect.ownTables == "" {
		return "ANALYZE", nil
	}
	rows, err := q.QueryContext(ctx, db.dialect.ownTables)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
		names = append(names, `"`+strings.ReplaceAll(name, `"`, `""`)+`"`)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(names) == 0 {
		return "ANALYZE", nil
	}
	return "ANALYZE " + strings.Join(names, ", "), nil
}

// refreshIn runs statement, which gathers statistics, in tx; where readers keep the
// statistics they started with, it then makes them take the new ones if any changed.
func (db *DB) refreshIn(ctx context.Context, tx *sql.Tx, statement string) error {
	if db.dialect.reloadStatistics == "" {
		_, err := tx.ExecContext(ctx, statement)
		return err
	}
	before, err := sqliteStatistics(ctx, tx, db.dialect)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, statement); err != nil {
		return err
	}
	if err := dropSamples(ctx, tx, db.dialect); err != nil {
		return err
	}
	after, err := sqliteStatistics(ctx, tx, db.dialect)
	if err != nil || after == before {
		return err
	}
	_, err = tx.ExecContext(ctx, db.dialect.reloadStatistics)
	return err
}

// dropSamples deletes the value samples SQLite's ANALYZE keeps beside the counts
// (sqlite_stat4). With samples, a prepared statement whose plan could depend on the
// value bound to a parameter is compiled again each time that value changes: every page
// then parsed and planned its queries anew, which took more time than running them. The
// counts alone choose the same indexes for the site's queries (plan_test.go checks).
func dropSamples(ctx context.Context, tx *sql.Tx, d *dialect) error {
	if exists, err := tableExists(ctx, tx, d, "sqlite_stat4"); err != nil || !exists {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM sqlite_stat4`)
	return err
}

// sqliteStatistics returns the whole of SQLite's planner statistics, to tell whether they
// changed; empty when none were ever gathered.
func sqliteStatistics(ctx context.Context, tx *sql.Tx, d *dialect) (string, error) {
	if exists, err := tableExists(ctx, tx, d, "sqlite_stat1"); err != nil || !exists {
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
