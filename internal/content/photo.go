package content

import (
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on a photo's words.
const (
	MaxAltLen     = 500
	MaxCaptionLen = 1000
	MaxCreditLen  = 200
	// MaxAlbumLen is how many photos one album may hold: a day of a march is 200.
	MaxAlbumLen = 2000
)

// DerivativeWidths are the widths photos are resized to for pages, each in JPEG and
// WebP; a photo narrower than one of them gets no derivative of that width.
var DerivativeWidths = []int{400, 800, 1600}

// Photo is a cleaned picture in the media store: decoded, turned upright and encoded
// again so that no metadata of the camera or the uploader survives, and named by the
// SHA-256 of that cleaned original, so that the same photo uploaded twice is one photo.
type Photo struct {
	ID int64
	// Hash is the lower-case hex SHA-256 of the cleaned original.
	Hash string
	// Format is the original's: "jpeg" or "png".
	Format        string
	Width, Height int
	Bytes         int64 // of the cleaned original
	// Alt describes the photo for readers who cannot see it, per language: an article
	// using the photo cannot be published before its language has one.
	Alt     map[Lang]string
	Caption string
	Credit  string // the photographer or agency: "Marie Dupont", "Belga"
	// FocusX and FocusY are the point crops keep in view, in percent of the width and
	// height from the top left; 50, 50 is the centre.
	FocusX, FocusY int
	// Widths are the derivative widths that exist, ascending: pages list only these.
	Widths    []int
	CreatedAt time.Time
	UpdatedAt time.Time
	CreatedBy int64 // the account that uploaded it first; 0 for imports and the demo
}

// AltIn returns the photo's alt text in lang, or "".
func (p *Photo) AltIn(l Lang) string { return p.Alt[l] }

// Ext is the original's file extension: "jpg" or "png".
func (p *Photo) Ext() string {
	if p.Format == "png" {
		return "png"
	}
	return "jpg"
}

// OriginalName is the media store name of the cleaned original:
// "photos/ab/ab12…ef.jpg", sharded by the first two hex digits.
func (p *Photo) OriginalName() string { return PhotoOriginalName(p.Hash, p.Ext()) }

// DerivativeName is the media store name of the derivative of width w in format ext
// ("jpg" or "webp"): "photos/ab/ab12…ef-800.webp". Names follow from the original's
// content, so they can be cached for ever.
func (p *Photo) DerivativeName(w int, ext string) string {
	return PhotoDerivativeName(p.Hash, w, ext)
}

// PhotoOriginalName is Photo.OriginalName for a hash and extension.
func PhotoOriginalName(hash, ext string) string {
	return "photos/" + hash[:2] + "/" + hash + "." + ext
}

// PhotoDerivativeName is Photo.DerivativeName for a hash.
func PhotoDerivativeName(hash string, w int, ext string) string {
	return "photos/" + hash[:2] + "/" + hash + "-" + strconv.Itoa(w) + "." + ext
}

// WantedWidths are the derivative widths a photo of width w gets: every DerivativeWidths
// narrower than it, and its own width when it is narrower than the widest, so that a
// small photo still has a derivative.
func WantedWidths(w int) []int {
	var out []int
	for _, dw := range DerivativeWidths {
		if dw < w {
			out = append(out, dw)
		}
	}
	if w > 0 && w <= DerivativeWidths[len(DerivativeWidths)-1] {
		out = append(out, w)
	}
	return out
}

// ValidPhotoHash reports whether h is a lower-case hex SHA-256.
func ValidPhotoHash(h string) bool {
	if len(h) != 64 || strings.ToLower(h) != h {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil
}

// Validate checks the rules every stored photo obeys.
func (p *Photo) Validate() error {
	pr := problems{}
	if !ValidPhotoHash(p.Hash) {
		pr.add("hash", "not a SHA-256")
	}
	if p.Format != "jpeg" && p.Format != "png" {
		pr.add("format", "not jpeg or png")
	}
	if p.Width <= 0 || p.Height <= 0 {
		pr.add("size", "no pixels")
	}
	for l, alt := range p.Alt {
		checkLang(pr, "alt", l)
		checkPhotoText(pr, "alt", alt, MaxAltLen)
	}
	checkPhotoText(pr, "caption", p.Caption, MaxCaptionLen)
	checkPhotoText(pr, "credit", p.Credit, MaxCreditLen)
	if p.FocusX < 0 || p.FocusX > 100 || p.FocusY < 0 || p.FocusY > 100 {
		pr.add("focus", "between 0 and 100")
	}
	if !slices.IsSorted(p.Widths) {
		pr.add("widths", "not ascending")
	}
	return pr.err()
}

func checkPhotoText(pr problems, field, s string, limit int) {
	switch {
	case !utf8.ValidString(s):
		pr.add(field, "not valid UTF-8")
	case utf8.RuneCountInString(s) > limit:
		pr.add(field, "at most "+strconv.Itoa(limit)+" characters")
	case strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f }):
		pr.add(field, "control characters")
	}
}

// AlbumItem is one photo of an article's album, in order: its caption for this album
// (an article has one language), or the photo's own when empty.
type AlbumItem struct {
	PhotoID int64
	Caption string
	// Photo is filled when the album is read.
	Photo Photo
}

// CaptionOr returns the album caption, or the photo's own.
func (it *AlbumItem) CaptionOr() string {
	if it.Caption != "" {
		return it.Caption
	}
	return it.Photo.Caption
}

// ValidateAlbum checks an album as it is stored: at most MaxAlbumLen photos, each
// named, each caption one a photo could have.
func ValidateAlbum(items []AlbumItem) error {
	pr := problems{}
	if len(items) > MaxAlbumLen {
		pr.add("album", "at most "+strconv.Itoa(MaxAlbumLen)+" photos")
	}
	for _, it := range items {
		if it.PhotoID <= 0 {
			pr.add("photo", "no photo")
		}
		checkPhotoText(pr, "caption", it.Caption, MaxCaptionLen)
	}
	return pr.err()
}

// PhotoUse is one way an article uses a photo.
type PhotoUse struct {
	ArticleID int64
	Title     string
	Lang      Lang
	Status    Status
	Trashed   bool // the article is in the trash, where it still holds the photo
	Role      PhotoRole
}

// PhotoRole is how an article uses a photo.
type PhotoRole string

const (
	PhotoFeatured PhotoRole = "featured" // the article's picture, in lists and previews
	PhotoInAlbum  PhotoRole = "album"    // one of its photo report's photos
	PhotoInBody   PhotoRole = "body"     // placed in its text: ![…](photo:12)
)
