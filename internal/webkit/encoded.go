package webkit

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// Answer is what a handler produces before it is encoded.
type Answer struct {
	Status       int
	Body         []byte
	ContentType  string
	LastModified time.Time // zero when unknown
	Location     string    // a redirect's target
	// Header holds the fields besides the validators and the encoding: the security
	// policy, Cache-Control.
	Header []Field
}

// Encoded is an answer with everything needed to send it again without building it:
// its bytes in each content coding, its validators and every header, made once.
type Encoded struct {
	Status   int
	Location string
	ETag     string
	Modified time.Time
	header   []Field
	identity variant
	gzip     *variant // nil when compressing did not pay
	brotli   *variant
	Size     int64 // bytes held, for a cache's budget
}

// variant is the answer in one content coding.
type variant struct {
	body          []byte
	contentLength []string
	encoding      []string // nil for identity
}

// Shared header values; net/http never modifies them.
var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	encodingBrotli     = []string{"br"}
	encodingGzip       = []string{"gzip"}
)

// Encode builds an Encoded from an answer; compress says whether to precompute the gzip
// and brotli variants (worth it only for an answer that will be sent many times).
func Encode(a *Answer, compress bool) *Encoded {
	sum := sha256.Sum256(a.Body)
	e := &Encoded{
		Status: a.Status, Location: a.Location, Modified: a.LastModified,
		ETag:     `W/"` + hex.EncodeToString(sum[:12]) + `"`,
		identity: newVariant(a.Body, nil),
	}
	e.header = append(e.header, a.Header...)
	e.header = append(e.header,
		Field{"Content-Type", []string{a.ContentType}},
		Field{"Etag", []string{e.ETag}},
		Field{"Vary", varyAcceptEncoding})
	if !a.LastModified.IsZero() {
		e.header = append(e.header, Field{"Last-Modified", []string{a.LastModified.UTC().Format(http.TimeFormat)}})
	}
	if compress && len(a.Body) > 512 {
		gz, br := newVariant(gzipBytes(a.Body), encodingGzip), newVariant(brotliBytes(a.Body), encodingBrotli)
		e.gzip, e.brotli = &gz, &br
	}
	e.Size = int64(len(a.Body)) + 512
	if e.gzip != nil {
		e.Size += int64(len(e.gzip.body) + len(e.brotli.body))
	}
	return e
}

// Body is the answer's bytes, uncompressed.
func (e *Encoded) Body() []byte { return e.identity.body }

func newVariant(body []byte, encoding []string) variant {
	return variant{body: body, contentLength: []string{strconv.Itoa(len(body))}, encoding: encoding}
}

// Serve answers a GET or HEAD with e: 304 when the reader's copy is current, else the
// smallest encoding the reader accepts. extra are set after e's own headers.
func (e *Encoded) Serve(w http.ResponseWriter, r *http.Request, extra ...Field) {
	h := w.Header()
	Set(h, e.header)
	Set(h, extra)
	if e.Location != "" {
		h["Location"] = []string{e.Location}
		w.WriteHeader(e.Status)
		return
	}
	if e.Status == http.StatusOK && e.notModified(r) {
		delete(h, "Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	v := e.variantFor(r.Header.Get("Accept-Encoding"))
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
	}
	h["Content-Length"] = v.contentLength
	w.WriteHeader(e.Status)
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}

// notModified applies If-None-Match (weak comparison) and, only without it,
// If-Modified-Since, as RFC 9110 section 13.2.2 orders.
func (e *Encoded) notModified(r *http.Request) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(e.ETag, "W/") {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || e.Modified.IsZero() {
		return false
	}
	since, err := http.ParseTime(ims)
	return err == nil && !e.Modified.Truncate(time.Second).After(since)
}

// variantFor picks the smallest coding the reader accepts.
func (e *Encoded) variantFor(acceptEncoding string) *variant {
	switch {
	case acceptEncoding == "":
		return &e.identity
	case e.brotli != nil && Accepts(acceptEncoding, "br"):
		return e.brotli
	case e.gzip != nil && Accepts(acceptEncoding, "gzip"):
		return e.gzip
	}
	return &e.identity
}

// Accepts reports whether an Accept-Encoding value allows coding (q=0 refuses it).
func Accepts(header, coding string) bool {
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

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// brotliBytes compresses at quality 6: within a few percent of the maximum for pages of
// this size, at a small fraction of quality 11's time on a cache miss.
func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
