package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/testkit"
)

// A request's context ends at --db-timeout. A handler that then writes nothing, taking
// the end for a reader who left, still gets its reader a 503; one that answers keeps
// its answer; media downloads have no such deadline.
func TestDeadlineMiddleware(t *testing.T) {
	waits := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	answers := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		http.Error(w, "its own page", http.StatusServiceUnavailable)
	})
	media := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := r.Context().Deadline(); ok {
			t.Error("a media download has the database's deadline")
		}
		io.WriteString(w, "bytes")
	})
	log := slog.New(slog.DiscardHandler)
	for _, tc := range []struct {
		path    string
		h       http.Handler
		status  int
		content string
	}{
		{"/fr/", waits, http.StatusServiceUnavailable, "Temporarily unavailable"},
		{"/fr/", answers, http.StatusServiceUnavailable, "its own page"},
		{"/media/issues/2026-11.pdf", media, http.StatusOK, "bytes"},
	} {
		w := httptest.NewRecorder()
		start := time.Now()
		withDeadline(50*time.Millisecond, []string{"/media/"}, log, tc.h).ServeHTTP(w, httptest.NewRequest("GET", tc.path, nil))
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.content) {
			t.Errorf("%s: %d %q, want %d with %q", tc.path, w.Code, w.Body.String(), tc.status, tc.content)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %s", tc.path, d)
		}
		if tc.content == "Temporarily unavailable" && w.Header().Get("Retry-After") == "" {
			t.Errorf("%s: a 503 without Retry-After", tc.path)
		}
	}
}

func TestDBTimeoutFlag(t *testing.T) {
	t.Setenv("RONEO_DB_TIMEOUT", "2s")
	m := NewMain(io.Discard, io.Discard)
	if err := m.ParseFlags(nil); err != nil || m.Config.DBTimeout != 2*time.Second {
		t.Errorf("RONEO_DB_TIMEOUT=2s: %v, %v", m.Config.DBTimeout, err)
	}
	for _, v := range []string{"0", "-1s", "soon"} {
		if err := NewMain(io.Discard, io.Discard).ParseFlags([]string{"--db-timeout", v}); err == nil || !strings.Contains(err.Error(), "db-timeout") {
			t.Errorf("--db-timeout %s: %v", v, err)
		}
	}
}

// When the network to PostgreSQL stalls — connections open, nothing answering — a
// page that needs the database answers 503 at the deadline instead of hanging, the
// connection that waited is dropped, and pages come back once the network does.
func TestStalledDatabaseAnswers503(t *testing.T) {
	pg := pgtest.URL(t)
	mustRun(t, "demo", "--database", pg, "--articles", "20", "--pictures", "0")
	proxy, viaProxy := pgtest.NewProxy(t, pg)
	const timeout = time.Second
	m := startInstance(t, viaProxy, t.TempDir(), "--db-timeout", timeout.String())
	search := m.URL() + "/fr/recherche?q=greve"
	if status, _ := httpGet(t, search); status != http.StatusOK {
		t.Fatalf("before the stall: %d", status)
	}
	dropped := proxy.Dropped()
	proxy.Stall()
	start := time.Now()
	status, body := httpGet(t, search)
	took := time.Since(start)
	t.Logf("while stalled: %d after %s, %.120s", status, took, body)
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "indisponible") {
		t.Errorf("while stalled: %d, %.200s; want a 503 page", status, body)
	}
	if took < timeout-100*time.Millisecond || took > timeout+time.Second {
		t.Errorf("while stalled: answered after %s, want about %s", took, timeout)
	}
	// A page the cache would keep, built for the first time: the build that other
	// readers could share keeps the request's deadline.
	start = time.Now()
	status, body = httpGet(t, m.URL()+"/nl/")
	if took := time.Since(start); status != http.StatusServiceUnavailable || took > timeout+time.Second {
		t.Errorf("a page not yet cached, while stalled: %d after %s, %.200s; want a 503 within about %s", status, took, body, timeout)
	}
	// pgx marks the connection closed at once, so that the pool never hands it out
	// again, then asks the server to cancel the query and closes the socket; it gives
	// the server 15 s to hear of it.
	testkit.Within(t, 16*time.Second, "the driver drops the connection whose query was cut short", func() bool {
		return proxy.Dropped() > dropped
	})
	proxy.Restore()
	testkit.Until(t, "pages answer again once the network does", func() bool {
		status, _ := httpGet(t, search)
		return status == http.StatusOK
	})
}
