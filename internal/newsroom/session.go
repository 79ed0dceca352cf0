package newsroom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// Sessions are our own, on the store's session table: a 32-byte random secret in an
// HttpOnly cookie, only its SHA-256 in the database, so that each person can list their
// sessions and revoke them, and an admin can revoke anyone's.
const (
	cookieName = "roneo_newsroom"
	// pendingLifetime is how long a password sign-in waits for its second factor.
	pendingLifetime = 10 * time.Minute
	// touchEvery spares the database a write on every click: the idle timeout is a day,
	// so a minute's imprecision in "last seen" changes nothing.
	touchEvery = time.Minute
)

// loadSession reads the session cookie. A missing, unknown or expired session is not an
// error: the request is anonymous, and the stale cookie is cleared.
func (s *Server) loadSession(w http.ResponseWriter, r *request) error {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return nil
	}
	ctx, now := r.Context(), s.now()
	hash := auth.HashToken(c.Value)
	sess, err := s.store.SessionByHash(ctx, hash, now)
	if errors.Is(err, store.ErrNotFound) {
		s.clearCookie(w)
		return nil
	}
	if err != nil {
		return fmt.Errorf("session: %w", err)
	}
	u, err := s.store.User(ctx, sess.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
		s.clearCookie(w)
		return s.store.DeleteSession(ctx, hash)
	}
	if err != nil {
		return fmt.Errorf("session user: %w", err)
	}
	if sess.SecondFactor && now.Sub(sess.LastSeen) >= touchEvery {
		sess.LastSeen, sess.ExpiresAt = now, s.expiry(sess.CreatedAt, now)
		if err := s.store.TouchSession(ctx, hash, sess.LastSeen, sess.ExpiresAt); err != nil {
			return fmt.Errorf("session touch: %w", err)
		}
	}
	r.sess = &sess
	if sess.SecondFactor {
		r.user = &u
	} else {
		r.pending = &u
	}
	return nil
}

// expiry is when a session used at now ends: after the idle timeout, but never later
// than the absolute lifetime from sign-in.
func (s *Server) expiry(created, now time.Time) time.Time {
	idle, max := now.Add(s.cfg.SessionIdle), created.Add(s.cfg.SessionMax)
	if idle.After(max) {
		return max
	}
	return idle
}

// startSession signs u in with a new session ID, replacing the request's session if it
// had one: a session fixed by an attacker before sign-in is worth nothing after it.
// complete says whether the second factor was given (or none is needed).
func (s *Server) startSession(ctx context.Context, w http.ResponseWriter, r *request, u *auth.User, complete bool) error {
	secret, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	now := s.now()
	sess := store.Session{
		Hash: hash, UserID: u.ID, SecondFactor: complete, CreatedAt: now, LastSeen: now,
		ExpiresAt: s.expiry(now, now), UserAgent: truncate(r.UserAgent(), 200),
	}
	if !complete {
		sess.ExpiresAt = now.Add(pendingLifetime)
	}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return fmt.Errorf("new session: %w", err)
	}
	if r.sess != nil {
		if err := s.store.DeleteSession(ctx, r.sess.Hash); err != nil {
			return fmt.Errorf("old session: %w", err)
		}
	}
	r.sess = &sess
	r.user, r.pending = nil, nil
	if complete {
		r.user = u
	} else {
		r.pending = u
	}
	r.p = s.bundle.Printer(uiLang(u.Lang), r.site.Location)
	r.secret = secret
	s.setCookie(w, secret, now.Add(s.cfg.SessionMax))
	return nil
}

// endSession signs the browser out.
func (s *Server) endSession(ctx context.Context, w http.ResponseWriter, r *request) error {
	s.clearCookie(w)
	if r.sess == nil {
		return nil
	}
	return s.store.DeleteSession(ctx, r.sess.Hash)
}

func (s *Server) setCookie(w http.ResponseWriter, value string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: value, Path: prefix, Expires: expires,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: "", Path: prefix, MaxAge: -1,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

// truncate cuts s to at most n bytes without splitting a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
