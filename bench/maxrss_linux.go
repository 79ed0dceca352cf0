package main

import (
	"os"
	"syscall"
)

// peakRSSOf is the peak resident memory of a program that has exited, in MB (MiB), from
// the rusage its parent collected: false where the system does not give it.
func peakRSSOf(ps *os.ProcessState) (float64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	return float64(ru.Maxrss) / 1024, true // Linux counts it in kB
}
