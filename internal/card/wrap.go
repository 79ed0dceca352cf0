package card

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/image/math/fixed"
)

// words splits clean text at its spaces into the pieces lines are made of. In French a
// mark that is set off by a space (; : ! ? ») stays with the word before it, and «
// with the word after, so that no line starts with "!" or ends with "«".
func words(text, lang string) []string {
	if text == "" {
		return nil
	}
	ws := strings.Split(text, " ")
	if !isFrench(lang) {
		return ws
	}
	out := ws[:0]
	glue := false
	for _, w := range ws {
		first, _ := utf8.DecodeRuneInString(w)
		if len(out) > 0 && (glue || strings.ContainsRune(";:!?»›", first)) {
			out[len(out)-1] += string(nbsp) + w
		} else {
			out = append(out, w)
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		glue = last == '«' || last == '‹'
	}
	return out
}

// isFrench is true of "fr" and its regional tags ("fr-BE", "fr_CA").
func isFrench(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "fr") && (len(lang) == 2 || lang[2] == '-' || lang[2] == '_')
}

// wrap fills lines of at most max wide, greedily: titles are short, and a balanced
// break would change little at this size. It reports whether it had to break a word.
func wrap(f *face, words []string, max fixed.Int26_6) (lines []string, broken bool) {
	line := ""
	for _, w := range words {
		if f.width(w) > max {
			// A word no line holds (a long compound, a URL) is broken where it must.
			if line != "" {
				lines = append(lines, line)
			}
			parts := breakWord(f, w, max)
			broken = true
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
			continue
		}
		if line == "" {
			line = w
		} else if joined := line + " " + w; f.width(joined) <= max {
			line = joined
		} else {
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, broken
}

// breakWord cuts w into pieces of at most max wide (at least one character each),
// measuring as it goes so that a long word costs one pass.
func breakWord(f *face, w string, max fixed.Int26_6) []string {
	var parts []string
	start, width, prev := 0, fixed.Int26_6(0), rune(-1)
	for i, r := range w {
		if i > start && width+f.step(prev, r) > max {
			parts = append(parts, w[start:i])
			start, width, prev = i, 0, -1
		}
		width += f.step(prev, r)
		prev = r
	}
	return append(parts, w[start:])
}

// ellipsize ends line with "…" within max, dropping whole words while it does not fit
// (characters, if one word is left), and the punctuation a cut would leave hanging.
func ellipsize(f *face, line string, max fixed.Int26_6) string {
	for {
		line = strings.TrimRight(line, " \u00a0,;:.-–—«")
		if line == "" || f.width(line+ellipsis) <= max {
			return line + ellipsis
		}
		if i := strings.LastIndexAny(line, " \u00a0"); i > 0 {
			line = line[:i]
		} else {
			_, n := utf8.DecodeLastRuneInString(line)
			line = line[:len(line)-n]
		}
	}
}
