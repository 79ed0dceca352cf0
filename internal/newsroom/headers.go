package newsroom

import "net/http"

// csp is the public site's policy: nothing from other origins, no inline script or style,
// no framing. The QR code of the second factor is an image of this origin.
const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders go on every newsroom answer. Pages show drafts, e-mail addresses and
// the audit log: no cache, shared or private, may keep them (the static files, whose
// names change with their content, override Cache-Control).
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex, nofollow")
}
