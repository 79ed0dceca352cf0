//go:build !linux

package main

import (
	"os"
	"syscall"
)

// childAttrs is Linux-only; elsewhere children stay in the benchmark's process group.
func childAttrs() *syscall.SysProcAttr { return nil }

func signalGroup(pid int, sig syscall.Signal) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	return p.Signal(sig)
}
