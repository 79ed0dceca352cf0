package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/media/mediatest"
	"github.com/roneo/roneo/internal/store/pgtest"
)

// The scale-out set-up end to end: a site copied to PostgreSQL with its media in an S3
// bucket (a real S3-compatible server on loopback), served from there.
func TestServeFromPostgresAndS3(t *testing.T) {
	pg := pgtest.URL(t)
	s3 := mediatest.StartS3(t)
	t.Setenv("RONEO_S3_ACCESS_KEY", s3.AccessKey)
	t.Setenv("RONEO_S3_SECRET_KEY", s3.SecretKey)
	t.Setenv("RONEO_S3_TLS", "false")
	bucket := "s3://" + s3.Endpoint + "/" + s3.Bucket + "/site"
	src := demoDir(t, "30")
	out := mustRun(t, "copy", "--from", "sqlite:"+src, "--to", pg, "--to-media", bucket)
	if !strings.Contains(out, "media: 2 files") {
		t.Errorf("copy output:\n%s", out)
	}
	m := startInstance(t, pg, bucket)
	status, body := httpGet(t, m.URL()+"/media/albums/2026/rassemblement/0001.webp")
	if status != http.StatusOK || body != "RIFF-photo" {
		t.Errorf("media from the bucket: %d %q", status, body)
	}
	if status, _ := httpGet(t, m.URL()+"/media/albums/nothing-here.webp"); status != http.StatusNotFound {
		t.Errorf("a missing media file: %d", status)
	}
	if status, _ := httpGet(t, m.URL()+"/fr/"); status != http.StatusOK {
		t.Errorf("home page on PostgreSQL: %d", status)
	}
	// The keys never show in what roneo prints about its media.
	if strings.Contains(out, s3.SecretKey) {
		t.Error("the S3 secret key was printed")
	}
}
