package auth

import (
	"net/mail"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// Role says what an account may do. Each role may do everything the one before it may.
type Role string

const (
	RoleContributor Role = "contributor" // writes and submits their own drafts
	RoleEditor      Role = "editor"      // edits, schedules and publishes everything; manages taxonomy
	RoleAdmin       Role = "admin"       // everything, plus accounts and settings
)

// Roles lists the roles from the least to the most trusted.
var Roles = []Role{RoleContributor, RoleEditor, RoleAdmin}

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() >= 0 }

// AtLeast reports whether r may do what min may.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// User is a newsroom account.
type User struct {
	ID    int64
	Email string // lower case; unique; the sign-in name
	Name  string
	Role  Role
	Lang  content.Lang // the newsroom's interface language for this person
	// PasswordHash is an argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
	PasswordHash string
	// TOTPSecret is the base32 secret of the second factor; empty when none is enrolled.
	TOTPSecret string
	// TOTPLastStep is the last time step whose code was accepted: a code works once.
	TOTPLastStep int64
	// RecoveryCodes are the hashes of the unused recovery codes.
	RecoveryCodes []string
	// PersonID is the author profile this account signs as (0: none).
	PersonID  int64
	Disabled  bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// HasSecondFactor reports whether the account signs in with a TOTP code.
func (u *User) HasSecondFactor() bool { return u.TOTPSecret != "" }

// NormalizeEmail is how e-mail addresses are compared and stored.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks an account's fields.
func (u *User) Validate() error {
	p := problems{}
	if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email || u.Email != NormalizeEmail(u.Email) {
		p.add("email", "not an e-mail address in lower case")
	}
	if n := strings.TrimSpace(u.Name); n == "" || len([]rune(n)) > 100 {
		p.add("name", "required, at most 100 characters")
	}
	if !u.Role.Valid() {
		p.add("role", "unknown role")
	}
	if _, err := content.ParseLang(string(u.Lang)); err != nil {
		p.add("lang", "not a language tag")
	}
	if u.PasswordHash == "" {
		p.add("password", "required")
	}
	return p.err()
}
