package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// A sheet prints on A4 landscape with narrow margins. Its pages are
// planned here from the widths and heights the sheet was given, in the
// units readers lay a sheet out in; where readers differ, the plan takes
// the reader that fits the least, so that a page planned never overflows
// into a page of a few rows.

// The printed part of a page, in points: A4 landscape (297 × 210 mm) less
// the margins print sets.
const (
	// PageWidthPoints is the printed width of a page, in points.
	PageWidthPoints  = 841.9 - (marginLeft+marginRight)*72
	pageHeightPoints = 595.3 - (marginTop+marginBottom)*72
	marginLeft       = 0.25 // inches
	marginRight      = 0.25
	marginTop        = 0.5
	marginBottom     = 0.6
)

// PageHeight is the height, in points, that a page holds at 100 %, less
// a little for readers that round a row's height up.
const PageHeight = pageHeightPoints - 6

// A column width unit (the width of a "0") prints at a size that depends
// on the reader's font: LibreOffice, with its fallback for 等线, lays 24
// columns 4.5 wide and 11 columns 10 wide across a landscape page (7.0 to
// 7.1 points a unit); Excel with 等线 takes 6 (8 pixels a unit: its
// default column, 8.38 wide, is 72 pixels). Columns are planned at the
// widest, so that they fit in every reader; the scale a sheet fitted to
// the page prints at, at the narrowest, so that rows are never thought to
// fit where they do not.
const (
	wideUnit   = 7.2
	narrowUnit = 6
)

// plainRowPoints is the height of a row without a height of its own:
// the sheet's default of 15 points, which LibreOffice keeps for a row of
// 11-point Chinese text, and a little more for safety.
const plainRowPoints = 15.2

// maxBreaks is how many manual page breaks a sheet may have: Excel
// refuses a workbook with more than 1,026.
const maxBreaks = 1000

// PageWidth is the width, in column width units, that prints on one page
// across at scale per cent.
func PageWidth(scale int) float64 {
	return PageWidthPoints * 100 / float64(scale) / wideUnit
}

// Keep asks for rows r1..r2 to print on one page: when they do not fit in
// what is left of the page, a page break goes before r1. A run of rows
// taller than a page still starts on a new page when less than a quarter
// of the page is left, rather than leave its first rows at the foot of
// one. Blocks are asked for in order, top to bottom.
func (s *Sheet[K]) Keep(r1, r2 int) {
	s.keeps = append(s.keeps, [2]int{r1, r2})
}

// BreakCol puts a page break before column col, on a sheet printed at a
// Scale.
func (s *Sheet[K]) BreakCol(col int) {
	s.colBreaks = append(s.colBreaks, col)
}

// print sets the page: A4 landscape, narrow margins, the book's footer;
// one page wide unless the layout has a Scale; the rows and columns
// repeated on every page, the print area, and the page breaks.
func (s *Sheet[K]) print(widths []float64) {
	f := s.b.f
	a4, landscape := 9, "landscape"
	pl := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	fit := s.lay.Scale <= 0
	if fit {
		wide, tall := 1, 0
		pl.FitToWidth, pl.FitToHeight = &wide, &tall
	} else {
		scale := uint(s.lay.Scale)
		pl.AdjustTo = &scale
	}
	s.Fail(f.SetPageLayout(s.name, pl))
	s.Fail(f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	left, right, top, bottom, hdr, ftr, centre := marginLeft, marginRight, marginTop, marginBottom, 0.3, 0.3, true
	s.Fail(f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: &left, Right: &right, Top: &top, Bottom: &bottom, Header: &hdr, Footer: &ftr, Horizontally: &centre,
	}))
	if footer := s.b.opts.Footer; footer != nil {
		s.Fail(f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: footer(s.name)}))
	}
	s.printNames()
	breaks := s.rowBreaks(widths)
	for _, col := range s.colBreaks {
		breaks = append(breaks, s.ref(col, 1))
	}
	for _, cell := range breaks[:min(len(breaks), maxBreaks)] {
		s.Fail(f.InsertPageBreak(s.name, cell))
	}
}

