package site

import (
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/hosts"
	"github.com/roneo/roneo/internal/urls"
)

// The site answers on its main domain (--base-url) and on its other addresses: mirror
// domains and onion services, given by --hosts or in the newsroom's settings. A page
// asked through one of them links to that one, so that a reader who came through a
// mirror stays on it; its canonical link names the main domain, which search engines
// are to index. Any other Host gets the main domain's page: no page repeats a Host a
// stranger sent.

// hostSet makes the set of addresses in force: the command line's list wins over the
// settings'.
func (s *Server) hostSet(site content.Site) *hosts.Set {
	others := s.cfg.Hosts
	if others == nil {
		for _, h := range site.Hosts {
			if o, err := hosts.ParseOrigin(h); err == nil { // the settings were checked when saved
				others = append(others, o)
			}
		}
	}
	return hosts.NewSet(s.main, others)
}

// originKey is the context key under which ServeHTTP leaves the request's origin.
type originKey struct{}

// origin is the address r came through, as ServeHTTP matched it.
func (s *Server) origin(r *http.Request) hosts.Origin {
	if o, ok := r.Context().Value(originKey{}).(hosts.Origin); ok {
		return o
	}
	return s.matchOrigin(r)
}

// matchOrigin finds the address r came through, or the main domain. The list is the
// current one: a change of the settings counts from the next request.
func (s *Server) matchOrigin(r *http.Request) hosts.Origin {
	st, err := s.current(r.Context())
	if err != nil {
		return s.main // the page will fail on the database the same way
	}
	o, _ := st.hosts.Match(r.Host)
	return o
}

// cacheKey is where the page cache keeps the page at path as built for origin. The main
// domain's pages are kept under their path alone.
func (s *Server) cacheKey(origin hosts.Origin, path string) string {
	if origin == s.main {
		return path
	}
	return origin.Host + path
}

// pageOrigin is the origin a page's absolute links use: "" for the main domain.
func (s *Server) pageOrigin(origin hosts.Origin) string {
	if origin == s.main {
		return ""
	}
	return origin.String()
}

// onionLocation tells Tor Browser, on the main domain, that the page is also at the
// onion address.
func (s *Server) onionLocation(w http.ResponseWriter, r *http.Request, origin hosts.Origin) {
	st := s.state.Load() // as loaded by origin, just before
	if origin != s.main || st == nil {
		return
	}
	if onion, ok := st.hosts.Onion(); ok {
		w.Header()["Onion-Location"] = []string{onion.String() + r.URL.RequestURI()}
	}
}

// elsewhere are the site's other addresses as the page's footer lists them: every
// address but the one the page is read through (the main domain when it is none of the
// others: a mirror's disk, a forged Host), each linking to the same page there.
func (b *build) elsewhere() []link {
	others := b.st.hosts.Others()
	current := b.s.main
	for _, o := range others {
		if o.String() == b.origin {
			current = o
		}
	}
	self := b.s.scheme.Path(b.page)
	var out []link
	for _, o := range append([]hosts.Origin{b.s.main}, others...) {
		if o != current {
			out = append(out, link{Name: o.Hostname(), URL: urls.Absolute(o.String(), self)})
		}
	}
	return out
}
