package sample

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the sample workbooks from figures.tsv")

// TestEmbeddedUpToDate checks each committed workbook is what its builder makes.
func TestEmbeddedUpToDate(t *testing.T) {
	for _, m := range Months {
		var (
			x   *excelize.File
			err error
		)
		if m == 4 {
			x, err = Workbook()
		} else {
			x, err = SimulatedWorkbook(m)
		}
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := x.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		name := FileNameOf(m)
		if *update {
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(buf.Bytes(), mustRead(name)) {
			t.Errorf("%s is stale: run go test ./data/sample -update", name)
		}
	}
}

func TestSimulatedSaySo(t *testing.T) {
	for _, m := range []int{1, 2, 3} {
		x, err := SimulatedWorkbook(m)
		if err != nil {
			t.Fatal(err)
		}
		title, _ := x.GetCellValue("参数", "B3")
		source, _ := x.GetCellValue("参数", "B4")
		if !bytes.Contains([]byte(title), []byte("模拟数据")) || !bytes.Contains([]byte(source), []byte("不是真实数据")) {
			t.Errorf("month %d: title %q source %q", m, title, source)
		}
	}
	if _, err := SimulatedWorkbook(4); err == nil {
		t.Error("April is real, not simulated")
	}
}

func TestFiguresWellFormed(t *testing.T) {
	figs, err := Figures()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, u := range Units {
		known[u.Name] = true
	}
	seen := map[string]bool{}
	for _, f := range figs {
		if !known[f.Unit] {
			t.Errorf("unknown unit %q", f.Unit)
		}
		k := f.Group + "/" + f.Indicator + "/" + f.Unit
		if seen[k] {
			t.Errorf("duplicate figure %s", k)
		}
		seen[k] = true
		if f.Quote == "" {
			t.Errorf("%s: no source quote", k)
		}
	}
}
