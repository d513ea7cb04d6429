package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// softMemoryLimit is the heap size past which the collector works harder
// instead of letting the heap double (GOGC=100). At national scale (2,844
// units × 300 indicators) the ranked result is some 270 MB live; without a
// limit the heap grew to 600–700 MB while the outputs were written, with
// it the process stays under 500 MB for about 0.15 s more (issue 17,
// bench/PROFILE.md). Smaller runs never reach it, so it costs them nothing.
const softMemoryLimit = 450 << 20

// limitMemory sets the soft memory limit, unless GOMEMLIMIT gives one.
func limitMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}

// fitMemoryLimit raises the soft limit to half as much again as the live
// heap, when that is more: for an input larger than national scale, whose
// result alone comes near the limit, a collector kept under it would run
// almost without pause. Called once the result is ranked, the largest the
// live heap gets.
func fitMemoryLimit() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	want := int64(s[0].Value.Uint64()) * 3 / 2
	if limit := debug.SetMemoryLimit(-1); want > limit {
		debug.SetMemoryLimit(want)
	}
}
