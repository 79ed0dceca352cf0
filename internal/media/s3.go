package media

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3 stores blobs as objects of a bucket on an S3-compatible server, under the key
// Prefix + name. A PUT is atomic on S3; a multipart upload that fails is aborted by the
// client. Objects carry ContentType(name) as their Content-Type, so that a CDN or a
// presigned URL serves them right too.
type S3 struct {
	client *minio.Client
	bucket string
	prefix string // "" or ending in "/"
	region string
}

// NewS3 returns a store on the bucket cfg names. It makes no request: see EnsureBucket.
func NewS3(cfg S3Config) (*S3, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	client, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds:  credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure: cfg.UseTLS,
		Region: cfg.Region,
	})
	if err != nil {
		return nil, fmt.Errorf("media: %s: %w", cfg, err)
	}
	return &S3{client: client, bucket: cfg.Bucket, prefix: cfg.keyPrefix(), region: cfg.Region}, nil
}

// EnsureBucket creates the bucket if it does not exist, for tests and a first start.
func (s *S3) EnsureBucket(ctx context.Context) error {
	exists, err := s.client.BucketExists(ctx, s.bucket)
	if err == nil && !exists {
		err = s.client.MakeBucket(ctx, s.bucket, minio.MakeBucketOptions{Region: s.region})
		if code := minio.ToErrorResponse(err).Code; code == minio.BucketAlreadyOwnedByYou {
			err = nil // created concurrently by another instance
		}
	}
	if err != nil {
		return fmt.Errorf("media: bucket %q: %w", s.bucket, err)
	}
	return nil
}

// Close does nothing: the client holds only idle connections.
func (s *S3) Close() error { return nil }

func (s *S3) key(name string) string { return s.prefix + name }

// Put uploads r as one object, in parts beyond 16 MiB.
func (s *S3) Put(ctx context.Context, name string, r io.Reader, size int64) (err error) {
	defer wrap(&err, "put", name)
	if err := checkPut(name, size); err != nil {
		return err
	}
	_, err = s.client.PutObject(ctx, s.bucket, s.key(name), exactReader(ctx, r, size), size,
		minio.PutObjectOptions{ContentType: ContentType(name)})
	return s3Error(err)
}

// Open returns the object as a *minio.Object, which reads through requests that name the
// ETag it was opened with: once the object is replaced, reading fails with ErrChanged
// rather than mixing two versions. See s3Blob for the check it adds.
func (s *S3) Open(ctx context.Context, name string) (_ Blob, _ Info, err error) {
	defer wrap(&err, "open", name)
	if err := ValidateName(name); err != nil {
		return nil, Info{}, err
	}
	obj, err := s.client.GetObject(ctx, s.bucket, s.key(name), minio.GetObjectOptions{})
	if err != nil {
		return nil, Info{}, s3Error(err)
	}
	oi, err := obj.Stat()
	if err != nil {
		obj.Close()
		return nil, Info{}, s3Error(err)
	}
	return &s3Blob{obj: obj, size: oi.Size}, s.info(name, oi), nil
}

func (s *S3) Stat(ctx context.Context, name string) (_ Info, err error) {
	defer wrap(&err, "stat", name)
	if err := ValidateName(name); err != nil {
		return Info{}, err
	}
	oi, err := s.client.StatObject(ctx, s.bucket, s.key(name), minio.StatObjectOptions{})
	if err != nil {
		return Info{}, s3Error(err)
	}
	return s.info(name, oi), nil
}

func (s *S3) Delete(ctx context.Context, name string) (err error) {
	defer wrap(&err, "delete", name)
	if err := ValidateName(name); err != nil {
		return err
	}
	return ignoreNotFound(s3Error(s.client.RemoveObject(ctx, s.bucket, s.key(name), minio.RemoveObjectOptions{})))
}

// List lists the objects under Prefix + prefix; S3 returns them in byte order.
func (s *S3) List(ctx context.Context, prefix string, fn func(Info) error) error {
	if err := validatePrefix(prefix); err != nil {
		return fmt.Errorf("media: list %q: %w", truncate(prefix), err)
	}
	ctx, cancel := context.WithCancel(ctx) // stops the listing when fn fails
	defer cancel()
	opts := minio.ListObjectsOptions{Prefix: s.key(prefix), Recursive: true}
	for oi := range s.client.ListObjectsIter(ctx, s.bucket, opts) {
		if oi.Err != nil {
			return fmt.Errorf("media: list %q: %w", truncate(prefix), s3Error(oi.Err))
		}
		name := oi.Key[len(s.prefix):]
		if ValidateName(name) != nil {
			continue // put there by another tool, under a name no Store method accepts
		}
		if err := fn(s.info(name, oi)); err != nil {
			return err
		}
	}
	return nil
}

func (s *S3) info(name string, oi minio.ObjectInfo) Info {
	return Info{
		Name:        name,
		Size:        oi.Size,
		ModTime:     oi.LastModified,
		ContentType: ContentType(name),
		ETag:        oi.ETag,
	}
}

// s3Error translates the server's "no such key" into ErrNotFound.
func s3Error(err error) error {
	var resp minio.ErrorResponse
	if errors.As(err, &resp) && (resp.Code == minio.NoSuchKey || resp.Code == "NotFound") {
		return ErrNotFound
	}
	return err
}
