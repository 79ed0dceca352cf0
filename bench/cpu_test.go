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
	before := cpuSample{at: t0, busy: 10 * time.Second, server: 2 * time.Second}
	after := cpuSample{at: t0.Add(10 * time.Second), busy: 30 * time.Second, server: 12 * time.Second}
	got := share(before, after, 8*time.Second)
	if got.ServerCores != 1 || got.WrkCores != 0.8 || !near(got.OtherCores, 0.2) {
		t.Errorf("share = %+v, want server 1, wrk 0.8, others 0.2", got)
	}
}

func TestGroupCPUOfThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
		if got, err := groupCPU(syscall.Getpgrp()); err != nil {
			t.Fatal(err)
		} else if got > 0 {
			return
		}
	}
	t.Error("this process group used no CPU time in a second of busy loop")
}
