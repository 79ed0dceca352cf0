package main

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func TestParseCPULine(t *testing.T) {
	got, err := parseCPULine("cpu  100 5 50 9000 20 3 2 1 0 0")
	if want := 156 * clockTick; err != nil || got != want {
		t.Errorf("parseCPULine = %v, %v; want %v", got, err, want)
	}
	if _, err := parseCPULine("intr 1 2 3"); err == nil {
		t.Error("a line other than cpu gave no error")
	}
}

func TestParseProcessStat(t *testing.T) {
	stat := "4242 (nginx: worker) S 4240 4240 1 0 -1 4194624 1 0 0 0 250 70 0 0 20 0 1 0 1 1 1"
	pgid, cpu, ok := parseProcessStat(stat)
	if !ok || pgid != 4240 || cpu != 320*clockTick {
		t.Errorf("parseProcessStat = %d, %v, %v; want 4240, 3.2s, true", pgid, cpu, ok)
	}
	if _, _, ok := parseProcessStat("garbage"); ok {
		t.Error("garbage parsed")
	}
}

func TestShare(t *testing.T) {
	t0 := time.Unix(0, 0)
	before := cpuSample{at: t0, busy: 10 * time.Second, groups: []time.Duration{2 * time.Second}}
	after := cpuSample{at: t0.Add(10 * time.Second), busy: 30 * time.Second, groups: []time.Duration{12 * time.Second}}
	got := share(before, after, 8*time.Second)
	if got.ServerCores != 1 || got.WrkCores != 0.8 || !near(got.OtherCores, 0.2) || got.InstanceCores != nil {
		t.Errorf("share = %+v, want server 1, wrk 0.8, others 0.2", got)
	}
}

// TestShareBehindAProxy: the instances behind nginx count as the server and are
// listed each on its own; the database's processes are neither server nor others,
// whether they ran the whole time (1), started during the run (3) or ended in it (2).
func TestShareBehindAProxy(t *testing.T) {
	t0 := time.Unix(0, 0)
	before := cpuSample{at: t0, busy: 0, groups: []time.Duration{0, 0, 0},
		database: map[int]time.Duration{1: time.Second, 2: time.Second}}
	after := cpuSample{at: t0.Add(10 * time.Second), busy: 40 * time.Second,
		groups:   []time.Duration{5 * time.Second, 6 * time.Second, 4 * time.Second},
		database: map[int]time.Duration{1: 3 * time.Second, 3: time.Second}}
	got := share(before, after, 10*time.Second)
	want := cpuShare{ServerCores: 1.5, DatabaseCores: 0.3, WrkCores: 1, OtherCores: 1.2, InstanceCores: []float64{0.6, 0.4}}
	if !near(got.ServerCores, want.ServerCores) || !near(got.DatabaseCores, want.DatabaseCores) ||
		!near(got.WrkCores, want.WrkCores) || !near(got.OtherCores, want.OtherCores) ||
		len(got.InstanceCores) != 2 || !near(got.InstanceCores[0], 0.6) || !near(got.InstanceCores[1], 0.4) {
		t.Errorf("share = %+v, want %+v", got, want)
	}
}

func TestGroupCPUOfThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
		if got, err := groupsCPU([]int{syscall.Getpgrp()}); err != nil {
			t.Fatal(err)
		} else if got[0] > 0 {
			return
		}
	}
	t.Error("this process group used no CPU time in a second of busy loop")
}
