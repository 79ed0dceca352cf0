package site

import (
	"context"
	"image"
	_ "image/gif" // the formats an article's picture may be in, for its size
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/jsonld"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/urls"
)

// What search engines and share previews read of a page: its picture and its
// structured data. Identifiers in structured data are canonical (the main domain);
// pictures are fetched through the host the page was read through.

// articleImage is an article's own picture for share previews, with its size read
// from the picture's header when the media store has it.
func (b *build) articleImage(a *content.Article) *shareImage {
	img := &shareImage{URL: b.absolute(urls.Page{Kind: urls.Media, Key: a.Image.Path}),
		Type: media.ContentType(a.Image.Path), Alt: or(a.Image.Alt, a.Title)}
	img.Width, img.Height = b.s.imageSize(b.ctx, a.Image.Path)
	return img
}

// shareWidth is the narrowest picture share previews take large: networks ask for
// 1200 × 630 and show anything from 800 pixels wide as a wide card.
const shareWidth = 800

// photoShareImage is a stored photo for share previews: its narrowest JPEG derivative
// at least shareWidth wide, or the original while there is none (or the photo is
// narrower), with its size, its type and its alt text in the page's language (alt when
// it has none).
func (b *build) photoShareImage(p *content.Photo, alt string) *shareImage {
	b.show(content.KeyPhoto(p.ID))
	name, w, h := shareFile(p)
	return &shareImage{URL: b.mediaAbsolute(name), Type: media.ContentType(name),
		Alt: or(p.AltIn(b.lang), alt), Width: w, Height: h}
}

// shareFile is the file of a photo that share previews and feeds show, and its size.
func shareFile(p *content.Photo) (name string, w, h int) {
	for _, dw := range p.Widths {
		if dw >= shareWidth {
			return p.DerivativeName(dw, "jpg"), dw, derivativeHeight(p, dw)
		}
	}
	return p.OriginalName(), p.Width, p.Height
}

// imageSize reads a stored picture's dimensions from its header (no decoding); 0, 0
// when it cannot.
func (s *Server) imageSize(ctx context.Context, name string) (int, int) {
	if s.cfg.Media == nil {
		return 0, 0
	}
	blob, _, err := s.cfg.Media.Open(ctx, name)
	if err != nil {
		return 0, 0
	}
	defer blob.Close()
	cfg, _, err := image.DecodeConfig(blob)
	if err != nil {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}

// publisher is the organisation behind the site, as structured data names it.
func (b *build) publisher() jsonld.Org {
	o := jsonld.Org{Name: b.st.site.Name, URL: b.canonical(urls.Page{Kind: urls.Home, Lang: b.lang})}
	if icon, err := b.s.assets.URL("icon.svg"); err == nil {
		o.Logo = urls.Absolute(b.s.base, icon)
	}
	return o
}

// articleData is an article's structured data: the NewsArticle (a press release's
// form of it) and its breadcrumbs.
func (b *build) articleData(p *articlePage, dossiers []content.Dossier) map[string]any {
	a := p.A
	self := articleAt(a.Lang, a.Slug)
	art := jsonld.Article{
		URL: b.canonical(self), Headline: a.Title, Description: a.Standfirst, Lang: string(a.Lang),
		Published: a.PublishAt, Modified: later(a.UpdatedAt, a.PublishAt),
		PressRelease: a.Kind == content.KindPressRelease, Publisher: b.publisher(),
	}
	for _, au := range a.Authors {
		art.Authors = append(art.Authors, jsonld.Person{Name: au.Name, URL: b.canonical(urls.Page{Kind: urls.Author, Lang: a.Lang, Key: au.Slug})})
	}
	if img := p.L.Image; img != nil {
		art.Images = []jsonld.Image{{URL: img.URL, Width: img.Width, Height: img.Height, Alt: img.Alt}}
	}
	if sec := b.sectionLink(a.Lang, a.SectionID); sec != nil {
		art.Section = sec.Name
	}
	for _, t := range a.Tags {
		art.Keywords = append(art.Keywords, t.Name)
	}
	for _, d := range dossiers {
		art.Dossiers = append(art.Dossiers, jsonld.Part{Name: d.Title, URL: b.canonical(urls.Page{Kind: urls.Dossier, Lang: d.Lang, Key: d.Slug})})
	}
	nodes := []map[string]any{jsonld.NewsArticle(art)}
	if crumbs := b.crumbData(p.Breadcrumbs, a.Title, self); crumbs != nil {
		nodes = append(nodes, crumbs)
	}
	return jsonld.Graph(nodes...)
}

// crumbData is a page's BreadcrumbList: the home page, the sections above it, itself.
func (b *build) crumbData(trail []link, title string, self urls.Page) map[string]any {
	items := []jsonld.Crumb{{Name: b.st.site.Name, URL: b.canonical(urls.Page{Kind: urls.Home, Lang: b.lang})}}
	for _, l := range trail {
		items = append(items, jsonld.Crumb{Name: l.Name, URL: b.canonicalOf(l.URL)})
	}
	items = append(items, jsonld.Crumb{Name: title, URL: b.canonical(self)})
	return jsonld.Breadcrumbs(items)
}

// canonicalOf turns a link of the page being built back into its canonical address.
func (b *build) canonicalOf(link string) string {
	if b.links.Relative() {
		return "" // a mirror's relative link; the crumb keeps its name
	}
	return urls.Absolute(b.s.base, link)
}

// homeData is the home page's structured data: the organisation and the website with
// its search.
func (b *build) homeData() map[string]any {
	search := b.canonical(urls.Page{Kind: urls.Search, Lang: b.lang}) + "?q=" + jsonld.SearchTerm
	return jsonld.Graph(jsonld.Organization(b.publisher()),
		jsonld.WebSite(b.st.site.Name, b.canonical(urls.Page{Kind: urls.Home, Lang: b.lang}), string(b.lang), search))
}
