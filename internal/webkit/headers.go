package webkit

import "net/http"

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
