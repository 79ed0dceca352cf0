package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/store"
)

// The audit log is only ever added to: no method changes or deletes an entry.

const insertAudit = `INSERT INTO audit_log (at, user_id, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)`

// auditArgs are insertAudit's parameters; an entry without a time is dated now.
func (db *DB) auditArgs(e store.AuditEntry) []any {
	at := e.At
	if at.IsZero() {
		at = db.now()
	}
	return []any{at.Unix(), nullID(e.UserID), e.Actor, e.Action, e.Target, e.Detail}
}

// AppendAudit adds an entry on its own, for what happens outside any change of content.
func (db *DB) AppendAudit(ctx context.Context, e store.AuditEntry) error {
	if _, err := db.write.ExecContext(ctx, insertAudit, db.auditArgs(e)...); err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, db.dialect.translate(err))
	}
	return nil
}

// Audit adds an entry that commits, or not, with the rest of the transaction.
func (t *tx) Audit(ctx context.Context, e store.AuditEntry) error {
	if _, err := t.exec(ctx, insertAudit, t.db.auditArgs(e)...); err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

// defaultPageSize is the page of a newsroom list whose query sets no limit.
const defaultPageSize = 50

// AuditLog lists entries, the newest first. An action ending in "." selects the family
// ("article." → "article.publish", "article.trash", …); both databases compare the column
// byte by byte, so the family is a range of its index.
func (db *DB) AuditLog(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error) {
	if err := pageBounds(q.Limit, q.Offset); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.UserID != 0 {
		where = append(where, "user_id = "+arg(q.UserID))
	}
	switch family, ok := strings.CutSuffix(q.Action, "."); {
	case ok && family != "":
		// "/" is the byte after ".": every action of the family sorts between the two.
		where = append(where, "action >= "+arg(q.Action), "action < "+arg(family+"/"))
	case q.Action != "":
		where = append(where, "action = "+arg(q.Action))
	}
	if !q.Since.IsZero() {
		where = append(where, "at >= "+arg(q.Since.Unix()))
	}
	if !q.Before.IsZero() {
		where = append(where, "at < "+arg(q.Before.Unix()))
	}
	query := `SELECT id, at, COALESCE(user_id, 0), actor, action, target, detail FROM audit_log`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY at DESC, id DESC LIMIT ` + arg(pageSize(q.Limit)) + ` OFFSET ` + arg(q.Offset)
	return collect(scanAudit)(db.query(ctx, query, args...))
}

// pageSize gives a newsroom list whose query sets no limit the default page: a zero
// limit would show nothing, and no limit at all could mean every article of a large site.
func pageSize(limit int) int {
	if limit == 0 {
		return defaultPageSize
	}
	return limit
}

func scanAudit(s scanner) (store.AuditEntry, error) {
	var e store.AuditEntry
	var at sql.NullInt64
	err := s.Scan(&e.ID, &at, &e.UserID, &e.Actor, &e.Action, &e.Target, &e.Detail)
	e.At = fromUnix(at)
	return e, err
}
