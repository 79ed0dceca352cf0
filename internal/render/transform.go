package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer fits goldmark's tree to an article page: headings get ids and, when the
// writer used "#", move one level down so that the page's title stays the only h1 (a
// body written with "##" subheadings keeps them as h2), a paragraph holding only an image becomes
// a figure, images load lazily, and text gets the language's typography.
// It runs after goldmark's own transformers, so footnote definitions have
// been gathered into their list and are typeset like the body.
type transformer struct {
	style style
}

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	shift := hasTopHeading(doc)
	ids := newHeadingIDs()
	var blocks []ast.Node
	var figures []*ast.Paragraph
	var photos []*ast.Image // placed within text, or naming no photo
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Heading:
			if shift {
				v.Level = min(v.Level+1, 6)
			}
			v.SetAttributeString("id", []byte(ids.generate(plainText(v, source))))
		case *ast.Image:
			v.SetAttributeString("loading", []byte("lazy"))
			if id, isPhoto := photoRef(v.Destination); isPhoto && (id == 0 || !standsAlone(v)) {
				photos = append(photos, v)
			}
		case *ast.Paragraph:
			if img := onlyImage(v); img != nil && figureOf(img) {
				figures = append(figures, v)
			}
		}
		if holdsInlines(n) {
			blocks = append(blocks, n)
		}
		return ast.WalkContinue, nil
	})
	// The tree is only changed after the walk, which would otherwise follow
	// the links of replaced nodes.
	var tb textBlock
	for _, b := range blocks {
		tb.typeset(b, source, t.style)
	}
	for _, p := range figures {
		p.Parent().ReplaceChild(p.Parent(), p, newFigure(onlyImage(p), source, t.style))
	}
	for _, img := range photos {
		img.Parent().ReplaceChild(img.Parent(), img, newPhotoImage(img, source))
	}
}

// standsAlone reports whether img is all of its paragraph.
func standsAlone(img *ast.Image) bool {
	p, ok := img.Parent().(*ast.Paragraph)
	return ok && onlyImage(p) == img
}

// figureOf reports whether an image alone in its paragraph becomes a figure: any
// image but a photo reference that names no photo, which is text.
func figureOf(img *ast.Image) bool {
	id, isPhoto := photoRef(img.Destination)
	return !isPhoto || id > 0
}

// hasTopHeading reports whether the body has a level-1 heading.
func hasTopHeading(doc *ast.Document) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == 1 {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

func holdsInlines(n ast.Node) bool {
	return n.Type() == ast.TypeBlock && n.FirstChild() != nil &&
		n.FirstChild().Type() == ast.TypeInline
}

func onlyImage(p *ast.Paragraph) *ast.Image {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || p.ChildCount() != 1 {
		return nil
	}
	return img
}
