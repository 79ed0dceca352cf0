package mediatest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/media"
)

func testPutOpenRead(t *testing.T, s media.Store) {
	name, data := "albums/2026/embassy/0001-1600.jpg", content(70_000, 1)
	before := time.Now()
	MustPut(t, s, name, data)
	got, info := MustRead(t, s, name)
	checkBytes(t, "content", got, data)
	checkInfo(t, "Open's info", info, name, int64(len(data)), before)

	// Put reads size bytes, not what follows.
	if err := s.Put(t.Context(), "more.txt", bytes.NewReader(data), 100); err != nil {
		t.Fatalf("Put of a longer reader: %v", err)
	}
	got, _ = MustRead(t, s, "more.txt")
	checkBytes(t, "first size bytes", got, data[:100])
}

func testEmptyBlob(t *testing.T, s media.Store) {
	MustPut(t, s, "empty.txt", nil)
	got, info := MustRead(t, s, "empty.txt")
	if len(got) != 0 || info.Size != 0 {
		t.Errorf("empty blob: read %d bytes, Size %d", len(got), info.Size)
	}
}

// seekStep seeks, expects the position pos, then reads read bytes (-1: to the end).
type seekStep struct {
	offset int64
	whence int
	read   int
	pos    int64
}

func testSeek(t *testing.T, s media.Store) {
	data := content(100_000, 2)
	MustPut(t, s, "seek.bin", data)
	blob, _, err := s.Open(t.Context(), "seek.bin")
	if err != nil {
		t.Fatal(err)
	}
	defer blob.Close()
	n := int64(len(data))
	steps := []seekStep{
		{0, io.SeekEnd, 0, n},
		{500, io.SeekStart, 1000, 500},
		{-100, io.SeekEnd, -1, n - 100},
		{-200, io.SeekCurrent, 50, n - 200},   // from the end
		{-1000, io.SeekCurrent, 10, n - 1150}, // from n-150
		{0, io.SeekStart, -1, 0},
	}
	for _, st := range steps {
		pos, err := blob.Seek(st.offset, st.whence)
		if err != nil || pos != st.pos {
			t.Fatalf("Seek(%d, %d) = %d, %v; want %d", st.offset, st.whence, pos, err, st.pos)
		}
		var got []byte
		if st.read < 0 {
			got, err = io.ReadAll(blob)
		} else {
			got = make([]byte, st.read)
			_, err = io.ReadFull(blob, got)
		}
		if err != nil {
			t.Fatalf("read after Seek(%d, %d): %v", st.offset, st.whence, err)
		}
		checkBytes(t, fmt.Sprintf("read after Seek(%d, %d)", st.offset, st.whence), got, data[pos:pos+int64(len(got))])
	}
	ra, ok := blob.(io.ReaderAt)
	if !ok {
		t.Fatalf("%T is no io.ReaderAt", blob)
	}
	got := make([]byte, 100)
	if _, err := ra.ReadAt(got, 4000); err != nil {
		t.Fatalf("ReadAt: %v", err)
	}
	checkBytes(t, "ReadAt(100 bytes, 4000)", got, data[4000:4100])
}

// testRangeRequests serves blobs as the site will, through http.ServeContent.
func testRangeRequests(t *testing.T, s media.Store) {
	name, data := "issues/2026-05.pdf", content(100_000, 3)
	MustPut(t, s, name, data)
	n := len(data)
	for _, tc := range []struct {
		rangeHeader string
		status      int
		want        []byte
	}{
		{"", http.StatusOK, data},
		{"bytes=1000-1999", http.StatusPartialContent, data[1000:2000]},
		{"bytes=-300", http.StatusPartialContent, data[n-300:]},
		{"bytes=99000-", http.StatusPartialContent, data[99000:]},
		{fmt.Sprintf("bytes=%d-", n), http.StatusRequestedRangeNotSatisfiable, nil},
	} {
		blob, info, err := s.Open(t.Context(), name)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/media/"+name, nil)
		if tc.rangeHeader != "" {
			req.Header.Set("Range", tc.rangeHeader)
		}
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", info.ContentType)
		http.ServeContent(w, req, name, info.ModTime, blob)
		blob.Close()
		if w.Code != tc.status {
			t.Errorf("Range %q: status %d, want %d", tc.rangeHeader, w.Code, tc.status)
			continue
		}
		if tc.want != nil {
			checkBytes(t, "Range "+tc.rangeHeader, w.Body.Bytes(), tc.want)
		}
		if ct := w.Header().Get("Content-Type"); tc.status != 416 && ct != "application/pdf" {
			t.Errorf("Range %q: Content-Type %q", tc.rangeHeader, ct)
		}
	}
}

