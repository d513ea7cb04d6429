package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shaipin/rank"
)

// BenchmarkReport runs the whole of `shaipin report` in process on the
// workbooks `make bench` generates (testdata/bench, or SHAIPIN_BENCH_DIR),
// for profiles of every stage at once:
//
//	go test -run '^$' -bench Report/national -benchtime 1x -cpuprofile cpu.out -memprofile mem.out .
func BenchmarkReport(b *testing.B) {
	dir := os.Getenv("SHAIPIN_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join("testdata", "bench")
	}
	for _, c := range []struct {
		name, scale string
		latest      bool // the latest workbook alone
	}{{"city", "city", false}, {"province-1", "province", true}, {"province-24", "province", false}, {"national", "national", false}} {
		b.Run(c.name, func(b *testing.B) {
			files, _ := filepath.Glob(filepath.Join(dir, c.scale, "*.xlsx"))
			if len(files) == 0 {
				b.Skipf("no %s workbooks in %s: run make bench first", c.scale, dir)
			}
			if c.latest {
				files = files[len(files)-1:]
			}
			o := ReportOptions{Inputs: Inputs{Files: files}, Rules: rank.DefaultOptions(), Out: b.TempDir(),
				Draws: drawPlan{Draws: rank.DefaultDraws, Seed: 1, Auto: true}, Generated: time.Unix(1700000000, 0), Quiet: true}
			b.ReportAllocs()
			for b.Loop() {
				if err := runReport(context.Background(), o, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
