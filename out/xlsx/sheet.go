package xlsx

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// Sheet is a worksheet being filled, by the function given to Book.Sheet.
// Its cells are numbered from 1, as in Excel. Rows are filled in order: a
// cell may go into the row above the current one (a header two rows tall),
// not further up.
type Sheet[K Key] struct {
	b    *Book[K]
	name string
	fill func(s *Sheet[K])

	// Measured as the cells come.
	//
	// width is the widest content seen in each column (1-based), and
	// limit an optional [min, max] for it; capped marks the columns
	// already as wide as their limit allows, which need no more
	// measuring: at national scale a remark column is in its first rows.
	width  []float64
	limit  map[int][2]float64
	capped []bool
	// wraps are the wrapped-text cells of each row, for its height.
	wraps map[int][]wrapped
	// heights are row heights the writer asked for.
	heights map[int]float64
	// used is the bottom-right corner of the cells written.
	used   [2]int
	lay    Layout
	merges [][4]int
	// filter is the autofilter range (c1, r1, c2, r2), if any.
	filter *[4]int
	// keeps are the blocks of rows to print on one page (Keep), and
	// colBreaks the columns to break the pages before (BreakCol).
	keeps     [][2]int
	colBreaks []int
	// styles and strs remember the last style and string of each column:
	// rows repeat their neighbours', and a map lookup per cell would cost
	// more than writing the cell.
	styles []lastStyle[K]
	strs   []lastString

	rows rows

	// Worked out when the sheet is filled, for writing it.
	//
	// rowHeight is the final height of the rows that have one, and
	// bodyHeight that of every row below the head rows (Layout.Uniform).
	rowHeight  map[int]float64
	bodyHeight float64
	// lastSized is the last row in rowHeight.
	lastSized int
	colNames  []string
}

// lastStyle is a column's last style key and its style.
type lastStyle[K Key] struct {
	key K
	st  style
	ok  bool
}

// lastString is a column's last string and its index in the table.
type lastString struct {
	s  string
	id int
}

// wrapped is a wrapped-text cell spanning columns c1..c2, in text of
// the given size in points.
type wrapped struct {
	c1, c2 int
	text   string
	points float64
}

func newSheet[K Key](b *Book[K], name string, fill func(s *Sheet[K])) *Sheet[K] {
	return &Sheet[K]{
		b: b, name: name, fill: fill, rows: rows{rec: record{scratch: &b.scratch}},
		limit: map[int][2]float64{}, wraps: map[int][]wrapped{}, heights: map[int]float64{},
	}
}

// build fills the sheet and gives it its layout.
func (s *Sheet[K]) build() {
	s.fill(s)
	s.rows.end(s.used[1])
	s.rows.rec.close()
	s.fill = nil
	if s.b.err == nil {
		s.setup()
	}
}

// Name is the sheet's name.
func (s *Sheet[K]) Name() string { return s.name }

// MaxRows is how many rows the sheet may have (Options.MaxRows).
func (s *Sheet[K]) MaxRows() int { return s.b.opts.MaxRows }

// MaxCols is how many columns the sheet may have (Options.MaxCols).
func (s *Sheet[K]) MaxCols() int { return s.b.opts.MaxCols }

// Fail records an error of the code filling the sheet; Build returns the
// first.
func (s *Sheet[K]) Fail(err error) { s.b.fail(err) }

// Limit bounds column col's width: at least min, and at most max however
// long its text. Ask before writing the column's cells.
func (s *Sheet[K]) Limit(col int, min, max float64) {
	s.limit[col] = [2]float64{min, max}
}

// Text writes a string cell, always as a string, so that a name like
// "=HYPERLINK(…)" stays text whatever it starts with.
func (s *Sheet[K]) Text(col, row int, v string, k K) {
	st := s.style(col, k)
	c := s.at(col, row)
	s.touch(col, row)
	if st.text == Unique {
		*c = cell{style: st.id, kind: cellInline, text: v}
	} else {
		*c = cell{style: st.id, kind: cellText, num: float64(s.str(col, v))}
		s.b.strs.refs++
	}
	switch st.text {
	case Span:
		// merged or stacked: its width is not the column's
	case Wrap:
		s.measure(col, v)
		s.wraps[row] = append(s.wraps[row], wrapped{c1: col, c2: col, text: v, points: bodyPoints})
	default:
		if !s.full(col) {
			s.measure(col, v)
		}
	}
}

// Number writes a numeric cell; shown is how it reads once formatted, for
// the column's width. Excel has no NaN or infinity: writing one is an
// error.
func (s *Sheet[K]) Number(col, row int, v float64, k K, shown func() string) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		s.Fail(fmt.Errorf("内部错误:%s!%s 的值 %v 不是 Excel 能存的数", s.name, s.ref(col, row), v))
		return
	}
	s.put(col, row, k, cellNumber, v)
	if !s.full(col) {
		s.measure(col, shown())
	}
}

// Int writes an integer cell.
func (s *Sheet[K]) Int(col, row, n int, k K) {
	s.put(col, row, k, cellInt, float64(n))
	if s.full(col) {
		return
	}
	digits := 1
	if n < 0 {
		digits++
	}
	for v := n / 10; v != 0; v /= 10 {
		digits++
	}
	s.widen(col, float64(digits)*1.1+2) // Width of the digits
}

