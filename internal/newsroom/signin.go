package newsroom

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

type signinPage struct {
	L     *Layout
	Email string
	Next  string
	// Failed says the e-mail address or the password was wrong, without saying which.
	Failed    bool
	Throttled bool
	// Expired: the session ran out while a form was being sent. Resume is where that
	// form goes once signed in again, with Carry, its fields.
	Expired bool
	Resume  string
	Carry   []carry
	Mail    bool // a password reset can be sent by e-mail
}

func (s *Server) signinPage(r *request) *signinPage {
	return &signinPage{L: s.layout(r, r.T("nr.signin.title")), Next: prefix, Mail: s.cfg.Mailer != nil}
}

// signinForm shows the sign-in form, or sends the signed-in on their way.
func (s *Server) signinForm(w http.ResponseWriter, r *request) error {
	next := localPath(r.FormValue("next"))
	switch {
	case r.user != nil:
		seeOther(w, r, next)
		return nil
	case r.pending != nil:
		seeOther(w, r, prefix+"signin/code?next="+urlQuery(next))
		return nil
	}
	page := s.signinPage(r)
	page.Next = next
	return s.render(w, http.StatusOK, "signin", page)
}

// signin checks an e-mail address and a password. Whatever went wrong, the answer is the
// same "wrong e-mail or password", takes as long, and counts against the same limits, so
// that nobody learns which addresses have accounts.
func (s *Server) signin(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	page := s.signinPage(r)
	page.Email = truncate(auth.NormalizeEmail(r.PostFormValue("email")), 254)
	page.Next = localPath(r.PostFormValue("next"))
	page.Resume, page.Carry = r.PostFormValue("resume"), carried(uncarry(r.PostForm))
	page.Expired = page.Resume != ""
	u, ok, err := s.checkPassword(ctx, page.Email, r.PostFormValue("password"))
	if err != nil {
		return err
	}
	over, err := s.overLimit(ctx, ok, s.signinKeys(page.Email, r)...)
	if err != nil {
		return err
	}
	switch {
	case over:
		page.Throttled = true
		s.auditSignin(ctx, u, page.Email, "signin.failed", "throttled")
		return s.render(w, http.StatusTooManyRequests, "signin", page)
	case !ok:
		page.Failed = true
		s.auditSignin(ctx, u, page.Email, "signin.failed", "password")
		return s.render(w, http.StatusUnauthorized, "signin", page)
	}
	if !u.HasSecondFactor() {
		return s.signedIn(ctx, w, r, u, "", page.Next, page.Resume)
	}
	if err := s.startSession(ctx, w, r, u, false); err != nil {
		return err
	}
	if page.Resume == "" {
		seeOther(w, r, prefix+"signin/code?next="+urlQuery(page.Next))
		return nil
	}
	// A form is being carried: it goes on to the code form in the page, not in a URL.
	return s.render(w, http.StatusOK, "code", s.codePage(r, page.Next, page.Resume, page.Carry))
}

// checkPassword finds the account and verifies its password. An unknown or disabled
// account costs a dummy verification, so that timing does not tell it apart. u is nil
// when there is no such account.
func (s *Server) checkPassword(ctx context.Context, email, password string) (u *auth.User, ok bool, err error) {
	found, err := s.store.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && found.Disabled) || len(password) > auth.MaxPasswordBytes {
		s.cfg.Hasher.DummyVerify(ctx)
		if err == nil {
			return &found, false, nil
		}
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	ok, rehash, err := s.cfg.Hasher.Verify(ctx, found.PasswordHash, password)
	if err != nil {
		return nil, false, fmt.Errorf("sign-in of user %d: %w", found.ID, err)
	}
	if ok && rehash {
		s.rehash(ctx, &found, password)
	}
	return &found, ok, nil
}

// rehash moves an account to the current hashing cost as its owner signs in. A failure,
// a change of the account meanwhile among them, only delays that to the next sign-in.
func (s *Server) rehash(ctx context.Context, u *auth.User, password string) {
	read := *u
	h, err := s.cfg.Hasher.Hash(ctx, password)
	if err == nil {
		next := read
		next.PasswordHash = h
		if err = s.store.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, read, &next) }); err == nil {
			*u = next
		}
	}
	if err != nil {
		s.log.Warn("password rehash failed", "user", u.ID, "err", err)
	}
}

// signedIn finishes a sign-in: a fresh session with every factor given, the audit entry,
// and then either the form that was carried through or the page asked for.
func (s *Server) signedIn(ctx context.Context, w http.ResponseWriter, r *request, u *auth.User, detail, next, resume string) error {
	if err := s.startSession(ctx, w, r, u, true); err != nil {
		return err
	}
	s.auditSignin(ctx, u, u.Email, "signin", detail)
	if resume != "" {
		return s.resume(w, r, resume, uncarry(r.PostForm))
	}
	seeOther(w, r, next)
	return nil
}

// auditSignin records a sign-in or a failed one. It holds no password and no address:
// the log says who, not from where. A failure to write it is logged, not shown: the
// person signing in can do nothing about it.
func (s *Server) auditSignin(ctx context.Context, u *auth.User, typed, action, detail string) {
	e := store.AuditEntry{At: s.now(), Actor: truncate(typed, 254), Action: action, Detail: detail}
	if u != nil {
		e.UserID, e.Actor, e.Target = u.ID, u.Email, fmt.Sprintf("user %d", u.ID)
	}
	if err := s.store.AppendAudit(context.WithoutCancel(ctx), e); err != nil {
		s.log.Error("audit entry failed", "action", action, "err", err)
	}
}

// signout ends the browser's session.
func (s *Server) signout(w http.ResponseWriter, r *request) error {
	if err := s.endSession(r.Context(), w, r); err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"signin", "signedout"))
	return nil
}
