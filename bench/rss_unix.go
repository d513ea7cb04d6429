//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakMB is the peak resident memory of a finished child process, in MB.
func peakMB(ps *os.ProcessState) float64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return float64(ru.Maxrss) / (1 << 20) // bytes there, kilobytes elsewhere
	}
	return float64(ru.Maxrss) / 1024
}