// printNames defines the rows (and on a sheet printed at a Scale, the
// columns) printed on every page, and the print area when the sheet
// prints fewer columns than it has.
func (s *Sheet[K]) printNames() {
	l := s.lay
	var titles []string
	if l.Scale > 0 && l.KeepCols > 0 {
		titles = append(titles, fmt.Sprintf("'%s'!$A:$%s", s.name, s.colNames[l.KeepCols]))
	}
	if l.HeadRows > l.TitleRows {
		titles = append(titles, fmt.Sprintf("'%s'!$%d:$%d", s.name, l.TitleRows+1, l.HeadRows))
	}
	if len(titles) > 0 {
		s.Fail(s.b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: s.name, RefersTo: join(titles),
		}))
	}
	if l.PrintCols > 0 && l.PrintCols < max(l.Cols, s.used[0]) {
		s.Fail(s.b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Area", Scope: s.name,
			RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", s.name, s.colNames[l.PrintCols], s.lastRow()),
		}))
	}
}

func join(refs []string) string {
	out := refs[0]
	for _, r := range refs[1:] {
		out += "," + r
	}
	return out
}

// lastRow is the last row printed: the used range's, or a kept block's
// below it (a chart's rows).
func (s *Sheet[K]) lastRow() int {
	last := max(s.used[1], 1)
	if n := len(s.keeps); n > 0 {
		last = max(last, s.keeps[n-1][1])
	}
	return last
}

// rowBreaks plans the pages down the sheet, and returns the cells before
// which the kept blocks need a manual break. It follows the reader's own
// breaks between the blocks: a page is full when its next row does not
// fit.
func (s *Sheet[K]) rowBreaks(widths []float64) []string {
	if len(s.keeps) == 0 {
		return nil
	}
	page := PageHeight / s.printScale(widths)
	head := 0.0 // the header rows repeated on every page
	pos := 0.0  // the height used on the page
	for row := 1; row <= s.lay.HeadRows; row++ {
		h := s.printedHeight(row)
		pos += h
		if row > s.lay.TitleRows {
			head += h
		}
	}
	var breaks []string
	keeps := s.keeps
	for row := s.lay.HeadRows + 1; row <= s.lastRow(); row++ {
		if len(keeps) > 0 && keeps[0][0] == row {
			need, room := s.blockHeight(keeps[0]), page-pos
			if need > room && pos > head && (need <= page-head || room < (page-head)/4) {
				breaks = append(breaks, s.ref(1, row))
				pos = head
			}
			keeps = keeps[1:]
		}
		h := s.printedHeight(row)
		if pos+h > page && pos > head {
			pos = head
		}
		pos += h
	}
	return breaks
}

// blockHeight is the height of rows b[0]..b[1].
func (s *Sheet[K]) blockHeight(b [2]int) float64 {
	h := 0.0
	for row := b[0]; row <= b[1]; row++ {
		h += s.printedHeight(row)
	}
	return h
}

// printedHeight is a row's height as printed, in points.
func (s *Sheet[K]) printedHeight(row int) float64 {
	if h := s.height(row); h > 0 {
		return h
	}
	return plainRowPoints
}

// height is the height the file gives a row, or 0 for the default.
func (s *Sheet[K]) height(row int) float64 {
	if row > s.lay.HeadRows && s.bodyHeight > 0 {
		return s.bodyHeight
	}
	// Most rows have no height of their own: at national scale, 850,000
	// of them are below the last that has.
	if row <= s.lastSized {
		if h, ok := s.rowHeight[row]; ok {
			return h
		}
	}
	if row > s.lay.HeadRows && row <= s.used[1] {
		return s.lay.RowHeight
	}
	return 0
}

// printScale is the share of its size that the sheet prints at: its
// Scale, or for a sheet fitted to one page across, the page's width over
// the printed columns' in the narrowest reader (at most 1).
func (s *Sheet[K]) printScale(widths []float64) float64 {
	if s.lay.Scale > 0 {
		return float64(s.lay.Scale) / 100
	}
	last := s.lay.Cols
	if s.lay.PrintCols > 0 {
		last = min(last, s.lay.PrintCols)
	}
	w := 0.0
	for _, cw := range widths[1 : last+1] {
		w += cw
	}
	return min(1, PageWidthPoints/(w*narrowUnit))
}
