package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/auth"
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

// UpdateUser saves every field of an account but its creation time.
func (t *tx) UpdateUser(ctx context.Context, u *auth.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := t.db.now().UTC().Truncate(time.Second)
	row := t.queryRow(ctx, `UPDATE users SET email = $1, name = $2, role = $3, lang = $4, password_hash = $5,
			totp_secret = $6, totp_last_step = $7, recovery_codes = $8, person_id = $9, disabled = $10,
			updated_at = $11
		WHERE id = $12 RETURNING created_at`,
		u.Email, u.Name, u.Role, u.Lang, u.PasswordHash, u.TOTPSecret, u.TOTPLastStep,
		encodeCodes(u.RecoveryCodes), nullID(u.PersonID), u.Disabled, toUnix(now), u.ID)
	var created sql.NullInt64
	if err := row.Scan(&created); err != nil {
		return fmt.Errorf("user %d: %w", u.ID, t.db.dialect.translate(err))
	}
	u.CreatedAt, u.UpdatedAt = fromUnix(created), now
	return nil
}

var _ store.Tx = (*tx)(nil)
