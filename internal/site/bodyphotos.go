package site

import (
	"html"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/roneo/roneo/internal/content"
)

// A body is stored rendered, naming its photos by number (<img data-photo="12" …>, see
// render/photo.go): what a photo looks like (its derivatives, its alt text, its caption)
// changes after the body is saved, so the pictures are written when the page is built.

// bodyHTML is a stored body with its photos filled in, linked through media: each
// <img data-photo> becomes the photo's picture, with its alt text in the page's
// language (the writer's when it has none); a figure of a photo whose writer gave no
// caption gets the photo's; a photo that no longer exists is left out. All the body's
// photos are loaded at once.
func (b *build) bodyHTML(body string, media func(string) string) (string, error) {
	if !strings.Contains(body, "data-photo") {
		return body, nil
	}
	ids := bodyPhotoIDs(body)
	if len(ids) == 0 {
		return body, nil
	}
	photos, err := b.s.store.PhotosByID(b.ctx, ids)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		b.show(content.KeyPhoto(id))
	}
	return expandPhotos(body, photos, b.lang, media), nil
}

// bodyPhotoIDs are the photos a body names, each once.
func bodyPhotoIDs(body string) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	z := nethtml.NewTokenizer(strings.NewReader(body))
	for tt := z.Next(); tt != nethtml.ErrorToken; tt = z.Next() {
		if t := readTag(z, tt); t.photo > 0 && !seen[t.photo] {
			seen[t.photo] = true
			ids = append(ids, t.photo)
		}
	}
	return ids
}

// tag is what expandPhotos needs of a token: its kind and name, and of an <img> naming
// a photo or a <figure>, what their attributes say.
type tag struct {
	tt          nethtml.TokenType
	name        string
	photo       int64 // an <img data-photo>'s number
	alt         string
	photoFigure bool // <figure class="photo">
}

// readTag reads the token just read. Tag names and attributes are read once: the
// tokenizer hands each out a single time.
func readTag(z *nethtml.Tokenizer, tt nethtml.TokenType) tag {
	t := tag{tt: tt}
	if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken && tt != nethtml.EndTagToken {
		return t
	}
	name, more := z.TagName()
	t.name = string(name)
	if tt == nethtml.EndTagToken || (t.name != "img" && t.name != "figure") {
		return t
	}
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		switch {
		case t.name == "img" && string(key) == "data-photo":
			if n, err := strconv.ParseInt(string(val), 10, 64); err == nil && n > 0 {
				t.photo = n
			}
		case t.name == "img" && string(key) == "alt":
			t.alt = string(val)
		case t.name == "figure" && string(key) == "class":
			t.photoFigure = string(val) == "photo"
		}
	}
	return t
}

// expandPhotos rewrites body with photos, copying every other token as it is.
func expandPhotos(body string, photos map[int64]content.Photo, lang content.Lang, media func(string) string) string {
	var out strings.Builder
	out.Grow(len(body) + len(photos)*600)
	var fig photoFigure
	z := nethtml.NewTokenizer(strings.NewReader(body))
	for tt := z.Next(); tt != nethtml.ErrorToken; tt = z.Next() {
		raw := string(z.Raw()) // before the tag is read, which lower-cases it in place
		t := readTag(z, tt)
		if t.photo > 0 {
			if p, found := photos[t.photo]; found {
				out.WriteString(pictureHTML(&p, or(p.AltIn(lang), t.alt), pictureBody, media))
				fig.photo = &p
			}
			continue
		}
		fig.follow(t, &out)
		out.WriteString(raw)
	}
	return out.String()
}

// photoFigure follows a <figure class="photo"> of the body, to caption it when it ends
// without a caption.
type photoFigure struct {
	open, captioned bool
	photo           *content.Photo
}

// follow notes the tag; at the end of an uncaptioned photo figure, it writes the
// photo's caption before the end tag.
func (f *photoFigure) follow(t tag, out *strings.Builder) {
	switch {
	case t.tt == nethtml.StartTagToken && t.name == "figure":
		*f = photoFigure{open: t.photoFigure}
	case t.tt == nethtml.StartTagToken && t.name == "figcaption":
		f.captioned = true
	case t.tt == nethtml.EndTagToken && t.name == "figure":
		if f.open && !f.captioned && f.photo != nil {
			out.WriteString(figcaption(f.photo.Caption, creditText(f.photo.Credit)))
		}
		*f = photoFigure{}
	}
}

// figcaption is a caption and credit as figures print them; "" when both are empty.
func figcaption(caption, credit string) string {
	if caption == "" && credit == "" {
		return ""
	}
	s := "<figcaption>" + html.EscapeString(caption)
	if credit != "" {
		if caption != "" {
			s += " "
		}
		s += `<span class="credit">` + html.EscapeString(credit) + "</span>"
	}
	return s + "</figcaption>"
}
