package render

import "strings"

// frenchSpacing puts a narrow no-break space before ; : ! ? » and after «.
// Whatever spaces the writer typed there (none, one, an ordinary or a
// no-break space, several) become exactly one U+202F, so running it again
// changes nothing. It decides from the character before the spaces, which
// may sit in another node ("**mot** :"), but only edits editable cells.
// The result is appended to out.
func frenchSpacing(in, out []cell) []cell {
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch {
		case c.frozen():
			out = append(out, c)
		case c.r == '«':
			out = append(out, c)
			out, i = spaceAfterGuillemet(out, in, i)
		case c.r == '»' || isHighPunctuation(c.r, next(in, i)):
			out = spaceBefore(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

func next(in []cell, i int) rune {
	if i+1 < len(in) {
		return in[i+1].r
	}
	return 0
}

// isHighPunctuation tells punctuation from look-alikes: "10:30", "3:2",
// "http://", "?q=1", "!=", and smileys such as ":)" or ";-)" are followed by
// something other than a space, a quote or more punctuation.
func isHighPunctuation(r, next rune) bool {
	switch r {
	case ':', ';':
		return next == 0 || isSpace(next) || strings.ContainsRune("»”’\"'", next)
	case '!', '?':
		return next == 0 || isSpace(next) || strings.ContainsRune("!?;:.,…)]}»”’\"'", next)
	}
	return false
}

// collapsible reports whether c is a horizontal space we may rewrite. Line
// breaks and spaces typed as entities stay, and stop the rules.
func collapsible(c cell) bool {
	return !c.frozen() && (c.r == ' ' || c.r == nbsp || c.r == nnbsp || c.r == '\u2009')
}

// spaceBefore appends c after one narrow no-break space, replacing the
// spaces already written before it when they follow a word, or inserting one
// when the word touches c.
func spaceBefore(out []cell, c cell) []cell {
	j := len(out)
	for j > 0 && collapsible(out[j-1]) {
		j--
	}
	var prev rune
	if j > 0 {
		prev = out[j-1].r
	}
	switch {
	case j < len(out) && !isOpening(prev):
		out = append(out[:j], cell{r: nnbsp, seg: out[j].seg})
	case j == len(out) && attaches(prev, c.r):
		out = append(out, cell{r: nnbsp, seg: c.seg})
	}
	return append(out, c)
}

// attaches reports whether c, written straight after prev, needs a space
// inserted. After a closing guillemet the punctuation of the sentence takes
// its own space; a closing guillemet also takes one after ! or ?.
func attaches(prev, c rune) bool {
	if prev == 0 || isSpace(prev) || isOpening(prev) {
		return false
	}
	return c == '»' || isWordish(prev)
}

// spaceAfterGuillemet handles the spaces after the « at in[i], already
// written to out. It returns the index of the last input cell it consumed.
func spaceAfterGuillemet(out, in []cell, i int) ([]cell, int) {
	j := i + 1
	for j < len(in) && collapsible(in[j]) {
		j++
	}
	if j == len(in) || isSpace(in[j].r) {
		return out, i // nothing follows on this line: leave the spaces
	}
	seg := in[i].seg
	if j > i+1 {
		seg = in[i+1].seg
	}
	return append(out, cell{r: nnbsp, seg: seg}), j - 1
}
