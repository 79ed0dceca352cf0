package media_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/media/mediatest"
)

func newS3(t *testing.T, cfg media.S3Config) *media.S3 {
	t.Helper()
	s, err := media.NewS3(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestS3Prefixes: stores with different prefixes share a bucket without seeing each
// other's blobs.
func TestS3Prefixes(t *testing.T) {
	cfg := mediatest.StartS3(t)
	stores := map[string]*media.S3{}
	for _, prefix := range []string{"site1/media", "/site2/"} {
		c := cfg
		c.Prefix = prefix
		stores[prefix] = newS3(t, c)
		mediatest.MustPut(t, stores[prefix], "a.jpg", []byte(prefix))
	}
	for prefix, s := range stores {
		if got, _ := mediatest.MustRead(t, s, "a.jpg"); string(got) != prefix {
			t.Errorf("store %q reads %q", prefix, got)
		}
		checkNames(t, mediatest.Names(t, s, ""), []string{"a.jpg"})
	}
	checkNames(t, mediatest.Names(t, newS3(t, cfg), ""), []string{"site1/media/a.jpg", "site2/a.jpg"})
}

func TestS3MissingBucket(t *testing.T) {
	cfg := mediatest.StartS3(t)
	cfg.Bucket = "roneo-not-yet"
	s := newS3(t, cfg)
	err := s.Put(t.Context(), "a.jpg", strings.NewReader("a"), 1)
	if err == nil || errors.Is(err, media.ErrNotFound) || !strings.Contains(err.Error(), "bucket") {
		t.Errorf("Put into a missing bucket: %v; want an error about the bucket, not ErrNotFound", err)
	}
	if err := s.List(t.Context(), "", func(media.Info) error { return nil }); err == nil {
		t.Error("List of a missing bucket: no error")
	}
	for range 2 {
		if err := s.EnsureBucket(t.Context()); err != nil {
			t.Fatalf("EnsureBucket: %v", err)
		}
	}
	mediatest.MustPut(t, s, "a.jpg", []byte("a"))
}

func TestS3WrongKeys(t *testing.T) {
	cfg := mediatest.StartS3(t)
	cfg.SecretKey = "WRONG-" + cfg.SecretKey
	s := newS3(t, cfg)
	_, err := s.Stat(t.Context(), "a.jpg")
	if err == nil || errors.Is(err, media.ErrNotFound) {
		t.Errorf("Stat with a wrong secret key: %v; want an error other than ErrNotFound", err)
	}
	err = s.Put(t.Context(), "a.jpg", strings.NewReader("a"), 1)
	if err == nil || strings.Contains(err.Error(), cfg.SecretKey) {
		t.Errorf("Put with a wrong secret key: %v", err)
	}
}
