package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span returns the bytes of text that the tokens a to b-1 cover, widened to
// take in an elision or an opening quote before the first ("l’usine",
// « grève) and closing punctuation after the last.
func span(text string, toks []analysedToken, a, b int) (int, int) {
	start, end := toks[a].start, toks[b-1].end
	i := start
	for n := 0; n < 8 && i > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); i == 0 || unicode.IsSpace(r) {
		start = i
	}
	for n := 0; end < len(text) && n < 4; n++ {
		r, size := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) || isWordRune(r) {
			break
		}
		end += size
	}
	return start, end
}

// window returns the best window (see bestWindow) of the most words, up to
// snippetWords, whose text holds at most limit runes. Fewer words make a
// better window for fewer matches, so the width is searched, not trimmed.
func window(text string, toks []analysedToken, hits []int, groups, limit int) (int, int) {
	fits := func(w int) (int, int, bool) {
		a, b := bestWindow(hits, groups, w)
		start, end := span(text, toks, a, b)
		return a, b, utf8.RuneCountInString(text[start:end]) <= limit
	}
	lo, hi := 1, snippetWords // the answer lies in [lo, hi] if any width fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if _, _, ok := fits(mid); ok {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	a, b, _ := fits(lo)
	return a, b
}

// fragments cuts the window's text into matching and non-matching pieces;
// matches separated only by spaces make one piece.
func fragments(text string, toks []analysedToken, hits []int, maxRunes int) []Fragment {
	start, end := span(text, toks, 0, len(toks))
	out := markMatches(text[:end], start, toks, hits)
	out, cut := cutFragments(out, maxRunes-2)
	if strings.TrimSpace(text[:start]) != "" {
		out = append([]Fragment{{Text: ellipsis}}, out...)
	}
	if !cut && strings.TrimSpace(text[end:]) != "" {
		out = append(out, Fragment{Text: ellipsis})
	}
	return out
}

// markMatches cuts text[start:] into matching and non-matching fragments, the tokens
// toks (positions in text) marked where hits says they match; matches separated only
// by spaces make one fragment.
func markMatches(text string, start int, toks []analysedToken, hits []int) []Fragment {
	var out []Fragment
	pos := start
	for i := 0; i < len(toks); i++ {
		if hits[i] < 0 {
			continue
		}
		j := i
		for j+1 < len(toks) && hits[j+1] >= 0 && strings.TrimSpace(text[toks[j].end:toks[j+1].start]) == "" {
			j++
		}
		out = appendFragment(out, text[pos:toks[i].start], false)
		out = appendFragment(out, text[toks[i].start:toks[j].end], true)
		pos, i = toks[j].end, j
	}
	return appendFragment(out, text[pos:], false)
}

// appendFragment adds text with its runs of white space made single spaces. No-break
// spaces are typography (French « » and : ; ! ?) and stay as they are.
func appendFragment(out []Fragment, text string, match bool) []Fragment {
	if text == "" {
		return out
	}
	var b strings.Builder
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return append(out, Fragment{Text: b.String(), Match: match})
}

// cutFragments cuts fragments holding more than max runes in all, which only
// happens when a single word is longer than the snippet; the cut ends in "…".
func cutFragments(fs []Fragment, limit int) ([]Fragment, bool) {
	limit = max(limit, 1)
	for i, f := range fs {
		n := utf8.RuneCountInString(f.Text)
		if n <= limit {
			limit -= n
			continue
		}
		fs[i].Text = clip(f.Text, limit) + ellipsis
		return fs[:i+1], true
	}
	return fs, false
}
