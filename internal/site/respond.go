package site

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// response is what a page handler produces, before caching and encoding.
type response struct {
	status       int
	body         []byte
	contentType  string
	lastModified time.Time
	csp          string   // replaces the default policy when set
	cacheControl []string // nil: revalidate every time
	location     string   // a redirect's target; such responses are not cached
}

// Shared header values; net/http never modifies them.
var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	cacheRevalidate    = []string{"public, max-age=0, must-revalidate"}
	encodingBrotli     = []string{"br"}
	encodingGzip       = []string{"gzip"}
)

// serveEntry answers a GET or HEAD for e: 304 when the reader's copy is current, else
// the best encoding the reader accepts.
func serveEntry(w http.ResponseWriter, r *http.Request, e *entry) {
	h := w.Header()
	for _, f := range e.header {
		h[f.key] = f.value
	}
	if e.location != "" {
		h["Location"] = []string{e.location}
		w.WriteHeader(e.status)
		return
	}
	if e.status == http.StatusOK && notModified(r, e) {
		delete(h, "Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	v := e.variantFor(r.Header.Get("Accept-Encoding"))
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
	}
	h["Content-Length"] = v.contentLength
	w.WriteHeader(e.status)
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}

// notModified applies If-None-Match (weak comparison) and, only without it,
// If-Modified-Since, as RFC 9110 section 13.2.2 orders.
func notModified(r *http.Request, e *entry) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(e.etag, "W/") {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || e.modified.IsZero() {
		return false
	}
	since, err := http.ParseTime(ims)
	return err == nil && !e.modified.Truncate(time.Second).After(since)
}

// accepts reports whether an Accept-Encoding value allows coding (q=0 refuses it).
func accepts(header, coding string) bool {
	for len(header) > 0 {
		var part string
		part, header, _ = strings.Cut(header, ",")
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q := strings.TrimSpace(params)
		if v, ok := strings.CutPrefix(q, "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			return err == nil && f > 0
		}
		return true
	}
	return false
}

// serveUnstored answers a page that no cache may keep and that robots must not index
// (robots is the X-Robots-Tag): search results, embargoed previews.
func serveUnstored(w http.ResponseWriter, r *http.Request, body []byte, robots string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", robots)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
