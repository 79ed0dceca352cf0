package newsroom

import (
	"github.com/roneo/roneo/internal/webkit"
)

// csp is the public site's policy: nothing from other origins, no inline script or style,
// no framing. The QR code of the second factor is an image of this origin.
const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityFields go on every newsroom answer. Pages show drafts, e-mail addresses and
// the audit log: no cache, shared or private, may keep them (the static files, whose
// names change with their content, override Cache-Control).
var securityFields = append(webkit.Security(csp),
	webkit.Field{Key: "X-Frame-Options", Value: []string{"DENY"}},
	webkit.Field{Key: "Cache-Control", Value: []string{"no-store"}},
	webkit.Field{Key: "X-Robots-Tag", Value: []string{"noindex, nofollow"}},
)
