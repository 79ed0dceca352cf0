package demo

import (
	"strings"
	"unicode/utf8"
)

// French joins some short words to the next one: "de les grévistes" is written "des
// grévistes", "à le Chili" "au Chili", "de Anvers" "d'Anvers". The phrase tables cannot
// know what a placeholder holds, so the text applies these rules where a placeholder is
// filled in.

// contractions replace a word and the article that follows it.
var contractions = []struct{ word, article, into string }{
	{"de", "les ", "des "}, {"de", "le ", "du "}, {"à", "les ", "aux "}, {"à", "le ", "au "},
}

// elided words lose their vowel before one: "de" → "d'".
var elided = []string{"de", "le", "la", "que"}

// elide rewrites the word before buf[at:], a value just filled in, and the value's start,
// where French spelling requires it.
func (t *text) elide(at int) {
	if at < 2 || t.buf[at-1] != ' ' {
		return
	}
	start := at - 1
	for start > 0 && t.buf[start-1] != ' ' && t.buf[start-1] != '\n' {
		start--
	}
	word := string(t.buf[start : at-1])
	lower, upper := lowerFirst(word)
	value := t.buf[at:]
	for _, c := range contractions {
		if lower == c.word && strings.HasPrefix(string(value), c.article) {
			t.rewrite(start, at+len(c.article), capitalIf(c.into, upper))
			return
		}
	}
	for _, w := range elided {
		if lower == w && startsWithVowel(value) {
			t.rewrite(start, at, capitalIf(w[:len(w)-1]+"'", upper))
			return
		}
	}
}

// rewrite replaces t.buf[from:to] with s, which is no longer.
func (t *text) rewrite(from, to int, s string) {
	n := copy(t.buf[from:], s)
	rest := copy(t.buf[from+n:], t.buf[to:])
	t.buf = t.buf[:from+n+rest]
}

// lowerFirst returns word with its first letter in lower case, and whether it was upper.
func lowerFirst(word string) (string, bool) {
	switch {
	case word == "":
		return word, false
	case strings.HasPrefix(word, "À"):
		return "à" + word[len("À"):], true
	case word[0] >= 'A' && word[0] <= 'Z':
		return string(word[0]+'a'-'A') + word[1:], true
	}
	return word, false
}

func capitalIf(s string, upper bool) string {
	if !upper {
		return s
	}
	if strings.HasPrefix(s, "a") {
		return "A" + s[1:]
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// startsWithVowel reports whether b starts with a vowel sound French elides before. An h
// is left alone: names and most words here take it as aspirated.
func startsWithVowel(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return strings.ContainsRune("aeiouâàäéèêëîïôöûùüAEIOUÂÀÄÉÈÊËÎÏÔÖÛÙÜ", r)
}
