//go:build !linux

package main

import "os"

// peakRSSOf is Linux-only: other systems count ru_maxrss in other units.
func peakRSSOf(*os.ProcessState) (float64, bool) { return 0, false }
