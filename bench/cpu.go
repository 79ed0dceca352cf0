package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The machine is shared (builds and tests of other work run beside the benchmark), so
// each measured run records where the CPU went: to the server, to wrk, and to every
// other process. Figures taken while others were busy are not to be trusted.

// clockTick is the unit of CPU times in /proc: USER_HZ, 100 a second on Linux.
const clockTick = 10 * time.Millisecond

// cpuShare is the CPU used during one measured run, in cores (1.0 = one core busy).
type cpuShare struct {
	ServerCores float64 `json:"server_cores"`
	WrkCores    float64 `json:"wrk_cores"`
	OtherCores  float64 `json:"other_cores"`
}

// cpuSample is a reading of the machine's busy time and a server's.
type cpuSample struct {
	at     time.Time
	busy   time.Duration // all CPUs, all processes
	server time.Duration // the server's process group
}

func sampleCPU(serverGroup int) (cpuSample, error) {
	s := cpuSample{at: time.Now()}
	var err error
	if s.busy, err = machineBusy(); err != nil {
		return s, err
	}
	s.server, err = groupCPU(serverGroup)
	return s, err
}

// share splits the busy time between two samples; wrk's own time comes from its exit.
func share(before, after cpuSample, wrk time.Duration) cpuShare {
	wall := after.at.Sub(before.at).Seconds()
	server := (after.server - before.server).Seconds()
	others := (after.busy - before.busy).Seconds() - server - wrk.Seconds()
	return cpuShare{ServerCores: server / wall, WrkCores: wrk.Seconds() / wall, OtherCores: max(0, others/wall)}
}

// machineBusy is the time all CPUs spent not idle, from /proc/stat's "cpu" line.
func machineBusy() (time.Duration, error) {
	f, err := os.Open("/proc/stat")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	return parseCPULine(sc.Text())
}

// parseCPULine reads "cpu user nice system idle iowait irq softirq steal ..." and
// returns user, nice, system and steal (time the hypervisor gave to other machines).
// Interrupts are left out: most of them are the loopback traffic of the run itself,
// which the kernel does not charge to the server or to wrk.
func parseCPULine(line string) (time.Duration, error) {
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0, fmt.Errorf("/proc/stat starts with %q, not the cpu line", line)
	}
	var busy int64
	for i, v := range f[1:9] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/stat: %w", err)
		}
		switch i {
		case 0, 1, 2, 7:
			busy += n
		}
	}
	return time.Duration(busy) * clockTick, nil
}

// groupCPU adds up the CPU time of the processes in process group pgid: a server and,
// for nginx, its workers.
func groupCPU(pgid int) (time.Duration, error) {
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, err
	}
	var total time.Duration
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // the process has just exited
		}
		if group, cpu, ok := parseProcessStat(string(b)); ok && group == pgid {
			total += cpu
		}
	}
	return total, nil
}

// parseProcessStat reads the process group and the user and system time from a
// /proc/<pid>/stat line; the command name, in parentheses, may hold spaces.
func parseProcessStat(stat string) (pgid int, cpu time.Duration, ok bool) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(stat[i+1:]) // state ppid pgrp … utime (12th) stime (13th)
	if len(f) < 13 {
		return 0, 0, false
	}
	pgid, err1 := strconv.Atoi(f[2])
	utime, err2 := strconv.ParseInt(f[11], 10, 64)
	stime, err3 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, 0, false
	}
	return pgid, time.Duration(utime+stime) * clockTick, true
}
