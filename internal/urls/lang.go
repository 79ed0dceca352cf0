package urls

import (
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// LangOf is the language a path is in when its first segment is a canonical language
// tag, whether or not the rest of it names a page: an error page answers in it.
func (s *Scheme) LangOf(path string) (content.Lang, bool) {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	l := content.Lang(first)
	if first == "" || len(first) > 35 || !s.canonical(l) {
		return "", false
	}
	return l, true
}
