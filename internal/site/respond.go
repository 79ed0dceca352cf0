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
	csp          string // replaces the default policy when set
	location     string // a redirect's target; such responses are not cached
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
	if e.location != "" {
		h["Location"] = []string{e.location}
		w.WriteHeader(e.status)
		return
	}
	h["Content-Type"] = []string{e.contentType}
	h["Etag"] = []string{e.etag}
	h["Vary"] = varyAcceptEncoding
	h["Cache-Control"] = cacheRevalidate
	if e.cacheControl != nil {
		h["Cache-Control"] = e.cacheControl
	}
	if e.lastModified != "" {
		h["Last-Modified"] = []string{e.lastModified}
	}
	if e.csp != "" {
		h["Content-Security-Policy"] = []string{e.csp}
	}
	if e.status == http.StatusOK && notModified(r, e) {
		delete(h, "Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := e.body
	switch ae := r.Header.Get("Accept-Encoding"); {
	case e.brotli != nil && accepts(ae, "br"):
		body, h["Content-Encoding"] = e.brotli, encodingBrotli
	case e.gzip != nil && accepts(ae, "gzip"):
		body, h["Content-Encoding"] = e.gzip, encodingGzip
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(e.status)
	if r.Method != http.MethodHead {
		w.Write(body)
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
	if ims == "" || e.lastModified == "" {
		return false
	}
	since, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	modified, err := http.ParseTime(e.lastModified)
	return err == nil && !modified.After(since)
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
