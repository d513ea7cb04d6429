package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Whether the machine was idle is read from Linux's /proc; elsewhere it is
// reported as unknown.

// sampleLoad is the load average (1, 5, 15 minutes) before the benchmark
// starts, or "" where unknown.
func sampleLoad() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// meter measures what the whole machine's CPUs did while the timed runs
// ran, to tell how much of it other processes took.
type meter struct {
	busy  time.Duration // all CPUs' busy time at the start; <0 unknown
	start time.Time
}

func startMeter() meter { return meter{busy: cpuBusy(), start: time.Now()} }

// others is the share of the machine's CPU capacity since the start that
// processes other than the timed ones took (0 idle … 1 saturated), or −1.
func (m meter) others(timed []sample) float64 {
	now := cpuBusy()
	if m.busy < 0 || now < 0 {
		return -1
	}
	var ours time.Duration
	for _, s := range timed {
		ours += s.cpu
	}
	capacity := time.Since(m.start) * time.Duration(runtime.NumCPU())
	return max(0, float64(now-m.busy-ours)/float64(capacity))
}

// cpuBusy is the time all CPUs have spent busy since boot (the first line
// of /proc/stat, less idle and iowait), or −1. The kernel counts it in
// ticks of 1/100 s.
func cpuBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return -1
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 5 || f[0] != "cpu" {
		return -1
	}
	var busy int64
	for i, s := range f[1:] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return -1
		}
		if i != 3 && i != 4 && i < 8 { // idle, iowait; guest time is in user already
			busy += n
		}
	}
	return time.Duration(busy) * 10 * time.Millisecond
}
