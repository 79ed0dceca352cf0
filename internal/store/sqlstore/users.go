package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

const userColumns = `u.id, u.email, u.name, u.role, u.lang, u.password_hash, u.totp_secret, u.totp_last_step,
	u.recovery_codes, COALESCE(u.person_id, 0), u.disabled, u.created_at, u.updated_at`

func scanUser(s scanner) (auth.User, error) {
	var u auth.User
	var codes string
	var created, updated sql.NullInt64
	if err := s.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.Lang, &u.PasswordHash, &u.TOTPSecret, &u.TOTPLastStep,
		&codes, &u.PersonID, &u.Disabled, &created, &updated); err != nil {
		return u, err
	}
	u.CreatedAt, u.UpdatedAt = fromUnix(created), fromUnix(updated)
	var hashes []string
	if err := json.Unmarshal([]byte(codes), &hashes); err != nil {
		return u, fmt.Errorf("user %d recovery codes: %w", u.ID, err)
	}
	if len(hashes) > 0 {
		u.RecoveryCodes = hashes
	}
	return u, nil
}

// encodeCodes stores recovery code hashes as a JSON array, never NULL.
func encodeCodes(codes []string) string {
	if len(codes) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(codes) // a []string always encodes
	return string(b)
}

// CountUsers counts accounts, disabled ones included: the site needs setting up only
// while there are none.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	row := db.queryRow(ctx, `SELECT COUNT(*) FROM users`)
	var n int
	return n, db.dialect.translate(row.Scan(&n))
}

