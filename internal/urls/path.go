package urls

import (
	"net/url"
	"strconv"
	"strings"
)

// Path is p's address relative to the site's root, every segment escaped: slugs and
// media names may hold any script. It panics on a page Check refuses.
func (s *Scheme) Path(p Page) string {
	if err := s.Check(p); err != nil {
		panic(err)
	}
	return s.build(p, url.PathEscape)
}

// build writes p's path with keys passed through esc: url.PathEscape for links, the
// identity for the decoded form Parse compares with.
func (s *Scheme) build(p Page, esc func(string) string) string {
	path := s.firstPath(p, esc)
	if p.Num > 1 && p.Kind.spec().shape != nth {
		path = strings.TrimSuffix(path, "/") + "/" + pageWord + "/" + strconv.Itoa(p.Num)
	}
	return path
}

// firstPath is the path of p's first page.
func (s *Scheme) firstPath(p Page, esc func(string) string) string {
	sp := p.Kind.spec()
	lang := "/" + string(p.Lang) + "/"
	switch sp.shape {
	case atLang:
		return lang
	case index:
		return lang + s.Word(p.Lang, p.Kind) + "/"
	case item:
		return lang + s.Word(p.Lang, p.Kind) + "/" + esc(p.Key)
	case sub:
		parent := s.firstPath(Page{Kind: sp.parent, Lang: p.Lang, Key: p.Key}, esc)
		return strings.TrimSuffix(parent, "/") + "/" + s.Word(p.Lang, p.Kind)
	case nth:
		parent := s.firstPath(Page{Kind: sp.parent, Lang: p.Lang, Key: p.Key}, esc)
		return strings.TrimSuffix(parent, "/") + "/" + s.Word(p.Lang, p.Kind) + "/" + strconv.Itoa(p.Num)
	case top:
		return "/" + sp.word("en") + "/" + escapeSegments(p.Key, esc)
	case file:
		parent := s.firstPath(Page{Kind: sp.parent, Lang: p.Lang, Key: p.Key}, esc)
		return strings.TrimSuffix(parent, "/") + "/" + s.Word(p.Lang, p.Kind) + "." + p.Ext
	}
	return "/"
}

// escapeSegments escapes each segment of a media name, keeping its slashes.
func escapeSegments(name string, esc func(string) string) string {
	segs := strings.Split(name, "/")
	for i, seg := range segs {
		segs[i] = esc(seg)
	}
	return strings.Join(segs, "/")
}

func identity(s string) string { return s }
