package newsroom

import (
	"net/http"

	"github.com/roneo/roneo/internal/auth"
)

// recheckPassword checks the password a signed-in person types again before a change
// that asks for it: a new password, removing the second factor. Whoever holds a stolen
// session cookie could otherwise guess it at leisure, so it counts against the same
// limits as signing in, per account and per address, with the same message when they
// are reached; every failure is audited. problem is what the form shows under the field
// ("" when the password is right), status the answer to give with it.
func (s *Server) recheckPassword(r *request, password, what string) (problem string, status int, err error) {
	ctx, u := r.Context(), r.user
	ok := false
	if len(password) <= auth.MaxPasswordBytes {
		if ok, _, err = s.cfg.Hasher.Verify(ctx, u.PasswordHash, password); err != nil {
			return "", 0, err
		}
	} else {
		s.cfg.Hasher.DummyVerify(ctx)
	}
	over, err := s.overLimit(ctx, ok, s.signinKeys(u.Email, r)...)
	if err != nil {
		return "", 0, err
	}
	switch {
	case over:
		s.auditSignin(ctx, u, u.Email, "password.failed", what+", throttled")
		return r.T("nr.signin.throttled"), http.StatusTooManyRequests, nil
	case !ok:
		s.auditSignin(ctx, u, u.Email, "password.failed", what)
		return r.T("nr.problem.wrong password"), http.StatusUnprocessableEntity, nil
	}
	return "", http.StatusOK, nil
}
