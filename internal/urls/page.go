package urls

import (
	"fmt"
	"slices"

	"github.com/roneo/roneo/internal/content"
)

// MaxPage is the last page number a list's address may carry; further pages are not
// found, whatever the list holds.
const MaxPage = 10_000

// Page is one public page: what a path names.
type Page struct {
	Kind Kind
	Lang content.Lang // "" for Root, Media and Asset
	// Key is the slug of an item (and of its print and share pages), a preview's
	// secret, a media name or a static file's name; "" for the other kinds.
	Key string
	// Num is the page of a list: 0 or 1 is the first, and Parse gives 0.
	Num int
	// Ext is the format of a file kind, one of its Exts ("atom", "png"); "" for a page.
	Ext string
}

// First is the same list at its first page: what every page of a list shares.
func (p Page) First() Page {
	p.Num = 0
	return p
}

// At is the same list at page n.
func (p Page) At(n int) Page {
	p.Num = n
	return p
}

// Number is the 1-based page number of a list, for offsets and labels.
func (p Page) Number() int { return max(p.Num, 1) }

// Check reports why p has no address: an unknown kind, a language that is not a
// canonical tag, a key its kind does not accept, or a page number on a kind that has
// none. Path panics where Check returns an error.
func (s *Scheme) Check(p Page) error {
	sp := p.Kind.spec()
	switch {
	case !p.Kind.valid():
		return fmt.Errorf("urls: no kind %d", int(p.Kind))
	case (sp.shape == atRoot || sp.shape == top || sp.shape == file && sp.parent == Root) != (p.Lang == ""):
		return fmt.Errorf("urls: %s page with language %q", p.Kind, p.Lang)
	case p.Lang != "" && !s.canonical(p.Lang):
		return fmt.Errorf("urls: %s page in %q, not a canonical language tag", p.Kind, p.Lang)
	case !s.keyOf(p.Kind).valid(p.Key):
		return fmt.Errorf("urls: %s page with key %q", p.Kind, p.Key)
	case sp.shape == nth && (p.Num < 1 || p.Num > MaxPage):
		return fmt.Errorf("urls: %s page number %d", p.Kind, p.Num)
	case p.Num < 0 || p.Num > 1 && !sp.paged && sp.shape != nth:
		return fmt.Errorf("urls: %s page number %d", p.Kind, p.Num)
	case sp.shape == file && !slices.Contains(sp.exts, p.Ext), sp.shape != file && p.Ext != "":
		return fmt.Errorf("urls: %s page in format %q", p.Kind, p.Ext)
	}
	return nil
}

// keyOf is the rule of a kind's key; a sub, nth or file kind has its parent's.
func (s *Scheme) keyOf(k Kind) keyRule {
	sp := k.spec()
	if sp.shape == sub || sp.shape == file || sp.shape == nth {
		return sp.parent.spec().key
	}
	return sp.key
}

// canonical reports whether l is a language tag as ParseLang writes it. The languages
// of the table are known to be; asking ParseLang of every link would cost more than
// the rest of building it.
func (s *Scheme) canonical(l content.Lang) bool {
	if _, ok := s.vocabs[string(l)]; ok {
		return true
	}
	pl, err := content.ParseLang(string(l))
	return err == nil && pl == l
}
