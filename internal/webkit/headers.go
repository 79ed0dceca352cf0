package webkit

import (
	"net/http"
	"net/url"
)

// Field is a header with its value slice made once: net/http only reads header values,
// so one slice serves every answer, and setting a header costs no allocation.
type Field struct {
	Key   string
	Value []string
}

// Set puts fields on h.
func Set(h http.Header, fields []Field) {
	for _, f := range fields {
		h[f.Key] = f.Value
	}
}

// Headers is middleware that sets fields on every answer before next runs: security
// policies that no answer may lack, error pages and redirects included.
func Headers(fields []Field) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			Set(w.Header(), fields)
			next.ServeHTTP(w, r)
		})
	}
}

// Security are the headers every answer of the site and the newsroom carries, with csp
// as its content security policy.
func Security(csp string) []Field {
	return []Field{
		{"Content-Security-Policy", []string{csp}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"same-origin"}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
	}
}

// hstsMaxAge is a year, in seconds: a reader who came once stays on https between
// visits, however rare, whatever network they read from.
const hstsMaxAge = "max-age=31536000"

// HSTS is the Strict-Transport-Security field of a site whose public address is base:
// a browser that received it over https refuses plain http for this host for a year.
// None when base is not https, so that a site served over http (a test, a laptop) does
// not lock itself out. The header is sent whatever the request's own scheme: behind a
// reverse proxy, Roneo speaks plain HTTP and its base URL tells what readers use, and
// browsers ignore the field on plain-http answers anyway.
//
// It leaves out includeSubDomains, and so preload: the base URL may be an
// organisation's own domain (https://example.org), and Roneo cannot know whether every
// other host under it (an intranet, a mail server's web page) speaks https.
func HSTS(base *url.URL) []Field {
	if base == nil || base.Scheme != "https" {
		return nil
	}
	return []Field{{"Strict-Transport-Security", []string{hstsMaxAge}}}
}
