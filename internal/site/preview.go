package site

import (
	"errors"
	"html"
	"html/template"
	"net/http"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// maxSecretLen bounds the secret of a preview link before it is hashed.
const maxSecretLen = 128

// preview serves an embargoed press release to whoever holds a secret preview link made
// in the newsroom. The page says it is embargoed and until when, is never cached and
// never indexed, and stops answering when the embargo lifts (the article's own address
// works then) or when the link is revoked.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) error {
	st, err := s.current(r.Context())
	if err != nil {
		return err
	}
	lang, ok := s.siteLang(st, r.PathValue("lang"))
	secret := r.PathValue("secret")
	if !ok || secret == "" || len(secret) > maxSecretLen {
		return notFound(errors.New("malformed preview link"))
	}
	now := s.now()
	a, _, err := s.store.PreviewByHash(r.Context(), auth.HashToken(secret), now)
	if errors.Is(err, store.ErrNotFound) {
		return notFound(err)
	}
	if err != nil {
		return err
	}
	if a.Lang != lang || !a.Embargoed(now) {
		return notFound(errors.New("not under embargo"))
	}
	p, err := s.articlePage(r, st, a)
	if err != nil {
		return err
	}
	p.L.NoIndex = true
	p.L.Canonical = "" // the article's address does not answer yet
	banner := p.L.T("nr.preview.banner", p.L.Printer.DateTime(a.PublishAt))
	p.Body = template.HTML(`<p class="embargo-notice"><strong>`+html.EscapeString(banner)+`</strong></p>`) + p.Body
	body, err := s.tmpl.render("article", p)
	if err != nil {
		return err
	}
	w.Header().Set("Referrer-Policy", "no-referrer") // the secret is in the address
	serveUnstored(w, r, body, "noindex, nofollow")
	return nil
}
