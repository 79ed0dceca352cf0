package site

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
)

// serveMedia answers /media/{path...} from the media directory. os.Root keeps every
// lookup inside that directory, symbolic links included; directories are not listed.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.MediaDir == "" {
		return notFound(nil)
	}
	name := r.PathValue("path")
	if !fs.ValidPath(name) || path.Base(name)[0] == '.' {
		return notFound(errors.New("invalid media path"))
	}
	root, err := os.OpenRoot(s.cfg.MediaDir)
	if err != nil {
		return notFound(err)
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return notFound(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return notFound(err)
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, info.Name(), info.ModTime(), f)
	return nil
}
