package feed

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// cleanXML returns s without the characters XML 1.0 does not allow (its Char
// production): C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF,
// and bytes that are not UTF-8, among them encoded surrogates. One of them anywhere
// makes a conforming parser reject the whole feed, and they come from pasted text.
// The C1 controls (and DEL) go too: XML allows but discourages them, no text means
// them, and feedparser turns them into Windows-1252 punctuation (U+0085 into "…").
// U+FFFD itself is kept: it is a character like any other.
//
// Text that is already clean, nearly all of it, is returned without a copy.
func cleanXML(s string) string {
	if i := firstForbidden(s); i < len(s) {
		return cleanFrom(s, i)
	}
	return s
}

// firstForbidden returns the index of the first byte of s that cleanXML removes, or
// len(s). It is the hot loop of every feed, so it reads eight bytes at a time while
// they are all printable ASCII (no byte below 0x20 nor from 0x7F up), which is most of
// an article's HTML, and one character at a time elsewhere.
func firstForbidden(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
			if (w-0x20*ones)&^w&highs == 0 && (w|(w+ones))&highs == 0 {
				i += 8
				continue
			}
		}
		if c := s[i]; c-0x20 < 0x7f-0x20 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if forbidden(r, size) {
			return i
		}
		i += size
	}
	return len(s)
}

// cleanFrom copies s without its forbidden characters, the first of which is at i.
func cleanFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !forbidden(r, size) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// forbidden reports whether the rune decoded as (r, size) must not reach a feed.
// DecodeRune refuses surrogates and gives (RuneError, 1) for bytes that are not UTF-8,
// while a real U+FFFD takes three.
func forbidden(r rune, size int) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case 0x7f <= r && r <= 0x9f:
		return true
	case r == utf8.RuneError:
		return size == 1
	}
	return r == 0xfffe || r == 0xffff
}
