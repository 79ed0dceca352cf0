package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
)

// lockSQLiteStartup keeps two instances that open one data directory at once from
// stepping on each other until the database is in WAL mode and migrated. goose reads
// what is applied before it opens a migration's transaction, so both would find the
// same migration pending and the second would fail on "table already exists"; and the
// switch of a new database to WAL mode answers SQLITE_BUSY at once, whatever the busy
// timeout, to a connection that opens meanwhile.
//
// SQLite has no advisory locks: an exclusive transaction on a lock file of its own serves
// as one. It waits with a busy timeout, works wherever SQLite does, and is released by
// the operating system if the process dies. It cannot be taken on the database itself,
// which it would shut the migrations out of.
func lockSQLiteStartup(ctx context.Context, dbPath string) (unlock func() error, err error) {
	lockPath := dbPath + "-startup-lock"
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(300000)") // migrations take seconds; give up after minutes
	q.Set("_txlock", "exclusive")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: lockPath}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("start-up lock %s: %w", lockPath, err)
	}
	return func() error { return errors.Join(tx.Rollback(), db.Close()) }, nil
}