func testReplace(t *testing.T, s media.Store) {
	v1, v2 := content(5000, 4), content(3000, 5)
	MustPut(t, s, "a/photo.webp", v1)
	_, info1 := MustRead(t, s, "a/photo.webp")
	time.Sleep(10 * time.Millisecond) // ETags may follow modification times
	MustPut(t, s, "a/photo.webp", v2)
	got, info2 := MustRead(t, s, "a/photo.webp")
	checkBytes(t, "replaced content", got, v2)
	if info2.Size != int64(len(v2)) || info2.ETag == info1.ETag {
		t.Errorf("after replacing: Size %d, ETag %q (was %q): want %d and a new ETag", info2.Size, info2.ETag, info1.ETag, len(v2))
	}
}

// testOpenBlobOutlivesReplace: a blob opened before a Put reads the old content whole,
// or fails; never the new content or a mix.
func testOpenBlobOutlivesReplace(t *testing.T, s media.Store) {
	v1, v2 := content(200_000, 6), content(150_000, 7)
	MustPut(t, s, "cover.jpg", v1)
	blob, _, err := s.Open(t.Context(), "cover.jpg")
	if err != nil {
		t.Fatal(err)
	}
	defer blob.Close()
	MustPut(t, s, "cover.jpg", v2)
	got, err := io.ReadAll(blob)
	if err != nil {
		t.Logf("reading a blob replaced since Open fails: %v", err)
		if !errors.Is(err, media.ErrChanged) {
			t.Errorf("reading a blob replaced since Open: got %v, want ErrChanged", err)
		}
	} else {
		checkBytes(t, "blob opened before the replacement", got, v1)
	}
	got, _ = MustRead(t, s, "cover.jpg")
	checkBytes(t, "blob opened after the replacement", got, v2)
}

// testReadersSeeWholeVersions replaces a blob again and again while others read it:
// each successful read returns one version whole.
func testReadersSeeWholeVersions(t *testing.T, s media.Store) {
	versions := make([][]byte, 3)
	for i := range versions {
		versions[i] = bytes.Repeat([]byte{byte('a' + i)}, (i+1)*64<<10)
	}
	MustPut(t, s, "hot.jpg", versions[0])
	ctx := ctxWithTimeout(t)
	done := make(chan struct{})
	var reads, failures atomic.Int64
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				got, err := readBlob(ctx, s, "hot.jpg")
				if err != nil {
					failures.Add(1)
					if !errors.Is(err, media.ErrChanged) {
						t.Errorf("reading during replacements: %v; want no error or ErrChanged", err)
						return
					}
					continue
				}
				reads.Add(1)
				if i := int(got[0] - 'a'); i < 0 || i >= len(versions) || !bytes.Equal(got, versions[i]) {
					t.Errorf("read %d bytes starting with %q: not one whole version", len(got), got[:1])
					return
				}
			}
		})
	}
	for i := range 30 {
		v := versions[(i+1)%len(versions)]
		if err := s.Put(ctx, "hot.jpg", bytes.NewReader(v), int64(len(v))); err != nil {
			t.Errorf("Put: %v", err)
		}
	}
	close(done)
	wg.Wait()
	t.Logf("%d whole reads, %d failed reads during 30 replacements", reads.Load(), failures.Load())
	if reads.Load() == 0 {
		t.Error("no read succeeded")
	}
}
