package photo

import (
	"context"
	"fmt"
	"io"
	"os"
)

// Uploads and cleaned photos pass through temporary files, never whole through memory:
// two hundred 40 MB uploads at once would otherwise be 8 GB.

// tempFile creates a temporary file in the system's temporary directory ($TMPDIR).
func tempFile() (*os.File, error) {
	f, err := os.CreateTemp("", "roneo-photo-*")
	if err != nil {
		return nil, fmt.Errorf("photo: temporary file: %w", err)
	}
	return f, nil
}

// discard closes and removes a temporary file.
func discard(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

// spool copies the upload into a temporary file, refusing an empty one and one of more
// than max bytes (it reads one byte past max to know). The caller discards the file.
func spool(ctx context.Context, r io.Reader, max int64) (_ *os.File, size int64, err error) {
	f, err := tempFile()
	if err != nil {
		return nil, 0, err
	}
	defer func() {
		if err != nil {
			discard(f)
		}
	}()
	n, err := io.Copy(f, ctxReader{ctx, io.LimitReader(r, max+1)})
	switch {
	case ctx.Err() != nil:
		return nil, 0, ctx.Err()
	case err != nil:
		return nil, 0, fmt.Errorf("photo: reading the upload: %w", err)
	case n == 0:
		return nil, 0, refuse(ErrEmpty, "The file is empty.")
	case n > max:
		return nil, 0, refuse(ErrTooLarge, fmt.Sprintf(
			"The file is larger than %s, the limit for one photo. Reduce it and upload it again.", megabytes(max)))
	}
	return f, n, nil
}

// ctxReader fails once ctx ends, so that a long copy or decode stops with it.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// ctxWriter fails once ctx ends.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// megabytes writes a size for people: "40 MB".
func megabytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
