package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// stopped is a testing.TB that records how a test would have ended.
type stopped struct {
	testing.TB
	name            string
	failed, skipped string
}

func (s *stopped) Helper()      {}
func (s *stopped) Name() string { return s.name }
func (s *stopped) Fatalf(format string, args ...any) {
	s.failed = format
	runtime.Goexit()
}
func (s *stopped) Skip(args ...any) {
	s.skipped = args[0].(string)
	runtime.Goexit()
}

// missing runs Missing as a test named TestX would, and returns how it ended.
func missing(t *testing.T) *stopped {
	s := &stopped{TB: t, name: "TestX"}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Missing(s, "no %s here", "chromium")
	}()
	<-done
	return s
}

func TestMissingSkipsAndRecordsOutsideCI(t *testing.T) {
	file := filepath.Join(t.TempDir(), ".cache", "skipped.txt")
	os.MkdirAll(filepath.Dir(file), 0o755)
	t.Setenv(SkippedEnv, file)
	t.Setenv("CI", "")
	s := missing(t)
	if s.skipped != "no chromium here" || s.failed != "" {
		t.Errorf("outside CI: skipped %q, failed %q; want a skip", s.skipped, s.failed)
	}
	b, err := os.ReadFile(file)
	if err != nil || !strings.HasSuffix(string(b), " TestX: no chromium here\n") {
		t.Errorf("recorded %q, %v", b, err)
	}
}

func TestMissingFailsInCI(t *testing.T) {
	file := filepath.Join(t.TempDir(), "skipped.txt")
	t.Setenv(SkippedEnv, file)
	t.Setenv("CI", "true")
	s := missing(t)
	if s.failed == "" || s.skipped != "" {
		t.Errorf("in CI: skipped %q, failed %q; want a failure", s.skipped, s.failed)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("a failure in CI was recorded as a skip")
	}
}

// A child's own children die with it when the test ends.
func TestStartKillsTheGroupAtCleanup(t *testing.T) {
	var grandchild int
	t.Run("child", func(t *testing.T) {
		out, err := os.CreateTemp(t.TempDir(), "pid")
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", "-c", `sleep 600 & echo $! > "$0"; wait`, out.Name())
		c := Start(t, cmd)
		Until(t, "the grandchild's pid", func() bool {
			b, _ := os.ReadFile(out.Name())
			grandchild, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			return grandchild > 0
		})
		select {
		case <-c.Done():
			t.Fatal("the child ended by itself")
		default:
		}
	})
	Until(t, "the grandchild to die", func() bool { return gone(grandchild) })
}

// gone reports whether pid is no longer a live process (a zombie is gone too).
func gone(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return true
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	fields := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	return len(fields) > 0 && fields[0] == "Z"
}
