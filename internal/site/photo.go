package site

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

// How every page shows a stored photo: one <picture> with a WebP and a JPEG srcset of
// the derivatives that exist, and the photo's own size so that nothing moves while it
// loads. A photo whose derivatives are not made yet shows its original; the job that
// makes one names the photo's key, which every page showing it records, and the page
// is built again with the new sizes.

// pictureSpec is how one place of a page shows a photo.
type pictureSpec struct {
	// sizes is the sizes attribute: how wide the picture is drawn, for the browser's
	// choice among the derivatives.
	sizes string
	// maxWidth is the widest derivative worth listing here (thumbnails need no
	// 1600-pixel file); 0: every one.
	maxWidth int
	// eager: the picture is on the first screen, loaded at once and before others.
	eager bool
	// crop: the picture fills a box of its own shape (object-fit: cover), and the
	// photo's focal point decides what stays in view.
	crop bool
}

// Where pages show photos.
var (
	pictureArticle = pictureSpec{sizes: "(min-width: 44rem) 42rem, 100vw", eager: true}
	pictureLead    = pictureSpec{sizes: "(min-width: 72rem) 44rem, (min-width: 40rem) 60vw, 100vw", eager: true, crop: true}
	pictureTeaser  = pictureSpec{sizes: "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw", maxWidth: 800, crop: true}
	pictureThumb   = pictureSpec{sizes: "(min-width: 72rem) 11rem, (min-width: 40rem) 22vw, 45vw", maxWidth: 800, crop: true}
	pictureLarge   = pictureSpec{sizes: "(min-width: 72rem) 70rem, 100vw", eager: true}
	pictureBody    = pictureSpec{sizes: "(min-width: 44rem) 42rem, 100vw"}
)

// srcWidth is the derivative the src attribute names for browsers that read no srcset:
// the widest listed up to this.
const srcWidth = 800

// picture writes p as this page shows it, and records that the page shows it. alt is
// the photo's alt text in the page's language, or fallback when it has none.
func (b *build) picture(p *content.Photo, fallback string, spec pictureSpec) template.HTML {
	return b.pictureIn(b.lang, p, fallback, spec)
}

// pictureIn is picture with the alt text in lang: a search's results may be in other
// languages than its page.
func (b *build) pictureIn(lang content.Lang, p *content.Photo, fallback string, spec pictureSpec) template.HTML {
	b.show(content.KeyPhoto(p.ID))
	return template.HTML(pictureHTML(p, or(p.AltIn(lang), fallback), spec, b.mediaLink))
}

// mediaLink is how this page links to a file of the media store.
func (b *build) mediaLink(name string) string { return b.link(urls.Page{Kind: urls.Media, Key: name}) }

// mediaAbsolute is a media file's full address on the host the page is read through,
// for feeds and share previews.
func (b *build) mediaAbsolute(name string) string {
	return b.absolute(urls.Page{Kind: urls.Media, Key: name})
}

// pictureHTML is the markup of a photo; media turns a media store name into a link.
func pictureHTML(p *content.Photo, alt string, spec pictureSpec, media func(string) string) string {
	var w strings.Builder
	widths := listedWidths(p.Widths, spec.maxWidth)
	w.WriteString("<picture>")
	src := media(p.OriginalName())
	if len(widths) > 0 {
		w.WriteString(`<source type="image/webp" srcset="` + srcset(p, widths, "webp", media) + `" sizes="` + spec.sizes + `">`)
		src = media(p.DerivativeName(srcWidthOf(widths), "jpg"))
	}
	w.WriteString(`<img src="` + html.EscapeString(src) + `"`)
	if len(widths) > 0 {
		w.WriteString(` srcset="` + srcset(p, widths, "jpg", media) + `" sizes="` + spec.sizes + `"`)
	}
	w.WriteString(` width="` + strconv.Itoa(p.Width) + `" height="` + strconv.Itoa(p.Height) + `" alt="` + html.EscapeString(alt) + `"`)
	if spec.eager {
		w.WriteString(` loading="eager" fetchpriority="high"`)
	} else {
		w.WriteString(` loading="lazy"`)
	}
	w.WriteString(` decoding="async"`)
	if c := focusClass(p); spec.crop && c != "" {
		w.WriteString(` class="` + c + `"`)
	}
	w.WriteString("></picture>")
	return w.String()
}

// listedWidths are the derivatives that exist up to limit (0: all), or the narrowest
// one when all are wider.
func listedWidths(have []int, limit int) []int {
	if limit == 0 {
		return have
	}
	n := 0
	for n < len(have) && have[n] <= limit {
		n++
	}
	return have[:max(n, min(len(have), 1))]
}

// srcWidthOf is the widest of widths up to srcWidth, or the narrowest.
func srcWidthOf(widths []int) int {
	best := widths[0]
	for _, w := range widths {
		if w <= srcWidth {
			best = w
		}
	}
	return best
}

func srcset(p *content.Photo, widths []int, ext string, media func(string) string) string {
	parts := make([]string, len(widths))
	for i, w := range widths {
		parts[i] = html.EscapeString(media(p.DerivativeName(w, ext))) + " " + strconv.Itoa(w) + "w"
	}
	return strings.Join(parts, ", ")
}

// focusClass names the photo's focal point, to the nearest 5 %, for the stylesheet's
// object-position: the pages' policy allows no style attribute (style-src is 'self').
// The centre, every browser's default, needs none.
func focusClass(p *content.Photo) string {
	x, y := roundTo5(p.FocusX), roundTo5(p.FocusY)
	if x == 50 && y == 50 {
		return ""
	}
	return "fx-" + strconv.Itoa(x) + " fy-" + strconv.Itoa(y)
}

func roundTo5(v int) int { return min(100, max(0, (v+2)/5*5)) }

// derivativeHeight is the height of p's derivative of width w, as the pipeline makes
// it.
func derivativeHeight(p *content.Photo, w int) int {
	return max(1, int((int64(p.Height)*int64(w)+int64(p.Width)/2)/int64(p.Width)))
}

// creditText is a credit as pages print it: "© Marie Dupont".
func creditText(credit string) string {
	if credit == "" || strings.HasPrefix(credit, "©") {
		return credit
	}
	return "© " + credit
}

// figureView is a photo with its caption and credit, as a page shows it.
type figureView struct {
	Picture template.HTML
	Caption string
	Credit  string
}

// figure views a photo with its own caption and credit.
func (b *build) figure(p *content.Photo, fallback string, spec pictureSpec) *figureView {
	return &figureView{Picture: b.picture(p, fallback, spec), Caption: p.Caption, Credit: creditText(p.Credit)}
}

// hasPhoto reports whether a stored photo was loaded for an article or a teaser.
func hasPhoto(id int64, p *content.Photo) bool { return id != 0 && p.ID == id && p.Hash != "" }
