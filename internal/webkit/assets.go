package webkit

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

// CacheImmutable lets browsers keep a file for a year: its name changes with its content.
var CacheImmutable = []string{"public, max-age=31536000, immutable"}

// Assets are static files served under names that carry a hash of their content
// ("site.3f2a1b9c.css"), so that browsers may keep them for a year and still never see
// an outdated one.
type Assets struct {
	byName   map[string]string   // "site.css" → its address
	byHashed map[string]*Encoded // "site.3f2a1b9c.css" → precompressed file
	names    map[string]string   // "site.3f2a1b9c.css" → "site.css"
}

// LoadAssets reads the files of dir in fsys (only those named, or all when none is) and
// gives each the address addr makes of its hashed name.
func LoadAssets(fsys fs.FS, dir string, addr func(hashed string) string, only ...string) (*Assets, error) {
	a := &Assets{byName: map[string]string{}, byHashed: map[string]*Encoded{}, names: map[string]string{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimPrefix(p, dir+"/")
		if len(only) > 0 && !contains(only, name) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byName[name], a.names[hashed] = addr(hashed), name
		a.byHashed[hashed] = Encode(&Answer{Status: http.StatusOK, Body: data, ContentType: ctype,
			Header: []Field{{"Cache-Control", CacheImmutable}}}, true)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	for _, name := range only {
		if _, ok := a.byName[name]; !ok {
			return nil, fmt.Errorf("static files: no %s in %s", name, dir)
		}
	}
	return a, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// URL returns the hashed address of a static file.
func (a *Assets) URL(name string) (string, error) {
	u, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return u, nil
}

// Each calls fn with every file's hashed name and bytes, for a static mirror.
func (a *Assets) Each(fn func(hashed string, body []byte) error) error {
	for hashed, e := range a.byHashed {
		if err := fn(hashed, e.Body()); err != nil {
			return err
		}
	}
	return nil
}

// Serve answers a request for the file of hashed name. Only hashed names exist: an old
// hash is a 404, which cannot happen with pages rendered by this binary.
func (a *Assets) Serve(w http.ResponseWriter, r *http.Request, hashed string) error {
	e, ok := a.byHashed[hashed]
	if !ok {
		return NotFound(nil)
	}
	e.Serve(w, r)
	return nil
}
