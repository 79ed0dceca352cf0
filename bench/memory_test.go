package main

import (
	"os"
	"strings"
	"testing"
)

func TestParseProcStatus(t *testing.T) {
	status := "Name:\troneo\nVmPeak:\t 1296000 kB\nVmHWM:\t   61440 kB\nVmRSS:\t   40960 kB\nThreads:\t9\n"
	m, err := parseProcStatus(strings.NewReader(status))
	if err != nil || m.RSSMB != 40 || m.PeakMB != 60 {
		t.Errorf("parseProcStatus = %+v, %v; want RSS 40 MB, peak 60 MB", m, err)
	}
	if _, err := parseProcStatus(strings.NewReader("Name:\tkthreadd\n")); err == nil {
		t.Error("a status without VmRSS gave no error")
	}
}

func TestReadMemoryOfThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	m, err := readMemory(os.Getpid())
	if err != nil || m.RSSMB <= 0 || m.PeakMB < m.RSSMB {
		t.Errorf("readMemory = %+v, %v", m, err)
	}
}
