// Package mediatest helps test code that stores media: StartS3 runs a real
// S3-compatible server for one test, and TestStore is the suite every media.Store
// backend passes. Test code only: it imports testing.
package mediatest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/media"
)

// TestStore runs the suite every media.Store passes. open returns a new, empty store for
// each subtest; TestStore closes it when the subtest ends.
func TestStore(t *testing.T, open func(t *testing.T) media.Store) {
	tests := []struct {
		name string
		run  func(*testing.T, media.Store)
	}{
		{"PutOpenRead", testPutOpenRead},
		{"EmptyBlob", testEmptyBlob},
		{"Seek", testSeek},
		{"RangeRequests", testRangeRequests},
		{"Replace", testReplace},
		{"OpenBlobOutlivesReplace", testOpenBlobOutlivesReplace},
		{"ReadersSeeWholeVersions", testReadersSeeWholeVersions},
		{"Stat", testStat},
		{"ContentTypes", testContentTypes},
		{"NotFound", testNotFound},
		{"Delete", testDelete},
		{"List", testList},
		{"ListStops", testListStops},
		{"InvalidNames", testInvalidNames},
		{"ConcurrentPuts", testConcurrentPuts},
		{"FailedPutLeavesNothing", testFailedPutLeavesNothing},
		{"FailedPutKeepsPrevious", testFailedPutKeepsPrevious},
		{"LargeBlob", testLargeBlob},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.run(t, s)
		})
	}
}

// MustPut stores data under name or fails the test.
func MustPut(t testing.TB, s media.Store, name string, data []byte) {
	t.Helper()
	if err := s.Put(t.Context(), name, bytes.NewReader(data), int64(len(data))); err != nil {
		t.Fatalf("Put(%q): %v", name, err)
	}
}

// MustRead returns the content and info of the blob name or fails the test.
func MustRead(t testing.TB, s media.Store, name string) ([]byte, media.Info) {
	t.Helper()
	blob, info, err := s.Open(t.Context(), name)
	if err != nil {
		t.Fatalf("Open(%q): %v", name, err)
	}
	defer blob.Close()
	data, err := io.ReadAll(blob)
	if err != nil {
		t.Fatalf("reading %q: %v", name, err)
	}
	return data, info
}

// Names returns the names List reports under prefix, in its order.
func Names(t testing.TB, s media.Store, prefix string) []string {
	t.Helper()
	names := []string{}
	err := s.List(t.Context(), prefix, func(info media.Info) error {
		names = append(names, info.Name)
		return nil
	})
	if err != nil {
		t.Fatalf("List(%q): %v", prefix, err)
	}
	return names
}

// content returns n bytes that differ from one seed to the next and along the way, so
// that a read from the wrong offset or version shows.
func content(n int, seed byte) []byte {
	b := make([]byte, n)
	x := uint32(seed)*2654435761 + 1
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

func checkBytes(t testing.TB, what string, got, want []byte) {
	t.Helper()
	if !bytes.Equal(got, want) {
		t.Errorf("%s: got %d bytes %.16x…, want %d bytes %.16x…", what, len(got), got, len(want), want)
	}
}

func checkNotFound(t testing.TB, what string, err error) {
	t.Helper()
	if !errors.Is(err, media.ErrNotFound) {
		t.Errorf("%s: got error %v, want ErrNotFound", what, err)
	}
}

// checkInfo checks what every Info of a blob of size bytes, stored between before and
// now, must say. Servers keep modification times to the second.
func checkInfo(t testing.TB, what string, info media.Info, name string, size int64, before time.Time) {
	t.Helper()
	if info.Name != name || info.Size != size || info.ContentType != media.ContentType(name) || info.ETag == "" {
		t.Errorf("%s: got %+v, want name %q, size %d, type %q and an ETag", what, info, name, size, media.ContentType(name))
	}
	if info.ModTime.Before(before.Add(-2*time.Second)) || info.ModTime.After(time.Now().Add(2*time.Second)) {
		t.Errorf("%s: ModTime %v, want between %v and now", what, info.ModTime, before)
	}
}

func checkNames(t testing.TB, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// ctxWithTimeout bounds the operations of a test that could hang if a backend did.
func ctxWithTimeout(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}