// Blank styles an empty cell, so that a row's borders and fills stay
// whole where there is nothing to show.
func (s *Sheet[K]) Blank(col, row int, k K) {
	s.put(col, row, k, cellBlank, 0)
}

// put writes a cell that is not text.
func (s *Sheet[K]) put(col, row int, k K, kind cellKind, num float64) {
	id := s.style(col, k).id
	*s.at(col, row) = cell{style: id, kind: kind, num: num}
	s.touch(col, row)
}

// Merge merges a range and styles all of it, so that borders and fills
// cover the whole merged area in every reader; the text stays in the
// top-left cell.
func (s *Sheet[K]) Merge(c1, r1, c2, r2 int, k K) {
	if c1 == c2 && r1 == r2 {
		return
	}
	s.touch(c1, r1)
	s.touch(c2, r2)
	id := s.b.style(k).id
	s.merges = append(s.merges, [4]int{c1, r1, c2, r2})
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			s.at(c, r).style = id
		}
	}
}

// Height asks for a row's height, in points. A row with more lines of
// wrapped text than fit is made taller.
func (s *Sheet[K]) Height(row int, h float64) {
	s.heights[row] = h
}

// Wrap counts text, wrapped across columns c1..c2 (a merged cell) in
// points-sized type, in the row's height.
func (s *Sheet[K]) Wrap(row, c1, c2 int, text string, points float64) {
	s.wraps[row] = append(s.wraps[row], wrapped{c1: c1, c2: c2, text: text, points: points})
}

// AutoFilter puts the filter buttons on the header row c1..c2 of r1, over
// the rows down to r2.
func (s *Sheet[K]) AutoFilter(c1, r1, c2, r2 int) {
	s.filter = &[4]int{c1, r1, c2, r2}
}

// SetLayout says how the sheet is shown and printed.
func (s *Sheet[K]) SetLayout(l Layout) {
	s.lay = l
}

// AddChart anchors a chart at a cell, then lets edit change the chart's
// XML for what excelize cannot say (nil leaves it). Add it after the cells
// it covers and before the sheet is done: excelize places the chart's
// corners by the column widths it knows, the default ones, and by the
// default row height, which the rows it covers are then given, so that
// every reader draws it at its size (LibreOffice draws an empty row less
// tall). It returns the last row the chart covers.
func (s *Sheet[K]) AddChart(col, row int, c *excelize.Chart, edit func(xml []byte) []byte) int {
	b := s.b
	last := row + int(math.Ceil(float64(c.Dimension.Height)/defaultRowPixels)) - 1
	for r := row; r <= last; r++ {
		s.heights[r] = defaultRowPoints
	}
	s.touch(col, last)
	b.fail(b.f.AddChart(s.name, s.ref(col, row), c))
	if b.err != nil {
		return last
	}
	b.charts++
	part := fmt.Sprintf("xl/charts/chart%d.xml", b.charts)
	doc, ok := b.f.Pkg.Load(part)
	if !ok {
		b.fail(fmt.Errorf("找不到图表 %s", part))
		return last
	}
	if edit != nil {
		b.f.Pkg.Store(part, edit(doc.([]byte)))
	}
	return last
}

// A row of the default height, 15 points, is 18 pixels to excelize when
// it anchors a chart (its convertRowHeightToPixels), though 20 on a
// screen: a chart covers Height/18 rows, and readers draw it that tall.
const (
	defaultRowPoints = 15
	defaultRowPixels = 18
)

// ChartPoints is the height, in points, at which readers draw a chart of
// the given nominal height in pixels.
func ChartPoints(pixels float64) float64 {
	return pixels / defaultRowPixels * defaultRowPoints
}

// touch extends the used range to a cell.
func (s *Sheet[K]) touch(col, row int) {
	s.used = [2]int{max(s.used[0], col), max(s.used[1], row)}
}

// ref is a cell's name, "B3".
func (s *Sheet[K]) ref(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	s.Fail(err)
	return c
}

// style is the style of key k, for a cell in col.
func (s *Sheet[K]) style(col int, k K) style {
	for len(s.styles) <= col {
		s.styles = append(s.styles, lastStyle[K]{})
	}
	if last := &s.styles[col]; last.ok && last.key == k {
		return last.st
	}
	st := s.b.style(k)
	s.styles[col] = lastStyle[K]{key: k, st: st, ok: true}
	return st
}

// str is the index of v in the shared string table, for a cell in col.
func (s *Sheet[K]) str(col int, v string) int {
	for len(s.strs) <= col {
		s.strs = append(s.strs, lastString{id: -1})
	}
	if last := &s.strs[col]; last.id >= 0 && last.s == v {
		return last.id
	}
	id := s.b.strs.add(v)
	s.strs[col] = lastString{s: v, id: id}
	return id
}

// measure widens col to fit shown.
func (s *Sheet[K]) measure(col int, shown string) {
	s.widen(col, Width(shown))
}

func (s *Sheet[K]) widen(col int, w float64) {
	for len(s.width) <= col {
		s.width = append(s.width, 0)
		s.capped = append(s.capped, false)
	}
	if w <= s.width[col] {
		return
	}
	s.width[col] = w
	if lim, ok := s.limit[col]; ok && w >= lim[1] {
		s.capped[col] = true
	}
}

// full reports whether col is as wide as its limit allows.
func (s *Sheet[K]) full(col int) bool {
	return col < len(s.capped) && s.capped[col]
}
