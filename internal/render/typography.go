package render

import (
	"slices"
	"strings"
	"unicode"
)

// A cell is one character of a block of text as the reader will see it,
// tagged with the editable piece of the document it belongs to. Working on
// cells rather than on each text node alone lets a rule look across inline
// markup ("**mot** :") while every edit still lands in a node it may change.
type cell struct {
	r rune
	// seg indexes the editable text node holding the character; a negative
	// value marks context the typography must never change (code, links
	// shown as URLs, line breaks).
	seg int32
	// lit marks a character the writer forced with a backslash escape or an
	// entity reference: it keeps exactly the form that was typed.
	lit bool
}

const (
	nnbsp = '\u202f' // narrow no-break space, the French "fine"
	nbsp  = '\u00a0'
	// objectRune stands for an inline object (code span, autolink, image,
	// footnote reference) that reads like a word but is not text we own.
	objectRune = '\ufffc'
	opaque     = -1
)

func (c cell) frozen() bool { return c.seg < 0 || c.lit }

// style holds one language family's typographic conventions.
type style struct {
	double, single [2]rune // opening and closing quotation marks
	// elisions are words that start with an apostrophe rather than an
	// opening quote ("'s avonds", "'tis"); the pairing cannot tell them apart.
	elisions []string
	// french adds the spaces of French typography before high punctuation
	// and inside guillemets.
	french bool
}

func newFrenchStyle() style {
	return style{double: [2]rune{'«', '»'}, single: [2]rune{'“', '”'}, french: true}
}

func newDutchStyle() style {
	return style{
		double:   [2]rune{'„', '”'},
		single:   [2]rune{'‘', '’'},
		elisions: []string{"s", "t", "n", "k", "m", "r", "ns"},
	}
}

// newEnglishStyle is also the neutral style for languages we have no rules for.
func newEnglishStyle() style {
	return style{
		double:   [2]rune{'“', '”'},
		single:   [2]rune{'‘', '’'},
		elisions: []string{"tis", "twas", "em", "n", "cause", "til"},
	}
}

// familyOf maps a BCP 47 tag to its family by primary subtag only: regional
// variants (fr-BE, fr-CH, nl-BE) share the conventions we apply.
func familyOf(lang string) string {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	primary, _, _ = strings.Cut(primary, "_")
	switch primary {
	case "fr", "nl":
		return primary
	default:
		return "en"
	}
}

// buffers are the working slices of apply, kept between the blocks of a
// document so that typesetting one allocates little.
type buffers struct {
	marks  []rune
	quoted []cell
	spaced []cell
}

// apply runs the rules in two passes: characters are chosen first (quotes,
// dashes, ellipses), then French spacing looks at the chosen characters, so
// a straight quote that became « gets its space like a typed one. The result
// lives in buf and is valid until its next use.
func (s style) apply(cells []cell, buf *buffers) []cell {
	size := len(cells) + len(cells)/8
	buf.marks = s.quoteMarks(cells, buf.marks)
	buf.quoted = s.punctuate(cells, buf.marks, slices.Grow(buf.quoted[:0], size))
	if !s.french {
		return buf.quoted
	}
	buf.spaced = frenchSpacing(buf.quoted, slices.Grow(buf.spaced[:0], size))
	return buf.spaced
}

// text applies the style to plain text.
func (s style) text(in string) string {
	cells := make([]cell, 0, len(in))
	for _, r := range in {
		cells = append(cells, cell{r: r})
	}
	return s.cellsText(cells)
}

// cellsText typesets cells and returns the result as a string.
func (s style) cellsText(cells []cell) string {
	var buf buffers
	return runesText(s.apply(cells, &buf))
}

func runesText(cells []cell) string {
	var b strings.Builder
	b.Grow(len(cells) + len(cells)/2)
	for _, c := range cells {
		b.WriteRune(c.r)
	}
	return b.String()
}

// punctuate appends to out the cells of in with straight quotes replaced by
// the chosen marks, double and triple hyphens by dashes and runs of dots by
// ellipses. Dash and dot runs are only merged inside one text node so that
// an edit never spans markup.
func (s style) punctuate(in []cell, marks []rune, out []cell) []cell {
	for i := 0; i < len(in); {
		c := in[i]
		if c.frozen() {
			out = append(out, c)
			i++
			continue
		}
		switch c.r {
		case '.', '-':
			n := runLength(in, i)
			out = appendRun(out, c, n)
			i += n
			continue
		case '"', '\'':
			c.r = marks[i]
		}
		out = append(out, c)
		i++
	}
	return out
}

// runLength counts the editable copies of in[i] that follow it in the same node.
func runLength(in []cell, i int) int {
	n := 1
	for i+n < len(in) && in[i+n] == in[i] {
		n++
	}
	return n
}

// appendRun writes n dots or hyphens: dots become ellipses three by three;
// exactly two hyphens make an en dash and three an em dash, while longer
// runs are left alone because they are drawings or separators, not dashes.
func appendRun(out []cell, c cell, n int) []cell {
	switch {
	case c.r == '.' && n >= 3:
		for ; n >= 3; n -= 3 {
			out = append(out, cell{r: '…', seg: c.seg})
		}
	case c.r == '-' && n == 2:
		return append(out, cell{r: '–', seg: c.seg})
	case c.r == '-' && n == 3:
		return append(out, cell{r: '—', seg: c.seg})
	}
	for ; n > 0; n-- {
		out = append(out, c)
	}
	return out
}

// isSpace includes the line breaks that separate inline nodes and the
// no-break spaces, which count as spaces for every rule.
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// isWordish reports whether r can end a word or phrase that punctuation may
// follow.
func isWordish(r rune) bool {
	return r == objectRune || unicode.IsLetter(r) || unicode.IsDigit(r) ||
		unicode.IsMark(r) || strings.ContainsRune(")]}»”’…%", r)
}

// isOpening reports whether r opens a phrase: a quote after it opens too.
func isOpening(r rune) bool {
	return r == 0 || isSpace(r) || strings.ContainsRune("([{«“‘„‹—–/", r)
}

// isClosing reports whether r may follow the end of a phrase.
func isClosing(r rune) bool {
	return r == 0 || isSpace(r) || strings.ContainsRune(".,;:!?)]}»”’›…\"'", r)
}
