package site

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/roneo/roneo/internal/content"
)

// shareLinks are plain links to each network's share page. No script, no counter, no
// request to any network until the reader clicks.
type shareLinks struct {
	Mastodon, Bluesky, Facebook, X, WhatsApp, Telegram, Email string
}

func newShareLinks(a *content.Article, canonical string) shareLinks {
	text := a.Title + " " + canonical
	q := url.QueryEscape
	return shareLinks{
		Mastodon: articlePath(a.Lang, a.Slug) + "/mastodon",
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

func (s *Server) mastodonForm(r *http.Request, st *siteState, lang content.Lang) (*response, error) {
	a, movedTo, err := s.loadArticle(r, lang, r.PathValue("slug"))
	if err != nil {
		return nil, err
	}
	if movedTo != "" {
		return movedPermanently(articlePath(lang, movedTo) + "/mastodon"), nil
	}
	return s.renderMastodon(st, a, "", "", http.StatusOK)
}

func (s *Server) renderMastodon(st *siteState, a *content.Article, instance, problem string, status int) (*response, error) {
	path := articlePath(a.Lang, a.Slug)
	l := s.layout(st, a.Lang, "", "", nil)
	l.Title, l.NoIndex = l.T("share.mastodon.title"), true
	p := &mastodonPage{
		L: l, ArticleTitle: a.Title, ArticleURL: path, Action: path + "/mastodon",
		Instance: instance, Problem: problem,
	}
	resp, err := s.renderPage("mastodon", p, nil, a.UpdatedAt)
	if err != nil {
		return nil, err
	}
	resp.status, resp.csp = status, mastodonCSP
	return resp, nil
}

// mastodonShare sends the reader to their server's share page, or shows the form again
// with what is wrong.
func (s *Server) mastodonShare(w http.ResponseWriter, r *http.Request, st *siteState, lang content.Lang) error {
	a, movedTo, err := s.loadArticle(r, lang, r.PathValue("slug"))
	if err != nil {
		return err
	}
	if movedTo != "" {
		return notFound(errors.New("article moved"))
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil {
		return badRequest(err)
	}
	instance, ok := mastodonHost(r.PostForm.Get("instance"))
	if !ok {
		l := s.bundle.Printer(lang, st.site.Location)
		resp, err := s.renderMastodon(st, a, r.PostForm.Get("instance"), l.T("share.mastodon.invalid"), http.StatusBadRequest)
		if err != nil {
			return err
		}
		serveEntry(w, r, newEntry("", resp, false))
		return nil
	}
	text := a.Title + " " + s.absolute(articlePath(a.Lang, a.Slug))
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

// summary returns the start of an HTML fragment's text, cut at a word, for lists.
func summary(fragment string, max int) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(fragment))
	for b.Len() < max*2 {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.TextToken {
			b.Write(z.Text())
		} else if tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			b.WriteByte(' ')
		}
	}
	text := strings.Join(strings.Fields(b.String()), " ")
	runes := []rune(text)
	if len(runes) <= max {
		return text
	}
	cut := string(runes[:max])
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
