package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"image/jpeg"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseImported(t *testing.T) {
	for _, tc := range []struct {
		out   string
		added int
	}{
		{"Adding 20 files to the photo library of sqlite:d/roneo.db\nAdded 20 photos.\n", 20},
		{"Added 1 photo.\n", 1},
		{"Added 0 photos; 3 were already in the library.\n", 0},
	} {
		added, line, err := parseImported(tc.out)
		if err != nil || added != tc.added || !strings.HasPrefix(line, "Added ") {
			t.Errorf("parseImported(%q) = %d, %q, %v; want %d", tc.out, added, line, err, tc.added)
		}
	}
	album := "Adding 2 files to the photo library of sqlite:d/roneo.db\nThe photo report of article 812 now holds 202 photos.\nAdded 2 photos.\n"
	if got := parseAlbumHolds(album); got != 202 {
		t.Errorf("parseAlbumHolds = %d, want 202", got)
	}
	if got := parseAlbumHolds("Added 2 photos.\n"); got != 0 {
		t.Errorf("parseAlbumHolds without --album = %d", got)
	}
	if _, _, err := parseImported("Imported 3 photos\n"); err == nil {
		t.Error("an output without \"Added N photos\" gave no error")
	}
}

// TestImportPhotosRefused: exit status 1 is a refusal, reported with what the command
// said, and not mistaken for a failure of the program.
func TestImportPhotosRefused(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "roneo")
	script := "#!/bin/sh\necho 'Added 0 photos.'\necho '1 files were not added:'\necho '  photo.jpg: over the limit'\n" +
		"echo 'roneo: photo.jpg: 60000 × 60000 pixels, over the limit of 50000000' >&2\nexit 1\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	b := &bench{root: dir}
	run, err := b.importPhotos(context.Background(), &side{bin: fake}, dir, []string{"photo.jpg"})
	if err == nil || !strings.Contains(run.Refused, "over the limit") {
		t.Errorf("importPhotos = %+v, %v; want a refusal", run, err)
	}
	if _, ok := peakRSSOf(mustRun(t, "true")); ok && run.PeakMB <= 0 {
		t.Errorf("no peak memory for a refused import: %+v", run)
	}
	// Exit status 1 without a file refused is a failure of the program.
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho 'roneo: database is locked' >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	run, err = b.importPhotos(context.Background(), &side{bin: fake}, dir, []string{"photo.jpg"})
	if err == nil || errors.Is(err, errRefused) || run.Refused != "" || why(err) != "roneo: database is locked" {
		t.Errorf("a failing import = %+v, %v; want the program's failure", run, err)
	}
}

func mustRun(t *testing.T, argv ...string) *os.ProcessState {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	if err := cmd.Run(); err != nil {
		t.Skipf("%s: %v", argv[0], err)
	}
	return cmd.ProcessState
}

func TestPeakRSSOf(t *testing.T) {
	mb, ok := peakRSSOf(mustRun(t, "sh", "-c", "exit 0"))
	if !ok {
		t.Skip("no rusage on this system")
	}
	if mb <= 0 || mb > 100 {
		t.Errorf("peak RSS of sh = %.1f MB", mb)
	}
}

func TestMediaFilesAndDerivatives(t *testing.T) {
	data := t.TempDir()
	if files, err := mediaFiles(data); err != nil || len(files) != 0 {
		t.Fatalf("mediaFiles of a directory without media = %v, %v", files, err)
	}
	hash := strings.Repeat("ab", 32)
	names := []string{
		"photos/ab/" + hash + ".jpg",
		"photos/ab/" + hash + "-400.jpg", "photos/ab/" + hash + "-400.webp",
		"photos/ab/" + hash + "-800.jpg", "photos/ab/" + hash + "-800.webp",
	}
	for _, n := range names[:2] {
		writeFile(t, filepath.Join(mediaDir(data), n))
	}
	before, err := mediaFiles(data)
	if err != nil || len(before) != 2 {
		t.Fatalf("mediaFiles = %v, %v", before, err)
	}
	for _, n := range names[2:] {
		writeFile(t, filepath.Join(mediaDir(data), n))
	}
	after, _ := mediaFiles(data)
	if got := derivatives(after) - derivatives(before); got != 3 {
		t.Errorf("new derivatives = %d, want 3", got)
	}
	if got, want := derivativeIn(added(before, after), 800, "webp"), names[4]; got != want {
		t.Errorf("derivativeIn = %q, want %q", got, want)
	}
	if got := derivativeIn(added(before, after), 1600, "webp"); got != "" {
		t.Errorf("derivativeIn of a missing width = %q", got)
	}
}

