package rank

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"

	"shaipin/data"
)

// synthetic builds a period of n units × m indicators with ~5 % missing
// values and some ties, deterministically.
func synthetic(n, m int) *data.Period {
	r := rand.New(rand.NewSource(1))
	p := &data.Period{Month: data.NewMonth(2022, 4)}
	for k := 0; k < n; k++ {
		p.Units = append(p.Units, fmt.Sprintf("单位%04d", k))
	}
	for i := 0; i < m; i++ {
		ind := &data.Indicator{Name: fmt.Sprintf("指标%03d", i), Group: fmt.Sprintf("组%d", i%5),
			Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true, Values: make([]data.Value, n)}
		if i%7 == 0 {
			ind.Direction = data.Lower
		}
		for k := range ind.Values {
			if r.Intn(20) == 0 {
				continue
			}
			ind.Values[k] = data.Value{OK: true, Number: float64(r.Intn(10000)) / 100, Decimals: 2}
		}
		p.Indicators = append(p.Indicators, ind)
	}
	return p
}

func BenchmarkCompute(b *testing.B) {
	for _, sz := range []struct {
		name string
		n, m int
	}{{"city_10x60", 10, 60}, {"province_90x200", 90, 200}, {"national_2844x300", 2844, 300}} {
		p := synthetic(sz.n, sz.m)
		b.Run(sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ComputePeriod(p, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDeterministic: the same input gives the same result.
func TestDeterministic(t *testing.T) {
	p := synthetic(90, 50)
	a, _ := ComputePeriod(p, DefaultOptions())
	b, _ := ComputePeriod(p, DefaultOptions())
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatal("results differ")
	}
	checkInvariants(t, a)
}

// BenchmarkComputeProvinceHistory: the province scale with 24 months of
// history, as `report` ranks it.
func BenchmarkComputeProvinceHistory(b *testing.B) {
	ds := &data.Dataset{}
	for m := 0; m < 24; m++ {
		p := synthetic(90, 200)
		p.Month = data.NewMonth(2021+m/12, m%12+1)
		ds.Periods = append(ds.Periods, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(ds, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRobust: 1,000 draws, as `shaipin robust` runs by default, on the
// Jinhua sample (all 10 units ranked) and on a province-sized period.
func BenchmarkRobust(b *testing.B) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	all := DefaultOptions()
	all.MinCoverage = ptr(0.0)
	for _, c := range []struct {
		name string
		p    *data.Period
	}{{"jinhua_sample", ds.Latest()}, {"province_90x200", synthetic(90, 200)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Robust(c.p, all, RobustOptions{Draws: 1000, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
