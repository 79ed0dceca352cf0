// Package web embeds the default theme: page templates, stylesheets, the small script,
// icons and the interface translations. A theme directory given at start-up can override
// any of these files.
package web

import "embed"

// FS holds templates/, static/ and i18n/.
//
//go:embed templates static i18n
var FS embed.FS