func writeFile(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseUploadForm(t *testing.T) {
	page := `<form method="post" action="/newsroom/signout"><button>Sign out</button></form>
<form method="post" action="/newsroom/photos/upload?from=library" enctype="multipart/form-data">
  <input type="hidden" name="csrf" value="t&amp;k">
  <label>Photos <input type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple></label>
  <input type="hidden" name="album" value="">
  <button>Upload</button>
</form>`
	f, err := parseUploadForm(page)
	if err != nil {
		t.Fatal(err)
	}
	if f.action != "/newsroom/photos/upload?from=library" || f.field != "photos" || f.hidden.Get("csrf") != "t&k" || !f.hidden.Has("album") {
		t.Errorf("parseUploadForm = %+v", f)
	}
	// The newsroom's own, whose file input names its id first.
	page = `<form method="post" action="/newsroom/photos/upload" enctype="multipart/form-data" class="upload-form" id="upload-form"
  data-endpoint="/newsroom/photos/upload" data-max-bytes="41943040">
  <input id="f-credit" name="credit" type="text" maxlength="200" value="">
  <input id="f-photos" name="photos" type="file" multiple required accept="image/jpeg,image/png,image/webp" aria-describedby="f-photos-hint">
</form>`
	if f, err := parseUploadForm(page); err != nil || f.field != "photos" || f.action != "/newsroom/photos/upload" || len(f.hidden) != 0 {
		t.Errorf("parseUploadForm of the newsroom's form = %+v, %v", f, err)
	}
	if _, err := parseUploadForm(`<form method="post"><input type="text" name="q"></form>`); err == nil {
		t.Error("a page without a multipart form gave no error")
	}
}

func TestUploadAccepted(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
		ok     bool
	}{
		{200, `{"files":[{"name":"a.jpg","ok":true,"id":3,"message":"a.jpg added"}]}`, true},
		{200, `{"files":[{"name":"a.jpg","ok":true,"known":true,"message":"a.jpg was in the library"}]}`, true},
		{422, `{"files":[{"name":"a.jpg","ok":false,"message":"a.jpg is no photo"}]}`, false},
		{422, `{"files":[],"errors":{"photos":"choose a file"}}`, false},
		{502, `<html>Bad gateway</html>`, false},
	} {
		if err := uploadAccepted(tc.status, []byte(tc.body)); (err == nil) != tc.ok {
			t.Errorf("uploadAccepted(%d, %s) = %v", tc.status, tc.body, err)
		}
	}
}

func TestCheckZip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "album.zip")
	writeZip(t, file, []string{zipCredits, "001-a.jpg", "002-b.jpg"})
	if n, err := checkZip(file); err != nil || n != 3 {
		t.Errorf("checkZip = %d, %v; want 3 entries", n, err)
	}
	writeZip(t, file, []string{"001-a.jpg"})
	if _, err := checkZip(file); err == nil {
		t.Error("a ZIP without credits gave no error")
	}
	os.WriteFile(file, []byte("PK\x03\x04 truncated"), 0o644)
	if _, err := checkZip(file); err == nil {
		t.Error("a truncated ZIP gave no error")
	}
}

