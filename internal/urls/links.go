package urls

import (
	"path"
	"strings"
)

// Links writes the links of one page. The server writes root-relative links; a static
// mirror writes relative ones, because it is opened from disk (file://), where "/" is
// the disk's root and a link to a directory does not open its index.html.
type Links struct {
	dir      []string // segments of the directory holding the page's file; nil for root links
	relative bool
}

// RootLinks writes links as they are: "/fr/rubrique/belgique".
func RootLinks() Links { return Links{} }

// RelativeLinks writes the links of the page at from (root-relative, as Path gives it)
// as paths from its file in a mirror to theirs: from /fr/article/x, /fr/rubrique/y is
// "../../rubrique/y/index.html".
func RelativeLinks(from string) Links {
	from, _ = splitSuffix(from)
	dir := path.Dir(FileOf(from))
	l := Links{relative: true}
	if dir != "." {
		l.dir = strings.Split(dir, "/")
	}
	return l
}

// Relative reports whether the links are written for a mirror.
func (l Links) Relative() bool { return l.relative }

// To is the link to target, a root-relative path as Path gives it, which may carry a
// "?query" or a "#fragment". Relative links keep both: a fragment works from disk, and
// a query is for the script of the page it opens (the search form of a mirror).
func (l Links) To(target string) string {
	p, suffix := splitSuffix(target)
	if !l.relative || p == "" {
		return target
	}
	to := strings.Split(FileOf(p), "/")
	common := 0
	for common < len(l.dir) && common < len(to)-1 && l.dir[common] == to[common] {
		common++
	}
	up := strings.Repeat("../", len(l.dir)-common)
	return up + strings.Join(to[common:], "/") + suffix
}

// splitSuffix cuts a link at its query or fragment. Path escapes "?" and "#" inside
// segments, so the first one starts the suffix.
func splitSuffix(link string) (p, suffix string) {
	if i := strings.IndexAny(link, "?#"); i >= 0 {
		return link[:i], link[i:]
	}
	return link, ""
}

// FileOf is where the page at p (root-relative) lives in a mirror: a page is a
// directory's index.html ("/fr/article/x" → "fr/article/x/index.html", "/" →
// "index.html"); media, static files and any path whose last segment has an extension
// (a future feed.atom) are files as they are ("/static/site.1a2b.css" →
// "static/site.1a2b.css"). No slug, secret or word of a page holds a dot. FileOf neither
// escapes nor unescapes: give it a decoded path to name a file on disk, an escaped one to
// write a link.
func FileOf(p string) string {
	p = strings.TrimPrefix(p, "/")
	first, _, _ := strings.Cut(p, "/")
	if isTopWord(first) || path.Ext(p) != "" && !strings.HasSuffix(p, "/") {
		return p
	}
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p + "/index.html"
}

// isTopWord reports whether a first segment names files outside the languages.
func isTopWord(seg string) bool {
	for _, k := range Kinds() {
		if sp := k.spec(); sp.shape == top && sp.word("en") == seg {
			return true
		}
	}
	return false
}

// Absolute is the full URL of a root-relative path, for canonical links and feeds.
// origin is the site's scheme and host, such as "https://news.example.org".
func Absolute(origin, p string) string {
	return strings.TrimSuffix(origin, "/") + p
}
