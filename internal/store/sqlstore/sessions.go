package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// Sessions and tokens are single statements on the write pool, outside Update: they are
// not content, and nobody needs to hear of them.

const sessionColumns = `hash, user_id, second_factor, created_at, last_seen, expires_at, user_agent`

func scanSession(s scanner) (store.Session, error) {
	var x store.Session
	var created, seen, expires sql.NullInt64
	err := s.Scan(&x.Hash, &x.UserID, &x.SecondFactor, &created, &seen, &expires, &x.UserAgent)
	x.CreatedAt, x.LastSeen, x.ExpiresAt = fromUnix(created), fromUnix(seen), fromUnix(expires)
	return x, err
}

// CreateSession stores a new session, and forgets the sessions that have expired: signing
// in is frequent enough to keep the table small, and rare enough to cost nothing. A
// session without a creation time is created now, and last seen then.
func (db *DB) CreateSession(ctx context.Context, s store.Session) error {
	if err := db.sweep(ctx, "sessions"); err != nil {
		return err
	}
	s.CreatedAt = orNow(s.CreatedAt, db.now().UTC().Truncate(time.Second))
	s.LastSeen = orNow(s.LastSeen, s.CreatedAt)
	_, err := db.write.ExecContext(ctx, `INSERT INTO sessions (`+sessionColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		s.Hash, s.UserID, s.SecondFactor, toUnix(s.CreatedAt), toUnix(s.LastSeen), toUnix(s.ExpiresAt), s.UserAgent)
	if err != nil {
		return fmt.Errorf("session of user %d: %w", s.UserID, db.dialect.translate(err))
	}
	return nil
}

// sweep deletes the rows of sessions or tokens that expired before the store's clock.
func (db *DB) sweep(ctx context.Context, table string) error {
	// The table name is one of two constants, never input.
	_, err := db.write.ExecContext(ctx, `DELETE FROM `+table+` WHERE expires_at <= $1`, db.now().Unix())
	if err != nil {
		return fmt.Errorf("sweeping expired %s: %w", table, db.dialect.translate(err))
	}
	return nil
}

// SessionByHash returns the session if it has not expired at now.
func (db *DB) SessionByHash(ctx context.Context, hash string, now time.Time) (store.Session, error) {
	row := db.queryRow(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE hash = $1 AND expires_at > $2`, hash, now.Unix())
	s, err := scanSession(row)
	if err != nil {
		return store.Session{}, fmt.Errorf("session: %w", db.dialect.translate(err))
	}
	return s, nil
}

// TouchSession records activity and moves the expiry (a sliding lifetime).
func (db *DB) TouchSession(ctx context.Context, hash string, lastSeen, expiresAt time.Time) error {
	return db.execOne(ctx, "session", `UPDATE sessions SET last_seen = $1, expires_at = $2 WHERE hash = $3`,
		toUnix(lastSeen), toUnix(expiresAt), hash)
}

// SetSecondFactor marks the session as having given the second factor.
func (db *DB) SetSecondFactor(ctx context.Context, hash string) error {
	return db.execOne(ctx, "session", `UPDATE sessions SET second_factor = TRUE WHERE hash = $1`, hash)
}

// DeleteSession signs a session out. Signing out twice is not an error.
func (db *DB) DeleteSession(ctx context.Context, hash string) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM sessions WHERE hash = $1`, hash)
	return db.dialect.translate(err)
}

// UserSessions lists a person's sessions valid at now, the most recently used first.
func (db *DB) UserSessions(ctx context.Context, userID int64, now time.Time) ([]store.Session, error) {
	return collect(scanSession)(db.query(ctx, `SELECT `+sessionColumns+` FROM sessions
		WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen DESC, created_at DESC, hash`, userID, now.Unix()))
}

// DeleteUserSessions signs a person out everywhere but keep.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64, keep string) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND hash <> $2`, userID, keep)
	if err != nil {
		return fmt.Errorf("sessions of user %d: %w", userID, db.dialect.translate(err))
	}
	return nil
}

// CreateToken stores a one-time link, and forgets the expired ones.
func (db *DB) CreateToken(ctx context.Context, t store.Token) error {
	if err := db.sweep(ctx, "tokens"); err != nil {
		return err
	}
	t.CreatedAt = orNow(t.CreatedAt, db.now().UTC().Truncate(time.Second))
	_, err := db.write.ExecContext(ctx, `INSERT INTO tokens (hash, purpose, user_id, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5)`, t.Hash, t.Purpose, nullID(t.UserID), toUnix(t.CreatedAt), toUnix(t.ExpiresAt))
	if err != nil {
		return fmt.Errorf("%s token: %w", t.Purpose, db.dialect.translate(err))
	}
	return nil
}

// UseToken takes a token once. Deleting and returning it in one statement makes two
// concurrent uses, from any instances, succeed once.
func (db *DB) UseToken(ctx context.Context, hash, purpose string, now time.Time) (store.Token, error) {
	var t store.Token
	var user, created, expires sql.NullInt64
	err := db.write.QueryRowContext(ctx, `DELETE FROM tokens WHERE hash = $1 AND purpose = $2 AND expires_at > $3
		RETURNING hash, purpose, user_id, created_at, expires_at`, hash, purpose, now.Unix()).
		Scan(&t.Hash, &t.Purpose, &user, &created, &expires)
	if err != nil {
		return store.Token{}, fmt.Errorf("%s token: %w", purpose, db.dialect.translate(err))
	}
	t.UserID, t.CreatedAt, t.ExpiresAt = user.Int64, fromUnix(created), fromUnix(expires)
	return t, nil
}

// execOne runs a write that must touch one row; none is store.ErrNotFound.
func (db *DB) execOne(ctx context.Context, what, query string, args ...any) error {
	res, err := db.write.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, db.dialect.translate(err))
	}
	return oneRow(res, what)
}

// oneRow turns "no row affected" into store.ErrNotFound.
func oneRow(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return nil
}
