package urls

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

// MaxPathLen bounds the decoded paths Parse reads; longer ones are not found.
const MaxPathLen = 1024

// ParseStatus is what Parse made of a path.
type ParseStatus int

const (
	NotFound ParseStatus = iota // the zero Parsed finds nothing
	Found
	Redirect // permanently, to Parsed.Location
)

func (st ParseStatus) String() string {
	switch st {
	case Found:
		return "found"
	case Redirect:
		return "redirect"
	}
	return "not found"
}

// Parsed is the answer of Parse.
type Parsed struct {
	Page   Page // set when Found or Redirect
	Status ParseStatus
	// Location is the canonical path of a Redirect, escaped. The query string is the
	// caller's to keep (the search's redirect does).
	Location string
}

// Parse reads a decoded path (r.URL.Path). A page's canonical path is Found; the same
// page with a trailing slash added or missing, or with /page/1, is a Redirect to it;
// anything else is NotFound. Any canonical language tag is accepted: whether the site
// publishes in it is for the site to say.
func (s *Scheme) Parse(path string) Parsed {
	p, ok := s.match(path)
	switch {
	case !ok:
		return Parsed{}
	case s.build(p, identity) == path:
		return Parsed{Page: p, Status: Found}
	}
	return Parsed{Page: p, Status: Redirect, Location: s.Path(p)}
}

// match finds the page path names, leniently about the trailing slash and /page/1.
func (s *Scheme) match(path string) (Page, bool) {
	if len(path) > MaxPathLen || !strings.HasPrefix(path, "/") || !utf8.ValidString(path) {
		return Page{}, false
	}
	if path == "/" {
		return Page{Kind: Root}, true
	}
	first, rest, _ := strings.Cut(path[1:], "/")
	if k, ok := s.top[first]; ok {
		// Files: no slash to add or drop, no pages.
		return Page{Kind: k, Key: rest}, k.spec().key.valid(rest)
	}
	if p, ok := s.matchFile(path); ok {
		return p, true
	}
	return s.matchLang(content.Lang(first), rest)
}

// matchFile reads a page's file: a last segment "{word}.{ext}" after its page's path,
// the first page of a list ("/fr/rubrique/belgique/feed.atom", "/sitemap.xml"). No
// slug or word holds a dot, so no page's path is read as one.
func (s *Scheme) matchFile(path string) (Page, bool) {
	i := strings.LastIndexByte(path, '/')
	word, ext, ok := strings.Cut(path[i+1:], ".")
	if !ok || strings.Contains(ext, ".") {
		return Page{}, false
	}
	var k Kind
	parent := Page{Kind: Root}
	if i > 0 {
		if parent, ok = s.matchLang(s.langPart(path[:i])); !ok || parent.Num > 0 {
			return Page{}, false
		}
		k, ok = s.vocab(parent.Lang).files[parent.Kind][word]
	} else {
		k, ok = s.files[word]
	}
	if !ok || !slices.Contains(k.spec().exts, ext) {
		return Page{}, false
	}
	return Page{Kind: k, Lang: parent.Lang, Key: parent.Key, Ext: ext}, true
}

// langPart splits a path after its first segment, the language.
func (s *Scheme) langPart(path string) (content.Lang, string) {
	first, rest, _ := strings.Cut(path[1:], "/")
	return content.Lang(first), rest
}

// matchLang reads what follows a language.
func (s *Scheme) matchLang(lang content.Lang, rest string) (Page, bool) {
	if !s.canonical(lang) {
		return Page{}, false
	}
	var segs []string
	if rest != "" {
		segs = strings.Split(strings.TrimSuffix(rest, "/"), "/")
	}
	if slices.Contains(segs, "") {
		return Page{}, false
	}
	segs, num, ok := cutPage(segs)
	if !ok {
		return Page{}, false
	}
	p, ok := s.matchWords(lang, segs)
	if !ok || num > 0 && !p.Kind.Paginated() {
		return Page{}, false
	}
	if num > 1 {
		p.Num = num
	}
	return p, true
}

// matchWords reads the segments between the language and the page number.
func (s *Scheme) matchWords(lang content.Lang, segs []string) (Page, bool) {
	if len(segs) == 0 {
		return Page{Kind: Home, Lang: lang}, true
	}
	v := s.vocab(lang)
	k, ok := v.lead[segs[0]]
	sp := k.spec()
	switch {
	case !ok:
		return Page{}, false
	case len(segs) == 1:
		return Page{Kind: k, Lang: lang}, sp.shape == index || sp.shape == sub
	case len(segs) == 2:
		return Page{Kind: k, Lang: lang, Key: segs[1]}, sp.shape == item && sp.key.valid(segs[1])
	case len(segs) == 3:
		subKind, ok := v.subs[k][segs[2]]
		return Page{Kind: subKind, Lang: lang, Key: segs[1]}, ok && subKind.spec().shape == sub && sp.key.valid(segs[1])
	case len(segs) == 4:
		nthKind, ok := v.subs[k][segs[2]]
		n, isNum := pageNumber(segs[3])
		return Page{Kind: nthKind, Lang: lang, Key: segs[1], Num: n}, ok && isNum && nthKind.spec().shape == nth && sp.key.valid(segs[1])
	}
	return Page{}, false
}

// cutPage takes a trailing /page/{n} off segs. A last segment that is not a number
// leaves segs alone: /fr/rubrique/page/feed.atom may be a section called "page".
func cutPage(segs []string) (rest []string, num int, ok bool) {
	n := len(segs)
	if n < 2 || segs[n-2] != pageWord || strings.Trim(segs[n-1], "0123456789") != "" {
		return segs, 0, true
	}
	num, ok = pageNumber(segs[n-1])
	return segs[:n-2], num, ok
}

// pageNumber reads a page number written as Path writes it: decimal without leading
// zeros, 1 to MaxPage. 1 is accepted so that its address redirects to the first page's.
func pageNumber(s string) (int, bool) {
	if len(s) > len(strconv.Itoa(MaxPage)) || strings.HasPrefix(s, "0") {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= MaxPage
}
