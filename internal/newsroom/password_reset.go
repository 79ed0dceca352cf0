package newsroom

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// forgotLimit bounds reset e-mails per address, so the form cannot flood an inbox.
const forgotLimit = 3

type forgotPage struct {
	L    *Layout
	Mail bool // an e-mail can be sent; otherwise an admin makes the link
	Sent bool
}

// forgotForm asks for the address to send a reset link to.
func (s *Server) forgotForm(w http.ResponseWriter, r *request) error {
	return s.render(w, http.StatusOK, "forgot", &forgotPage{L: s.layout(r, r.T("nr.forgot.title")), Mail: s.cfg.Mailer != nil})
}

// forgot answers the same whatever was typed, and as fast: the link is made and sent
// after the answer, so neither the words nor the time tell whether the address has an
// account.
func (s *Server) forgot(w http.ResponseWriter, r *request) error {
	page := &forgotPage{L: s.layout(r, r.T("nr.forgot.title")), Mail: s.cfg.Mailer != nil, Sent: true}
	if s.cfg.Mailer != nil {
		email := truncate(auth.NormalizeEmail(r.PostFormValue("email")), 254)
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), time.Minute)
		go func() {
			defer cancel()
			s.sendReset(ctx, email)
		}()
	}
	return s.render(w, http.StatusOK, "forgot", page)
}

func (s *Server) sendReset(ctx context.Context, email string) {
	n, err := s.store.Hit(ctx, "forgot:"+email, time.Hour, s.now())
	if err != nil || n > forgotLimit {
		return
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err != nil || u.Disabled {
		return
	}
	link, err := newLink(ctx, s.store, s.base, PurposeReset, u.ID, s.now(), resetLifetime, "reset/")
	if err == nil {
		err = s.mail(ctx, &u, "nr.mail.reset", link)
	}
	if err != nil {
		s.log.Warn("password reset mail failed", "user", u.ID, "err", err)
	}
}

type resetPage struct {
	L      *Layout
	Errors fieldErrors
}

// resetForm asks for a new password. Opening the link uses nothing up.
func (s *Server) resetForm(w http.ResponseWriter, r *request) error {
	return s.render(w, http.StatusOK, "reset", &resetPage{L: s.layout(r, r.T("nr.reset.title"))})
}

// reset sets the new password and signs the account out everywhere: whoever knew the
// old one is out.
func (s *Server) reset(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	if fe := s.passwordProblems(r); len(fe) > 0 {
		return s.render(w, http.StatusUnprocessableEntity, "reset", &resetPage{L: s.layout(r, r.T("nr.reset.title")), Errors: fe})
	}
	t, err := s.store.UseToken(ctx, auth.HashToken(r.PathValue("token")), PurposeReset, s.now())
	if err != nil {
		return s.linkExpired(w, r, err)
	}
	u, err := s.store.User(ctx, t.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
		return s.linkExpired(w, r, store.ErrNotFound)
	}
	if err != nil {
		return err
	}
	read := u
	if u.PasswordHash, err = s.cfg.Hasher.Hash(ctx, r.PostFormValue("password")); err != nil {
		return err
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.UpdateUser(ctx, read, &u); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(&u, "password.reset", userTarget(u.ID), ""))
	})
	if err != nil {
		return err
	}
	if err := s.store.DeleteUserSessions(ctx, u.ID, ""); err != nil {
		return err
	}
	if r.sess != nil && r.sess.UserID == u.ID {
		s.clearCookie(w)
	}
	seeOther(w, r, withDone(prefix+"signin", "reset"))
	return nil
}
