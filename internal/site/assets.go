package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// assets are the theme's static files, served under names that carry a hash of their
// content ("site.3f2a1b9c.css") so that browsers may keep them for a year and still never
// see an outdated one.
type assets struct {
	byName   map[string]string // "site.css" → "/static/site.3f2a1b9c.css"
	byHashed map[string]*entry // "site.3f2a1b9c.css" → precompressed file
}

func loadAssets(fsys fs.FS, dir string) (*assets, error) {
	a := &assets{byName: map[string]string{}, byHashed: map[string]*entry{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, dir+"/")
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byName[name] = "/static/" + hashed
		a.byHashed[hashed] = newEntry(hashed, &response{status: http.StatusOK, body: data, contentType: ctype, cacheControl: cacheImmutable}, true)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	return a, nil
}

// url returns the hashed address of a static file; templates call it through "asset".
func (a *assets) url(name string) (string, error) {
	u, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return u, nil
}

var cacheImmutable = []string{"public, max-age=31536000, immutable"}

// serve answers /static/{file}. Only hashed names exist: an old hash is a 404, which
// cannot happen with pages rendered by this binary.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) error {
	e, ok := a.byHashed[r.PathValue("file")]
	if !ok {
		return notFound(nil)
	}
	serveEntry(w, r, e)
	return nil
}
