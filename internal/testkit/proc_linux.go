package testkit

import "syscall"

// dieWithParent has the kernel kill the child when the test binary dies, even by a
// timeout's panic, which runs no cleanup.
func dieWithParent(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
