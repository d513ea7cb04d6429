package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// breaks are the manual page breaks of the first sheet, rows or columns
// (tag "rowBreaks" or "colBreaks"), as the 1-based row or column that
// starts a page.
func breaks(t *testing.T, b []byte, tag string) []int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(f)
	var out []int
	section := regexp.MustCompile(`<` + tag + `[^>]*>.*?</` + tag + `>`).Find(doc)
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllSubmatch(section, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n+1)
	}
	return out
}

// blocks fills a sheet of one header row and blocks of the given sizes,
// each kept on a page, rows 15 points tall.
func blocks(sizes ...int) func(s *Sheet[key]) {
	return func(s *Sheet[key]) {
		s.Text(1, 1, "头", key{})
		row := 2
		for _, n := range sizes {
			for i := 0; i < n; i++ {
				s.Text(1, row+i, "行", key{})
			}
			s.Keep(row, row+n-1)
			row += n
		}
		s.SetLayout(Layout{Cols: 1, HeadRows: 1, RowHeight: 15})
	}
}

// TestKeep plans pages of PageHeight (510 points at 100 %): under a header
// row of the default height (planned as 15.2), 33 rows of 15 points.
func TestKeep(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
		want  []int
	}{
		// Two blocks of 12 fit (375.2); the third does not, nor the
		// fifth on the second page.
		{"blocks that fit a page", []int{12, 12, 12, 12, 12}, []int{26, 50}},
		// After 30 rows, 44.8 points are left: the long block starts on a
		// new page, then flows (the reader breaks it).
		{"a long block at the foot of a page", []int{30, 80}, []int{32}},
		// After 12 rows, 315 points are left: the long block starts there.
		{"a long block with room", []int{12, 80}, nil},
		{"everything on one page", []int{10, 10, 10}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := write(t, Options{}, blocks(tt.sizes...))
			if got := breaks(t, b, "rowBreaks"); !equalInts(got, tt.want) {
				t.Errorf("breaks before rows %v, want %v", got, tt.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestKeepScale: a sheet fitted to one page across prints smaller when it
// is wide, and more rows fit a page.
func TestKeepScale(t *testing.T) {
	wide := func(s *Sheet[key]) {
		for col := 1; col <= 20; col++ {
			s.Limit(col, 13, 13) // 260 units: 784 ÷ (260 × 6) ≈ 50 %
		}
		blocks(20, 20, 20)(s) // 900 points: two pages at 100 %
		s.SetLayout(Layout{Cols: 20, HeadRows: 1, RowHeight: 15})
	}
	if got := breaks(t, write(t, Options{}, wide), "rowBreaks"); len(got) != 0 {
		t.Errorf("breaks %v: at half size the three blocks fit one page", got)
	}
}

// TestPrintSetup: the rows repeated on every page skip the title rows; a
// sheet printing fewer columns than it has gets a print area; a sheet at a
// scale breaks where asked and repeats its kept columns.
func TestPrintSetup(t *testing.T) {
	fill := func(s *Sheet[key]) {
		s.Text(1, 1, "标题", key{text: Span})
		s.Text(1, 2, "注", key{text: Span})
		for col := 1; col <= 6; col++ {
			s.Text(col, 3, "列", key{})
			s.Text(col, 4, "值", key{})
		}
		s.BreakCol(5)
		s.SetLayout(Layout{Cols: 6, TitleRows: 2, HeadRows: 3, KeepCols: 2, PrintCols: 5, Scale: 80})
	}
	b := write(t, Options{}, fill)
	f := open(t, b)
	names := map[string]string{}
	for _, n := range f.GetDefinedName() {
		names[n.Name] = n.RefersTo
	}
	if got := names["_xlnm.Print_Titles"]; got != "'A'!$A:$B,'A'!$3:$3" {
		t.Errorf("print titles %q", got)
	}
	if got := names["_xlnm.Print_Area"]; got != "'A'!$A$1:$E$4" {
		t.Errorf("print area %q", got)
	}
	pl, _ := f.GetPageLayout("A")
	sp, _ := f.GetSheetProps("A")
	if pl.AdjustTo == nil || *pl.AdjustTo != 80 || sp.FitToPage == nil || *sp.FitToPage {
		t.Errorf("scale %v, fit to page %v", pl.AdjustTo, sp.FitToPage)
	}
	if got := breaks(t, b, "colBreaks"); !equalInts(got, []int{5}) {
		t.Errorf("column breaks %v", got)
	}
}

// TestChartRows: the rows a chart covers get the default height, so that
// every reader draws it at its size, and count as used; AddChart says which
// is its last.
func TestChartRows(t *testing.T) {
	var last int
	fill := func(s *Sheet[key]) {
		s.Text(1, 1, "甲", key{})
		s.Number(2, 1, 3, key{}, func() string { return "3" })
		last = s.AddChart(1, 3, &excelize.Chart{
			Type:      excelize.Bar,
			Series:    []excelize.ChartSeries{{Categories: "'A'!$A$1:$A$1", Values: "'A'!$B$1:$B$1"}},
			Dimension: excelize.ChartDimension{Width: 300, Height: 100},
		}, nil)
		s.Keep(3, last)
		s.SetLayout(Layout{Cols: 2})
	}
	f := open(t, write(t, Options{}, fill))
	if last != 3+6-1 { // 100 pixels over rows of 18
		t.Errorf("last row %d, want 8", last)
	}
	for row := 3; row <= last; row++ {
		if h, _ := f.GetRowHeight("A", row); h != 15 {
			t.Errorf("row %d is %v high", row, h)
		}
	}
	if dim, _ := f.GetSheetDimension("A"); dim != "A1:B8" {
		t.Errorf("dimension %s", dim)
	}
}

// TestBreaksCapped: Excel refuses more than 1,026 manual breaks a sheet.
func TestBreaksCapped(t *testing.T) {
	sizes := make([]int, 1500)
	for i := range sizes {
		sizes[i] = 20 // one a page
	}
	if got := breaks(t, write(t, Options{}, blocks(sizes...)), "rowBreaks"); len(got) != maxBreaks {
		t.Errorf("%d breaks, want %d", len(got), maxBreaks)
	}
}
