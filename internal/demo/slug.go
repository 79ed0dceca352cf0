package demo

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

// slugRoom is what a slug keeps free for a "-123456" suffix.
const slugRoom = 7

// slugSet hands out slugs that are unique within a namespace ("fr" articles, "nl" tags,
// persons, ...). Tracking them in memory costs a map entry per slug and spares a round
// trip per conflict: a hundred thousand generated titles collide often.
//
// For each slug handed out it holds the next suffix to try when the same base comes again.
type slugSet map[string]int

// unique returns the slug of text in namespace ns, with -2, -3 … appended when taken.
func (s slugSet) unique(ns, text string) string {
	base := clip(content.Slugify(text), content.MaxSlugLen-slugRoom)
	if base == "" {
		base = "sans-titre"
	}
	key := ns + "/" + base
	next := s[key]
	if next == 0 {
		s[key] = 2
		return base
	}
	for ; ; next++ {
		cand := base + "-" + strconv.Itoa(next)
		if s[ns+"/"+cand] == 0 {
			s[key] = next + 1
			s[ns+"/"+cand] = 2
			return cand
		}
	}
}

// clip shortens a slug to at most n bytes, cutting between words where it can.
func clip(slug string, n int) string {
	if len(slug) <= n {
		return slug
	}
	slug = slug[:n]
	for !utf8.ValidString(slug) {
		slug = slug[:len(slug)-1]
	}
	if i := strings.LastIndexByte(slug, '-'); i > n/2 {
		slug = slug[:i]
	}
	return strings.TrimRight(slug, "-")
}
