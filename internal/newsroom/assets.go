package newsroom

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// assets are the newsroom's own stylesheet and script (and the icon), served under names
// that carry a hash of their content so that browsers may keep them for a year and still
// never run an outdated script against a new page.
type assets struct {
	byName   map[string]string // "newsroom.css" → "/newsroom/static/newsroom.3f2a1b9c.css"
	byHashed map[string]asset
}

type asset struct {
	data  []byte
	ctype string
}

func loadAssets(fsys fs.FS, dir, urlPrefix string, names ...string) (*assets, error) {
	a := &assets{byName: map[string]string{}, byHashed: map[string]asset{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return nil, fmt.Errorf("newsroom assets: %w", err)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byName[name] = urlPrefix + hashed
		a.byHashed[hashed] = asset{data: data, ctype: ctype}
	}
	return a, nil
}

// url returns the hashed address of a static file; templates call it through "asset".
func (a *assets) url(name string) (string, error) {
	u, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no newsroom static file %q", name)
	}
	return u, nil
}

// serve answers /newsroom/static/{file}. These are the only newsroom answers that may be
// cached: they hold no one's data, and their name changes whenever their content does.
func (s *Server) serveAsset(w http.ResponseWriter, r *request) error {
	a, ok := s.assets.byHashed[r.PathValue("file")]
	if !ok {
		return errNotFound
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r.Request, "", time.Time{}, bytes.NewReader(a.data))
	return nil
}
