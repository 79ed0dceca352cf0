package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTermRunes cuts very long words, the same way at index and at query time,
// so that a run of garbage cannot make a huge lexeme (PostgreSQL refuses
// lexemes above 2 KB).
const maxTermRunes = 64

// elisions are the French words that lose their vowel before another word:
// "l’usine", "qu’il", "jusqu’au". They are dropped when an apostrophe and a
// letter follow them.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true,
	"c": true, "qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// isApostrophe covers the typewriter and typographic apostrophes, and the
// modifier letter ʼ which Unicode counts as a letter.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´':
		return true
	}
	return false
}

// isWordRune reports the characters words are made of: letters, decimal
// digits and combining marks (decomposed accents, Indic vowel signs).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isApostrophe(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// scanner splits a text into words. After next reports true, word holds the
// word, lowercase and cut to maxTermRunes, until the next call; start and end
// are where it lies in the text.
type scanner struct {
	text       string
	pos        int
	word       []byte
	hasMark    bool
	start, end int
}

func (s *scanner) next() bool {
	for s.pos < len(s.text) {
		s.start = s.skipSpace()
		if s.start == len(s.text) {
			break
		}
		afterApostrophe := s.followsApostrophe(s.start)
		s.read()
		s.end = s.pos
		if !s.elided() && !(afterApostrophe && string(s.word) == "s") {
			return true
		}
	}
	return false
}

// wordText returns the current word as a string, composed (NFC) as the
// stemmers expect when the text spelt accents as combining marks.
func (s *scanner) wordText() string {
	if s.hasMark {
		return norm.NFC.String(string(s.word))
	}
	return string(s.word)
}

// skipSpace moves to the start of the next word.
func (s *scanner) skipSpace() int {
	for s.pos < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[s.pos:])
		if isWordRune(r) {
			break
		}
		s.pos += size
	}
	return s.pos
}

// read reads the word at s.pos into s.word, lowercased and cut to maxTermRunes.
func (s *scanner) read() {
	s.word, s.hasMark = s.word[:0], false
	n := 0
	for s.pos < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[s.pos:])
		if !isWordRune(r) {
			break
		}
		s.pos += size
		if n++; n > maxTermRunes {
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			s.word = append(s.word, byte(r))
			continue
		}
		s.hasMark = s.hasMark || unicode.Is(unicode.Mn, r)
		s.word = utf8.AppendRune(s.word, unicode.ToLower(r))
	}
}

// elided reports a French elision: the word just read is one of elisions and
// an apostrophe and another word follow it.
func (s *scanner) elided() bool {
	if len(s.word) > 6 || !elisions[string(s.word)] {
		return false
	}
	r, size := utf8.DecodeRuneInString(s.text[s.pos:])
	if !isApostrophe(r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(s.text[s.pos+size:])
	return isWordRune(r)
}

// followsApostrophe reports a word glued to the previous one by an apostrophe,
// as the "s" of "John's" or of Dutch "auto's".
func (s *scanner) followsApostrophe(start int) bool {
	r, size := utf8.DecodeLastRuneInString(s.text[:start])
	if !isApostrophe(r) {
		return false
	}
	r, _ = utf8.DecodeLastRuneInString(s.text[:start-size])
	return isWordRune(r)
}
