// Package feed writes the site's syndication feeds: Atom 1.0, RSS 2.0 and JSON Feed
// 1.1, from one model ([Feed] and its [Entry] values), and makes the links of an HTML
// fragment absolute ([Absolutize]) so that content still works outside the site.
//
// It turns values into bytes and nothing more: the site decides which entries a feed
// holds and at which URL it is served. It must not import the store, net/http or the
// site, so that every caller (the public site, its mirrors, an export) gets the same
// documents; it reads nothing but its arguments and writes nothing but its io.Writer.
//
// # Choices
//
//   - Output is deterministic (no clock, no map order): the same feed gives the same
//     bytes, which caches and ETags can rely on, and golden files in testdata pin it.
//   - Every string goes through cleanXML on its way out, in JSON too: one character
//     XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, invalid UTF-8) makes a whole
//     XML feed unreadable, and the three formats should say the same thing.
//   - Write does not absolutize [Entry.ContentHTML]: parsing and serialising 50
//     articles of 5 KB takes over ten times as long as writing the whole feed (8 ms
//     against 0.6 ms), so callers absolutize once per entry and base and keep the
//     result. Atom gives its content an xml:base, so that readers that honour it
//     resolve what was left relative.
//   - The XML and the JSON are written by hand into a buffer, not marshalled: a feed of
//     long articles is a few long strings to escape, and encoding/json's reflection
//     and indentation pass made it three times slower.
//   - Times are written in UTC, to the second. An entry without an author gets the
//     feed's, and one without an updated date its published one; Atom requires both.
package feed
