package newsroom

import (
	"errors"
	"mime"
	"net/http"

	"golang.org/x/text/language"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/store"
)

// request is one request with what the newsroom worked out about it before the handler
// runs: the settings, who is signed in, and the language to answer in.
type request struct {
	*http.Request
	route *route
	site  content.Site
	// sess is the browser's session, nil without one. user is set when it is fully signed
	// in; pending when the password was given but the second factor not yet.
	sess    *store.Session
	user    *auth.User
	pending *auth.User
	// secret is the cookie value of a session started by this request, for a form that
	// is sent on once signed in (see resume).
	secret string
	p      *i18n.Printer
}

// T translates for the person making the request.
func (r *request) T(key string, args ...any) string { return r.p.T(key, args...) }

// uiLangs are the languages the newsroom's interface speaks.
var uiLangs = []content.Lang{"fr", "nl", "en"}

var uiMatcher = language.NewMatcher([]language.Tag{language.French, language.Dutch, language.English})

// Body limits: an article form may carry a long body; everything else is a few fields.
const (
	smallForm   = 64 << 10
	articleBody = 2 << 20
	// signInForm carries an article's fields when a session ran out during a save.
	signInForm = articleBody + smallForm
	// albumForm is an album of the most photos, each with a caption.
	albumForm = 8 << 20
)

// begin loads what every handler needs. It always returns a request that can render an
// error page, even when it also returns an error.
func (s *Server) begin(w http.ResponseWriter, hr *http.Request, rt *route) (*request, error) {
	r := &request{Request: hr, route: rt, site: content.DefaultSite()}
	r.p = s.bundle.Printer(s.anonymousLang(hr, r.site), r.site.Location)
	site, err := s.store.Site(hr.Context())
	if err != nil {
		return r, err
	}
	r.site = site
	r.p = s.bundle.Printer(s.anonymousLang(hr, site), site.Location)
	if err := s.loadSession(w, r); err != nil {
		return r, err
	}
	if u := r.person(); u != nil {
		r.p = s.bundle.Printer(uiLang(u.Lang), site.Location)
	}
	if hr.Method == http.MethodPost && !(rt.stream && isMultipart(hr)) {
		limit := rt.limit
		if limit == 0 {
			limit = smallForm
		}
		hr.Body = http.MaxBytesReader(w, hr.Body, limit)
		if err := hr.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return r, err
			}
			return r, badRequest(err)
		}
	}
	return r, nil
}

// isMultipart reports whether a request's body is a multipart form, which a streaming
// route reads itself instead of having it parsed here.
func isMultipart(hr *http.Request) bool {
	ct, _, err := mime.ParseMediaType(hr.Header.Get("Content-Type"))
	return err == nil && ct == "multipart/form-data"
}

// person is whoever the session belongs to, second factor given or not.
func (r *request) person() *auth.User {
	if r.user != nil {
		return r.user
	}
	return r.pending
}

// anonymousLang picks the interface language for someone not signed in: the browser's
// preference among the newsroom's languages, else the site's default.
func (s *Server) anonymousLang(r *http.Request, site content.Site) content.Lang {
	if accept := r.Header.Get("Accept-Language"); accept != "" {
		tags, _, err := language.ParseAcceptLanguage(accept)
		if err == nil && len(tags) > 0 {
			_, i, conf := uiMatcher.Match(tags...)
			if conf != language.No {
				return uiLangs[i]
			}
		}
	}
	return uiLang(site.DefaultLang())
}

// uiLang maps any language to one the interface speaks.
func uiLang(l content.Lang) content.Lang {
	for _, u := range uiLangs {
		if u == content.Lang(l.Base()) {
			return u
		}
	}
	return "en"
}
