package photo

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
)

// TestGate holds the only place at the gate and checks that Clean and Derive wait for
// it (until their context ends), then pass once it is free.
func TestGate(t *testing.T) {
	SetConcurrency(1)
	t.Cleanup(func() { SetConcurrency(DefaultConcurrency) })
	st := newStore(t)
	data := encodeJPEG(t, testPicture(500, 300))
	p := MustClean(t, st, data)

	leave, err := enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	short := func() context.Context {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		t.Cleanup(cancel)
		return ctx
	}
	if _, err := Clean(short(), st, bytes.NewReader(encodeJPEG(t, testPicture(40, 40))), DefaultLimits); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Clean passed a full gate: %v", err)
	}
	if _, err := Derive(short(), st, p); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Derive passed a full gate: %v", err)
	}
	if names := blobs(t, st); len(names) != 1 {
		t.Errorf("stored %v while waiting", names)
	}

	done := make(chan content.Photo)
	go func() {
		p, _ := Clean(context.Background(), st, bytes.NewReader(encodeJPEG(t, testPicture(40, 40))), DefaultLimits)
		done <- p
	}()
	select {
	case <-done:
		t.Fatal("Clean passed a full gate")
	case <-time.After(50 * time.Millisecond):
	}
	leave()
	select {
	case p := <-done:
		if p.Hash == "" {
			t.Error("Clean failed once the gate was free")
		}
	case <-time.After(time.Minute):
		t.Fatal("Clean still waits at a free gate")
	}
}
