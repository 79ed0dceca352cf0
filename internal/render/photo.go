package render

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
)

// A body places a stored photo by its number: ![alt](photo:12 "caption © credit"). The
// HTML names the photo and nothing else, since the photo's files, sizes and texts
// change after the body is saved (a derivative appears, an alt text is written): the
// site turns each
//
//	<img data-photo="12" alt="alt" loading="lazy">
//
// into the photo's picture when it builds the page. Standing alone in its paragraph
// the image is a figure, <figure class="photo">, with the title's caption and credit
// as for any other figure. A reference whose number is not one (photo:x, photo:0, more
// than 18 digits) is no image: its alt text is printed as text.

// photoScheme starts a destination that names a stored photo.
const photoScheme = "photo:"

// maxPhotoDigits bounds a photo number to what an int64 holds, as the sanitiser does.
const maxPhotoDigits = 18

// photoRef reads an image destination: isPhoto when it names a stored photo, with id 0
// when the number is not a valid one.
func photoRef(dest []byte) (id int64, isPhoto bool) {
	if len(dest) < len(photoScheme) || !bytes.EqualFold(dest[:len(photoScheme)], []byte(photoScheme)) {
		return 0, false
	}
	digits := dest[len(photoScheme):]
	if len(digits) == 0 || len(digits) > maxPhotoDigits {
		return 0, true
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, true
		}
	}
	id, _ = strconv.ParseInt(string(digits), 10, 64) // 18 digits always fit
	return id, true
}

// PhotoRefs returns the numbers of the stored photos a Markdown body places, each once,
// in the order the rendered body shows them (footnotes last): what the editorial layer
// records as the body's uses of photos, so that a photo a page shows cannot be deleted.
// It parses as Markdown renders, so it finds the photos of footnotes and of
// reference-style images, and none inside code. A writer's raw HTML may name a photo
// too (<img data-photo="12">, which the sanitiser keeps like the renderer's own): those
// count as well. An id it returns may show nowhere (an image inside a <style> element,
// which the sanitiser drops), but every photo a rendered body names is among them.
func PhotoRefs(markdown string) []int64 {
	src := []byte(markdown)
	doc := refParser().Parse(text.NewReader(src))
	var refs photoRefs
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Image:
			id, _ := photoRef(v.Destination)
			refs.add(id)
		case *ast.RawHTML:
			refs.addRaw(v.Segments, nil, src)
		case *ast.HTMLBlock:
			var closure *text.Segment
			if v.HasClosure() {
				closure = &v.ClosureLine
			}
			refs.addRaw(v.Lines(), closure, src)
		}
		return ast.WalkContinue, nil
	})
	return refs.ids
}

// photoRefs gathers distinct photo numbers in order.
type photoRefs struct {
	ids  []int64
	seen map[int64]bool
}

func (r *photoRefs) add(id int64) {
	if id <= 0 || r.seen[id] {
		return
	}
	if r.seen == nil {
		r.seen = map[int64]bool{}
	}
	r.seen[id] = true
	r.ids = append(r.ids, id)
}

// addRaw adds the photos a piece of raw HTML names, reading it as the sanitiser does,
// with what dropUnclosedRawText would drop of it dropped.
func (r *photoRefs) addRaw(lines *text.Segments, closure *text.Segment, src []byte) {
	var b strings.Builder
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if closure != nil {
		b.Write(closure.Value(src))
	}
	raw := b.String()
	if !strings.Contains(strings.ToLower(raw), "data-photo") {
		return
	}
	z := nethtml.NewTokenizer(strings.NewReader(dropUnclosedRawText(raw)))
	for tt := z.Next(); tt != nethtml.ErrorToken; tt = z.Next() {
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		for more && string(name) == "img" {
			var key, val []byte
			key, val, more = z.TagAttr()
			if string(key) == "data-photo" && photoNumber.Match(val) {
				id, _ := strconv.ParseInt(string(val), 10, 64)
				r.add(id)
			}
		}
	}
}

// photoNumber is what the sanitiser keeps of data-photo.
var photoNumber = regexp.MustCompile(`^[0-9]{1,18}$`)

// refParser is the Markdown parser with the extensions every body is rendered with and
// none of the typography, which changes text but never which images there are. It is
// built once and never changed; goldmark parsers are safe for concurrent use.
var refParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(markdownExtensions()...)).Parser()
})

// kindPhotoImage is registered once with goldmark, which numbers node kinds in a
// process-wide table.
var kindPhotoImage = ast.NewNodeKind("PhotoImage")

// photoImage is a stored photo placed within a line of text, or the alt text of a
// reference that names no photo (id 0).
type photoImage struct {
	ast.BaseInline
	id  int64
	alt string
}

func (p *photoImage) Kind() ast.NodeKind { return kindPhotoImage }

func (p *photoImage) Dump(source []byte, level int) {
	ast.DumpHelper(p, source, level, map[string]string{"ID": strconv.FormatInt(p.id, 10), "Alt": p.alt}, nil)
}

func newPhotoImage(img *ast.Image, source []byte) *photoImage {
	id, _ := photoRef(img.Destination)
	return &photoImage{id: id, alt: plainText(img, source)}
}

type photoRenderer struct{}

func (photoRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPhotoImage, renderPhotoImage)
}

func renderPhotoImage(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	p := n.(*photoImage)
	if p.id == 0 {
		_, _ = w.WriteString(html.EscapeString(p.alt))
		return ast.WalkSkipChildren, nil
	}
	writePhotoImg(w, p.id, p.alt)
	return ast.WalkSkipChildren, nil
}

// writePhotoImg writes the element the site replaces by the photo's picture.
func writePhotoImg(w util.BufWriter, id int64, alt string) {
	_, _ = w.WriteString(`<img data-photo="` + strconv.FormatInt(id, 10) + `" alt="` + html.EscapeString(alt) + `" loading="lazy">`)
}
