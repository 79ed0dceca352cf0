package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// memoryResult is roneo serve's resident memory after a scenario, in MB (MiB).
type memoryResult struct {
	After    string  `json:"after"`
	Database string  `json:"database"` // sqlite or postgres
	RSSMB    float64 `json:"rss_mb"`
	PeakMB   float64 `json:"peak_rss_mb"`
}

// readMemory reads VmRSS (resident now) and VmHWM (the highest it has been) of pid.
func readMemory(pid int) (memoryResult, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memoryResult{}, fmt.Errorf("memory of roneo serve: %w", err)
	}
	defer f.Close()
	return parseProcStatus(f)
}

func parseProcStatus(r io.Reader) (memoryResult, error) {
	var m memoryResult
	fields := map[string]*float64{"VmRSS:": &m.RSSMB, "VmHWM:": &m.PeakMB}
	seen := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		dst := fields[firstOf(f)]
		if dst == nil || len(f) != 3 || f[2] != "kB" {
			continue
		}
		kb, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return m, fmt.Errorf("/proc status line %q: %w", sc.Text(), err)
		}
		*dst = kb / 1024
		seen++
	}
	if err := sc.Err(); err != nil {
		return m, err
	}
	if seen != len(fields) {
		return m, fmt.Errorf("/proc status lacks VmRSS or VmHWM")
	}
	return m, nil
}

func firstOf(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// mb converts bytes to MB (MiB), the unit of every memory and size figure printed.
func mb(bytes int64) float64 { return float64(bytes) / (1 << 20) }
