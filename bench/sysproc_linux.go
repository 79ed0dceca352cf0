package main

import "syscall"

// childAttrs puts a child in its own process group, so that Ctrl-C reaches only the
// benchmark, which then stops its children in order; and has the kernel kill the child
// if the benchmark itself dies without cleaning up.
func childAttrs() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// signalGroup sends sig to the child's whole process group (nginx's workers too).
func signalGroup(pid int, sig syscall.Signal) error {
	return syscall.Kill(-pid, sig)
}
