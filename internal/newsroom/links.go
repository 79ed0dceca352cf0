package newsroom

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// One-time links: the first admin's set-up, a password reset, an invitation (a reset
// that lives longer, since it waits for someone to read their mail).
const (
	PurposeSetup   = "setup"
	PurposeReset   = "reset"
	setupLifetime  = 24 * time.Hour
	resetLifetime  = time.Hour
	inviteLifetime = 7 * 24 * time.Hour
)

// ErrHasUsers: a set-up link is only for a newsroom without any account.
var ErrHasUsers = errors.New("the newsroom already has accounts")

// SetupLink makes a one-time link that creates the first admin, valid for a day. base is
// the site's public address without a trailing slash. It refuses once an account exists.
func SetupLink(ctx context.Context, nr store.Accounts, base string, now time.Time) (string, error) {
	n, err := nr.CountUsers(ctx)
	if err != nil {
		return "", err
	}
	if n > 0 {
		return "", ErrHasUsers
	}
	return newLink(ctx, nr, base, PurposeSetup, 0, now, setupLifetime, "setup/")
}

// ResetLink makes a one-time password-reset link for the account with email, valid for
// an hour: the fallback of an admin at the console when no e-mail can be sent.
func ResetLink(ctx context.Context, nr store.Accounts, base, email string, now time.Time) (string, error) {
	u, err := nr.UserByEmail(ctx, auth.NormalizeEmail(email))
	if err != nil {
		return "", fmt.Errorf("account %s: %w", email, err)
	}
	return newLink(ctx, nr, base, PurposeReset, u.ID, now, resetLifetime, "reset/")
}

func newLink(ctx context.Context, nr store.Accounts, base, purpose string, userID int64, now time.Time, life time.Duration, path string) (string, error) {
	secret, hash, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	t := store.Token{Hash: hash, Purpose: purpose, UserID: userID, CreatedAt: now, ExpiresAt: now.Add(life)}
	if err := nr.CreateToken(ctx, t); err != nil {
		return "", fmt.Errorf("%s link: %w", purpose, err)
	}
	return base + prefix + path + secret, nil
}
