package newsroom

import (
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
// session ID. Each TOTP code works once; each recovery code too.
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
	detail, ok := s.checkCode(u, r.PostFormValue("code"))
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
	if err := s.store.Update(ctx, func(tx store.Tx) error { return tx.UpdateUser(ctx, u) }); err != nil {
		return err
	}
	return s.signedIn(ctx, w, r, u, detail, page.Next, page.Resume)
}

// checkCode accepts a TOTP code or, failing that, one of the recovery codes. It updates
// u (the last step used, the remaining recovery codes) for the caller to store.
func (s *Server) checkCode(u *auth.User, typed string) (detail string, ok bool) {
	if len(typed) > 64 {
		return "", false
	}
	if step, ok := auth.VerifyTOTP(u.TOTPSecret, typed, s.now(), u.TOTPLastStep); ok {
		u.TOTPLastStep = step
		return "", true
	}
	if remaining, ok := auth.UseRecoveryCode(u.RecoveryCodes, typed); ok {
		u.RecoveryCodes = remaining
		return "recovery code", true
	}
	return "", false
}
