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

	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// TestMain lets a test run this very binary as roneo: with RONEO_TEST_AS_RONEO=1 it is
// the program, not the tests.
func TestMain(m *testing.M) {
	if os.Getenv("RONEO_TEST_AS_RONEO") == "1" {
		main()
		os.Exit(0)
	}
	code := m.Run()
	closeBrowser()
	os.Exit(code)
}

// roneoProcess starts roneo with args as a separate process, killed when the test
// ends whatever happens.
func roneoProcess(t *testing.T, args ...string) *testkit.Child {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "RONEO_TEST_AS_RONEO=1")
	return testkit.Start(t, cmd)
}

// Killing roneo with SIGKILL in the middle of writing loses the transaction under way,
// never part of one: every article that is there has all its tags and authors.
func TestKillDuringWrites(t *testing.T) {
	t.Parallel()
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel() // the demo runs in a process of its own
			loc := "sqlite:" + t.TempDir()
			if backend == "postgres" {
				loc = pgtest.URL(t)
			}
			flag := map[string]string{"sqlite": "--data", "postgres": "--database"}[backend]
			arg := loc
			if backend == "sqlite" {
				arg = loc[len("sqlite:"):]
			}
			demo := roneoProcess(t, "demo", flag, arg, "--articles", "20000", "--pictures", "0")
			waitForArticles(t, loc, demo)
			demo.Process.Signal(syscall.SIGKILL)
			demo.Wait()
			checkWholeArticles(t, loc)
		})
	}
}

// waitForArticles waits until the first batch of the demo is committed. It reads with
// database/sql alone: opening the store would migrate and analyze the database the
// demo is writing.
func waitForArticles(t *testing.T, loc string, demo *testkit.Child) {
	t.Helper()
	db := rawDB(t, loc)
	testkit.Until(t, "the demo's first articles", func() bool {
		select {
		case <-demo.Done():
			t.Fatalf("the demo stopped before it was killed: %v", demo.Wait())
		default:
		}
		var n int
		return db.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n) == nil && n > 0
	})
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
