package synth

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
)

// small is a scale big enough for every kind of cell to occur.
var small = Scale{Name: "t", Units: 60, Indicators: 40, Sheets: 3, Periods: 2}

// cellCounts counts the drawn cells of a book by how they are written.
type cellCounts struct{ cells, blank, unsent, text int }

func countCells(b *book) cellCounts {
	var c cellCounts
	for _, ind := range b.p.Indicators {
		for k, v := range ind.Values {
			c.cells++
			switch t := b.typing[ind][k]; {
			case !v.OK && t == data.TypeText:
				c.unsent++
			case !v.OK:
				c.blank++
			case t == data.TypeText:
				c.text++
			}
		}
	}
	return c
}

// TestRealisticReadsBack: what data.Load reads from the generated
// workbooks is exactly what was drawn — text figures read as numbers,
// blank and 未报送 as missing, and the total and note rows are no units.
func TestRealisticReadsBack(t *testing.T) {
	paths, err := Generate(t.TempDir(), small, 7)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(data.Options{}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Warnings) > 0 {
		t.Errorf("warnings:\n%v", ds.Warnings)
	}
	g, _ := newGenerator(small, 7)
	if len(ds.Periods) != small.Periods {
		t.Fatalf("%d periods", len(ds.Periods))
	}
	var all cellCounts
	for m, got := range ds.Periods {
		want := g.book(m)
		comparePeriod(t, want.p, got)
		c := countCells(want)
		all.cells, all.blank, all.unsent, all.text = all.cells+c.cells, all.blank+c.blank, all.unsent+c.unsent, all.text+c.text
		if n := countWritten(t, paths[m], missingWord); n != c.unsent {
			t.Errorf("%s: %d cells 未报送, drew %d", paths[m], n, c.unsent)
		}
	}
	missing := float64(all.blank+all.unsent) / float64(all.cells)
	text := float64(all.text) / float64(all.cells)
	t.Logf("%d cells: %.1f%% missing (%d blank, %d 未报送), %.1f%% figures as text", all.cells, missing*100, all.blank, all.unsent, text*100)
	if missing < 0.02 || missing > 0.04 || all.blank == 0 || all.unsent == 0 || text < 0.01 || text > 0.03 {
		t.Error("shares of missing and text cells are off")
	}
}

const missingWord = "未报送"

// comparePeriod checks a period read back against the one drawn.
func comparePeriod(t *testing.T, want, got *data.Period) {
	t.Helper()
	if got.Month != want.Month || got.Title != want.Title || got.Source != want.Source {
		t.Errorf("period %v %q %q, want %v %q %q", got.Month, got.Title, got.Source, want.Month, want.Title, want.Source)
	}
	if strings.Join(got.Units, ",") != strings.Join(want.Units, ",") {
		t.Fatalf("%v: units %v, want %v", got.Month, got.Units, want.Units)
	}
	if len(got.Indicators) != len(want.Indicators) {
		t.Fatalf("%v: %d indicators, want %d", got.Month, len(got.Indicators), len(want.Indicators))
	}
	for i, w := range want.Indicators {
		x := got.Indicators[i]
		if x.Name != w.Name || x.Group != w.Group || x.Unit != w.Unit || x.Direction != w.Direction || x.Weight != w.Weight ||
			x.Decimals != w.Decimals || x.Ranked != w.Ranked || x.Schedule != w.Schedule || x.Sheet != w.Sheet {
			t.Errorf("indicator %d: %+v, want %+v", i, *x, *w)
			continue
		}
		for k, v := range w.Values {
			if y := x.Values[k]; y.OK != v.OK || y.Number != v.Number || y.Decimals != v.Decimals {
				t.Errorf("%s %s: read %+v, drew %+v", w.Name, want.Units[k], y, v)
			}
		}
	}
}

