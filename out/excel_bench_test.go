package out

import (
	"os"
	"path/filepath"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// benchDir is where `make bench` caches the synthetic workbooks
// (SHAIPIN_BENCH_DIR overrides it, e.g. /tmp/shaipin-bench).
func benchDir() string {
	if d := os.Getenv("SHAIPIN_BENCH_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "testdata", "bench")
}

// benchResult ranks a synthetic scale's cached workbooks as `report` does,
// or skips the benchmark when they have not been generated (make bench).
func benchResult(b *testing.B, scale string) *rank.Result {
	b.Helper()
	dir := filepath.Join(benchDir(), scale)
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) == 0 {
		b.Skipf("no synthetic %s workbooks in %s: run make bench, or set SHAIPIN_BENCH_DIR", scale, dir)
	}
	ds, err := data.Load(data.Options{}, files...)
	if err != nil {
		b.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// countingWriter counts the workbook's bytes without keeping them, so the
// benchmark measures the writer and not a buffer of its output.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkExcel writes the Excel summary of the embedded sample (10 units
// × 32 indicators, 4 months), and at province scale (90 units × 200
// indicators, 24 months of history) and national scale (2,844 × 300, one
// period) from the synthetic workbooks of `make bench`:
//
//	go test -run '^$' -bench Excel -benchmem ./out/
func BenchmarkExcel(b *testing.B) {
	for _, scale := range []string{"sample", "province", "national"} {
		b.Run(scale, func(b *testing.B) {
			var res *rank.Result
			if scale == "sample" {
				res = sampleResult(b, nil)
			} else {
				res = benchResult(b, scale)
			}
			b.ReportAllocs()
			var size int64
			for b.Loop() {
				w := &countingWriter{}
				if err := Excel(w, res, ExcelOptions{Generated: generated}); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size), "bytes/workbook")
		})
	}
}
