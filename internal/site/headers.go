package site

import "net/http"

// defaultCSP: pages load nothing from other origins and run no inline script; the one
// script and the stylesheet come from this site.
const defaultCSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityFields are the security headers of every answer, with csp replacing the
// default policy when set. Pages embed nothing from elsewhere, so Permissions-Policy and
// Cross-Origin-Resource-Policy would restrict nothing; every header costs on every answer.
func securityFields(csp string) []headerField {
	if csp == "" {
		csp = defaultCSP
	}
	return []headerField{
		{"Content-Security-Policy", []string{csp}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"same-origin"}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
	}
}

func setSecurityHeaders(h http.Header, fields []headerField) {
	for _, f := range fields {
		h[f.key] = f.value
	}
}
