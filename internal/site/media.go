package site

import (
	"errors"
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/media"
)

// mediaPrefix is where media files are served. It is handled before the router: media
// names nest ("albums/2026/x.webp"), and a "/media/{path...}" route would clash with
// "/{lang}/{$}".
const mediaPrefix = "/media/"

var cacheMedia = []string{"public, max-age=86400"}

// serveMedia answers /media/{name} from the media store, with range requests and
// conditional requests handled by http.ServeContent.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return notFound(errors.New("media are read-only"))
	}
	if s.cfg.Media == nil {
		return notFound(nil)
	}
	name := strings.TrimPrefix(r.URL.Path, mediaPrefix)
	if media.ValidateName(name) != nil {
		return notFound(errors.New("invalid media name"))
	}
	blob, info, err := s.cfg.Media.Open(r.Context(), name)
	if errors.Is(err, media.ErrNotFound) {
		return notFound(err)
	}
	if err != nil {
		return &httpError{status: http.StatusServiceUnavailable, key: "error.503", err: err}
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
