package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
)

// testPicture is a small picture with some structure, so that it encodes like a photo.
func testPicture(w, h int, tint uint8) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), tint, 255})
		}
	}
	return img
}

// withGPS puts an EXIF segment naming a place right after a JPEG's start marker, as a
// phone's camera does.
func withGPS(jpg []byte) []byte {
	payload := append([]byte("Exif\x00\x00"), []byte("GPSLatitude 50.8467 Brussels, camera serial 123456")...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

func TestMediaImport(t *testing.T) {
	t.Parallel()
	dir, photos := t.TempDir(), t.TempDir()
	var jpg, pngBytes bytes.Buffer
	if err := jpeg.Encode(&jpg, testPicture(900, 600, 40), nil); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&pngBytes, testPicture(300, 200, 200)); err != nil {
		t.Fatal(err)
	}
	gps := withGPS(jpg.Bytes())
	files := map[string][]byte{
		"march/a.jpg":       gps,
		"march/again.jpeg":  gps, // the same photo, uploaded twice
		"march/b.png":       pngBytes.Bytes(),
		"march/notes.jpg":   []byte("not a photo at all, whatever its name says"),
		"march/empty.jpg":   nil,
		"march/.hidden.jpg": gps,
	}
	for name, body := range files {
		path := filepath.Join(photos, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errs bytes.Buffer
	err := run(context.Background(), []string{"media", "import", "--data", dir, "--credit", "Marie Dupont",
		"--alt", "Des manifestants", "--alt-lang", "fr", filepath.Join(photos, "march")}, &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "2 of 5 files were not added") {
		t.Fatalf("import = %v\n%s\n%s", err, out.String(), errs.String())
	}
	for _, want := range []string{"Added 2 photos; 1 were already in the library.", "notes.jpg: ", "empty.jpg: "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String()+errs.String(), ".hidden") {
		t.Errorf("a hidden file was read:\n%s%s", out.String(), errs.String())
	}

	db, err := openLocation(context.Background(), "sqlite:"+dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m, err := media.NewDir(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	library, n, err := db.Photos(context.Background(), store.PhotoQuery{Limit: 10})
	if err != nil || n != 2 {
		t.Fatalf("library = %d photos, %v", n, err)
	}
	for _, p := range library {
		if p.Credit != "Marie Dupont" || p.AltIn("fr") != "Des manifestants" {
			t.Errorf("photo %d: credit %q, alt %q", p.ID, p.Credit, p.AltIn("fr"))
		}
		// The derivatives were made before the command returned.
		if want := content.WantedWidths(p.Width); !slices.Equal(p.Widths, want) {
			t.Errorf("photo %d (%d px): widths %v, want %v", p.ID, p.Width, p.Widths, want)
		}
		names := []string{p.OriginalName()}
		for _, w := range p.Widths {
			names = append(names, p.DerivativeName(w, "jpg"), p.DerivativeName(w, "webp"))
		}
		for _, name := range names {
			blob, _, err := m.Open(context.Background(), name)
			if err != nil {
				t.Errorf("photo %d: %s: %v", p.ID, name, err)
				continue
			}
			var b bytes.Buffer
			b.ReadFrom(blob)
			blob.Close()
			if bytes.Contains(b.Bytes(), []byte("GPSLatitude")) || bytes.Contains(b.Bytes(), []byte("Exif\x00")) {
				t.Errorf("%s keeps the camera's metadata", name)
			}
		}
	}
	// The uploader's file names are nowhere in the store.
	m.List(context.Background(), "", func(info media.Info) error {
		if strings.Contains(info.Name, "march") || strings.Contains(info.Name, "a.jpg") {
			t.Errorf("stored under the uploader's name: %s", info.Name)
		}
		return nil
	})
}

func TestMediaImportUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"media", "import", "--data", dir}, "needs at least one PATH"},
		{[]string{"media", "import", "--data", dir, filepath.Join(dir, "nowhere")}, "no such file"},
		{[]string{"media", "import", "--data", dir, "--max-upload-size", "lots", dir}, `"lots" is no size`},
		{[]string{"media", "import", "--data", dir, "--max-pixels", "0", dir}, "--max-pixels must be at least 1"},
		{[]string{"media", "import", "--data", dir, "--alt-lang", "xx-nope", dir}, "not a language of the site"},
		{[]string{"media", "frobnicate"}, `unknown command "frobnicate"`},
	} {
		var out, errs bytes.Buffer
		err := run(context.Background(), tc.args, &out, &errs)
		if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error()+errs.String(), tc.want) {
			t.Errorf("roneo %s = %v (exit %d)\n%s; want a usage error saying %q", strings.Join(tc.args, " "), err, exitCode(err), errs.String(), tc.want)
		}
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]int64{"40MB": 40 << 20, "40MiB": 40 << 20, "512k": 512 << 10, "1G": 1 << 30, "1048576": 1 << 20, " 2 mb ": 2 << 20} {
		if got, err := parseByteSize(in); err != nil || got != want {
			t.Errorf("parseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1", "1.5MB", "9999999999G", "ten"} {
		if _, err := parseByteSize(in); err == nil {
			t.Errorf("parseByteSize(%q) accepted", in)
		}
	}
}
