package media

import (
	"fmt"
	"io"

	"github.com/minio/minio-go/v7"
)

// s3Blob is a *minio.Object that never returns more or fewer bytes than the size Open
// reported. The object reads by GET requests naming the ETag that Open's HEAD request
// returned, and trusts the HEAD's size. A server whose HEAD answers with the size of one
// version and the ETag of the next, as versitygw 1.8.0's posix backend does while the
// object is being replaced, would otherwise make it end a read early, or late, without
// an error. Such a read fails with ErrChanged instead, as does one that the server
// refuses because the ETag no longer matches.
type s3Blob struct {
	obj  *minio.Object
	size int64 // from Open's HEAD request
	pos  int64
}

func (b *s3Blob) Close() error { return b.obj.Close() }

func (b *s3Blob) ReadAt(p []byte, off int64) (int, error) {
	n, err := b.obj.ReadAt(p, off)
	if err != nil && err != io.EOF {
		err = blobError(err)
	}
	return n, err
}

func (b *s3Blob) Read(p []byte) (int, error) {
	n, err := b.obj.Read(p)
	b.pos += int64(n)
	switch {
	case b.pos > b.size:
		n -= int(b.pos - b.size)
		b.pos = b.size
		return n, b.changed(fmt.Errorf("more than the %d bytes it had when opened", b.size))
	case err == io.EOF && b.pos < b.size:
		return n, b.changed(fmt.Errorf("ended at %d of the %d bytes it had when opened", b.pos, b.size))
	case err != nil && err != io.EOF:
		return n, blobError(err)
	}
	return n, err
}

func (b *s3Blob) Seek(offset int64, whence int) (int64, error) {
	pos, err := b.obj.Seek(offset, whence)
	if err != nil {
		return pos, blobError(err)
	}
	b.pos = pos
	return pos, nil
}

func (b *s3Blob) changed(err error) error {
	return fmt.Errorf("media: %w: %w", ErrChanged, err)
}

// blobError translates the server's refusal of a stale ETag into ErrChanged.
func blobError(err error) error {
	resp := minio.ToErrorResponse(err)
	if resp.Code == minio.PreconditionFailed || resp.Code == minio.NoSuchKey {
		return fmt.Errorf("media: %w: %w", ErrChanged, err)
	}
	return err
}
