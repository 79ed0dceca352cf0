package mediatest

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/media"
)

func readBlob(ctx context.Context, s media.Store, name string) ([]byte, error) {
	blob, _, err := s.Open(ctx, name)
	if err != nil {
		return nil, err
	}
	defer blob.Close()
	return io.ReadAll(blob)
}

func testStat(t *testing.T, s media.Store) {
	name, data := "issues/2026/05/front.pdf", content(12_345, 8)
	before := time.Now()
	MustPut(t, s, name, data)
	info, err := s.Stat(t.Context(), name)
	if err != nil {
		t.Fatal(err)
	}
	checkInfo(t, "Stat", info, name, int64(len(data)), before)
	_, opened := MustRead(t, s, name)
	if !opened.ModTime.Equal(info.ModTime) || opened.ETag != info.ETag {
		t.Errorf("Open's info %+v differs from Stat's %+v", opened, info)
	}
}

func testContentTypes(t *testing.T, s media.Store) {
	want := map[string]string{
		"t/photo.jpg":   "image/jpeg",
		"t/PHOTO.JPEG":  "image/jpeg",
		"t/photo.webp":  "image/webp",
		"t/photo.avif":  "image/avif",
		"t/logo.png":    "image/png",
		"t/logo.svg":    "image/svg+xml",
		"t/issue.pdf":   "application/pdf",
		"t/agenda.ics":  "text/calendar; charset=utf-8",
		"t/notes.txt":   "text/plain; charset=utf-8",
		"t/archive.tgz": "application/octet-stream",
		"t/no-ext":      "application/octet-stream",
	}
	for name := range want {
		MustPut(t, s, name, []byte("x"))
	}
	seen := 0
	err := s.List(t.Context(), "t/", func(info media.Info) error {
		seen++
		if info.ContentType != want[info.Name] {
			t.Errorf("List: %s has type %q, want %q", info.Name, info.ContentType, want[info.Name])
		}
		return nil
	})
	if err != nil || seen != len(want) {
		t.Errorf("List saw %d blobs (error %v), want %d", seen, err, len(want))
	}
	for name, ct := range want {
		if got := media.ContentType(name); got != ct {
			t.Errorf("ContentType(%q) = %q, want %q", name, got, ct)
		}
		_, info := MustRead(t, s, name)
		stat, err := s.Stat(t.Context(), name)
		if err != nil || info.ContentType != ct || stat.ContentType != ct {
			t.Errorf("%s: Open says %q, Stat %q (%v); want %q", name, info.ContentType, stat.ContentType, err, ct)
		}
	}
}

func testNotFound(t *testing.T, s media.Store) {
	MustPut(t, s, "dir/a.jpg", []byte("a"))
	for _, name := range []string{"missing.jpg", "dir", "dir/a.jp", "dir/a.jpg/x", "dir/b/c.jpg"} {
		_, _, err := s.Open(t.Context(), name)
		checkNotFound(t, "Open("+name+")", err)
		_, err = s.Stat(t.Context(), name)
		checkNotFound(t, "Stat("+name+")", err)
	}
}
