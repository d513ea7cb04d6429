package xlsx

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"shaipin/textwidth"
)

// Layout says how a finished sheet is shown and printed.
type Layout struct {
	// Cols are the columns 1..Cols that get widths.
	Cols int
	// HeadRows are the title and header rows, frozen on screen. Those
	// below the first TitleRows (the title and its notes, printed on the
	// first page only) are repeated at the top of every printed page.
	HeadRows, TitleRows int
	// KeepCols are the columns frozen on the left; on a sheet printed
	// at a Scale, they are repeated at the left of every page.
	KeepCols int
	// Uniform gives every row below the head rows the same height: that
	// of the row with the most wrapped lines.
	Uniform bool
	// RowHeight, when above 0, is the height in points of the rows below
	// the head rows that have none of their own. It makes a sheet with
	// rows kept together (Keep) print as planned, whatever height a
	// reader's fonts would give a row.
	RowHeight float64
	// PrintCols, when above 0, are the columns printed, 1..PrintCols: a
	// remark column after them is for the screen, and would shrink the
	// printed table to fit it.
	PrintCols int
	// Scale, when above 0, prints the sheet at Scale per cent, across as
	// many pages as it needs, breaking where BreakCol asked. Otherwise
	// the printed columns are fitted to one page across.
	Scale int
}

// bodyPoints is the size of the type the column widths are for.
const bodyPoints = 11

// lineHeight is the height in points of a line of 11-point text in the
// CJK fonts readers fall back to, which are taller than Excel's default.
const lineHeight = 16

// setup gives the sheet its layout from what was measured as it was
// filled: column widths, the heights of rows with wrapped text, the used
// range, merged cells, frozen panes, the autofilter and the print setup.
func (s *Sheet[K]) setup() {
	f := s.b.f
	for len(s.colNames) <= max(s.used[0], s.lay.Cols) {
		name, err := excelize.ColumnNumberToName(max(len(s.colNames), 1))
		s.Fail(err)
		s.colNames = append(s.colNames, name)
	}
	widths := s.widths()
	s.rowHeights(widths)
	for _, m := range s.merges {
		s.Fail(f.MergeCell(s.name, s.ref(m[0], m[1]), s.ref(m[2], m[3])))
	}
	// excelize leaves the used range at A1; readers that size their
	// reading by it would see an empty sheet.
	s.Fail(f.SetSheetDimension(s.name, "A1:"+s.ref(max(s.used[0], 1), max(s.used[1], 1))))
	// Before the sheet properties: excelize's autofilter replaces them.
	if r := s.filter; r != nil {
		s.Fail(f.AutoFilter(s.name, s.ref(r[0], r[1])+":"+s.ref(r[2], r[3]), nil))
	}
	s.panes()
	s.print(widths)
}

// widths sets the columns' widths, and returns them by column: as wide as
// their content, at least 6 and within their limits.
func (s *Sheet[K]) widths() []float64 {
	last := s.lay.Cols
	widths := make([]float64, last+1)
	for col := 1; col <= last; col++ {
		w := 0.0
		if col < len(s.width) {
			w = s.width[col]
		}
		w = max(w, 6)
		if lim, ok := s.limit[col]; ok {
			w = min(max(w, lim[0]), lim[1])
		}
		widths[col] = w
	}
	// A run of equal widths in one call: excelize rewrites its column
	// list at each call, and a matrix has hundreds of columns of one
	// width.
	for c1 := 1; c1 <= last; {
		c2 := c1
		for c2 < last && widths[c2+1] == widths[c1] {
			c2++
		}
		s.Fail(s.b.f.SetColWidth(s.name, s.colNames[c1], s.colNames[c2], widths[c1]))
		c1 = c2 + 1
	}
	return widths
}

// panes freezes the head rows and the kept columns.
func (s *Sheet[K]) panes() {
	l := s.lay
	if l.HeadRows <= 0 {
		return
	}
	pane := "bottomLeft"
	if l.KeepCols > 0 {
		pane = "bottomRight"
	}
	s.Fail(s.b.f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, XSplit: l.KeepCols, YSplit: l.HeadRows,
		TopLeftCell: s.ref(l.KeepCols+1, l.HeadRows+1), ActivePane: pane,
	}))
}

// rowHeights works out the height of every row from those asked for and
// from an estimate of the lines of its wrapped text. Readers do not agree
// on growing such rows when a file opens (LibreOffice keeps the default
// height and the lines overlap), so the file says how tall they are. The
// estimate counts a Chinese character as two width units: in Excel's 等线
// it is nearer 1.85 and in LibreOffice's fallback fonts less, so a row is
// never too short, and it is no longer padded a line when its text just
// fits. With Uniform, every body row (below the head rows) gets the
// tallest body row's height, so a table reads as a grid rather than a
// ragged list. No row is taller than Excel allows (409 points, 25 lines):
// a longer text is cut off at the bottom of its cell rather than refused.
func (s *Sheet[K]) rowHeights(widths []float64) {
	s.rowHeight = map[int]float64{}
	for row, h := range s.heights {
		s.rowHeight[row] = min(h, excelize.MaxRowHeight)
		s.lastSized = max(s.lastSized, row)
	}
	most := 1.0
	for row, ws := range s.wraps {
		n := 1.0
		for _, w := range ws {
			avail := -1.0 // a cell's padding
			for c := w.c1; c <= w.c2 && c < len(widths); c++ {
				avail += widths[c]
			}
			// Smaller type fits more characters.
			avail *= bodyPoints / w.points
			n = max(n, Lines(w.text, avail))
		}
		if n > 1 {
			s.rowHeight[row] = lineHeightOf(n)
			s.lastSized = max(s.lastSized, row)
		}
		if row > s.lay.HeadRows {
			most = max(most, n)
		}
	}
	if s.lay.Uniform && most > 1 {
		s.bodyHeight = lineHeightOf(most)
	}
}

// lineHeightOf is the height of a row of n lines, at most Excel's limit.
func lineHeightOf(n float64) float64 {
	return min(lineHeight*n+4, excelize.MaxRowHeight)
}

// Lines estimates how many lines text takes wrapped in a cell avail
// width units wide (Width's units, less the cell's padding of one):
// Chinese text breaks between any two characters, so each of its lines is
// just its width over the cell's.
func Lines(text string, avail float64) float64 {
	n := 0.0
	for line := range strings.SplitSeq(text, "\n") {
		n += max(1, math.Ceil(float64(textwidth.Of(line))/max(avail, 1)))
	}
	return n
}

// Width is a column width, in Excel's units (the width of a "0"), that
// fits s: a Chinese character is about two of them.
func Width(s string) float64 {
	w := 0.0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, float64(textwidth.Of(line)))
	}
	return w*1.1 + 2
}
