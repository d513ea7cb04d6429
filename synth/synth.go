// Package synth generates synthetic indicator workbooks at the scales the
// benchmarks measure: a city (10 units × 60 indicators, 12 months), a
// province (90 × 200, 24 months) and the nation (2,844 × 300, one period).
// Output is deterministic from the seed.
package synth

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Scale is one benchmark size.
type Scale struct {
	Name       string
	Units      int
	Indicators int
	Sheets     int
	Periods    int
}

// The three scales of the benchmark.
var (
	City     = Scale{Name: "city", Units: 10, Indicators: 60, Sheets: 3, Periods: 12}
	Province = Scale{Name: "province", Units: 90, Indicators: 200, Sheets: 5, Periods: 24}
	National = Scale{Name: "national", Units: 2844, Indicators: 300, Sheets: 1, Periods: 1}
)

// Scales lists them smallest first.
var Scales = []Scale{City, Province, National}

// Generate writes the scale's monthly workbooks into dir (2021-01.xlsx …)
// and returns their paths. Files already there are kept: generation is
// cached by name, and the name includes the seed.
func Generate(dir string, s Scale, seed int64) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for m := 0; m < s.Periods; m++ {
		period := fmt.Sprintf("%04d-%02d", 2021+m/12, m%12+1)
		path := filepath.Join(dir, period+".xlsx")
		paths = append(paths, path)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		if err := write(path, s, seed, m); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// write builds one month with the StreamWriter, which keeps memory flat
// at national scale.
func write(path string, s Scale, seed int64, month int) error {
	r := rand.New(rand.NewSource(seed*1000 + int64(month)))
	base := rand.New(rand.NewSource(seed)) // per-unit strength, stable over months
	strength := make([]float64, s.Units)
	for i := range strength {
		strength[i] = base.Float64()
	}
	x := excelize.NewFile()
	defer x.Close()
	perSheet := (s.Indicators + s.Sheets - 1) / s.Sheets
	for sh := 0; sh < s.Sheets; sh++ {
		name := fmt.Sprintf("分组%d", sh+1)
		if sh == 0 {
			if err := x.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := x.NewSheet(name); err != nil {
			return err
		}
		sw, err := x.NewStreamWriter(name)
		if err != nil {
			return err
		}
		first, last := sh*perSheet, min((sh+1)*perSheet, s.Indicators)
		if err := sw.SetRow("A1", []any{fmt.Sprintf("%s 第%d期指标(合成数据)", name, month+1)}); err != nil {
			return err
		}
		header := []any{"地区"}
		for i := first; i < last; i++ {
			h := "指标" + strconv.Itoa(i+1)
			if i%4 == 0 {
				h += "(%)"
			}
			header = append(header, h)
		}
		if err := sw.SetRow("A2", header); err != nil {
			return err
		}
		for u := 0; u < s.Units; u++ {
			row := make([]any, 0, last-first+1)
			row = append(row, fmt.Sprintf("单位%04d", u+1))
			for i := first; i < last; i++ {
				if r.Intn(50) == 0 {
					row = append(row, nil) // not reported
					continue
				}
				v := 100 * (0.6*strength[u] + 0.4*r.Float64())
				row = append(row, float64(int(v*100))/100)
			}
			cell, _ := excelize.CoordinatesToCellName(1, u+3)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return x.SaveAs(path)
}
