package site

import (
	"errors"
	"html/template"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// A photo report is an article with an album: its page shows the first photos, the
// album's page all of them as a grid of thumbnails, and each photo has a page of its
// own with the previous and next ones and its download in high resolution. They all
// work without JavaScript; site.js adds a viewer to the album's page.

// galleryLength is how many of its album's photos an article's page shows.
const galleryLength = 12

// thumbView is one photo of a grid: its page, its thumbnail, and what the viewer shows.
type thumbView struct {
	URL     string // the photo's page
	Picture template.HTML
	Label   string // "Photo 3 of 200", for those who cannot see the thumbnail
	Large   string // the file the viewer shows
	Caption string // caption and credit, for the viewer
}

// galleryView is the album's box on its article's page.
type galleryView struct {
	Heading  string
	Items    []thumbView
	AlbumURL string
	AllText  string // "See the 200 photos"
	ZipURL   string
	ZipText  string
}

// albumPage is the grid of all an album's photos.
type albumPage struct {
	L            *Layout
	Heading      string
	ArticleTitle string
	ArticleURL   string
	BackText     string
	Count        string
	Items        []thumbView
	ZipURL       string
	ZipText      string
	Viewer       viewerText
}

// viewerText are the words of site.js's viewer, which it finds in the page.
type viewerText struct {
	Label, Close, Prev, Next string
}

// photoPage is one photo of an album, large.
type photoPage struct {
	L            *Layout
	ArticleTitle string
	ArticleURL   string
	AlbumURL     string
	AlbumText    string
	Heading      string
	Photo        *figureView
	Position     string
	PagerLabel   string
	Prev, Next   string
	PrevText     string
	NextText     string
	DownloadURL  string
	DownloadText string
}

// gallery is the box an article's page shows of its album; nil without one.
func (s *Server) gallery(b *build, a *content.Article, p *i18n.Printer) (*galleryView, error) {
	items, err := s.store.Album(b.ctx, a.ID)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	g := &galleryView{
		Heading:  p.T("album.heading"),
		AlbumURL: b.link(urls.Page{Kind: urls.Album, Lang: a.Lang, Key: a.Slug}),
		AllText:  p.N("album.all", len(items)),
	}
	g.ZipURL, g.ZipText = b.zipLink(a, items, p)
	g.Items = b.thumbs(a, items[:min(len(items), galleryLength)], len(items), p)
	return g, nil
}

// zipLink is the address of the album's ZIP and the words of its link, with its size.
func (b *build) zipLink(a *content.Article, items []content.AlbumItem, p *i18n.Printer) (string, string) {
	var size int64
	for _, it := range items {
		size += it.Photo.Bytes
	}
	return b.link(urls.Page{Kind: urls.AlbumZip, Lang: a.Lang, Key: a.Slug, Ext: "zip"}), p.T("album.zip", fileSize(p, size))
}

// thumbs views the first of an album's photos (of total) as a grid shows them.
func (b *build) thumbs(a *content.Article, items []content.AlbumItem, total int, p *i18n.Printer) []thumbView {
	out := make([]thumbView, len(items))
	for i, it := range items {
		ph := it.Photo
		large, _, _ := largeFile(&ph)
		out[i] = thumbView{
			URL:     b.link(urls.Page{Kind: urls.AlbumPhoto, Lang: a.Lang, Key: a.Slug, Num: i + 1}),
			Picture: b.picture(&ph, "", pictureThumb),
			Label:   p.T("photo.position", i+1, total),
			Large:   b.mediaLink(large),
			Caption: captionLine(it.CaptionOr(), creditText(ph.Credit)),
		}
	}
	return out
}

// largeFile is the widest derivative up to 1600 pixels, for the viewer; the original
// while there is none.
func largeFile(p *content.Photo) (name string, w, h int) {
	if len(p.Widths) == 0 {
		return p.OriginalName(), p.Width, p.Height
	}
	w = p.Widths[len(p.Widths)-1]
	return p.DerivativeName(w, "jpg"), w, derivativeHeight(p, w)
}

// captionLine is a caption and its credit on one line.
func captionLine(caption, credit string) string {
	if caption != "" && credit != "" {
		return caption + " " + credit
	}
	return caption + credit
}

// albumArticle finds the article an album page belongs to, and its album: a moved
// article's album answers from its new address; a withdrawn article's, 410; an
// article readers may not see or without an album, 404.
func (s *Server) albumArticle(b *build) (*content.Article, []content.AlbumItem, *Response, error) {
	a, movedTo, err := b.loadArticle(b.page.Key)
	if err != nil {
		return nil, nil, nil, err
	}
	if movedTo != nil {
		p := b.page
		p.Key = movedTo.Key
		return nil, nil, b.movedPermanently(p), nil
	}
	b.show(content.KeyArticle(a.ID))
	items, err := s.store.Album(b.ctx, a.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(items) == 0 {
		return nil, nil, nil, webkit.NotFound(errors.New("the article has no album"))
	}
	return a, items, nil, nil
}

// album builds the grid of all an album's photos.
func (s *Server) album(b *build) (*Response, error) {
	a, items, moved, err := s.albumArticle(b)
	if err != nil || moved != nil {
		return moved, err
	}
	l, err := b.layout("", map[content.Lang]urls.Page{a.Lang: b.page})
	if err != nil {
		return nil, err
	}
	l.Title = l.T("album.title", a.Title)
	l.Description = a.Standfirst
	l.BodyClass = "page-album"
	l.Image = b.photoShareImage(&items[0].Photo, a.Title)
	p := &albumPage{
		L: l, Heading: l.Title,
		ArticleTitle: a.Title, ArticleURL: b.link(articleAt(a.Lang, a.Slug)), BackText: l.T("album.back"),
		Count: l.N("album.count", len(items)),
		Items: b.thumbs(a, items, len(items), l.Printer),
		Viewer: viewerText{Label: l.T("viewer.label"), Close: l.T("viewer.close"),
			Prev: l.T("viewer.prev"), Next: l.T("viewer.next")},
	}
	p.ZipURL, p.ZipText = b.zipLink(a, items, l.Printer)
	return b.renderPage("album", p, nil, albumModified(a, items))
}

// albumPhoto builds the page of one photo of an album.
func (s *Server) albumPhoto(b *build) (*Response, error) {
	a, items, moved, err := s.albumArticle(b)
	if err != nil || moved != nil {
		return moved, err
	}
	n := b.page.Num
	if n < 1 || n > len(items) {
		return nil, webkit.NotFound(errors.New("past the album's end"))
	}
	it := items[n-1]
	ph := it.Photo
	l, err := b.layout("", map[content.Lang]urls.Page{a.Lang: b.page})
	if err != nil {
		return nil, err
	}
	l.Title = l.T("photo.title", a.Title, n, len(items))
	l.Description = it.CaptionOr()
	l.BodyClass = "page-photo"
	l.Image = b.photoShareImage(&ph, it.CaptionOr())
	p := &photoPage{
		L: l, ArticleTitle: a.Title, ArticleURL: b.link(articleAt(a.Lang, a.Slug)),
		AlbumURL: b.link(urls.Page{Kind: urls.Album, Lang: a.Lang, Key: a.Slug}), AlbumText: l.T("photo.album"),
		Heading:  l.T("photo.position", n, len(items)),
		Photo:    b.figure(&ph, it.CaptionOr(), pictureLarge),
		Position: l.T("photo.of", n, len(items)), PagerLabel: l.T("photo.pager"),
		PrevText: l.T("photo.prev"), NextText: l.T("photo.next"),
		DownloadURL: b.link(downloadPage(&ph)), DownloadText: downloadText(l.Printer, &ph),
	}
	p.Photo.Caption = it.CaptionOr()
	if n > 1 {
		p.Prev = b.link(b.page.At(n - 1))
	}
	if n < len(items) {
		p.Next = b.link(b.page.At(n + 1))
	}
	return b.renderPage("photo", p, nil, later(a.UpdatedAt, ph.UpdatedAt))
}

// albumModified is when an album's page last changed: its article or one of its photos.
func albumModified(a *content.Article, items []content.AlbumItem) time.Time {
	t := a.UpdatedAt
	for _, it := range items {
		t = later(t, it.Photo.UpdatedAt)
	}
	return t
}
