package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
	// ServerCores is every process of the servers under measurement: roneo, nginx
	// with its workers, and the roneo instances behind nginx when it is a proxy.
	ServerCores float64 `json:"server_cores"`
	// DatabaseCores is PostgreSQL's server processes for roneo's connections.
	DatabaseCores float64 `json:"database_cores"`
	WrkCores      float64 `json:"wrk_cores"`
	OtherCores    float64 `json:"other_cores"`
	// InstanceCores is each roneo instance behind the proxy (part of ServerCores): a
	// cached page costs every instance about the same, so the split shows how nginx
	// shared the requests out.
	InstanceCores []float64 `json:"instance_cores,omitempty"`
}

// cpuSample is a reading of the machine's busy time, the servers' and the database's.
type cpuSample struct {
	at       time.Time
	busy     time.Duration         // all CPUs, all processes
	groups   []time.Duration       // each server's process group: the front server first, then the instances behind it
	database map[int]time.Duration // each PostgreSQL backend, by pid
}

func sampleCPU(serverGroups, databasePIDs []int) (cpuSample, error) {
	s := cpuSample{at: time.Now()}
	var err error
	if s.busy, err = machineBusy(); err != nil {
		return s, err
	}
	if s.groups, err = groupsCPU(serverGroups); err != nil {
		return s, err
	}
	s.database = processesCPU(databasePIDs)
	return s, nil
}

// share splits the busy time between two samples; wrk's own time comes from its exit.
// A database process that started during the run counts from nothing; one that ended
// during it is lost to others.
func share(before, after cpuSample, wrk time.Duration) cpuShare {
	wall := after.at.Sub(before.at).Seconds()
	var server float64
	groups := make([]float64, len(after.groups))
	for i := range after.groups {
		groups[i] = (after.groups[i] - before.groups[i]).Seconds()
		server += groups[i]
	}
	var database float64
	for pid, cpu := range after.database {
		database += (cpu - before.database[pid]).Seconds()
	}
	others := (after.busy - before.busy).Seconds() - server - database - wrk.Seconds()
	c := cpuShare{ServerCores: server / wall, DatabaseCores: database / wall, WrkCores: wrk.Seconds() / wall, OtherCores: max(0, others/wall)}
	for _, g := range groups[min(1, len(groups)):] {
		c.InstanceCores = append(c.InstanceCores, g/wall)
	}
	return c
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

// groupsCPU adds up the CPU time of the processes in each process group (a server and,
// for nginx, its workers), in one pass over /proc.
func groupsCPU(pgids []int) ([]time.Duration, error) {
	totals := make([]time.Duration, len(pgids))
	if len(pgids) == 0 {
		return totals, nil
	}
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return nil, err
	}
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // the process has just exited
		}
		group, cpu, ok := parseProcessStat(string(b))
		if i := slices.Index(pgids, group); ok && i >= 0 {
			totals[i] += cpu
		}
	}
	return totals, nil
}

// processesCPU is the CPU time of each process still running.
func processesCPU(pids []int) map[int]time.Duration {
	cpu := make(map[int]time.Duration, len(pids))
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue // the connection closed and its process went with it
		}
		if _, t, ok := parseProcessStat(string(b)); ok {
			cpu[pid] = t
		}
	}
	return cpu
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
