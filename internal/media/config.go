package media

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7/pkg/s3utils"
)

// Config says where media live: a local directory, or an S3-compatible bucket. Exactly
// one of the two is set.
type Config struct {
	Dir string   // a local directory, created if missing
	S3  S3Config // a bucket; the zero value means none
}

// S3Config locates a bucket on an S3-compatible server. String, GoString and LogValue
// leave the keys out, so that printing or logging it never shows a secret.
type S3Config struct {
	Endpoint  string // host[:port], without a scheme
	Bucket    string
	Region    string // empty: the server's default
	AccessKey string
	SecretKey string
	UseTLS    bool   // https rather than http
	Prefix    string // stores every blob under this path in the bucket, e.g. "site1/media"
}

// Open opens the store cfg describes.
func Open(cfg Config) (Store, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Dir != "" {
		return NewDir(cfg.Dir)
	}
	return NewS3(cfg.S3)
}

// Validate reports what is missing or wrong in cfg, every problem at once.
func (cfg Config) Validate() error {
	switch {
	case cfg.Dir == "" && cfg.S3 == S3Config{}:
		return errors.New("media: no storage configured: set a directory or S3 settings")
	case cfg.Dir != "" && cfg.S3 != S3Config{}:
		return errors.New("media: both a directory and S3 settings are set: choose one")
	case cfg.Dir != "":
		return nil
	}
	return cfg.S3.Validate()
}

// Validate reports what is missing or wrong in the S3 settings, every problem at once.
// Its messages never contain the keys.
func (c S3Config) Validate() error {
	var problems []string
	if p := endpointProblem(c.Endpoint); p != "" {
		problems = append(problems, p)
	}
	if c.Bucket == "" {
		problems = append(problems, "missing bucket")
	} else if err := s3utils.CheckValidBucketNameStrict(c.Bucket); err != nil {
		problems = append(problems, fmt.Sprintf("bucket %q: %s", c.Bucket, strings.ToLower(err.Error())))
	}
	if c.AccessKey == "" {
		problems = append(problems, "missing access key")
	}
	if c.SecretKey == "" {
		problems = append(problems, "missing secret key")
	}
	if prefix := strings.Trim(c.Prefix, "/"); prefix != "" {
		if err := ValidateName(prefix); err != nil {
			problems = append(problems, fmt.Sprintf("prefix %q: %v", c.Prefix, err))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("media: S3 settings: %s", strings.Join(problems, "; "))
	}
	return nil
}

func endpointProblem(endpoint string) string {
	switch {
	case endpoint == "":
		return "missing endpoint"
	case strings.Contains(endpoint, "@"):
		// Someone put credentials in it: say so without repeating them.
		return "bad endpoint: it must not contain credentials (the part before @)"
	case strings.Contains(endpoint, "://"):
		return fmt.Sprintf("bad endpoint %q: give host[:port] without a scheme (UseTLS chooses https)", endpoint)
	}
	u, err := url.Parse("http://" + endpoint)
	if err != nil || u.Host != endpoint || u.Hostname() == "" {
		return fmt.Sprintf("bad endpoint %q: want host[:port], as in s3.example.org or 127.0.0.1:7070", endpoint)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("bad endpoint %q: port out of range", endpoint)
		}
	}
	return ""
}

// keyPrefix is Prefix as it starts every key: "" or "path/".
func (c S3Config) keyPrefix() string {
	if p := strings.Trim(c.Prefix, "/"); p != "" {
		return p + "/"
	}
	return ""
}

// String describes the bucket for messages and logs, without the keys.
func (c S3Config) String() string {
	scheme := "http"
	if c.UseTLS {
		scheme = "https"
	}
	return fmt.Sprintf("s3 bucket %q at %s://%s (region %q, prefix %q, keys %s)",
		c.Bucket, scheme, c.Endpoint, c.Region, c.keyPrefix(), keysState(c))
}

// GoString keeps %#v from printing the keys.
func (c S3Config) GoString() string { return "media.S3Config{" + c.String() + "}" }

// LogValue keeps slog from printing the keys.
func (c S3Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("endpoint", c.Endpoint), slog.String("bucket", c.Bucket),
		slog.String("region", c.Region), slog.Bool("tls", c.UseTLS),
		slog.String("prefix", c.keyPrefix()), slog.String("keys", keysState(c)))
}

func keysState(c S3Config) string {
	if c.AccessKey != "" && c.SecretKey != "" {
		return "set"
	}
	return "missing"
}

// String describes where media live, without secrets.
func (cfg Config) String() string {
	if cfg.Dir != "" {
		return "directory " + cfg.Dir
	}
	return cfg.S3.String()
}

// LogValue keeps slog from printing the keys.
func (cfg Config) LogValue() slog.Value {
	if cfg.Dir != "" {
		return slog.GroupValue(slog.String("dir", cfg.Dir))
	}
	return slog.GroupValue(slog.Any("s3", cfg.S3))
}
