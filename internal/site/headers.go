package site

import "net/http"

// The site's security headers. Pages load nothing from other origins and run no inline
// script; the one script and the stylesheets come from this site.
var securityHeaders = map[string][]string{
	"Content-Security-Policy":      {"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
	"X-Content-Type-Options":       {"nosniff"},
	"Referrer-Policy":              {"same-origin"},
	"X-Frame-Options":              {"DENY"},
	"Cross-Origin-Opener-Policy":   {"same-origin"},
	"Cross-Origin-Resource-Policy": {"same-origin"},
	"Permissions-Policy":           {"camera=(), microphone=(), geolocation=(), interest-cohort=()"},
}

func setSecurityHeaders(h http.Header) {
	for k, v := range securityHeaders {
		h[k] = v
	}
}
