package site

import (
	"errors"
	"net/http"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/webkit"
)

var cacheMedia = []string{"public, max-age=86400"}

// serveMedia answers a media file from the media store, with range requests and
// conditional requests handled by http.ServeContent.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request, name string) error {
	if s.cfg.Media == nil {
		return webkit.NotFound(errNoMedia)
	}
	if media.ValidateName(name) != nil {
		return webkit.NotFound(errors.New("invalid media name"))
	}
	blob, info, err := s.cfg.Media.Open(r.Context(), name)
	if errors.Is(err, media.ErrNotFound) {
		return webkit.NotFound(err)
	}
	if err != nil {
		return &webkit.Error{Status: http.StatusServiceUnavailable, Key: "503", Err: err}
	}
	defer blob.Close()
	h := w.Header()
	h["Cache-Control"] = cacheMedia
	h["Content-Type"] = []string{media.ContentType(name)}
	if info.ETag != "" {
		h["Etag"] = []string{info.ETag}
	}
	http.ServeContent(w, r, "", info.ModTime, blob)
	return nil
}
