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

// Revision is an article as it was saved once.
type Revision struct {
	ID        int64
	ArticleID int64
	Version   int64
	UserID    int64
	SavedAt   time.Time
	Article   content.Article // the saved fields (relations as IDs)
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

// ArticleQuery selects articles for the newsroom's lists, drafts and trash included.
type ArticleQuery struct {
	Statuses  []content.Status // empty: all
	Kind      content.Kind
	SectionID int64
	Lang      content.Lang
	AuthorID  int64  // a person among the authors
	CreatedBy int64  // an account
	Title     string // words the title contains, ignoring case and accents
	Deleted   bool   // the trash instead of the live articles
	Limit     int
	Offset    int
}

// NewsroomItem is a line of the newsroom's article list.
type NewsroomItem struct {
	content.Teaser
	Status    content.Status
	CreatedBy int64
	UpdatedBy int64
	DeletedAt time.Time
	Version   int64
}

// Newsroom is what the newsroom reads and writes outside Update. Sessions, tokens and
// autosaves are single statements; everything that changes content goes through Update
// and NewsroomTx.
type Newsroom interface {
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

	CreateToken(ctx context.Context, t Token) error
	// UseToken takes a token once: it returns it and deletes it, or ErrNotFound when it
	// does not exist, has been used or has expired at now.
	UseToken(ctx context.Context, hash, purpose string, now time.Time) (Token, error)

	// AppendAudit adds an entry outside any transaction (sign-ins); inside one, use
	// NewsroomTx.Audit so that the entry commits with the change.
	AppendAudit(ctx context.Context, e AuditEntry) error
	AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error)

	ArticleByID(ctx context.Context, id int64) (*content.Article, error)
	NewsroomArticles(ctx context.Context, q ArticleQuery) ([]NewsroomItem, error)
	Revisions(ctx context.Context, articleID int64) ([]Revision, error)
	Revision(ctx context.Context, id int64) (Revision, error)

	// PreviewByHash returns the article of a preview link valid at now.
	PreviewByHash(ctx context.Context, hash string, now time.Time) (*content.Article, Preview, error)
	Previews(ctx context.Context, articleID int64) ([]Preview, error)

	PutAutosave(ctx context.Context, a Autosave) error
	Autosave(ctx context.Context, articleID, userID int64) (Autosave, error)
	DeleteAutosave(ctx context.Context, articleID, userID int64) error

	Persons(ctx context.Context) ([]content.Person, error)
	Tags(ctx context.Context, lang content.Lang) ([]content.Tag, error)
}

// NewsroomTx is the newsroom's part of a write transaction. CreateArticle and
// UpdateArticle of Tx record a revision each (with UpdatedBy as its author).
type NewsroomTx interface {
	CreateUser(ctx context.Context, u *auth.User) error
	UpdateUser(ctx context.Context, u *auth.User) error
	Audit(ctx context.Context, e AuditEntry) error
	// TrashArticle moves an article to the trash at at; RestoreArticle takes it out.
	TrashArticle(ctx context.Context, id int64, at time.Time) error
	RestoreArticle(ctx context.Context, id int64) error
	CreatePreview(ctx context.Context, p Preview) error
	RevokePreview(ctx context.Context, hash string, at time.Time) error
	UpdatePerson(ctx context.Context, p *content.Person) error
	UpdateSection(ctx context.Context, s *content.Section) error
	UpdateDossier(ctx context.Context, d *content.Dossier) error
}
