package testkit

import (
	"bytes"
	"os/exec"
	"syscall"
	"testing"
)

// Child is a process a test started with Start.
type Child struct {
	*exec.Cmd
	done chan struct{}
	err  error
}

// Start starts cmd in a process group of its own and kills the whole group when the
// test ends, passed or failed, then waits for cmd: neither the child nor anything it
// started outlives its test. Where the system allows (Linux), the child is also killed
// when the test binary dies without cleaning up (a timeout).
func Start(tb testing.TB, cmd *exec.Cmd) *Child {
	tb.Helper()
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	dieWithParent(cmd.SysProcAttr)
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start %s: %v", cmd.Path, err)
	}
	c := &Child{Cmd: cmd, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		close(c.done)
	}()
	tb.Cleanup(func() { c.Kill() })
	return c
}

// Done is closed when the child has exited.
func (c *Child) Done() <-chan struct{} { return c.done }

// Wait waits for the child to exit and returns what exec.Cmd.Wait returned.
func (c *Child) Wait() error {
	<-c.done
	return c.err
}

// Kill kills the child and whatever it started with SIGKILL (its process group, which
// outlives the child while anything in it runs), and waits for the child.
func (c *Child) Kill() error {
	syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
	return c.Wait()
}

// Run runs cmd as Start does and returns its combined output once it exits.
func Run(tb testing.TB, cmd *exec.Cmd) ([]byte, error) {
	tb.Helper()
	var out bytes.Buffer // one writer for both: exec writes to it from one goroutine at a time
	cmd.Stdout, cmd.Stderr = &out, &out
	err := Start(tb, cmd).Wait()
	return out.Bytes(), err
}