func writeZip(t *testing.T, file string, names []string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("bytes of " + n))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPhotoFilesDeterministic: a set is drawn the same from run to run, each photo of it
// differs, and a file already there is kept.
func TestPhotoFilesDeterministic(t *testing.T) {
	set := photoSet{name: "test", width: 320, height: 240, count: 2, seed: 42}
	a, err := photoFiles(t.TempDir(), set)
	if err != nil {
		t.Fatal(err)
	}
	b, err := photoFiles(t.TempDir(), set)
	if err != nil {
		t.Fatal(err)
	}
	a0, a1, b0 := readAll(t, a[0]), readAll(t, a[1]), readAll(t, b[0])
	if !bytes.Equal(a0, b0) {
		t.Error("the same seed drew two different photos")
	}
	if bytes.Equal(a0, a1) {
		t.Error("two photos of a set are the same")
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(a0))
	if err != nil || cfg.Width != 320 || cfg.Height != 240 {
		t.Errorf("photo: %+v, %v; want a 320×240 JPEG", cfg, err)
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(a[0], past, past)
	if _, err := photoFiles(filepath.Dir(filepath.Dir(a[0])), set); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(a[0]); !fi.ModTime().Equal(past) {
		t.Error("a photo already generated was drawn again")
	}
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSampleRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	s := sampleRSS(os.Getpid(), 5*time.Millisecond)
	for range 2 { // the first sample, then one a tick
		select {
		case <-s.sampled:
		case <-time.After(time.Minute):
			t.Fatal("no sample in a minute")
		}
	}
	maxMB, n, err := s.stop()
	if err != nil || maxMB <= 0 || n < 2 {
		t.Errorf("sampleRSS = %.1f MB over %d samples, %v", maxMB, n, err)
	}
	s.stop() // twice is harmless
}

func TestBurstTarget(t *testing.T) {
	ok := &burstResult{Uploads: 200, Accepted: 200, PeakMB: 700}
	if got := burstTarget(ok, 200); got.Status != statusPass {
		t.Errorf("700 MB over 200 uploads: %+v", got)
	}
	if got := burstTarget(&burstResult{Uploads: 200, Accepted: 200, PeakMB: 1500}, 200); got.Status != statusFail {
		t.Errorf("1500 MB: %+v", got)
	}
	failed := &burstResult{Uploads: 200, Accepted: 150, PeakMB: 300, Failed: "upload x.jpg: 503"}
	if got := burstTarget(failed, 200); got.Status != statusFail || !strings.Contains(got.Note, "50 of 200") {
		t.Errorf("failed uploads: %+v", got)
	}
	if got := burstTarget(&burstResult{Uploads: 5, Accepted: 5, PeakMB: 300}, 5); got.Status != statusSkip {
		t.Errorf("5 uploads: %+v", got)
	}
	if got := burstTarget(nil, 200); got.Status != statusSkip {
		t.Errorf("not measured: %+v", got)
	}
}

// TestPhotoFiguresNotAvailable: a binary without photos has every photo figure n/a, for
// the reason its scenario gave.
func TestPhotoFiguresNotAvailable(t *testing.T) {
	r := &results{Settings: settings{Only: []string{scenarioPhotosDerive, scenarioPhotosServe, scenarioPhotosBurst, scenarioPhotosZip}, AlbumPhotos: 200}}
	r.markNA(config{Only: r.Settings.Only}, r.Settings.Only, `roneo: unknown command "media"`)
	r.judge(time.Now())
	fs := r.photoFigures()
	if len(fs) != 15 {
		t.Errorf("%d photo figures, want 15", len(fs))
	}
	for _, f := range fs {
		if f.NA == "" || (!f.Shared && !strings.Contains(f.NA, "unknown command")) {
			t.Errorf("%s: NA %q", f.Name, f.NA)
		}
	}
}

// TestPhotoFiguresReadBack: the photo figures, their units and names with commas, come
// back from a section of RESULTS.md as they were written.
func TestPhotoFiguresReadBack(t *testing.T) {
	want := []figure{
		{Name: "photos-derive 12 MP rate", Unit: "photos/s", Value: 0.37},
		{Name: "photos-burst peak RSS, 200 uploads", Unit: "MB", Value: 612.5},
		{Name: "photos-zip throughput", Unit: "MB/s", Value: 311.2},
	}
	text := renderSection(recordInfo{Date: time.Now(), Commit: "abc1234", Settings: recordSettings}, want, nil)
	sections := parseResults(text)
	if len(sections) != 1 || len(sections[0].Figures) != len(want) {
		t.Fatalf("read back %+v from\n%s", sections, text)
	}
	for i, f := range sections[0].Figures {
		if f.Name != want[i].Name || f.Unit != want[i].Unit || f.Value != want[i].Value {
			t.Errorf("figure %d read back as %+v, want %+v", i, f, want[i])
		}
	}
}

// TestPhotoScenariosByDefault: the burst and the ZIP take minutes, so only -only runs them.
func TestPhotoScenariosByDefault(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.wants(scenarioPhotosDerive) || !cfg.wants(scenarioPhotosServe) || cfg.wants(scenarioPhotosBurst) || cfg.wants(scenarioPhotosZip) {
		t.Errorf("default scenarios: %v", cfg.Only)
	}
	if cfg.Photos != 20 || cfg.AlbumPhotos != 200 {
		t.Errorf("defaults: -photos %d, -album-photos %d; want 20 and 200", cfg.Photos, cfg.AlbumPhotos)
	}
	if cfg, err := parseFlags([]string{"-only", "photos-zip", "-album-photos", "5"}, io.Discard); err != nil || !cfg.wants(scenarioPhotosZip) || cfg.AlbumPhotos != 5 {
		t.Errorf("-only photos-zip -album-photos 5: %+v, %v", cfg, err)
	}
	if _, err := parseFlags([]string{"-photos", "0"}, io.Discard); err == nil {
		t.Error("-photos 0 gave no error")
	}
}
