package data_test

import (
	"os"
	"path/filepath"
	"testing"

	"shaipin/data"
	"shaipin/synth"
)

// BenchmarkLoad reads the synthetic city and province inputs (a folder of
// ordinary sheets: the reader's fast path). Compare runs with benchstat;
// the inputs are generated once into SHAIPIN_BENCH_DIR or the temp folder.
func BenchmarkLoad(b *testing.B) {
	for _, s := range []synth.Scale{synth.City, synth.Province} {
		b.Run(s.Name, func(b *testing.B) {
			dir := os.Getenv("SHAIPIN_BENCH_DIR")
			if dir == "" {
				dir = filepath.Join(os.TempDir(), "shaipin-bench")
			}
			dir = filepath.Join(dir, s.Name)
			if _, err := synth.Generate(dir, s, 1); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := data.Load(data.Options{}, dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
