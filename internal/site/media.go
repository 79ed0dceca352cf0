package site

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/webkit"
)

var cacheMedia = []string{"public, max-age=86400"}

// photosPrefix holds photos and their derivatives, named by their content's hash: a
// name never holds other bytes, so browsers and proxies keep them for a year.
const photosPrefix = "photos/"

// serveMedia answers a media file from the media store, with range requests and
// conditional requests handled by http.ServeContent.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request, name string) error {
	if s.cfg.Media == nil {
		return webkit.NotFound(errNoMedia)
	}
	if media.ValidateName(name) != nil {
		return webkit.NotFound(errors.New("invalid media name"))
	}
	photo := strings.HasPrefix(name, photosPrefix)
	if photo {
		if f, ok := s.media.get(name); ok {
			s.mediaHeaders(w, name, f.info)
			http.ServeContent(w, r, "", f.modTime(), bytes.NewReader(f.data))
			return nil
		}
	}
	blob, info, err := s.cfg.Media.Open(r.Context(), name)
	if err != nil {
		return mediaError(err)
	}
	defer blob.Close()
	s.mediaHeaders(w, name, info)
	if photo {
		// A photo file never changes under its name: a small one is kept in memory.
		if data, ok := readSmall(blob, info); ok {
			s.media.put(&mediaFile{name: name, data: data, info: info})
			http.ServeContent(w, r, "", info.ModTime, bytes.NewReader(data))
			return nil
		}
		if _, err := blob.Seek(0, io.SeekStart); err != nil {
			return err
		}
	}
	http.ServeContent(w, r, "", info.ModTime, blob)
	return nil
}

func (s *Server) mediaHeaders(w http.ResponseWriter, name string, info media.Info) {
	h := w.Header()
	h["Cache-Control"] = cacheMedia
	if strings.HasPrefix(name, photosPrefix) {
		h["Cache-Control"] = cacheForever
	}
	h["Content-Type"] = []string{media.ContentType(name)}
	if info.ETag != "" {
		h["Etag"] = []string{entityTag(info.ETag)}
	}
}

// entityTag makes the media store's opaque token an HTTP entity tag, which is quoted:
// unquoted, browsers' If-None-Match never matches it and every revalidation downloads
// the file again.
func entityTag(token string) string {
	return `"` + strings.ReplaceAll(token, `"`, "") + `"`
}
