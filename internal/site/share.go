package site

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// shareLinks are plain links to each network's share page. No script, no counter, no
// request to any network until the reader clicks.
type shareLinks struct {
	Mastodon, Bluesky, Facebook, X, WhatsApp, Telegram, Email string
}

func (b *build) shareLinks(a *content.Article, canonical string) shareLinks {
	text := a.Title + " " + canonical
	q := url.QueryEscape
	return shareLinks{
		Mastodon: b.link(urls.Page{Kind: urls.ArticleShare, Lang: a.Lang, Key: a.Slug}),
		Bluesky:  "https://bsky.app/intent/compose?text=" + q(text),
		Facebook: "https://www.facebook.com/sharer/sharer.php?u=" + q(canonical),
		X:        "https://x.com/intent/post?text=" + q(a.Title) + "&url=" + q(canonical),
		WhatsApp: "https://wa.me/?text=" + q(text),
		Telegram: "https://t.me/share/url?url=" + q(canonical) + "&text=" + q(a.Title),
		Email:    "mailto:?subject=" + pathEscapeMailto(a.Title) + "&body=" + pathEscapeMailto(text),
	}
}

// pathEscapeMailto escapes for mailto: URIs, where "+" is not a space (RFC 6068).
func pathEscapeMailto(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// Mastodon has no central share address: each reader's server has its own. The form
// asks for the reader's server and sends them to its share page.
type mastodonPage struct {
	L            *Layout
	ArticleTitle string
	ArticleURL   string
	Action       string
	Instance     string
	Problem      string
}

// mastodonCSP allows the form to send the reader on to their own server.
const mastodonCSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self' https:; frame-ancestors 'none'"

func (s *Server) mastodonForm(b *build) (*Response, error) {
	a, movedTo, err := b.loadArticle(b.page.Key)
	if err != nil {
		return nil, err
	}
	if movedTo != nil {
		return b.movedPermanently(urls.Page{Kind: urls.ArticleShare, Lang: b.lang, Key: movedTo.Key}), nil
	}
	b.show(content.KeyArticle(a.ID))
	return s.renderMastodon(b, a, "", "", http.StatusOK)
}

func (s *Server) renderMastodon(b *build, a *content.Article, instance, problem string, status int) (*Response, error) {
	l, err := b.layout("", nil)
	if err != nil {
		return nil, err
	}
	l.Canonical, l.Alternates = "", nil
	l.Title, l.NoIndex = l.T("share.mastodon.title"), true
	p := &mastodonPage{
		L: l, ArticleTitle: a.Title, ArticleURL: b.link(articleAt(a.Lang, a.Slug)),
		Action:   b.link(urls.Page{Kind: urls.ArticleShare, Lang: a.Lang, Key: a.Slug}),
		Instance: instance, Problem: problem,
	}
	resp, err := b.renderPage("mastodon", p, nil, a.UpdatedAt)
	if err != nil {
		return nil, err
	}
	resp.Status, resp.CSP = status, mastodonCSP
	return resp, nil
}

// mastodonShare sends the reader to their server's share page, or shows the form again
// with what is wrong.
func (s *Server) mastodonShare(w http.ResponseWriter, r *http.Request, page urls.Page) error {
	ctx := r.Context()
	st, err := s.current(ctx)
	if err != nil {
		return err
	}
	if !st.site.HasLang(page.Lang) {
		return webkit.NotFound(nil)
	}
	b := &build{ctx: ctx, s: s, st: st, page: page, lang: page.Lang, origin: or(s.pageOrigin(s.origin(r)), s.base), keys: content.Keys{},
		now: s.now(), links: urls.RootLinks()}
	a, movedTo, err := b.loadArticle(page.Key)
	if err != nil {
		return err
	}
	if movedTo != nil {
		return webkit.NotFound(errors.New("article moved"))
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil {
		return webkit.BadRequest(err)
	}
	instance, ok := mastodonHost(r.PostForm.Get("instance"))
	if !ok {
		l := s.bundle.Printer(page.Lang, st.site.Location)
		resp, err := s.renderMastodon(b, a, r.PostForm.Get("instance"), l.T("share.mastodon.invalid"), http.StatusBadRequest)
		if err != nil {
			return err
		}
		resp.Cacheable = false
		webkit.Encode(resp.answer(), false).Serve(w, r)
		return nil
	}
	text := a.Title + " " + b.absolute(articleAt(a.Lang, a.Slug))
	http.Redirect(w, r, "https://"+instance+"/share?text="+url.QueryEscape(text), http.StatusSeeOther)
	return nil
}

// mastodonHost accepts what people type for their server — "mastodon.social",
// "https://eupolicy.social/", "@jan@mastodon.nl" — and returns a bare host name.
func mastodonHost(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	v = strings.TrimPrefix(strings.TrimPrefix(v, "https://"), "http://")
	v, _, _ = strings.Cut(v, "/")
	if i := strings.LastIndexByte(v, '@'); i >= 0 {
		v = v[i+1:]
	}
	if len(v) < 4 || len(v) > 253 || !strings.Contains(v, ".") {
		return "", false
	}
	for _, label := range strings.Split(v, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return "", false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return "", false
			}
		}
	}
	return v, true
}
