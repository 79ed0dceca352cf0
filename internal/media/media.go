// Package media stores Roneo's media files — photos, their derivatives, PDFs of printed
// issues — as named blobs behind one small interface, Store. Two backends implement it
// and pass the same test suite (mediatest): Dir, a local directory and the default for a
// single machine, and S3, a bucket on any S3-compatible server shared by stateless
// instances. Open chooses between them from a Config.
//
// A blob's content type follows from its name's extension (ContentType), on both
// backends: a directory keeps no metadata beside the file, and a copy or a backup of it
// with any tool loses nothing.
//
// It imports no other Roneo package: it must not import the store, site or HTTP server
// packages, which use it.
package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// Errors every backend translates its own errors into.
var (
	ErrNotFound    = errors.New("not found")
	ErrInvalidName = errors.New("invalid name")
	// ErrChanged: an S3 blob was replaced after Open; opening it again reads the new
	// content. (A Dir blob keeps reading the content it was opened with.)
	ErrChanged = errors.New("blob changed since it was opened")
)

// Store keeps blobs under names as ValidateName accepts them: slash-separated relative
// paths such as "albums/2026/embassy/0001-1600.webp".
type Store interface {
	// Put stores exactly size bytes read from r under name, replacing any previous
	// content. It is atomic: readers see the old blob or the new one, never a part of
	// it, and a Put that fails (r returns an error or ends early, ctx ends) leaves the
	// previous content, or no blob, behind.
	Put(ctx context.Context, name string, r io.Reader, size int64) error
	// Open returns the blob for reading, with Seek for HTTP range requests, and its
	// info; ErrNotFound if absent. The blob reads the content that was current when it
	// was opened, or fails with ErrChanged; it may need ctx until it is closed.
	Open(ctx context.Context, name string) (Blob, Info, error)
	// Stat returns a blob's info; ErrNotFound if absent.
	Stat(ctx context.Context, name string) (Info, error)
	// Delete removes a blob; deleting an absent blob is not an error.
	Delete(ctx context.Context, name string) error
	// List calls fn for every blob whose name starts with prefix, in byte order of the
	// names, and stops at the first error fn returns, returning it. The prefix is a
	// plain string prefix ("albums/20" matches "albums/2026/x.jpg").
	List(ctx context.Context, prefix string, fn func(Info) error) error
	// Close releases what the store holds open.
	Close() error
}

// Blob is an open blob. http.ServeContent accepts it as is. The blobs of both backends
// also implement io.ReaderAt, for readers of formats such as PDF.
type Blob interface {
	io.ReadSeekCloser
}

// Info describes a stored blob.
type Info struct {
	Name        string
	Size        int64
	ModTime     time.Time
	ContentType string // ContentType(Name)
	// ETag is an opaque token that changes when the content is replaced, without
	// quotes. Backends compute it differently: compare it only with itself.
	ETag string
}

// wrap gives an operation's error its context, once, at the top of each method.
func wrap(err *error, op, name string) {
	if *err != nil {
		*err = fmt.Errorf("media: %s %q: %w", op, truncate(name), *err)
	}
}

func checkPut(name string, size int64) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	if size < 0 {
		return fmt.Errorf("negative size %d", size)
	}
	return nil
}

// copyExactly copies size bytes from r to w, failing if r ends sooner or ctx ends.
func copyExactly(ctx context.Context, w io.Writer, r io.Reader, size int64) error {
	_, err := io.Copy(w, exactReader(ctx, r, size))
	return err
}

// exactReader reads size bytes from r and then reports EOF; it fails with
// io.ErrUnexpectedEOF if r ends sooner, and with ctx's error once ctx ends.
func exactReader(ctx context.Context, r io.Reader, size int64) io.Reader {
	return &ctxReader{ctx: ctx, r: io.LimitReader(r, size), left: size}
}

type ctxReader struct {
	ctx  context.Context
	r    io.Reader
	left int64
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if err == io.EOF && c.left > 0 {
		err = fmt.Errorf("%w: %d bytes short of the size", io.ErrUnexpectedEOF, c.left)
	}
	return n, err
}
