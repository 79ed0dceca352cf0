package render

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// kindFigure is registered once with goldmark, which numbers node kinds in
// a process-wide table.
var kindFigure = ast.NewNodeKind("Figure")

// figure is an image standing alone in its paragraph. Its caption and credit
// come from the image title, already typeset, because a newspaper prints
// them under the picture rather than hiding them in a tooltip.
type figure struct {
	ast.BaseBlock
	src     []byte
	photo   int64 // a stored photo's number, which src is then no address of
	alt     string
	caption string
	credit  string
}

func (f *figure) Kind() ast.NodeKind { return kindFigure }

func (f *figure) Dump(source []byte, level int) {
	ast.DumpHelper(f, source, level, map[string]string{
		"Src": string(f.src), "Caption": f.caption, "Credit": f.credit,
	}, nil)
}

func newFigure(img *ast.Image, source []byte, s style) *figure {
	// In a title, escapes and entities are how a writer gets the delimiting
	// quote inside it, not a request for a straight one.
	title := decodeText(nil, img.Title, 0)
	for i := range title {
		title[i].lit = false
	}
	caption, credit := splitCredit(s.cellsText(title))
	photo, _ := photoRef(img.Destination)
	return &figure{
		src:     img.Destination,
		photo:   photo,
		alt:     plainText(img, source),
		caption: caption,
		credit:  credit,
	}
}

// splitCredit cuts a title at its first "©": photographers are credited as
// "© Name" at the end of the caption.
func splitCredit(title string) (caption, credit string) {
	i := strings.Index(title, "©")
	if i < 0 {
		return strings.TrimSpace(title), ""
	}
	return strings.TrimSpace(title[:i]), strings.TrimSpace(title[i:])
}

// plainText returns the text of n's descendants as goldmark prints an alt
// attribute.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				b.WriteString(textOf(v, source))
			case *ast.String:
				b.Write(v.Value)
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func textOf(t *ast.Text, source []byte) string {
	value := t.Segment.Value(source)
	if t.IsRaw() {
		return string(value)
	}
	var b strings.Builder
	for _, c := range decodeText(nil, value, 0) {
		b.WriteRune(c.r)
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		b.WriteByte(' ')
	}
	return b.String()
}

type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFigure, renderFigure)
}

func renderFigure(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	f := n.(*figure)
	if f.photo > 0 {
		_, _ = w.WriteString(`<figure class="photo">`)
		writePhotoImg(w, f.photo, f.alt)
	} else {
		_, _ = w.WriteString(`<figure><img src="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape(f.src, true)))
		_, _ = w.WriteString(`" alt="` + html.EscapeString(f.alt) + `" loading="lazy">`)
	}
	if f.caption != "" || f.credit != "" {
		_, _ = w.WriteString("<figcaption>" + html.EscapeString(f.caption))
		if f.credit != "" {
			if f.caption != "" {
				_ = w.WriteByte(' ')
			}
			_, _ = w.WriteString(`<span class="credit">` + html.EscapeString(f.credit) + `</span>`)
		}
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}
