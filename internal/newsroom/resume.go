package newsroom

import (
	"net/http"
	"net/url"
	"strings"
)

// resume sends on a form that arrived after its session had run out, now that its author
// signed in again: the save it asked for happens, and they land where it leads (the
// editor, with their text) instead of losing it. The form goes through the whole
// handler chain again, as a request of the new session, so every check applies. Only
// routes marked keep can be resumed; anything else goes to the newsroom's home.
func (s *Server) resume(w http.ResponseWriter, r *request, path string, fields url.Values) error {
	hr, err := http.NewRequestWithContext(r.Context(), http.MethodPost, path, strings.NewReader(fields.Encode()))
	if err != nil || !s.resumable(hr) {
		seeOther(w, r, prefix)
		return nil
	}
	hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, h := range []string{"Origin", "Sec-Fetch-Site", "User-Agent", "Accept-Language"} {
		if v := r.Header.Get(h); v != "" {
			hr.Header.Set(h, v)
		}
	}
	hr.AddCookie(&http.Cookie{Name: cookieName, Value: r.secret})
	hr.RemoteAddr = r.RemoteAddr
	hr.Host = r.Host
	s.handler.ServeHTTP(w, hr)
	return nil
}

// resumable reports whether a request would reach a route that keeps its fields.
func (s *Server) resumable(hr *http.Request) bool {
	if s.serveMux == nil {
		return false
	}
	_, pattern := s.serveMux.Handler(hr)
	for _, rt := range s.table {
		if rt.pattern == pattern {
			return rt.keep
		}
	}
	return false
}
