package newsroom

import (
	"errors"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/roneo/roneo/internal/auth"
)

// handler is a newsroom handler: it returns an error, and one adapter (fail) turns it
// into a localized page.
type handler func(w http.ResponseWriter, r *request) error

// route is one line of the newsroom's route table.
type route struct {
	pattern string      // a ServeMux pattern with its method
	action  auth.Action // what the person must be allowed; "": open to anyone
	h       handler
	enrol   bool  // reachable by an account that must first enrol a second factor
	keep    bool  // a form whose fields survive an expired session (see signInFirst)
	limit   int64 // request body limit; 0: smallForm
	// stream: a multipart body the handler reads part by part (uploads), each part
	// bounded by the handler; any other body is a small form.
	stream bool
}

// mux builds the handler for a route table: cross-origin protection against CSRF, then
// for each route the session, the form, and the check of the route's action.
func (s *Server) mux(table []route) http.Handler {
	mux := http.NewServeMux()
	s.serveMux = mux
	for i := range table {
		mux.Handle(table[i].pattern, s.wrap(&table[i]))
	}
	mux.Handle("GET /newsroom", http.RedirectHandler(prefix, http.StatusMovedPermanently))
	mux.Handle("/", s.wrap(&route{h: func(http.ResponseWriter, *request) error { return errNotFound }}))
	// Unsafe requests from other origins are refused by their Fetch metadata (or Origin),
	// so forms need no token: a page of another site cannot post here.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(s.wrap(&route{h: func(http.ResponseWriter, *request) error {
		return &httpError{Status: http.StatusForbidden, Key: "csrf", Err: errors.New("cross-origin request")}
	}}))
	return cop.Handler(mux)
}

// wrap adapts a route: it loads the request's state, checks the action, runs the
// handler and renders any error.
func (s *Server) wrap(rt *route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, hr *http.Request) {
		r, err := s.begin(w, hr, rt)
		if err == nil {
			var ok bool
			ok, err = s.authorize(w, r)
			if ok && err == nil {
				err = rt.h(w, r)
			}
		}
		if err != nil {
			s.fail(w, r, err)
		}
	})
}

// authorize checks the route's action for the request's account. ok is false when it
// answered (a redirect to sign in, the sign-in page) or when err says why not.
func (s *Server) authorize(w http.ResponseWriter, r *request) (ok bool, err error) {
	rt := r.route
	switch {
	case rt.action == "":
		return true, nil
	case r.user == nil:
		return false, s.signInFirst(w, r)
	case r.site.RequireSecondFactor && !r.user.HasSecondFactor() && !rt.enrol:
		if r.Method == http.MethodGet {
			seeOther(w, r, prefix+"account/2fa")
			return false, nil
		}
		return false, &httpError{Status: http.StatusForbidden, Key: "enrol"}
	case !auth.Can(r.user, rt.action):
		return false, forbidden(errors.New("role may not " + string(rt.action)))
	}
	return true, nil
}

// signInFirst answers a request that needs an account. A page is a redirect to the
// sign-in form that comes back here; a form sent after the session ran out gets the
// sign-in page at once, carrying what was typed so that signing in saves it.
func (s *Server) signInFirst(w http.ResponseWriter, r *request) error {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		if r.pending != nil {
			seeOther(w, r, prefix+"signin/code?next="+url.QueryEscape(r.URL.RequestURI()))
			return nil
		}
		seeOther(w, r, prefix+"signin?next="+url.QueryEscape(r.URL.RequestURI()))
		return nil
	}
	page := s.signinPage(r)
	page.Expired = true
	if r.route.keep {
		page.Resume = r.URL.Path
		page.Carry = carried(r.PostForm)
	}
	return s.render(w, http.StatusUnauthorized, "signin", page)
}

// seeOther redirects after a form or to another page.
func seeOther(w http.ResponseWriter, r *request, path string) {
	http.Redirect(w, r.Request, path, http.StatusSeeOther)
}

// localPath accepts a "next" address only when it is a newsroom page of this site, so
// that the sign-in form cannot send anyone elsewhere. The path is judged as a browser
// will follow it: decoded, its dot segments resolved ("%2e%2e" is ".." to a browser
// too), and written out again from what was judged, so that no encoding survives to be
// read differently later. A backslash, which browsers read as a slash, an empty segment
// ("//" starts an address on another host) or anything but a path and a query sends
// the person to the newsroom's home instead.
func localPath(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		strings.Contains(next, "\\") || strings.Contains(u.Path, "\\") || strings.Contains(u.Path, "//") {
		return prefix
	}
	clean := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	if !strings.HasPrefix(clean, prefix) {
		return prefix
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		q = nil
	}
	return (&url.URL{Path: clean, RawQuery: q.Encode()}).RequestURI()
}

// withDone adds what was just done to a newsroom address, for the notice of the page it
// leads to: "?done=…", or "&done=…" after the query the address already has.
func withDone(addr, done string) string {
	sep := "?"
	if strings.Contains(addr, "?") {
		sep = "&"
	}
	return addr + sep + "done=" + url.QueryEscape(done)
}
