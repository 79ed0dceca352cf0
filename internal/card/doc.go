// Package card draws the default share image of an article: the picture that
// Mastodon, WhatsApp, Telegram and other OpenGraph readers show beside a link when the
// article has no image of its own. It is a 1200×630 PNG with the site's name, an
// optional kicker (a section, "Press release") and the title, in the Go fonts.
//
// It must import no net/http, no store and no site: it turns a [Card] into bytes, and
// the site decides when to draw one, where to cache it and how to serve it.
//
// # Choices
//
//   - Output is deterministic: the same Card gives the same bytes with the same build,
//     so a card can be cached under a hash of its input. The rasterizer works in
//     floating point, so another processor architecture or another golang.org/x/image
//     may give other bytes; a cache key should include the build.
//   - The Go fonts cover Latin with its accents, Greek and Cyrillic. Characters they lack
//     (CJK, Arabic, Hebrew, emoji) are left out rather than drawn as boxes; a title of
//     nothing else leaves a card with the site's name and kicker only.
//   - Input is bounded: a title is cut at [MaxTitleRunes], the site's name and the
//     kicker at [MaxLineRunes], before any work is done on them.
//   - Lines break at spaces, never at no-break spaces; in French ("fr", "fr-BE"…) a
//     mark that French sets off with a space (; : ! ? » and after «) also stays with
//     its word. A word wider than a line is broken where it must.
package card
