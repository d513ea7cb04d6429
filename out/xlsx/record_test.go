package xlsx

import (
	"math"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestRecord: rows come back from the record as they went in, across
// blocks, with the cells above them repeated or not.
func TestRecord(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var in [][]cell
	for range 20000 {
		in = append(in, randomRow(r))
	}
	// More different inline strings than the record numbers: the rest
	// are kept with their rows.
	for i := range maxTexts + 100 {
		in = append(in, []cell{{style: 1, kind: cellInline, text: strconv.Itoa(i)}, {style: 1, kind: cellInline, text: "同"}})
	}
	checkReplay(t, in)
}

func checkReplay(t *testing.T, in [][]cell) {
	t.Helper()
	var rec record
	for _, row := range in {
		rec.add(row)
	}
	rec.close()
	if len(rec.blocks) < 2 {
		t.Fatalf("%d blocks: the test does not cross blocks", len(rec.blocks))
	}
	n := 0
	rec.replay(func(row int, cells []cell) {
		if row != n+1 || !slices.EqualFunc(cells, in[n], sameCell) {
			t.Fatalf("row %d = %v, want row %d %v", row, cells, n+1, in[n])
		}
		n++
	})
	if n != len(in) {
		t.Errorf("%d rows replayed, want %d", n, len(in))
	}
	if slices.ContainsFunc(rec.blocks, func(b *block) bool { return b != nil }) {
		t.Errorf("blocks kept after replay")
	}
}

// randomRow is a row of up to 8 cells of every kind, some not written.
func randomRow(r *rand.Rand) []cell {
	var row []cell
	for range r.Intn(8) {
		c := cell{style: r.Intn(3), kind: cellKind(r.Intn(5))}
		switch c.kind {
		case cellText:
			c.num = float64(r.Intn(3))
		case cellInline:
			c.text = strings.Repeat("说", r.Intn(4))
		case cellNumber:
			// Figures with a few decimals, and any others.
			c.num = []float64{r.NormFloat64() * 1e6, float64(r.Intn(1e6)) / 100, math.Copysign(0, -1), 1e300}[r.Intn(4)]
		case cellInt:
			c.num = float64(r.Intn(2000) - 1000)
		}
		if c.style == 0 {
			c = cell{}
		}
		row = append(row, c)
	}
	return row
}

// sameCell compares cells to the bit: -0 is not 0.
func sameCell(a, b cell) bool {
	return a.style == b.style && a.kind == b.kind && a.text == b.text && math.Float64bits(a.num) == math.Float64bits(b.num)
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		v  float64
		n  int64
		d  int
		ok bool
	}{
		{0, 0, 0, true},
		{52.7, 527, 1, true},
		{91.86, 9186, 2, true},
		{-3, -3, 0, true},
		{0.30000000000000004, 0, 0, false}, // 0.1 + 0.2 in float64
		{1.0 / 3, 0, 0, false},
		{math.Copysign(0, -1), 0, 0, false},
		{1e300, 0, 0, false},
	}
	for _, tt := range tests {
		n, d, ok := decimal(tt.v)
		if n != tt.n || d != tt.d || ok != tt.ok {
			t.Errorf("decimal(%v) = %d, %d, %v; want %d, %d, %v", tt.v, n, d, ok, tt.n, tt.d, tt.ok)
		}
	}
}
