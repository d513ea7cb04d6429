package data

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheet describes a worksheet for a test workbook.
type sheet struct {
	name    string
	rows    [][]any           // row-major from A1; nil cells are left empty
	merges  [][2]string       // ranges to merge, e.g. {"B2", "D2"}
	formats map[string]string // cell → custom number format
	formula map[string]string // cell → formula (written without a cached value)
	hidden  bool
}

// workbook builds an .xlsx in memory, as an office would.
func workbook(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := x.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := x.SetCellValue(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merges {
			if err := x.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		for ref, f := range s.formats {
			f := f
			st, err := x.NewStyle(&excelize.Style{CustomNumFmt: &f})
			if err != nil {
				t.Fatal(err)
			}
			if err := x.SetCellStyle(s.name, ref, ref, st); err != nil {
				t.Fatal(err)
			}
		}
		for ref, f := range s.formula {
			if err := x.SetCellFormula(s.name, ref, f); err != nil {
				t.Fatal(err)
			}
		}
		if s.hidden {
			if err := x.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads a test workbook named 2022-04.xlsx.
func read(t testing.TB, sheets ...sheet) (*Dataset, error) {
	t.Helper()
	return ReadBytes("2022-04.xlsx", workbook(t, sheets...), Options{})
}

// mustRead reads a workbook that must have no errors.
func mustRead(t testing.TB, sheets ...sheet) *Period {
	t.Helper()
	ds, err := read(t, sheets...)
	if err != nil {
		t.Fatalf("unexpected error:\n%v", err)
	}
	return ds.Latest()
}

// values returns unit → value text ("-" missing) for the named indicator.
func values(t testing.TB, p *Period, name string) map[string]string {
	t.Helper()
	for _, ind := range p.Indicators {
		if ind.Name != name {
			continue
		}
		m := map[string]string{}
		for k, v := range ind.Values {
			if v.OK {
				m[p.Units[k]] = fmtNum(v)
			} else {
				m[p.Units[k]] = "-"
			}
		}
		return m
	}
	t.Fatalf("no indicator %q in %v", name, names(p))
	return nil
}

func names(p *Period) []string {
	var out []string
	for _, ind := range p.Indicators {
		out = append(out, ind.Group+"/"+ind.Name+"("+ind.Unit+")")
	}
	return out
}

// fmtNum writes a value with its reported decimals.
func fmtNum(v Value) string {
	return formatDecimals(v.Number, v.Decimals)
}
