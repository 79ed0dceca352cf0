package mediatest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/roneo/roneo/internal/media"
)

func testDelete(t *testing.T, s media.Store) {
	MustPut(t, s, "a/b.jpg", []byte("b"))
	MustPut(t, s, "a/c.jpg", []byte("c"))
	for _, name := range []string{"a/b.jpg", "a/b.jpg", "missing/x.jpg", "a"} {
		if err := s.Delete(t.Context(), name); err != nil {
			t.Errorf("Delete(%q): %v", name, err)
		}
	}
	_, err := s.Stat(t.Context(), "a/b.jpg")
	checkNotFound(t, "Stat after Delete", err)
	checkNames(t, "left after deleting a/b.jpg and a", Names(t, s, ""), []string{"a/c.jpg"})

	// Once "a/" holds nothing, "a" can be a blob.
	if err := s.Delete(t.Context(), "a/c.jpg"); err != nil {
		t.Fatal(err)
	}
	MustPut(t, s, "a", []byte("a"))
	checkNames(t, "after replacing the directory a by a blob", Names(t, s, ""), []string{"a"})
}

func testList(t *testing.T, s media.Store) {
	names := []string{
		"Z.jpg", "a-c.jpg", "a.jpg", "a/b.jpg", "a/b/c.jpg", "a/bc/d.jpg", "ab.jpg",
		"b.jpg", "z/y/x/w.pdf", "é/x.jpg",
	}
	if !slices.IsSorted(names) {
		t.Fatal("the test's names are not in byte order")
	}
	for _, name := range shuffled(names) {
		MustPut(t, s, name, []byte(name))
	}
	for prefix, want := range map[string][]string{
		"":         names,
		"a":        names[1:7],
		"a/":       {"a/b.jpg", "a/b/c.jpg", "a/bc/d.jpg"},
		"a/b":      {"a/b.jpg", "a/b/c.jpg", "a/bc/d.jpg"},
		"a/b/":     {"a/b/c.jpg"},
		"a.jpg":    {"a.jpg"},
		"z/y/":     {"z/y/x/w.pdf"},
		"é":        {"é/x.jpg"},
		"nothing/": {},
		"a.jpg/":   {},
	} {
		checkNames(t, fmt.Sprintf("List(%q)", prefix), Names(t, s, prefix), want)
	}
	err := s.List(t.Context(), "a/b/", func(info media.Info) error {
		if info.Size != int64(len(info.Name)) || info.ContentType != "image/jpeg" || info.ETag == "" || info.ModTime.IsZero() {
			t.Errorf("List's info: %+v", info)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

func shuffled(names []string) []string {
	out := slices.Clone(names)
	rand.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func testListStops(t *testing.T, s media.Store) {
	for i := range 5 {
		MustPut(t, s, fmt.Sprintf("p/%d.jpg", i), []byte("x"))
	}
	errStop := errors.New("stop")
	calls := 0
	err := s.List(t.Context(), "p/", func(media.Info) error {
		calls++
		if calls == 2 {
			return errStop
		}
		return nil
	})
	if !errors.Is(err, errStop) || calls != 2 {
		t.Errorf("List returned %v after %d calls; want fn's error after 2", err, calls)
	}
}

// InvalidNames are names every Store refuses with ErrInvalidName.
var InvalidNames = []string{
	"", ".", "..", "../x.jpg", "a/../../x.jpg", "a/../b.jpg", "./a.jpg", "/etc/passwd",
	"/a.jpg", "a//b.jpg", "a/", ".hidden.jpg", "a/.b.jpg", ".tmp-x/a.jpg", `a\b.jpg`,
	`..\x.jpg`, "a\x00b.jpg", "a\nb.jpg", "\xff.jpg", strings.Repeat("n/", 256) + "x.jpg",
	strings.Repeat("x", 256) + ".jpg",
}

func testInvalidNames(t *testing.T, s media.Store) {
	ctx := t.Context()
	for _, name := range InvalidNames {
		errs := map[string]error{
			"Put":    s.Put(ctx, name, strings.NewReader("x"), 1),
			"Delete": s.Delete(ctx, name),
		}
		_, _, errs["Open"] = s.Open(ctx, name)
		_, errs["Stat"] = s.Stat(ctx, name)
		for op, err := range errs {
			if !errors.Is(err, media.ErrInvalidName) {
				t.Errorf("%s(%q): got %v, want ErrInvalidName", op, name, err)
			}
		}
	}
	for _, prefix := range []string{"../", "/", "/a", `a\`, ".x/", "a/../", "a//"} {
		err := s.List(ctx, prefix, func(media.Info) error { return nil })
		if !errors.Is(err, media.ErrInvalidName) {
			t.Errorf("List(%q): got %v, want ErrInvalidName", prefix, err)
		}
	}
	checkNames(t, "blobs after invalid Puts", Names(t, s, ""), []string{})
}

func testConcurrentPuts(t *testing.T, s media.Store) {
	ctx := ctxWithTimeout(t)
	var wg sync.WaitGroup
	var want []string
	for w := range 8 {
		for i := range 8 {
			want = append(want, fmt.Sprintf("w%d/%d.bin", w, i))
		}
		wg.Go(func() {
			for i := range 8 {
				data := content(1000+100*i, byte(w*8+i))
				name := fmt.Sprintf("w%d/%d.bin", w, i)
				if err := s.Put(ctx, name, bytes.NewReader(data), int64(len(data))); err != nil {
					t.Errorf("Put(%q): %v", name, err)
				}
			}
		})
	}
	wg.Wait()
	checkNames(t, "after concurrent Puts", Names(t, s, ""), want)
	for w := range 8 {
		for i := range 8 {
			got, _ := MustRead(t, s, fmt.Sprintf("w%d/%d.bin", w, i))
			checkBytes(t, fmt.Sprintf("w%d/%d.bin", w, i), got, content(1000+100*i, byte(w*8+i)))
		}
	}
}

var errBroken = errors.New("reader broke")

// failedPuts are Puts that must fail: name is stored under, size claimed.
func failedPuts(t *testing.T, name string) map[string]func(media.Store) error {
	data := content(100_000, 9)
	return map[string]func(media.Store) error{
		"reader fails midway": func(s media.Store) error {
			r := io.MultiReader(bytes.NewReader(data[:60_000]), iotest.ErrReader(errBroken))
			return s.Put(t.Context(), name, r, int64(len(data)))
		},
		"reader ends early": func(s media.Store) error {
			return s.Put(t.Context(), name, bytes.NewReader(data[:60_000]), int64(len(data)))
		},
		"context ends midway": func(s media.Store) error {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			r := io.MultiReader(bytes.NewReader(data[:60_000]), cancelReader{cancel}, bytes.NewReader(data[60_000:]))
			return s.Put(ctx, name, r, int64(len(data)))
		},
		"negative size": func(s media.Store) error {
			return s.Put(t.Context(), name, bytes.NewReader(data), -1)
		},
	}
}

// cancelReader cancels a context when read, and reads nothing.
type cancelReader struct{ cancel context.CancelFunc }

func (c cancelReader) Read([]byte) (int, error) { c.cancel(); return 0, nil }

func testFailedPutLeavesNothing(t *testing.T, s media.Store) {
	for what, put := range failedPuts(t, "fail/new.jpg") {
		if err := put(s); err == nil {
			t.Errorf("%s: Put succeeded", what)
		} else if what == "reader fails midway" && !errors.Is(err, errBroken) {
			t.Errorf("%s: Put's error %v does not wrap the reader's", what, err)
		}
		_, err := s.Stat(t.Context(), "fail/new.jpg")
		checkNotFound(t, what+": Stat", err)
	}
	checkNames(t, "blobs after failed Puts", Names(t, s, ""), []string{})
}

func testFailedPutKeepsPrevious(t *testing.T, s media.Store) {
	old := content(4000, 10)
	MustPut(t, s, "keep.jpg", old)
	for what, put := range failedPuts(t, "keep.jpg") {
		if err := put(s); err == nil {
			t.Errorf("%s: Put succeeded", what)
		}
		got, _ := MustRead(t, s, "keep.jpg")
		checkBytes(t, what+": previous content", got, old)
	}
}

// testLargeBlob crosses 16 MiB, where the S3 client switches to multipart uploads.
func testLargeBlob(t *testing.T, s media.Store) {
	data := content(17<<20+123, 11)
	MustPut(t, s, "large.pdf", data)
	got, info := MustRead(t, s, "large.pdf")
	checkBytes(t, "large blob", got, data)
	if info.Size != int64(len(data)) {
		t.Errorf("Size %d, want %d", info.Size, len(data))
	}
	r := io.MultiReader(bytes.NewReader(data), iotest.ErrReader(errBroken))
	if err := s.Put(t.Context(), "large.pdf", r, int64(len(data))+(20<<20)); err == nil {
		t.Error("Put of a large reader that fails: no error")
	}
	got, _ = MustRead(t, s, "large.pdf")
	checkBytes(t, "large blob after a failed replacement", got, data)
}
