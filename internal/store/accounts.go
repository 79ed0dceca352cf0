package store

import (
	"context"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
)

// Session is a signed-in browser. Only a hash of its secret is stored, so that reading
// the database does not give anyone a way in.
type Session struct {
	Hash         string // SHA-256 of the cookie's secret, hex
	UserID       int64
	SecondFactor bool // the second factor was given (or none is required)
	CreatedAt    time.Time
	LastSeen     time.Time
	ExpiresAt    time.Time
	UserAgent    string // for the list of one's sessions
}

// Token is a one-time link: the first admin's set-up, a password reset.
type Token struct {
	Hash      string // SHA-256 of the secret in the link, hex
	Purpose   string // "setup" or "reset"
	UserID    int64  // 0 for set-up
	CreatedAt time.Time
	ExpiresAt time.Time
}

// AuditEntry is one line of the audit log. Entries are only ever added.
type AuditEntry struct {
	ID     int64
	At     time.Time
	UserID int64  // 0: nobody signed in (a failed sign-in)
	Actor  string // the account's e-mail at the time, or what was typed
	Action string // "signin", "signin.failed", "article.publish", "user.role", ...
	Target string // what it was done to: "article 12", "user 3", "settings"
	Detail string
}

// AuditQuery filters the audit log; zero values match everything.
type AuditQuery struct {
	UserID        int64
	Action        string // exact, or a prefix ending in "." ("article.")
	Since, Before time.Time
	Limit, Offset int
}

// Preview is a secret link to an embargoed press release, for journalists.
type Preview struct {
	Hash      string // SHA-256 of the secret in the link, hex
	ArticleID int64
	CreatedBy int64
	CreatedAt time.Time
	ExpiresAt time.Time // when the embargo lifts; the link stops working then
	RevokedAt time.Time
	Note      string // whom it was given to, for the editor's list
}

// Autosave is what an editor typed but has not saved yet, kept per person and article.
type Autosave struct {
	ArticleID int64 // 0 for an article not yet created
	UserID    int64
	SavedAt   time.Time
	Article   content.Article
}

// Accounts are the newsroom's people and their ways in. Sessions and tokens are single
// statements; accounts change in write transactions (AccountWriter), with their audit
// entry.
type Accounts interface {
	CountUsers(ctx context.Context) (int, error)
	User(ctx context.Context, id int64) (auth.User, error)
	UserByEmail(ctx context.Context, email string) (auth.User, error)
	Users(ctx context.Context) ([]auth.User, error)

	CreateSession(ctx context.Context, s Session) error
	// SessionByHash returns a session that has not expired at now.
	SessionByHash(ctx context.Context, hash string, now time.Time) (Session, error)
	TouchSession(ctx context.Context, hash string, lastSeen, expiresAt time.Time) error
	SetSecondFactor(ctx context.Context, hash string) error
	DeleteSession(ctx context.Context, hash string) error
	UserSessions(ctx context.Context, userID int64, now time.Time) ([]Session, error)
	// DeleteUserSessions signs a person out everywhere but the session keep ("" for all).
	DeleteUserSessions(ctx context.Context, userID int64, keep string) error

	// ReplaceRecoveryCodes stores remaining as the account's recovery codes if they are
	// still read; ErrConflict, and nothing changes, when they changed meanwhile. A
	// recovery code is used by this one conditional statement, so that sending it
	// several times at once signs in once.
	ReplaceRecoveryCodes(ctx context.Context, userID int64, read, remaining []string) error
	// AdvanceTOTPStep records step as the last time step whose code was accepted, if
	// the account still has secret and accepted no code of step or later; ErrConflict
	// otherwise. Like ReplaceRecoveryCodes, one conditional statement.
	AdvanceTOTPStep(ctx context.Context, userID int64, secret string, step int64) error

	CreateToken(ctx context.Context, t Token) error
	// UseToken takes a token once: it returns it and deletes it, or ErrNotFound when it
	// does not exist, has been used or has expired at now.
	UseToken(ctx context.Context, hash, purpose string, now time.Time) (Token, error)
}

// AccountWriter changes accounts inside a transaction.
type AccountWriter interface {
	CreateUser(ctx context.Context, u *auth.User) error
	// UpdateUser saves u over the account as the caller read it (read) before deciding
	// the change: when the stored account is no longer read, because someone changed
	// it meanwhile, it returns ErrConflict and changes nothing, so that a write made on
	// a stale read never undoes a concurrent change.
	UpdateUser(ctx context.Context, read auth.User, u *auth.User) error
}

// AuditReader reads the audit log, which is only ever added to.
type AuditReader interface {
	// AppendAudit adds an entry outside any transaction (sign-ins); inside one, use
	// AuditWriter.Audit so that the entry commits with the change.
	AppendAudit(ctx context.Context, e AuditEntry) error
	AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error)
}

// AuditWriter adds an entry that commits, or not, with the rest of the transaction.
type AuditWriter interface {
	Audit(ctx context.Context, e AuditEntry) error
}

// Previews are the secret links to embargoed press releases.
type Previews interface {
	// PreviewByHash returns the article of a preview link valid at now.
	PreviewByHash(ctx context.Context, hash string, now time.Time) (*content.Article, Preview, error)
	Previews(ctx context.Context, articleID int64) ([]Preview, error)
}

// PreviewWriter makes and revokes them.
type PreviewWriter interface {
	CreatePreview(ctx context.Context, p Preview) error
	RevokePreview(ctx context.Context, hash string, at time.Time) error
}

// Autosaves keep what an editor typed but has not saved, per person and article.
type Autosaves interface {
	PutAutosave(ctx context.Context, a Autosave) error
	Autosave(ctx context.Context, articleID, userID int64) (Autosave, error)
	DeleteAutosave(ctx context.Context, articleID, userID int64) error
}
