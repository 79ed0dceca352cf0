package newsroom

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

type codePage struct {
	L         *Layout
	Next      string
	Failed    bool
	Throttled bool
	Resume    string
	Carry     []carry
}

func (s *Server) codePage(r *request, next, resume string, c []carry) *codePage {
	return &codePage{L: s.layout(r, r.T("nr.code.title")), Next: next, Resume: resume, Carry: c}
}

// codeForm asks for the second factor after the password.
func (s *Server) codeForm(w http.ResponseWriter, r *request) error {
	next := localPath(r.FormValue("next"))
	switch {
	case r.user != nil:
		seeOther(w, r, next)
		return nil
	case r.pending == nil:
		seeOther(w, r, prefix+"signin?next="+urlQuery(next))
		return nil
	}
	return s.render(w, http.StatusOK, "code", s.codePage(r, next, "", nil))
}

// code checks a TOTP code or a recovery code and completes the sign-in with a new
// session ID. Each TOTP code works once; each recovery code too, even when the same
// code is sent several times at once: it is used up by a conditional statement of the
// store, and only the request whose statement changed the account signs in.
func (s *Server) code(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	page := s.codePage(r, localPath(r.PostFormValue("next")), r.PostFormValue("resume"), carried(uncarry(r.PostForm)))
	u := r.pending
	if u == nil {
		// The pending sign-in ran out: start again, keeping what is carried.
		sp := s.signinPage(r)
		sp.Next, sp.Resume, sp.Carry, sp.Expired = page.Next, page.Resume, page.Carry, page.Resume != ""
		return s.render(w, http.StatusUnauthorized, "signin", sp)
	}
	typed := r.PostFormValue("code")
	m, ok := s.matchCode(u, typed)
	over, err := s.overLimit(ctx, ok, codeKeys(u.ID)...)
	if err != nil {
		return err
	}
	switch {
	case over:
		page.Throttled = true
		s.auditSignin(ctx, u, u.Email, "signin.failed", "second factor throttled")
		return s.render(w, http.StatusTooManyRequests, "code", page)
	case !ok:
		page.Failed = true
		s.auditSignin(ctx, u, u.Email, "signin.failed", "second factor")
		return s.render(w, http.StatusUnauthorized, "code", page)
	}
	detail, err := s.useCode(ctx, u, typed, m)
	if errors.Is(err, store.ErrConflict) {
		// Another request used the code first: a replay, counted as a failure.
		if _, err := s.overLimit(ctx, false, codeKeys(u.ID)...); err != nil {
			return err
		}
		page.Failed = true
		s.auditSignin(ctx, u, u.Email, "signin.failed", "second factor already used")
		return s.render(w, http.StatusUnauthorized, "code", page)
	}
	if err != nil {
		return err
	}
	return s.signedIn(ctx, w, r, u, detail, page.Next, page.Resume)
}

// codeMatch is a code that matched the account as the request read it, not yet used.
type codeMatch struct {
	step     int64 // the time step of a TOTP code
	recovery bool  // a recovery code
}

// matchCode accepts a TOTP code or, failing that, one of the recovery codes.
func (s *Server) matchCode(u *auth.User, typed string) (codeMatch, bool) {
	if len(typed) > 64 {
		return codeMatch{}, false
	}
	if step, ok := auth.VerifyTOTP(u.TOTPSecret, typed, s.now(), u.TOTPLastStep); ok {
		return codeMatch{step: step}, true
	}
	if _, ok := auth.UseRecoveryCode(u.RecoveryCodes, typed); ok {
		return codeMatch{recovery: true}, true
	}
	return codeMatch{}, false
}

// codeAttempts bounds how many times a recovery code is tried again on codes read
// afresh, when another of the account's codes was used at the same moment.
const codeAttempts = 5

// useCode uses the matched code up in the store and updates u, or returns
// store.ErrConflict when another request used it first. A TOTP step is accepted if no
// code of it or a later one was. A recovery code is taken out of the codes as read; when
// they changed meanwhile, they are read again, and the code is taken out of those if it
// is still among them: two different codes used at once both work, one code once.
func (s *Server) useCode(ctx context.Context, u *auth.User, typed string, m codeMatch) (detail string, err error) {
	if !m.recovery {
		if err := s.store.AdvanceTOTPStep(ctx, u.ID, u.TOTPSecret, m.step); err != nil {
			return "", err
		}
		u.TOTPLastStep = m.step
		return "", nil
	}
	codes := u.RecoveryCodes
	for range codeAttempts {
		remaining, ok := auth.UseRecoveryCode(codes, typed)
		if !ok {
			break
		}
		err := s.store.ReplaceRecoveryCodes(ctx, u.ID, codes, remaining)
		if err == nil {
			u.RecoveryCodes = remaining
			return "recovery code", nil
		}
		if !errors.Is(err, store.ErrConflict) {
			return "", err
		}
		fresh, err := s.store.User(ctx, u.ID)
		if err != nil {
			return "", err
		}
		if fresh.TOTPSecret != u.TOTPSecret {
			break // the second factor was removed or replaced meanwhile
		}
		codes = fresh.RecoveryCodes
	}
	return "", fmt.Errorf("user %d: %w: recovery code used meanwhile", u.ID, store.ErrConflict)
}
