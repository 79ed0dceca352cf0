package render

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// textBlock is the text of one block as a single run of cells, so that rules
// see across inline markup, with the text nodes the cells may be written to.
// One serves all the blocks of a document in turn, reusing its slices.
type textBlock struct {
	cells []cell
	nodes []ast.Node // *ast.Text or *ast.String, indexed by cell.seg
	buf   buffers
	// verbatim counts the raw HTML elements open around the current text
	// whose content is not prose (<code>, <kbd>, ...).
	verbatim int
}

func (tb *textBlock) typeset(block ast.Node, source []byte, s style) {
	tb.cells, tb.nodes, tb.verbatim = tb.cells[:0], tb.nodes[:0], 0
	tb.collect(block, source)
	if len(tb.nodes) == 0 {
		return
	}
	out := s.apply(tb.cells, &tb.buf)
	// Edits keep every node's characters together and in order, so each
	// node's text is one run of cells before and after.
	var i, j int
	for seg, n := range tb.nodes {
		var before, after []cell
		before, i = segmentRun(tb.cells, i, int32(seg))
		after, j = segmentRun(out, j, int32(seg))
		if !sameRunes(before, after) {
			rewrite(n, runesBytes(after))
		}
	}
}

// segmentRun returns the cells of node seg found from cells[from] on, and
// where the next node's cells start.
func segmentRun(cells []cell, from int, seg int32) ([]cell, int) {
	for from < len(cells) && cells[from].seg < seg {
		from++
	}
	start := from
	for from < len(cells) && cells[from].seg == seg {
		from++
	}
	return cells[start:from], from
}

func sameRunes(a, b []cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].r != b[i].r {
			return false
		}
	}
	return true
}

// collect walks the inlines of n. Code, autolinks and images are single
// objects: readable as a word, never edited. Raw HTML tags take no room, so
// "<em>mot</em> :" reads as "mot :", but text inside a raw <code> or <kbd>
// is left as typed.
func (tb *textBlock) collect(n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			tb.addText(v, source)
		case *ast.String:
			tb.addString(v)
		case *ast.RawHTML:
			tb.verbatim = max(0, tb.verbatim+verbatimDelta(v, source))
		case *ast.CodeSpan, *ast.AutoLink, *ast.Image:
			tb.cells = append(tb.cells, cell{r: objectRune, seg: opaque})
		default:
			if c.HasChildren() {
				tb.collect(c, source)
			} else {
				tb.cells = append(tb.cells, cell{r: objectRune, seg: opaque})
			}
		}
	}
}

func (tb *textBlock) addText(t *ast.Text, source []byte) {
	if t.IsRaw() || tb.verbatim > 0 {
		for _, r := range string(t.Segment.Value(source)) {
			tb.cells = append(tb.cells, cell{r: r, seg: opaque})
		}
	} else {
		tb.cells = decodeText(tb.cells, t.Segment.Value(source), int32(len(tb.nodes)))
		tb.nodes = append(tb.nodes, t)
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		tb.cells = append(tb.cells, cell{r: '\n', seg: opaque})
	}
}

func (tb *textBlock) addString(s *ast.String) {
	if s.IsCode() || tb.verbatim > 0 {
		tb.cells = append(tb.cells, cell{r: objectRune, seg: opaque})
		return
	}
	seg := int32(len(tb.nodes))
	tb.nodes = append(tb.nodes, s)
	if !s.IsRaw() {
		tb.cells = decodeText(tb.cells, s.Value, seg)
		return
	}
	for _, r := range string(s.Value) {
		tb.cells = append(tb.cells, cell{r: r, seg: seg})
	}
}

func runesBytes(cells []cell) []byte {
	b := make([]byte, 0, len(cells)+len(cells)/2)
	for _, c := range cells {
		b = utf8.AppendRune(b, c.r)
	}
	return b
}

// rewrite makes n print s. The text is already decoded, so it goes out as a
// raw string (HTML-escaped, but with no Markdown escapes or entities read
// again). A text node is emptied rather than replaced because it also
// carries the line break that follows it.
func rewrite(n ast.Node, s []byte) {
	switch v := n.(type) {
	case *ast.String:
		v.Value = s
		v.SetRaw(true)
	case *ast.Text:
		str := ast.NewString(s)
		str.SetRaw(true)
		v.Parent().InsertBefore(v.Parent(), v, str)
		v.Segment = text.NewSegment(v.Segment.Stop, v.Segment.Stop)
	}
}

// verbatimDelta returns 1 for a raw tag opening an element whose text must
// stay as typed, -1 for one closing it, 0 otherwise.
func verbatimDelta(n *ast.RawHTML, source []byte) int {
	if n.Segments.Len() == 0 {
		return 0
	}
	first := n.Segments.At(0)
	tag := first.Value(source)
	if len(tag) < 3 || tag[0] != '<' || bytes.HasSuffix(bytes.TrimSpace(tag), []byte("/>")) {
		return 0
	}
	delta := 1
	name := tag[1:]
	if name[0] == '/' {
		delta, name = -1, name[1:]
	}
	end := 0
	for end < len(name) && isASCIILetter(name[end]) {
		end++
	}
	switch strings.ToLower(string(name[:end])) {
	case "code", "kbd", "samp", "pre", "tt", "var", "script", "style":
		return delta
	}
	return 0
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
