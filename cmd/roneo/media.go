package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/media"
)

// mediaConfig reads a media location: a directory, or s3://host[:port]/bucket[/prefix]
// with keys from RONEO_S3_ACCESS_KEY and RONEO_S3_SECRET_KEY (never from the command
// line, where every user of the machine can read them), RONEO_S3_REGION and
// RONEO_S3_TLS (default true).
func mediaConfig(loc string) (media.Config, error) {
	if !strings.HasPrefix(loc, "s3://") {
		if strings.Contains(loc, "://") {
			return media.Config{}, fmt.Errorf("%w: media location %q: use a directory or s3://host/bucket", errUsage, loc)
		}
		return media.Config{Dir: loc}, nil
	}
	u, err := url.Parse(loc)
	if err != nil || u.Host == "" {
		return media.Config{}, fmt.Errorf("%w: media location %q: use s3://host[:port]/bucket[/prefix]", errUsage, loc)
	}
	if u.User != nil {
		return media.Config{}, fmt.Errorf("%w: put S3 keys in RONEO_S3_ACCESS_KEY and RONEO_S3_SECRET_KEY, not in the media URL", errUsage)
	}
	bucket, prefix, _ := strings.Cut(strings.Trim(u.Path, "/"), "/")
	tls := true
	if v := os.Getenv("RONEO_S3_TLS"); v != "" {
		if tls, err = strconv.ParseBool(v); err != nil {
			return media.Config{}, fmt.Errorf("%w: RONEO_S3_TLS=%q: use true or false", errUsage, v)
		}
	}
	cfg := media.Config{S3: media.S3Config{
		Endpoint: u.Host, Bucket: bucket, Prefix: prefix, UseTLS: tls,
		Region:    os.Getenv("RONEO_S3_REGION"),
		AccessKey: os.Getenv("RONEO_S3_ACCESS_KEY"),
		SecretKey: os.Getenv("RONEO_S3_SECRET_KEY"),
	}}
	if err := cfg.Validate(); err != nil {
		return media.Config{}, fmt.Errorf("media %s: %w", cfg, err)
	}
	return cfg, nil
}

func openMedia(loc string) (media.Store, error) {
	cfg, err := mediaConfig(loc)
	if err != nil {
		return nil, err
	}
	s, err := media.Open(cfg)
	if err != nil {
		return nil, fmt.Errorf("media %s: %w", cfg, err)
	}
	return s, nil
}

// copyMedia copies every blob of from into to and checks each one's size there.
func copyMedia(ctx context.Context, from, to media.Store, progress io.Writer) (files int, bytes int64, err error) {
	err = from.List(ctx, "", func(info media.Info) error {
		blob, _, err := from.Open(ctx, info.Name)
		if err != nil {
			return err
		}
		defer blob.Close()
		if err := to.Put(ctx, info.Name, blob, info.Size); err != nil {
			return fmt.Errorf("%s: %w", info.Name, err)
		}
		got, err := to.Stat(ctx, info.Name)
		if err != nil {
			return fmt.Errorf("%s: %w", info.Name, err)
		}
		if got.Size != info.Size {
			return fmt.Errorf("%s: wrote %d bytes, read back %d", info.Name, info.Size, got.Size)
		}
		files++
		bytes += info.Size
		if isTerminal(progress) && files%100 == 0 {
			fmt.Fprintf(progress, "\rmedia: %d files, %s", files, humanBytes(bytes))
		}
		return nil
	})
	if isTerminal(progress) && files >= 100 {
		fmt.Fprintln(progress)
	}
	return files, bytes, err
}

type mediaPair struct{ from, to media.Store }

func (p *mediaPair) Close() {
	p.from.Close()
	p.to.Close()
}

// mediaLocations are both sides' media, defaulting to the data directories of sqlite:
// locations. A PostgreSQL side needs its flag, unless --no-media.
func (c *copyFlags) mediaLocations() (from, to string, err error) {
	from, to = or(c.fromMedia, defaultMediaFor(c.from)), or(c.toMedia, defaultMediaFor(c.to))
	switch {
	case c.noMedia:
		return "", "", nil
	case from == "":
		return "", "", fmt.Errorf("%w: --from-media is needed: say where the media of a PostgreSQL source are (a directory or s3://…), or copy the database alone with --no-media", errUsage)
	case to == "":
		return "", "", fmt.Errorf("%w: --to-media is needed: say where the media of a PostgreSQL destination go (a directory or s3://…), or copy the database alone with --no-media", errUsage)
	}
	return from, to, nil
}

// mediaStores opens both sides' media, or returns nil with --no-media.
func (c *copyFlags) mediaStores() (*mediaPair, error) {
	from, to, err := c.mediaLocations()
	if err != nil || c.noMedia {
		return nil, err
	}
	src, err := openMedia(from)
	if err != nil {
		return nil, err
	}
	dst, err := openMedia(to)
	if err != nil {
		src.Close()
		return nil, err
	}
	return &mediaPair{from: src, to: dst}, nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