// User returns the account with this ID.
func (db *DB) User(ctx context.Context, id int64) (auth.User, error) {
	return db.oneUser(ctx, fmt.Sprint("user ", id), `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id)
}

// UserByEmail returns the account signing in with email, compared as auth.NormalizeEmail
// stores it.
func (db *DB) UserByEmail(ctx context.Context, email string) (auth.User, error) {
	email = auth.NormalizeEmail(email)
	return db.oneUser(ctx, "user "+email, `SELECT `+userColumns+` FROM users u WHERE u.email = $1`, email)
}

func (db *DB) oneUser(ctx context.Context, what, query string, arg any) (auth.User, error) {
	row := db.queryRow(ctx, query, arg)
	u, err := scanUser(row)
	if err != nil {
		return auth.User{}, fmt.Errorf("%s: %w", what, db.dialect.translate(err))
	}
	return u, nil
}

// Users lists every account by name.
func (db *DB) Users(ctx context.Context) ([]auth.User, error) {
	users, err := collect(scanUser)(db.query(ctx, `SELECT `+userColumns+` FROM users u`))
	if err != nil {
		return nil, err
	}
	sortByName(users, func(u auth.User) string { return u.Name }, func(u auth.User) int64 { return u.ID })
	return users, nil
}

// CreateUser stores a new account and sets its ID and times. An e-mail address already
// taken is store.ErrConflict.
func (t *tx) CreateUser(ctx context.Context, u *auth.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := t.db.now().UTC().Truncate(time.Second)
	row := t.queryRow(ctx, `INSERT INTO users (email, name, role, lang, password_hash, totp_secret,
			totp_last_step, recovery_codes, person_id, disabled, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
		u.Email, u.Name, u.Role, u.Lang, u.PasswordHash, u.TOTPSecret, u.TOTPLastStep,
		encodeCodes(u.RecoveryCodes), nullID(u.PersonID), u.Disabled, toUnix(now))
	if err := row.Scan(&u.ID); err != nil {
		return fmt.Errorf("user %s: %w", u.Email, t.db.dialect.translate(err))
	}
	u.CreatedAt, u.UpdatedAt = now, now
	return nil
}

// UpdateUser saves every field of u but its creation time, if the stored account is
// still read, field for field: the statement's condition is the account as the caller
// read it before deciding, so a write made on a stale read (an admin disabling the
// account meanwhile, a code used at the same moment) changes nothing and is
// store.ErrConflict. One statement, so no database can slip a change between the check
// and the write. The codes are compared as encodeCodes writes them, the only way they
// are ever written.
func (t *tx) UpdateUser(ctx context.Context, read auth.User, u *auth.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if read.ID != u.ID {
		return fmt.Errorf("user %d: %w: saved over the read of user %d", u.ID, content.ErrInvalid, read.ID)
	}
	now := t.db.now().UTC().Truncate(time.Second)
	row := t.queryRow(ctx, `UPDATE users SET email = $1, name = $2, role = $3, lang = $4, password_hash = $5,
			totp_secret = $6, totp_last_step = $7, recovery_codes = $8, person_id = $9, disabled = $10,
			updated_at = $11
		WHERE id = $12 AND email = $13 AND name = $14 AND role = $15 AND lang = $16 AND password_hash = $17
			AND totp_secret = $18 AND totp_last_step = $19 AND recovery_codes = $20
			AND COALESCE(person_id, 0) = $21 AND disabled = $22 AND updated_at = $23
		RETURNING created_at`,
		u.Email, u.Name, u.Role, u.Lang, u.PasswordHash, u.TOTPSecret, u.TOTPLastStep,
		encodeCodes(u.RecoveryCodes), nullID(u.PersonID), u.Disabled, toUnix(now), u.ID,
		read.Email, read.Name, read.Role, read.Lang, read.PasswordHash, read.TOTPSecret, read.TOTPLastStep,
		encodeCodes(read.RecoveryCodes), read.PersonID, read.Disabled, toUnix(read.UpdatedAt))
	var created sql.NullInt64
	err := row.Scan(&created)
	if errors.Is(err, store.ErrNotFound) {
		err = unchanged(ctx, t.queryRow, u.ID)
	}
	if err != nil {
		return fmt.Errorf("user %d: %w", u.ID, err)
	}
	u.CreatedAt, u.UpdatedAt = fromUnix(created), now
	return nil
}

// ReplaceRecoveryCodes stores remaining as the account's recovery codes if they are
// still read: using a code is one conditional statement, so a code sent several times
// at once is used once. store.ErrConflict when the codes changed meanwhile (the caller
// reads them again before trying another time).
func (db *DB) ReplaceRecoveryCodes(ctx context.Context, userID int64, read, remaining []string) error {
	res, err := db.write.ExecContext(ctx, `UPDATE users SET recovery_codes = $1 WHERE id = $2 AND recovery_codes = $3`,
		encodeCodes(remaining), userID, encodeCodes(read))
	return db.changedOne(ctx, res, err, userID)
}

// AdvanceTOTPStep records step as the last time step whose code was accepted, if the
// account still has this secret and accepted no code of this step or a later one: a
// code sent several times at once signs in once. store.ErrConflict otherwise.
func (db *DB) AdvanceTOTPStep(ctx context.Context, userID int64, secret string, step int64) error {
	res, err := db.write.ExecContext(ctx, `UPDATE users SET totp_last_step = $1
		WHERE id = $2 AND totp_secret = $3 AND totp_secret <> '' AND totp_last_step < $1`, step, userID, secret)
	return db.changedOne(ctx, res, err, userID)
}

// changedOne reads the result of a conditional update of one account: nil when it
// changed the row, store.ErrConflict when the condition failed, store.ErrNotFound when
// there is no such account.
func (db *DB) changedOne(ctx context.Context, res sql.Result, err error, userID int64) error {
	if err != nil {
		return fmt.Errorf("user %d: %w", userID, db.dialect.translate(err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("user %d: %w", userID, err)
	}
	if n == 1 {
		return nil
	}
	if err := unchanged(ctx, db.queryRow, userID); err != nil {
		return fmt.Errorf("user %d: %w", userID, err)
	}
	return nil
}

// unchanged explains why a conditional update of an account changed nothing: the
// account changed since it was read (store.ErrConflict), or it does not exist.
func unchanged(ctx context.Context, queryRow func(context.Context, string, ...any) *row, id int64) error {
	var one int
	err := queryRow(ctx, `SELECT 1 FROM users WHERE id = $1`, id).Scan(&one)
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: the account changed since it was read", store.ErrConflict)
}

var _ store.Tx = (*tx)(nil)
