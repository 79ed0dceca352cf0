package mediatest

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/testkit"
)

// Bucket is the bucket StartS3 creates.
const Bucket = "roneo-test"

// StartS3 runs versitygw (github.com/versity/versitygw), an S3 gateway, with its posix
// backend on a temporary directory, on a free loopback port and with keys made for this
// test; it creates Bucket and returns the settings to reach it. The server stops when
// the test ends. The binary is $RONEO_BIN/versitygw, or versitygw on PATH; without
// either, the test is skipped (scripts/install-test-deps.sh builds it).
func StartS3(t testing.TB) media.S3Config {
	t.Helper()
	bin := findVersitygw()
	if bin == "" {
		testkit.Missing(t, "mediatest: versitygw is neither in $RONEO_BIN nor on PATH: run scripts/install-test-deps.sh (make deps) for the S3 tests")
	}
	dir := t.TempDir()
	cfg := media.S3Config{
		Bucket: Bucket, Region: "us-east-1",
		AccessKey: "roneo" + rand.Text()[:10], SecretKey: rand.Text(),
	}
	var err error
	sidecar := false
	for range 3 {
		cfg.Endpoint, err = startGateway(t, bin, dir, cfg, sidecar)
		if errors.Is(err, errNoXattrs) && !sidecar {
			t.Logf("mediatest: %s has no user extended attributes: versitygw keeps metadata in a sidecar directory", dir)
			sidecar = true
			continue
		}
		if !errors.Is(err, errPortTaken) { // another process may take the free port first
			break
		}
	}
	if err != nil {
		t.Fatalf("mediatest: %v", err)
	}
	s3, err := media.NewS3(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), testkit.Patience)
	defer cancel()
	if err := s3.EnsureBucket(ctx); err != nil {
		t.Fatalf("mediatest: %v", err)
	}
	return cfg
}

func findVersitygw() string {
	if dir := os.Getenv("RONEO_BIN"); dir != "" {
		if bin := filepath.Join(dir, "versitygw"); isExecutable(bin) {
			return bin
		}
	}
	bin, _ := exec.LookPath("versitygw")
	return bin
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

var (
	errPortTaken = errors.New("port taken")
	errNoXattrs  = errors.New("no user extended attributes")
)

// startGateway starts the server on a free port and waits until it answers HTTP.
// versitygw's posix backend keeps object metadata (content type, ETag) in user extended
// attributes, and refuses to start on a file system without them (tmpfs before Linux
// 6.6): there, sidecar asks it to keep them in files of a sidecar directory.
func startGateway(t testing.TB, bin, dir string, cfg media.S3Config, sidecar bool) (string, error) {
	addr, err := freePort()
	if err != nil {
		return "", err
	}
	root := filepath.Join(dir, "root")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	backend := []string{"posix", root}
	if sidecar {
		meta := filepath.Join(dir, "meta")
		if err := os.MkdirAll(meta, 0o755); err != nil {
			return "", err
		}
		backend = []string{"posix", "--sidecar", meta, root}
	}
	ctx, stop := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, append([]string{"--port", addr, "--region", cfg.Region, "--quiet"}, backend...)...)
	cmd.Env = gatewayEnv(cfg)
	out := new(syncBuffer)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		stop()
		return "", fmt.Errorf("start %s: %w", bin, err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		stop()
		<-exited
		if t.Failed() {
			t.Logf("mediatest: versitygw output:\n%s", out)
		}
	})
	if err := waitReady(addr, exited, &waitErr); err != nil {
		stop()
		switch output := out.String(); {
		case strings.Contains(output, "address already in use"):
			return "", errPortTaken
		case strings.Contains(output, "xattr check failed"):
			return "", errNoXattrs
		}
		return "", fmt.Errorf("versitygw on %s: %w", addr, err) // Cleanup shows its output
	}
	return addr, nil
}

// gatewayEnv passes the keys through the environment, not on the command line that ps
// shows, and leaves out the caller's own versitygw settings, which could change the
// server or take precedence over these keys.
func gatewayEnv(cfg media.S3Config) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "VGW_") && !strings.HasPrefix(kv, "ROOT_") {
			env = append(env, kv)
		}
	}
	return append(env,
		"ROOT_ACCESS_KEY_ID="+cfg.AccessKey, "ROOT_SECRET_ACCESS_KEY="+cfg.SecretKey)
}

// freePort returns a loopback address with a port nobody listens on, for now.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// waitReady polls the server until it answers any HTTP response (403 without keys).
// waitErr is the process's exit status once exited is closed.
func waitReady(addr string, exited <-chan struct{}, waitErr *error) error {
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(testkit.Patience)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("exited early: %v", *waitErr)
		default:
		}
		if resp, err := client.Get("http://" + addr + "/"); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("no answer within %s", testkit.Patience)
}

// syncBuffer collects the server's output, written from exec's copying goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
