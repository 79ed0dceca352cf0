package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
)

// serveProcess runs "roneo serve" as a separate process on a free port and returns once
// it says it is running; the test kills it when it ends, whatever happens.
func serveProcess(t *testing.T, dataFlag, loc string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", dataFlag, loc, "--addr", "127.0.0.1:0", "--log-level", "warn")
	cmd.Env = append(os.Environ(), "RONEO_TEST_AS_RONEO=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	running := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "Roneo is running at ") {
				running <- true
			}
		}
		close(running)
	}()
	select {
	case ok := <-running:
		if !ok {
			t.Fatal("roneo serve stopped before it ran")
		}
	case <-time.After(60 * time.Second):
		t.Fatal("roneo serve did not start within 60 s")
	}
	return cmd
}

// TestOutboxSurvivesKill: scheduling an article queues its publication in the same
// transaction. The instance running the site is killed with SIGKILL before the time
// comes; a new one, started afterwards, publishes the article at its time, once.
func TestOutboxSurvivesKill(t *testing.T) {
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
			deadline := time.Now().Add(30 * time.Second)
			for {
				got, err := db.ArticleByID(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Status == content.StatusPublished {
					if time.Now().Before(at) {
						t.Errorf("published before its time")
					}
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("not published 30 s after the restart: %s", got.Status)
				}
				time.Sleep(50 * time.Millisecond)
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
