package site

import (
	"errors"
	"html"
	"html/template"
	"net/http"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/webkit"
)

// noReferrer keeps the preview's secret, which is in its address, from other sites.
var noReferrer = webkit.Field{Key: "Referrer-Policy", Value: []string{"no-referrer"}}

// preview builds an embargoed press release for whoever holds a secret preview link made
// in the newsroom. The page says it is embargoed and until when, is never cached and
// never indexed, and stops answering when the embargo lifts (the article's own address
// works then) or when the link is revoked.
func (s *Server) preview(b *build) (*Response, error) {
	a, _, err := s.store.PreviewByHash(b.ctx, auth.HashToken(b.page.Key), b.now)
	if errors.Is(err, store.ErrNotFound) {
		return nil, webkit.NotFound(err)
	}
	if err != nil {
		return nil, err
	}
	if a.Lang != b.lang || !a.Embargoed(b.now) {
		return nil, webkit.NotFound(errors.New("not under embargo"))
	}
	p, err := s.articleView(b, a)
	if err != nil {
		return nil, err
	}
	p.L.NoIndex = true
	p.L.Canonical = "" // the article's address does not answer yet
	banner := p.L.T("nr.preview.banner", p.L.Printer.DateTime(a.PublishAt))
	p.Body = template.HTML(`<p class="embargo-notice"><strong>`+html.EscapeString(banner)+`</strong></p>`) + p.Body
	body, err := s.tmpl.render("article", p)
	if err != nil {
		return nil, err
	}
	return &Response{Status: http.StatusOK, Body: body, ContentType: "text/html; charset=utf-8",
		Robots: "noindex, nofollow", Header: []webkit.Field{noReferrer}}, nil
}
