package media_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/media"
)

func validS3() media.S3Config {
	return media.S3Config{
		Endpoint: "s3.example.org", Bucket: "roneo-media", Region: "eu-west-1",
		AccessKey: "ACCESSKEY-5f2b", SecretKey: "SECRETKEY-a9c4", UseTLS: true, Prefix: "site1/media",
	}
}

func TestConfigValidate(t *testing.T) {
	s3 := func(change func(*media.S3Config)) media.Config {
		c := validS3()
		change(&c)
		return media.Config{S3: c}
	}
	for _, tc := range []struct {
		name string
		cfg  media.Config
		want []string // in the message; none: valid
	}{
		{"directory", media.Config{Dir: "/srv/roneo/media"}, nil},
		{"S3", media.Config{S3: validS3()}, nil},
		{"S3 with port and no prefix", s3(func(c *media.S3Config) { c.Endpoint, c.Prefix = "127.0.0.1:7070", "" }), nil},
		{"nothing", media.Config{}, []string{"no storage configured"}},
		{"both", media.Config{Dir: "media", S3: validS3()}, []string{"choose one"}},
		{"empty S3", media.Config{S3: media.S3Config{UseTLS: true}}, []string{
			"missing endpoint", "missing bucket", "missing access key", "missing secret key"}},
		{"scheme", s3(func(c *media.S3Config) { c.Endpoint = "https://s3.example.org" }), []string{"without a scheme"}},
		{"path", s3(func(c *media.S3Config) { c.Endpoint = "s3.example.org/bucket" }), []string{"bad endpoint", "host[:port]"}},
		{"port", s3(func(c *media.S3Config) { c.Endpoint = "s3.example.org:99999" }), []string{"port out of range"}},
		{"no host", s3(func(c *media.S3Config) { c.Endpoint = ":7070" }), []string{"bad endpoint"}},
		{"bucket", s3(func(c *media.S3Config) { c.Bucket = "Roneo_Media" }), []string{`bucket "Roneo_Media"`}},
		{"prefix", s3(func(c *media.S3Config) { c.Prefix = "site1/../x" }), []string{"prefix", "invalid name"}},
	} {
		err := tc.cfg.Validate()
		if tc.want == nil {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: valid, want an error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", tc.name, err, w)
			}
		}
	}
}

// TestSecretsStayHidden prints and logs settings every way, and makes them fail, and
// looks for the keys in what comes out.
func TestSecretsStayHidden(t *testing.T) {
	c := validS3()
	var out bytes.Buffer
	for _, v := range []any{c, media.Config{S3: c}, &c} {
		fmt.Fprintf(&out, "%v %+v %#v %s\n", v, v, v, v)
	}
	slog.New(slog.NewJSONHandler(&out, nil)).Info("media", "cfg", c, "config", media.Config{S3: c})
	slog.New(slog.NewTextHandler(&out, nil)).Info("media", "cfg", c, "config", media.Config{S3: c})
	for _, bad := range []func(*media.S3Config){
		func(c *media.S3Config) { c.Bucket = "" },
		func(c *media.S3Config) { c.Endpoint = "ACCESSKEY-5f2b:SECRETKEY-a9c4@s3.example.org" },
		func(c *media.S3Config) { c.Endpoint = "https://s3.example.org"; c.Prefix = ".." },
	} {
		b := validS3()
		bad(&b)
		_, err := media.Open(media.Config{S3: b})
		fmt.Fprintln(&out, err)
	}
	for _, secret := range []string{c.SecretKey, c.AccessKey} {
		if strings.Contains(out.String(), secret) {
			t.Errorf("%q shows in:\n%s", secret, out.String())
		}
	}
	if !strings.Contains(out.String(), "roneo-media") {
		t.Errorf("the bucket's name is missing from:\n%s", out.String())
	}
}

func TestOpenChoosesBackend(t *testing.T) {
	dir, err := media.Open(media.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	if _, ok := dir.(*media.Dir); !ok {
		t.Errorf("Open with a directory: %T", dir)
	}
	s3, err := media.Open(media.Config{S3: validS3()}) // makes no request
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	if _, ok := s3.(*media.S3); !ok {
		t.Errorf("Open with S3 settings: %T", s3)
	}
	if _, err := media.Open(media.Config{}); err == nil {
		t.Error("Open without settings: no error")
	}
}