// countWritten counts the data-sheet cells of a workbook holding text,
// checking on the way that each table has its total and note rows and
// that figures are typed as text both ways (52.7%, 1,234.5).
func countWritten(t *testing.T, path, text string) int {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	n, percent, grouped := 0, 0, 0
	for _, s := range x.GetSheetList() {
		if s == data.SheetParams || s == data.SheetUnits || s == data.SheetIndicators {
			continue
		}
		rows, _ := x.GetRows(s, excelize.Options{RawCellValue: true})
		var firsts []string
		for _, r := range rows {
			if len(r) > 0 {
				firsts = append(firsts, r[0])
			}
			for _, c := range r[1:] {
				n += btoi(c == text)
				percent += btoi(strings.HasSuffix(c, "%"))
				grouped += btoi(strings.Contains(c, ","))
			}
		}
		if len(firsts) < 3 || firsts[len(firsts)-2] != "全市" && firsts[len(firsts)-2] != "合计" || !strings.HasPrefix(firsts[len(firsts)-1], "注") {
			t.Errorf("%s!%s: no total and note rows at the end: %q", filepath.Base(path), s, firsts[max(0, len(firsts)-3):])
		}
	}
	if percent == 0 || grouped == 0 {
		t.Errorf("%s: %d text figures with %%, %d with a thousands separator", filepath.Base(path), percent, grouped)
	}
	return n
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestNationalShape checks the national scale's figures without writing
// them: county-style names, one in five indicators lower-is-better, and
// dozens of units tied on each value of a count.
func TestNationalShape(t *testing.T) {
	g, err := newGenerator(National, 1)
	if err != nil {
		t.Fatal(err)
	}
	lengths := map[int]int{}
	for _, u := range g.units {
		n := utf8.RuneCountInString(u)
		lengths[n]++
		if n < 2 || n > 5 || !strings.ContainsAny(u[len(u)-3:], "区市县旗") {
			t.Errorf("unit name %q", u)
		}
	}
	if len(lengths) != 4 {
		t.Errorf("name lengths %v, want 2 to 5", lengths)
	}
	p := g.book(0).p
	lower, counts, ties := 0, 0, 0.0
	for _, ind := range p.Indicators {
		lower += btoi(ind.Direction == data.Lower)
		if ind.Unit != "个" {
			continue
		}
		distinct, reported := map[float64]bool{}, 0
		for _, v := range ind.Values {
			if v.OK {
				distinct[v.Number] = true
				reported++
			}
		}
		counts++
		ties += float64(reported) / float64(len(distinct))
	}
	t.Logf("%d names %v; %d of %d lower-is-better; %d counts, %.0f units per value", len(g.units), lengths, lower, len(p.Indicators), counts, ties/float64(counts))
	if share := float64(lower) / float64(len(p.Indicators)); share < 0.12 || share > 0.28 {
		t.Errorf("%.0f%% lower-is-better", share*100)
	}
	if counts == 0 || ties/float64(counts) < 24 {
		t.Errorf("counts tie too little: %.1f units per value", ties/float64(counts))
	}
}

func TestProvinceSheets(t *testing.T) {
	ps, err := plans(Province, rand.New(rand.NewSource(1)))
	if err != nil {
		t.Fatal(err)
	}
	sheets, groups := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		sheets[p.sheet] = true
		groups[p.group] = true
	}
	if len(sheets) != 5 || len(groups) != 7 {
		t.Errorf("%d sheets, %d groups: want 5 sheets, two of them with two groups", len(sheets), len(groups))
	}
	if _, err := plans(Scale{Indicators: 601, Sheets: 1, Units: 1, Periods: 1}, rand.New(rand.NewSource(1))); err == nil {
		t.Error("601 indicators accepted: names would repeat")
	}
}

// TestGenerateDeterministicAndCached: one seed gives the same bytes; a
// cache is reused only when its stamp says this generator made it.
func TestGenerateDeterministicAndCached(t *testing.T) {
	tiny := Scale{Name: "tiny", Units: 7, Indicators: 9, Sheets: 2, Periods: 2}
	dirA, dirB := t.TempDir(), t.TempDir()
	a, err := Generate(dirA, tiny, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(dirB, tiny, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := read(t, b[0])
	if !bytes.Equal(read(t, a[0]), want) || !bytes.Equal(read(t, a[1]), read(t, b[1])) {
		t.Error("two generations with one seed differ")
	}
	if err := os.WriteFile(a[0], []byte("cached"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dirA, tiny, 1); err != nil || string(read(t, a[0])) != "cached" {
		t.Errorf("cache not reused (%v)", err)
	}
	if _, err := Generate(dirA, tiny, 2); err != nil || bytes.Equal(read(t, a[0]), want) || string(read(t, a[0])) == "cached" {
		t.Errorf("another seed reused the cache (%v)", err)
	}
	if err := os.WriteFile(filepath.Join(dirA, stampFile), []byte("shaipin synth v0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dirA, tiny, 1); err != nil || !bytes.Equal(read(t, a[0]), want) {
		t.Errorf("a stale cache was reused (%v)", err)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
