package site

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// An album's ZIP is every original in the album's order, for journalists, with a
// credits.txt saying whom to credit. It is streamed as it is written, a file at a time
// from the media store, and never held in memory or on disk: 200 photos are a gigabyte.
// Photos are JPEGs already compressed, so they are stored as they are.

// creditsFile is the name of the ZIP's text file of credits; it comes first, so that
// it is there even if the download stops.
const creditsFile = "credits.txt"

// serveAlbumZip streams the ZIP of the album of the article p names.
func (s *Server) serveAlbumZip(w http.ResponseWriter, r *http.Request, p urls.Page) error {
	if s.cfg.Media == nil {
		return webkit.NotFound(errNoMedia)
	}
	b, err := s.newBuild(r.Context(), PageRequest{Page: p, Origin: s.pageOrigin(s.origin(r))})
	if err != nil {
		return err
	}
	a, items, moved, err := s.albumArticle(b)
	if err != nil {
		return err
	}
	if moved != nil {
		http.Redirect(w, r, moved.Location, http.StatusMovedPermanently)
		return nil
	}
	h := w.Header()
	h["Content-Type"] = []string{"application/zip"}
	h["Content-Disposition"] = []string{attachment(a.Slug + "-photos.zip")}
	h["Cache-Control"] = noStore
	if r.Method == http.MethodHead {
		return nil
	}
	z := &albumZip{b: b, a: a, items: items, w: w, p: s.bundle.Printer(a.Lang, b.st.site.Location)}
	err = z.write(r.Context())
	if err == nil || r.Context().Err() != nil {
		return nil // done, or nobody is left to tell
	}
	s.log.LogAttrs(r.Context(), slog.LevelError, "album ZIP failed",
		slog.String("path", r.URL.Path), slog.Any("err", err))
	// The answer has begun: only a broken connection tells the client that the file is
	// incomplete.
	panic(http.ErrAbortHandler)
}

// attachment is a Content-Disposition that saves the answer as name.
func attachment(name string) string {
	if isASCIIToken(name) {
		return `attachment; filename="` + name + `"`
	}
	return mime.FormatMediaType("attachment", map[string]string{"filename": name})
}

func isASCIIToken(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r >= 0x80 || r < 0x20 || r == '"' || r == '\\'
	})
}

// albumZip is one ZIP being written.
type albumZip struct {
	b     *build
	a     *content.Article
	items []content.AlbumItem
	w     http.ResponseWriter
	p     *i18n.Printer
}

func (z *albumZip) write(ctx context.Context) error {
	zw := zip.NewWriter(z.w)
	flush := http.NewResponseController(z.w)
	names := z.names()
	if err := z.credits(zw, names); err != nil {
		return err
	}
	for i, it := range z.items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := z.photo(ctx, zw, names[i], &it.Photo); err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
		// The writer buffers a little; what it holds goes now, so that a slow store
		// never leaves the reader waiting on bytes already read.
		if err := zw.Flush(); err != nil {
			return err
		}
		if err := flush.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
	}
	return zw.Close()
}

// names are the files' names in the ZIP: "001-marie-dupont-9f86d081.jpg", numbered in
// the album's order with as many digits as the last number needs, three at least.
func (z *albumZip) names() []string {
	width := max(3, len(strconv.Itoa(len(z.items))))
	out := make([]string, len(z.items))
	for i, it := range z.items {
		out[i] = fmt.Sprintf("%0*d-%s", width, i+1, downloadName(&it.Photo))
	}
	return out
}

// photo copies one original into the ZIP.
func (z *albumZip) photo(ctx context.Context, zw *zip.Writer, name string, p *content.Photo) error {
	blob, _, err := z.b.s.cfg.Media.Open(ctx, p.OriginalName())
	if err != nil {
		return err
	}
	defer blob.Close()
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: z.modified(p)})
	if err != nil {
		return err
	}
	_, err = io.Copy(f, blob)
	return err
}

// modified is the time the ZIP gives a photo: when it was uploaded.
func (z *albumZip) modified(p *content.Photo) time.Time {
	if !p.CreatedAt.IsZero() {
		return p.CreatedAt
	}
	return later(z.a.UpdatedAt, z.a.PublishAt)
}

// credits writes credits.txt: where the photos come from, and each file's caption and
// credit.
func (z *albumZip) credits(zw *zip.Writer, names []string) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: creditsFile, Method: zip.Deflate, Modified: later(z.a.UpdatedAt, z.a.PublishAt)})
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, z.creditsText(names))
	return err
}

func (z *albumZip) creditsText(names []string) string {
	var t strings.Builder
	t.WriteString(z.b.st.site.Name + "\n" + z.a.Title + "\n" + z.b.canonical(articleAt(z.a.Lang, z.a.Slug)) + "\n\n")
	t.WriteString(z.p.T("zip.credits.ask") + "\n")
	for i, it := range z.items {
		t.WriteString("\n" + names[i] + "\n")
		if c := it.CaptionOr(); c != "" {
			t.WriteString(z.p.T("zip.credits.caption", oneLine(c)) + "\n")
		}
		if c := it.Photo.Credit; c != "" {
			t.WriteString(z.p.T("zip.credits.credit", creditText(oneLine(c))) + "\n")
		}
	}
	return t.String()
}

// oneLine joins a text's lines, so that each file's entry keeps its shape; typography's
// no-break spaces stay.
func oneLine(s string) string { return strings.Join(strings.FieldsFunc(s, isBreakable), " ") }
