package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// stopGrace is how long a server has to exit after SIGTERM; roneo's own shutdown waits
// up to 15 s for requests under way.
const stopGrace = 20 * time.Second

// child is a server the benchmark started and must stop: roneo serve or nginx.
type child struct {
	name string
	cmd  *exec.Cmd
	log  string        // file holding its stdout and stderr
	done chan struct{} // closed once it has exited
	err  error         // how it exited, once done is closed
}

// startChild starts argv with its output in logPath; tap, when not nil, also sees
// its standard output.
func startChild(name, logPath string, tap io.Writer, argv ...string) (*child, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = f, f
	if tap != nil {
		cmd.Stdout = io.MultiWriter(f, tap)
	}
	cmd.SysProcAttr = childAttrs()
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	c := &child{name: name, cmd: cmd, log: logPath, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		f.Close()
		close(c.done)
	}()
	return c, nil
}

func (c *child) pid() int { return c.cmd.Process.Pid }

// exited is the error to report when the child stopped before it should have.
func (c *child) exited() error {
	head, _ := os.ReadFile(c.log)
	return &programError{
		msg:  fmt.Sprintf("%s exited (%v); its log ends:\n%s", c.name, c.err, logTail(c.log, 20)),
		err:  c.err,
		said: firstLine(string(head)),
	}
}

// programError is a program that failed, with the first line it wrote: usually why
// ("roneo: unknown command \"search\"", "flag provided but not defined: -page-cache"),
// where the end of its output is often its usage.
type programError struct {
	msg  string
	err  error
	said string
}

func (e *programError) Error() string { return e.msg }
func (e *programError) Unwrap() error { return e.err }

// why says in one line why a program failed: what it said first, when it said
// anything, else the error's first line.
func why(err error) string {
	var p *programError
	if errors.As(err, &p) && p.said != "" {
		return p.said
	}
	return firstLine(err.Error())
}

// stop asks the child to finish with SIGTERM and kills it if it has not within
// stopGrace. It may be called more than once.
func (c *child) stop() {
	select {
	case <-c.done:
		return
	default:
	}
	signalGroup(c.pid(), syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(stopGrace):
		signalGroup(c.pid(), syscall.SIGKILL)
		<-c.done
	}
}

// runTool runs a program to completion (go build, roneo demo) and returns its
// standard output; a failure carries the end of its standard error.
func runTool(ctx context.Context, dir string, argv ...string) ([]byte, error) {
	out, _, err := runToolCPU(ctx, dir, argv...)
	return out, err
}

// runToolCPU is runTool that also returns the CPU time the program used.
func runToolCPU(ctx context.Context, dir string, argv ...string) ([]byte, time.Duration, error) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.SysProcAttr = childAttrs()
	cmd.Cancel = func() error { return signalGroup(cmd.Process.Pid, syscall.SIGKILL) }
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return out, 0, ctx.Err()
		}
		return out, 0, &programError{
			msg:  fmt.Sprintf("%s: %v\n%s", strings.Join(argv, " "), err, lastLines(stderr.String(), 20)),
			err:  err,
			said: firstLine(stderr.String()),
		}
	}
	return out, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

// logTail is the end of a child's log file, for error messages.
func logTail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	return lastLines(string(b), n)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// announcement is an io.Writer that watches a child's output for a marker, such as
// roneo's "Roneo is running at", and closes seen when it appears.
type announcement struct {
	marker []byte
	seen   chan struct{}
	mu     sync.Mutex
	buf    []byte // what may hold the start of the marker
	found  bool
}

func newAnnouncement(marker string) *announcement {
	return &announcement{marker: []byte(marker), seen: make(chan struct{})}
}

func (a *announcement) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.found {
		return len(p), nil
	}
	a.buf = append(a.buf, p...)
	if bytes.Contains(a.buf, a.marker) {
		a.found, a.buf = true, nil
		close(a.seen)
		return len(p), nil
	}
	if keep := len(a.marker) - 1; len(a.buf) > keep {
		a.buf = append(a.buf[:0], a.buf[len(a.buf)-keep:]...)
	}
	return len(p), nil
}
