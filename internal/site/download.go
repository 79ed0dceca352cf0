package site

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// A photo's download in high resolution is its cleaned original (no metadata survives
// the upload), saved under a name that credits the photographer:
// /hd/{sha-256}/{credit}-{hash}.jpg. The name is the journalist's, so the credit
// travels with the file; the hash alone finds the photo.

// downloadPage is the address of p's original under the name that credits it.
func downloadPage(p *content.Photo) urls.Page {
	return urls.Page{Kind: urls.Download, Key: p.Hash + "/" + downloadName(p)}
}

// downloadName is "{credit}-{first 8 hex digits of the hash}.{ext}", the credit folded
// to ASCII letters, digits and hyphens, "photo" when there is none.
func downloadName(p *content.Photo) string {
	return creditSlug(p.Credit) + "-" + p.Hash[:8] + "." + p.Ext()
}

// creditSlug is a credit as a file name may hold it in every browser and system.
func creditSlug(credit string) string {
	const maxLen = 60
	var b strings.Builder
	for _, r := range content.Slugify(credit) {
		switch {
		case r < 0x80 && r != '-':
			b.WriteRune(r)
		case r == '-' && b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(content.ClipSlug(b.String(), maxLen), "-")
	if s == "" {
		return "photo"
	}
	return s
}

// downloadText is the link to the original, with what readers need to know before
// they follow it: "Download in high resolution (JPEG, 4000 × 3000 px, 5.2 MB)".
func downloadText(p *i18n.Printer, ph *content.Photo) string {
	format := "JPEG"
	if ph.Format == "png" {
		format = "PNG"
	}
	return p.T("photo.download", format, ph.Width, ph.Height, fileSize(p, ph.Bytes))
}

// fileSize is a size as readers of lang write it: "5.2 MB", "5,2 Mo", "830 kB".
func fileSize(p *i18n.Printer, n int64) string {
	const kB, MB = 1000, 1000 * 1000
	if n < MB {
		return strconv.FormatInt(max(1, (n+kB/2)/kB), 10) + "\u00a0" + p.T("unit.kb")
	}
	tenths := (n + MB/20) / (MB / 10)
	s := strconv.FormatInt(tenths/10, 10)
	if tenths < 1000 { // a decimal is noise past 100 MB
		s += p.T("format.decimal") + strconv.FormatInt(tenths%10, 10)
	}
	return s + "\u00a0" + p.T("unit.mb")
}

// cacheForever: content-addressed files never change under their name.
var cacheForever = []string{"public, max-age=31536000, immutable"}

// serveDownload answers a photo's original as an attachment, with range requests and
// conditional requests. Only a photo that a published article uses is served: a photo
// of a draft stays in the newsroom, whoever learns its hash.
func (s *Server) serveDownload(w http.ResponseWriter, r *http.Request, key string) error {
	hash, name, _ := strings.Cut(key, "/")
	if s.cfg.Media == nil {
		return webkit.NotFound(errNoMedia)
	}
	p, err := s.store.PhotoByHash(r.Context(), hash)
	if errors.Is(err, store.ErrNotFound) {
		return webkit.NotFound(err)
	}
	if err != nil {
		return err
	}
	if !strings.HasSuffix(name, "."+p.Ext()) {
		return webkit.NotFound(errors.New("not the photo's format"))
	}
	if ok, err := s.photoPublished(r, p.ID); err != nil || !ok {
		return or404(err, "no published article uses the photo")
	}
	blob, info, err := s.cfg.Media.Open(r.Context(), p.OriginalName())
	if err != nil {
		return mediaError(err)
	}
	defer blob.Close()
	h := w.Header()
	h["Cache-Control"] = cacheForever
	h["Content-Type"] = []string{media.ContentType(p.OriginalName())}
	h["Content-Disposition"] = []string{`attachment; filename="` + name + `"`}
	if info.ETag != "" {
		h["Etag"] = []string{entityTag(info.ETag)}
	}
	http.ServeContent(w, r, "", info.ModTime, blob)
	return nil
}

// photoPublished reports whether an article readers may see uses the photo.
func (s *Server) photoPublished(r *http.Request, id int64) (bool, error) {
	uses, err := s.store.PhotoUses(r.Context(), id)
	if err != nil {
		return false, err
	}
	now := s.now()
	for _, u := range uses {
		if u.Status != content.StatusPublished {
			continue
		}
		a, err := s.store.ArticleByID(r.Context(), u.ArticleID)
		if err == nil && a.Visible(now) {
			return true, nil
		}
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return false, err
		}
	}
	return false, nil
}

// or404 is err, or a 404 saying why when there is none.
func or404(err error, why string) error {
	if err != nil {
		return err
	}
	return webkit.NotFound(errors.New(why))
}

// mediaError classifies a failure to open a media file: missing is a 404, anything
// else the store's trouble.
func mediaError(err error) error {
	if errors.Is(err, media.ErrNotFound) {
		return webkit.NotFound(err)
	}
	return &webkit.Error{Status: http.StatusServiceUnavailable, Key: "503", Err: err}
}
