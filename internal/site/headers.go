package site

import "net/http"

// defaultCSP: pages load nothing from other origins and run no inline script; the one
// script and the stylesheet come from this site.
const defaultCSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityFields are the security headers of every answer, with csp replacing the
// default policy when set.
func securityFields(csp string) []headerField {
	if csp == "" {
		csp = defaultCSP
	}
	return []headerField{
		{"Content-Security-Policy", []string{csp}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"same-origin"}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
		{"Cross-Origin-Resource-Policy", []string{"same-origin"}},
		{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=(), interest-cohort=()"}},
	}
}

func setSecurityHeaders(h http.Header, fields []headerField) {
	for _, f := range fields {
		h[f.key] = f.value
	}
}
