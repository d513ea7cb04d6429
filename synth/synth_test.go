package synth

import (
	"reflect"
	"testing"

	"shaipin/data"
)

// TestGenerateDeterministic: the same seed gives the same figures (the
// zip bytes may differ: excelize does not promise byte-stable output).
func TestGenerateDeterministic(t *testing.T) {
	small := Scale{Name: "t", Units: 7, Indicators: 9, Sheets: 2, Periods: 2}
	load := func() *data.Dataset {
		paths, err := Generate(t.TempDir(), small, 1)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := data.Load(data.Options{}, paths...)
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	a, b := load(), load()
	if !reflect.DeepEqual(a, b) {
		t.Error("two generations with one seed differ")
	}
	p := a.Latest()
	if len(a.Periods) != 2 || len(p.Units) != 7 || len(p.Indicators) != 9 || p.Indicators[0].Unit != "%" {
		t.Errorf("read back %d periods, %d units, %d indicators", len(a.Periods), len(p.Units), len(p.Indicators))
	}
}
