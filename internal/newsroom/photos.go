package newsroom

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
)

// librarySize is how many photos a page of the library shows.
const librarySize = 48

// Widths the newsroom shows photos at: thumbnails in lists, the preview of a photo's page.
const (
	thumbWidth   = 400
	previewWidth = 800
)

// photoView is a photo as the newsroom's lists and pickers show it.
type photoView struct {
	ID            int64
	URL           string // its page in the newsroom
	Thumb         string
	Width, Height int // of the thumbnail, so that the grid does not jump as it loads
	Alt           string
	Caption       string
	Credit        string
	Langs         []altStatus
	Missing       bool // an alt text is missing in one of the site's languages
	Uses          int
}

// altStatus says whether a photo has its alt text in one of the site's languages.
type altStatus struct {
	Lang content.Lang
	Has  bool
}

// photoView views p for a page in the person's language. n counts from 1 the photos of
// the list, for the alt text of a photo that has none yet ("photo 3").
func (s *Server) photoView(r *request, p content.Photo, n int, lang content.Lang) photoView {
	v := photoView{ID: p.ID, URL: photoPath(p.ID), Caption: p.Caption, Credit: p.Credit}
	v.Thumb, v.Width, v.Height = s.photoSrc(p, thumbWidth)
	for _, l := range r.site.Langs {
		has := p.AltIn(l) != ""
		v.Langs = append(v.Langs, altStatus{Lang: l, Has: has})
		v.Missing = v.Missing || !has
	}
	v.Alt = photoAlt(r, p, n, lang)
	return v
}

// photoAlt is the text of a photo's thumbnail: its alt text in lang, else in the site's
// other languages, else "photo n".
func photoAlt(r *request, p content.Photo, n int, lang content.Lang) string {
	if alt := anyAlt(r, p, lang); alt != "" {
		return alt
	}
	return r.T("nr.photos.nth", n)
}

// anyAlt is a photo's alt text in lang, else in the first of the site's languages that
// has one, else "".
func anyAlt(r *request, p content.Photo, lang content.Lang) string {
	if alt := p.AltIn(lang); alt != "" {
		return alt
	}
	for _, l := range r.site.Langs {
		if alt := p.AltIn(l); alt != "" {
			return alt
		}
	}
	return ""
}

// photoSrc is the address of p at about width want, and that size: the narrowest
// derivative at least that wide, else the widest there is, else the original while its
// derivatives are being made.
func (s *Server) photoSrc(p content.Photo, want int) (src string, w, h int) {
	name, w := p.OriginalName(), p.Width
	if i := slices.IndexFunc(p.Widths, func(dw int) bool { return dw >= want }); i >= 0 {
		w = p.Widths[i]
		name = p.DerivativeName(w, "jpg")
	} else if len(p.Widths) > 0 {
		w = p.Widths[len(p.Widths)-1]
		name = p.DerivativeName(w, "jpg")
	}
	h = p.Height
	if p.Width > 0 {
		h = (p.Height*w + p.Width/2) / p.Width
	}
	return s.mediaURL(name), w, h
}

// mediaURL is where the site serves a media file.
func (s *Server) mediaURL(name string) string {
	return s.cfg.Scheme.Path(urls.Page{Kind: urls.Media, Key: name})
}

func photoPath(id int64) string { return prefix + "photos/" + strconv.FormatInt(id, 10) }

// libraryPage is the photo library: a grid of thumbnails, searched and a page at a time.
type libraryPage struct {
	L      *Layout
	Q      string
	Total  string
	Photos []photoView
	Pager  pager
	Upload uploadForm
}

// library lists the photos, newest first, those matching ?q= (caption, credit or alt
// text) when it is given.
func (s *Server) library(w http.ResponseWriter, r *request) error {
	v := r.URL.Query()
	q := strings.TrimSpace(v.Get("q"))
	if len(q) > 200 {
		return badRequest(nil)
	}
	n, err := pageNumber(v)
	if err != nil {
		return err
	}
	list, total, err := s.store.Photos(r.Context(), store.PhotoQuery{Q: q, Limit: librarySize, Offset: (n - 1) * librarySize})
	if err != nil {
		return err
	}
	page := &libraryPage{L: s.layout(r, r.T("nr.photos.title")), Q: q, Total: r.p.N("nr.photos.total", total),
		Upload: s.uploadForm(r, prefix+"photos/upload")}
	page.L.Wide = true
	for i, p := range list {
		view := s.photoView(r, p, (n-1)*librarySize+i+1, r.p.Lang())
		uses, err := s.store.PhotoUses(r.Context(), p.ID)
		if err != nil {
			return err
		}
		view.Uses = len(uses)
		page.Photos = append(page.Photos, view)
	}
	page.Pager = newPager(r, r.URL, n, n*librarySize < total)
	return s.render(w, http.StatusOK, "photos", page)
}
