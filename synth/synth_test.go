package synth

import (
	"bytes"
	"os"
	"testing"

	"shaipin/data"
)

func TestGenerateDeterministic(t *testing.T) {
	small := Scale{Name: "t", Units: 7, Indicators: 9, Sheets: 2, Periods: 2}
	a, err := Generate(t.TempDir(), small, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(t.TempDir(), small, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		x, _ := os.ReadFile(a[i])
		y, _ := os.ReadFile(b[i])
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs", a[i])
		}
	}
	ds, err := data.Load(data.Options{}, a...)
	if err != nil {
		t.Fatal(err)
	}
	p := ds.Latest()
	if len(ds.Periods) != 2 || len(p.Units) != 7 || len(p.Indicators) != 9 {
		t.Errorf("read back %d periods, %d units, %d indicators", len(ds.Periods), len(p.Units), len(p.Indicators))
	}
}
