package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// serveProcess runs "roneo serve" as a separate process on a free port and returns once
// it says it is running; the test kills it when it ends, whatever happens.
func serveProcess(t *testing.T, dataFlag, loc string) *testkit.Child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", dataFlag, loc, "--addr", "127.0.0.1:0", "--log-level", "warn")
	cmd.Env = append(os.Environ(), "RONEO_TEST_AS_RONEO=1")
	out := &lineWatch{prefix: "Roneo is running at ", seen: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = out, out
	serve := testkit.Start(t, cmd)
	select {
	case <-out.seen:
	case <-serve.Done():
		t.Fatalf("roneo serve stopped before it ran (%v):\n%s", serve.Wait(), out)
	case <-time.After(testkit.Patience):
		t.Fatalf("roneo serve did not start within %s:\n%s", testkit.Patience, out)
	}
	return serve
}

// lineWatch keeps what a child writes and closes seen once a line starts with prefix.
type lineWatch struct {
	prefix string
	seen   chan struct{}
	mu     sync.Mutex
	buf    bytes.Buffer
	done   bool
}

func (w *lineWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.done && (bytes.HasPrefix(w.buf.Bytes(), []byte(w.prefix)) || bytes.Contains(w.buf.Bytes(), []byte("\n"+w.prefix))) {
		w.done = true
		close(w.seen)
	}
	return len(p), nil
}

func (w *lineWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestOutboxSurvivesKill: scheduling an article queues its publication in the same
// transaction. The instance running the site is killed with SIGKILL before the time
// comes; a new one, started afterwards, publishes the article at its time, once.
func TestOutboxSurvivesKill(t *testing.T) {
	t.Parallel()
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			flag, arg, loc := "--data", t.TempDir(), ""
			loc = "sqlite:" + arg
			if backend == "postgres" {
				flag, arg = "--database", pgtest.URL(t)
				loc = arg
			}
			first := serveProcess(t, flag, arg)
			db, err := openLocation(ctx, loc)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ed := editorial.New(db, editorial.Config{Clock: time.Now})
			at := time.Now().Add(3 * time.Second).Truncate(time.Second)
			a, err := ed.SaveArticle(ctx, editorial.System("test"), editorial.ArticleInput{
				Kind: content.KindPressRelease, Lang: "fr", Title: "Sous embargo jusqu'à l'heure", Body: "Texte.", PublishAt: at,
			}, content.Schedule)
			if err != nil {
				t.Fatal(err)
			}
			first.Process.Signal(syscall.SIGKILL)
			first.Wait()
			if got, _ := db.ArticleByID(ctx, a.ID); got.Status != content.StatusScheduled {
				t.Fatalf("status after the kill = %s, want still scheduled", got.Status)
			}
			serveProcess(t, flag, arg)
			var got *content.Article
			testkit.Until(t, "the publication by the new instance", func() bool {
				if got, err = db.ArticleByID(ctx, a.ID); err != nil {
					t.Fatal(err)
				}
				return got.Status == content.StatusPublished
			})
			if time.Now().Before(at) {
				t.Errorf("published before its time")
			}
			entries, err := db.AuditLog(ctx, store.AuditQuery{Action: "article.publish", Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 || entries[0].Actor != "scheduler" {
				t.Errorf("publication audit entries: %+v, want one by the scheduler", entries)
			}
			failed, err := db.Jobs(ctx, store.JobQuery{State: store.JobFailed})
			if err != nil || len(failed) != 0 {
				t.Errorf("failed jobs: %+v, %v", failed, err)
			}
		})
	}
}
