package newsroom

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// While someone enrols a second factor, the new secret waits in a cookie of its own,
// bound to their session by an HMAC keyed with the session's hash: a secret planted by
// someone else (a cookie set from a sibling domain) does not verify, so nobody can make
// a person enrol a secret they know.
const (
	enrolCookie = "roneo_enrol"
	enrolPath   = prefix + "account/2fa"
	qrSize      = 256
)

type enrolPage struct {
	L        *Layout
	Enrolled bool
	Secret   string // grouped by four for typing
	Failed   bool
	Required bool // the site requires a second factor and this account has none
	Errors   fieldErrors
}

// enrolForm shows the QR code and the secret to enrol, or how to remove the factor.
func (s *Server) enrolForm(w http.ResponseWriter, r *request) error {
	page := &enrolPage{L: s.layout(r, r.T("nr.enrol.title")), Enrolled: r.user.HasSecondFactor()}
	page.Required = r.site.RequireSecondFactor && !page.Enrolled
	if !page.Enrolled {
		secret, ok := s.pendingSecret(r)
		if !ok {
			var err error
			if secret, _, err = auth.NewTOTP(r.site.Name, r.user.Email); err != nil {
				return err
			}
			s.setPendingSecret(w, r, secret)
		}
		page.Secret = groupBy4(secret)
	}
	return s.render(w, http.StatusOK, "enrol", page)
}

// enrolQR draws the pending secret as a QR code for authenticator apps, here rather than
// by a third-party service that would see the secret.
func (s *Server) enrolQR(w http.ResponseWriter, r *request) error {
	secret, ok := s.pendingSecret(r)
	if !ok {
		return errNotFound
	}
	png, err := auth.QRCodePNG(otpauthURL(r.site.Name, r.user.Email, secret), qrSize)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(png)
	return nil
}

// enrol turns the second factor on once a first code from the app matches, and shows the
// recovery codes, once.
func (s *Server) enrol(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	secret, ok := s.pendingSecret(r)
	if !ok || r.user.HasSecondFactor() {
		seeOther(w, r, enrolPath)
		return nil
	}
	step, ok := auth.VerifyTOTP(secret, r.PostFormValue("code"), s.now(), 0)
	if !ok {
		page := &enrolPage{L: s.layout(r, r.T("nr.enrol.title")), Secret: groupBy4(secret), Failed: true}
		page.Required = r.site.RequireSecondFactor
		return s.render(w, http.StatusUnprocessableEntity, "enrol", page)
	}
	codes, hashes, err := auth.NewRecoveryCodes(auth.RecoveryCodeCount)
	if err != nil {
		return err
	}
	u := *r.user
	u.TOTPSecret, u.TOTPLastStep, u.RecoveryCodes = secret, step, hashes
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.UpdateUser(ctx, *r.user, &u); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(&u, "2fa.enable", userTarget(u.ID), ""))
	})
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: enrolCookie, Path: enrolPath, MaxAge: -1, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode})
	// A new session ID now that the account has a second factor.
	if err := s.startSession(ctx, w, r, &u, true); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "recovery", &recoveryPage{L: s.layout(r, r.T("nr.recovery.title")), Codes: codes})
}

type recoveryPage struct {
	L     *Layout
	Codes []string
}

// unenrol removes the second factor; the password must be typed again (and is
// throttled, see recheckPassword).
func (s *Server) unenrol(w http.ResponseWriter, r *request) error {
	ctx := r.Context()
	wrong, status, err := s.recheckPassword(r, r.PostFormValue("password"), "second factor removal")
	if err != nil {
		return err
	}
	if wrong != "" {
		page := &enrolPage{L: s.layout(r, r.T("nr.enrol.title")), Enrolled: true,
			Errors: fieldErrors{"password": wrong}}
		return s.render(w, status, "enrol", page)
	}
	u := *r.user
	u.TOTPSecret, u.TOTPLastStep, u.RecoveryCodes = "", 0, nil
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.UpdateUser(ctx, *r.user, &u); err != nil {
			return err
		}
		return tx.Audit(ctx, s.entry(&u, "2fa.remove", userTarget(u.ID), ""))
	})
	if err != nil {
		return err
	}
	seeOther(w, r, withDone(prefix+"account", "2faremoved"))
	return nil
}

func (s *Server) pendingSecret(r *request) (string, bool) {
	c, err := r.Cookie(enrolCookie)
	if err != nil || r.sess == nil {
		return "", false
	}
	secret, mac, ok := strings.Cut(c.Value, ".")
	return secret, ok && hmac.Equal([]byte(mac), []byte(enrolMAC(r.sess.Hash, secret)))
}

func (s *Server) setPendingSecret(w http.ResponseWriter, r *request, secret string) {
	http.SetCookie(w, &http.Cookie{
		Name: enrolCookie, Value: secret + "." + enrolMAC(r.sess.Hash, secret), Path: enrolPath,
		MaxAge: 30 * 60, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

func enrolMAC(sessionHash, secret string) string {
	m := hmac.New(sha256.New, []byte(sessionHash))
	m.Write([]byte(secret))
	return hex.EncodeToString(m.Sum(nil))
}

// otpauthURL is what authenticator apps read from the QR code (Key URI Format).
func otpauthURL(issuer, account, secret string) string {
	v := url.Values{"secret": {secret}, "issuer": {issuer}, "algorithm": {"SHA1"}, "digits": {"6"}, "period": {"30"}}
	return "otpauth://totp/" + url.PathEscape(issuer) + ":" + url.PathEscape(account) + "?" + v.Encode()
}

func groupBy4(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
