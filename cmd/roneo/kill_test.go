package main

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/store/pgtest"
)

// TestMain lets a test run this very binary as roneo: with RONEO_TEST_AS_RONEO=1 it is
// the program, not the tests.
func TestMain(m *testing.M) {
	if os.Getenv("RONEO_TEST_AS_RONEO") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// roneoProcess starts roneo with args as a separate process.
func roneoProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "RONEO_TEST_AS_RONEO=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// Killing roneo with SIGKILL in the middle of writing loses the transaction under way,
// never part of one: every article that is there has all its tags and authors.
func TestKillDuringWrites(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			loc := "sqlite:" + t.TempDir()
			if backend == "postgres" {
				loc = pgtest.URL(t)
			}
			flag := map[string]string{"sqlite": "--data", "postgres": "--database"}[backend]
			arg := loc
			if backend == "sqlite" {
				arg = loc[len("sqlite:"):]
			}
			cmd := roneoProcess(t, "demo", flag, arg, "--articles", "20000")
			db, err := waitForArticles(t, loc)
			if err != nil {
				t.Fatal(err)
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			db.Close()
			checkWholeArticles(t, loc)
		})
	}
}

// waitForArticles waits until the first batch of the demo is committed.
func waitForArticles(t *testing.T, loc string) (interface{ Close() error }, error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		db, err := openLocation(context.Background(), loc)
		if err == nil {
			stats, err := db.Stats(context.Background())
			if err == nil && stats.Articles > 0 {
				return db, nil
			}
			db.Close()
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the demo wrote nothing within 60 s")
	return nil, nil
}

// checkWholeArticles opens what the killed process left and checks that only whole
// transactions are there: batches of 1,000 articles, each with 2 to 4 tags and an
// author or a signature.
func checkWholeArticles(t *testing.T, loc string) {
	t.Helper()
	db, err := openLocation(context.Background(), loc)
	if err != nil {
		t.Fatalf("reopening after SIGKILL: %v", err)
	}
	defer db.Close()
	stats, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles == 0 || (stats.Articles%1000 != 0 && stats.Articles != 20000) {
		t.Errorf("%d articles after SIGKILL: not a whole number of 1,000-article transactions", stats.Articles)
	}
	var broken int
	err = rawDB(t, loc).QueryRow(`SELECT COUNT(*) FROM articles a
		WHERE (SELECT COUNT(*) FROM article_tags t WHERE t.article_id = a.id) NOT BETWEEN 2 AND 4
		   OR (a.signature = '' AND NOT EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id))`).Scan(&broken)
	if err != nil {
		t.Fatal(err)
	}
	if broken != 0 {
		t.Errorf("%d of %d articles lost part of their relations", broken, stats.Articles)
	}
	t.Logf("%s: %d whole articles after SIGKILL", loc[:6], stats.Articles)
}

// rawDB opens a location with database/sql alone, for checks the store does not offer.
func rawDB(t *testing.T, loc string) *sql.DB {
	t.Helper()
	driver, dsn := "pgx", loc
	if strings.HasPrefix(loc, "sqlite:") {
		driver, dsn = "sqlite", "file:"+filepath.Join(strings.TrimPrefix(loc, "sqlite:"), "roneo.db")+"?mode=ro"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
