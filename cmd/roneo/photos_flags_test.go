package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/photo"
)

// serve's photo limits default to 40 MB and 50 million pixels, read sizes as people
// write them, and refuse what is no limit.
func TestServePhotoLimitFlags(t *testing.T) {
	m := NewMain(io.Discard, io.Discard)
	if err := m.ParseFlags(nil); err != nil {
		t.Fatal(err)
	}
	if m.Config.Photos.Limits != photo.DefaultLimits {
		t.Errorf("defaults %+v", m.Config.Photos.Limits)
	}
	m = NewMain(io.Discard, io.Discard)
	if err := m.ParseFlags([]string{"--max-upload-size", "15MB", "--max-pixels", "24000000"}); err != nil {
		t.Fatal(err)
	}
	if got := m.Config.Photos.Limits; got.MaxBytes != 15<<20 || got.MaxPixels != 24_000_000 {
		t.Errorf("limits %+v", got)
	}
	for _, args := range [][]string{{"--max-upload-size", "lots"}, {"--max-upload-size", "0"}, {"--max-pixels", "0"}} {
		err := NewMain(io.Discard, io.Discard).ParseFlags(args)
		if err == nil || !(errors.Is(err, errUsage) || strings.Contains(err.Error(), args[0])) {
			t.Errorf("%v: %v", args, err)
		}
	}
}
