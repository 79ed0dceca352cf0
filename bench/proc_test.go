package main

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"testing"
)

func TestAnnouncementAcrossWrites(t *testing.T) {
	a := newAnnouncement("Roneo is running at")
	for _, chunk := range []string{"time=… level=WARN msg=x\nRoneo is ru", "nning at http://127.0.0.1:1/\n"} {
		a.Write([]byte(chunk))
	}
	select {
	case <-a.seen:
	default:
		t.Fatal("the marker split across two writes was not seen")
	}
	a.Write([]byte("Roneo is running at again")) // must not close seen twice
}

func TestAnnouncementNotYet(t *testing.T) {
	a := newAnnouncement("Roneo is running at")
	a.Write([]byte("Roneo is starting\n"))
	select {
	case <-a.seen:
		t.Fatal("seen without the marker")
	default:
	}
}

func TestParseOnly(t *testing.T) {
	got, err := parseOnly(" cached, nginx ,")
	if err != nil || len(got) != 2 || got[0] != scenarioCached || got[1] != scenarioNginx {
		t.Errorf("parseOnly = %v, %v", got, err)
	}
	for _, bad := range []string{"", "cache", ",,"} {
		if _, err := parseOnly(bad); err == nil {
			t.Errorf("parseOnly(%q) gave no error", bad)
		}
	}
}

// TestWhy: a reference's scenario is n/a for the reason its program gave first, not
// the end of its usage.
func TestWhy(t *testing.T) {
	_, err := runTool(context.Background(), t.TempDir(), "sh", "-c", `echo 'roneo: unknown command "search"' >&2; for i in $(seq 30); do echo usage line $i >&2; done; exit 2`)
	if err == nil {
		t.Fatal("no error from a failing program")
	}
	if got := why(err); got != `roneo: unknown command "search"` {
		t.Errorf("why = %q", got)
	}
	if got := why(fmt.Errorf("search: %w", err)); got != `roneo: unknown command "search"` {
		t.Errorf("why, wrapped = %q", got)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Errorf("the exit status is lost: %v", err)
	}
	if got := why(errors.New("GET /fr/: status 500\nmore")); got != "GET /fr/: status 500" {
		t.Errorf("why of a plain error = %q", got)
	}
}
