package out

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/rank"
	"shaipin/textwidth"
)

// Excel's limits on a worksheet. They are variables so that tests can
// try a sheet that outgrows them without a million rows.
var (
	sheetRows = excelize.TotalRows  // 1,048,576
	sheetCols = excelize.MaxColumns // 16,384
)

// maxRowHeight is the tallest row Excel allows, in points; excelize refuses
// a taller one, so every estimated height is capped at it.
const maxRowHeight = excelize.MaxRowHeight

// sheet is one worksheet. Its writer fills it twice with the same calls.
//
// The first pass, in book.write, writes no cell. It measures the column
// widths, the lines of wrapped text and the used range, makes the cell
// styles and the merged ranges, and then gives the sheet its layout through
// excelize: widths, row heights, panes, merged cells, autofilter, print
// setup.
//
// The second pass runs when the workbook is saved: it writes the rows as
// XML, straight into the compressor, in place of the <sheetData> excelize
// writes for the sheet (see rewrite and sortedZip). The XML is excelize's
// own: the cells, styles and shared strings it writes cell by cell, the
// remarks as inline strings as its StreamWriter writes them. Cell by cell
// through excelize, a national workbook (8.5 million cells on 分项排名)
// took 40 seconds of CPU and 5.8 GB; through its StreamWriter, 3.5 seconds
// of CPU in SetRow alone, most of it allocating. Written here, the same
// rows take under a second.
type sheet struct {
	b    *book
	name string
	fill func(s *sheet)
	// writing is set in the second pass, and err is its first error
	// (book.err belongs to the first pass; the second may run beside
	// other sheets' second passes).
	writing bool
	err     error

	// Measured in the first pass.
	//
	// width is the widest content seen in each column (1-based), and
	// limit an optional [min, max] for it; capped marks the columns
	// already as wide as their limit allows, which need no more
	// measuring: at national scale the 说明 column is in its first rows.
	width  []float64
	limit  map[int][2]float64
	capped []bool
	// wraps are the wrapped-text cells of each row, for its height.
	wraps map[int][]wrapped
	// heights are row heights the writer asked for.
	heights map[int]float64
	// used is the bottom-right corner of the cells written.
	used   [2]int
	lay    layout
	merges [][4]int
	// filter is the autofilter range (c1, r1, c2, r2), if any.
	filter *[4]int
	// styles and strs remember the last style and string of each column:
	// rows repeat their neighbours', and a map lookup per cell would cost
	// more than writing the cell.
	styles []lastStyle
	strs   []lastString

	// The second pass.
	//
	// rowHeight is the final height of the rows that have one, and
	// bodyHeight that of every row below the head rows (layout.uniform).
	rowHeight  map[int]float64
	bodyHeight float64
	colNames   []string
	// Rows up to done are written; open holds rows done+1, done+2, …
	// until they are.
	done  int
	open  [][]cell
	spare [][]cell
	out   []byte
	w     io.Writer
}

// lastStyle is a column's last style key and its id.
type lastStyle struct {
	key styleKey
	id  int
}

// lastString is a column's last string and its index in the table.
type lastString struct {
	s  string
	id int
}

// cell is a cell of the second pass: a number, a string's index in the
// shared string table, or an inline string. A cell with no style was not
// written: every cell written has one.
type cell struct {
	style int
	kind  cellKind
	num   float64
	text  string
}

type cellKind uint8

const (
	cellBlank cellKind = iota
	cellText
	cellInline
	cellNumber
	cellInt
)

// wrapped is a wrapped-text cell spanning columns c1..c2.
type wrapped struct {
	c1, c2 int
	text   string
	// small is set for the 10-point note under the title, whose
	// characters are narrower than the 11-point cells the widths are for.
	small bool
}

// write makes the sheet name with fill: the first pass now, the second when
// the workbook is saved (see sheet). fill must make the same calls both
// times.
func (b *book) write(name string, fill func(s *sheet)) {
	s := &sheet{b: b, name: name, fill: fill, limit: map[int][2]float64{}, wraps: map[int][]wrapped{}, heights: map[int]float64{}}
	fill(s)
	if b.err != nil {
		return
	}
	s.setup()
	b.sheets = append(b.sheets, s)
}

// fail keeps the first error of the pass.
func (s *sheet) fail(err error) {
	if !s.writing {
		s.b.fail(err)
	} else if s.err == nil && err != nil {
		s.err = err
	}
}

// touch extends the used range to a cell.
func (s *sheet) touch(col, row int) {
	s.used = [2]int{max(s.used[0], col), max(s.used[1], row)}
}

// ref is a cell's name, "B3".
func (s *sheet) ref(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	s.fail(err)
	return c
}

// style is the id of style k, for a cell in col. The first pass makes the
// styles, in the order the cells ask for them; the second finds them.
func (s *sheet) style(col int, k styleKey) int {
	for len(s.styles) <= col {
		s.styles = append(s.styles, lastStyle{id: -1})
	}
	if last := &s.styles[col]; last.id >= 0 && last.key == k {
		return last.id
	}
	id, ok := s.b.styles[k]
	if !ok {
		if s.writing {
			s.fail(fmt.Errorf("内部错误:%s 的第二遍用到了第一遍没有的样式 %+v", s.name, k))
			return 0
		}
		id = s.b.style(k)
	}
	s.styles[col] = lastStyle{key: k, id: id}
	return id
}

// str is the index of v in the shared string table, for a cell in col.
// The first pass adds the strings, in the order the cells ask for them;
// the second finds them.
func (s *sheet) str(col int, v string) int {
	for len(s.strs) <= col {
		s.strs = append(s.strs, lastString{id: -1})
	}
	if last := &s.strs[col]; last.id >= 0 && last.s == v {
		return last.id
	}
	t := s.b.strs
	id, ok := t.index[v]
	if !ok {
		if s.writing {
			s.fail(fmt.Errorf("内部错误:%s 的第二遍用到了第一遍没有的字符串 %q", s.name, v))
			return 0
		}
		id = len(t.list)
		t.index[v] = id
		t.list = append(t.list, v)
	}
	s.strs[col] = lastString{s: v, id: id}
	return id
}

// measure widens col to fit shown.
func (s *sheet) measure(col int, shown string) {
	s.widen(col, colWidth(shown))
}

func (s *sheet) widen(col int, w float64) {
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
func (s *sheet) full(col int) bool {
	return col < len(s.capped) && s.capped[col]
}

// at is the cell being written in the second pass. Rows are written in
// order, each once the writer has moved two rows past it: a sheet is
// filled row by row, except the two-row merged headers of 排名矩阵.
func (s *sheet) at(col, row int) *cell {
	if row <= s.done {
		s.fail(fmt.Errorf("内部错误:%s 第 %d 行已写出后又被写入", s.name, row))
		return &cell{}
	}
	s.release(row - 2)
	for s.done+len(s.open) < row {
		var cells []cell
		if n := len(s.spare); n > 0 {
			cells, s.spare = s.spare[n-1], s.spare[:n-1]
		}
		s.open = append(s.open, cells)
	}
	r := &s.open[row-s.done-1]
	for len(*r) < col {
		*r = append(*r, cell{})
	}
	return &(*r)[col-1]
}

// release writes every row up to through.
func (s *sheet) release(through int) {
	for s.done < through {
		var cells []cell
		if len(s.open) > 0 {
			cells = s.open[0]
			copy(s.open, s.open[1:])
			s.open = s.open[:len(s.open)-1]
		}
		s.done++
		s.emit(s.done, cells)
		if cells != nil {
			clear(cells)
			s.spare = append(s.spare, cells[:0])
		}
	}
}

// emit writes one row as excelize writes it: cell references, style ids,
// strings by their index in the shared string table, numbers in excelize's
// format, a custom height where the row has one.
func (s *sheet) emit(row int, cells []cell) {
	h := s.rowHeight[row]
	if row > s.lay.headRows && s.bodyHeight > 0 {
		h = s.bodyHeight
	}
	if len(cells) == 0 && h == 0 {
		return
	}
	b := append(s.out, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if h > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, h, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i := range cells {
		c := &cells[i]
		if c.style == 0 {
			continue
		}
		b = append(b, `<c r="`...)
		b = append(b, s.colName(i+1)...)
		b = strconv.AppendInt(b, int64(row), 10)
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(c.style), 10)
		b = append(b, '"')
		switch c.kind {
		case cellText:
			b = append(b, ` t="s"><v>`...)
			b = strconv.AppendInt(b, int64(c.num), 10)
			b = append(b, `</v></c>`...)
		case cellInline:
			b = append(b, ` t="inlineStr"><is>`...)
			b = appendText(b, c.text)
			b = append(b, `</is></c>`...)
		case cellNumber:
			b = append(b, `><v>`...)
			b = appendCellFloat(b, c.num)
			b = append(b, `</v></c>`...)
		case cellInt:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(c.num), 10)
			b = append(b, `</v></c>`...)
		default:
			b = append(b, `></c>`...)
		}
	}
	s.out = append(b, `</row>`...)
	if len(s.out) >= 256<<10 {
		s.flush()
	}
}

// flush hands the rows written so far to the compressor.
func (s *sheet) flush() {
	if len(s.out) > 0 {
		_, err := s.w.Write(s.out)
		s.fail(err)
		s.out = s.out[:0]
	}
}

// colName is a column's letters, "AB".
func (s *sheet) colName(col int) string {
	for len(s.colNames) <= col {
		name, err := excelize.ColumnNumberToName(max(len(s.colNames), 1))
		s.fail(err)
		s.colNames = append(s.colNames, name)
	}
	return s.colNames[col]
}

// put writes a cell in the second pass.
func (s *sheet) put(col, row int, k styleKey, kind cellKind, num float64) {
	id := s.style(col, k)
	*s.at(col, row) = cell{style: id, kind: kind, num: num}
}

// text writes a string cell, always as a string, so a unit named
// "=HYPERLINK(…)" stays text whatever it starts with. Strings go into the
// shared string table, written once however many cells show them, except
// the remarks (roleRemark): they name a rank and the number ranked, so at
// national scale nearly every one of 850,000 is different, and a table of
// them would only be bigger and slower than the cells.
func (s *sheet) text(col, row int, v string, k styleKey) {
	if s.writing {
		if k.role == roleRemark {
			s.put(col, row, k, cellInline, 0)
			s.at(col, row).text = v
			return
		}
		s.put(col, row, k, cellText, float64(s.str(col, v)))
		return
	}
	s.touch(col, row)
	s.style(col, k)
	if k.role != roleRemark {
		s.str(col, v)
		s.b.strs.refs++
	}
	switch k.role {
	case roleTitle, roleSubtitle, roleNote, roleGroup, roleVertical:
		// merged or stacked: their width is not the column's
	case roleWrap:
		s.measure(col, v)
		s.wraps[row] = append(s.wraps[row], wrapped{c1: col, c2: col, text: v})
	default:
		if !s.full(col) {
			s.measure(col, v)
		}
	}
}

// number writes a numeric cell; shown is how it reads once formatted, for
// the column width, and is only called in the first pass.
func (s *sheet) number(col, row int, v float64, k styleKey, shown func() string) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		// Excel has no such numbers and would "repair" the file.
		s.text(col, row, "—", styleKey{role: roleCenter})
		return
	}
	if s.writing {
		s.put(col, row, k, cellNumber, v)
		return
	}
	s.touch(col, row)
	s.style(col, k)
	if !s.full(col) {
		s.measure(col, shown())
	}
}

func (s *sheet) integer(col, row, n int, k styleKey) {
	if s.writing {
		s.put(col, row, k, cellInt, float64(n))
		return
	}
	s.touch(col, row)
	s.style(col, k)
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
	s.widen(col, float64(digits)*1.1+2) // colWidth of the digits
}

// rankCell writes a rank in style k, or "—" without the tier's fill when
// there is none.
func (s *sheet) rankCell(col, row int, r *int, k styleKey) {
	if r == nil {
		k.tier = rank.None
		s.text(col, row, "—", k)
		return
	}
	s.integer(col, row, *r, k)
}

// blank styles an empty cell, so a row's borders and fills stay whole
// where there is nothing to show.
func (s *sheet) blank(col, row int, k styleKey) {
	if s.writing {
		s.put(col, row, k, cellBlank, 0)
		return
	}
	s.touch(col, row)
	s.style(col, k)
}

// change writes a rank change (previous − current) as a number drawn ↑2,
// ↓1 or —, red for 进位 and amber for 退位; blank when there is nothing to
// compare with (no rank in one of the two periods).
func (s *sheet) change(col, row int, c *int, k styleKey) {
	k.role, k.numFmt = roleCenter, changeFormat
	if c == nil {
		s.blank(col, row, k)
		return
	}
	k.tone = toneOf(float64(*c), 1)
	s.number(col, row, float64(*c), k, func() string { return rank.ChangeLabel(c) })
}

// signed writes a signed difference in format (deltaFormat or
// pointsFormat), red when it is good news for the unit and amber when it
// is bad; better is the good sign (+1: more is better, −1: fewer is).
// A nil v leaves the cell blank.
func (s *sheet) signed(col, row int, v *float64, format string, better int, k styleKey) {
	k.role, k.numFmt = roleCenter, format
	if v == nil {
		s.blank(col, row, k)
		return
	}
	k.tone = toneOf(*v, better)
	s.number(col, row, *v, k, func() string { return "+" + strconv.FormatFloat(math.Abs(*v), 'f', 1, 64) })
}

// merge merges a range and styles all of it, so borders and fills cover
// the whole merged area in every reader.
func (s *sheet) merge(c1, r1, c2, r2 int, k styleKey) {
	if c1 == c2 && r1 == r2 {
		return
	}
	if !s.writing {
		s.touch(c1, r1)
		s.touch(c2, r2)
		s.b.style(k)
		s.merges = append(s.merges, [4]int{c1, r1, c2, r2})
		return
	}
	id := s.b.styles[k]
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			s.at(c, r).style = id
		}
	}
}

// height asks for a row height, in points.
func (s *sheet) height(row int, h float64) {
	if !s.writing {
		s.heights[row] = h
	}
}

// wrap counts a wrapped text across columns c1..c2 (a merged cell) in its
// row's height.
func (s *sheet) wrap(row int, w wrapped) {
	if !s.writing {
		s.wraps[row] = append(s.wraps[row], w)
	}
}

// autoFilter puts the filter buttons on the header row c1..c2 of r1, over
// the rows down to r2.
func (s *sheet) autoFilter(c1, r1, c2, r2 int) {
	s.filter = &[4]int{c1, r1, c2, r2}
}

// heading writes the merged title row and the merged note row under it,
// across columns 1..lastCol.
func (s *sheet) heading(lastCol int, note string) {
	s.text(1, 1, s.b.res.Title, styleKey{role: roleTitle})
	s.merge(1, 1, lastCol, 1, styleKey{role: roleTitle})
	s.height(1, 30)
	s.text(1, 2, note, styleKey{role: roleSubtitle})
	s.merge(1, 2, lastCol, 2, styleKey{role: roleSubtitle})
	s.height(2, 18)
	// The note grows with the history and 时序进度 legends; when it needs
	// a second line, setup makes the row tall enough for it.
	s.wrap(2, wrapped{c1: 1, c2: lastCol, text: note, small: true})
}

// headers writes a header row starting in column 1.
func (s *sheet) headers(row int, names ...string) {
	for i, n := range names {
		s.text(i+1, row, n, styleKey{role: roleHeader})
	}
	s.height(row, 22)
}

// overflow writes the note that ends a sheet cut short at Excel's row
// limit, in row, across columns 1..lastCol.
func (s *sheet) overflow(row, lastCol int, note string) {
	s.text(1, row, note, styleKey{role: roleNote})
	s.merge(1, row, lastCol, row, styleKey{role: roleNote})
}

// layout says how a finished sheet is shown and printed.
type layout struct {
	lastCol int // widths are set for columns 1..lastCol
	// headRows are the title and header rows: frozen on screen and
	// repeated at the top of every printed page.
	headRows int
	// keepCols are the columns frozen on the left, through the unit column.
	keepCols int
	// uniform gives every row below the head rows the same height: that
	// of the row with the most wrapped lines.
	uniform bool
}

// finish ends a pass: the first keeps the layout for setup, the second
// writes the last rows.
func (s *sheet) finish(l layout) {
	if !s.writing {
		s.lay = l
		return
	}
	s.release(s.used[1])
}

// setup gives the sheet its layout from what the first pass measured:
// column widths, the heights of rows with wrapped text, the used range,
// merged cells, frozen panes, the autofilter and the print setup (A4
// landscape, one page wide and as many pages tall as needed, head rows
// repeated, page numbers in the footer).
func (s *sheet) setup() {
	f, l := s.b.f, s.lay
	widths := make([]float64, l.lastCol+1)
	for col := 1; col <= l.lastCol; col++ {
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
	// list at each call, and 排名矩阵 has 300 columns of one width.
	for c1 := 1; c1 <= l.lastCol; {
		c2 := c1
		for c2 < l.lastCol && widths[c2+1] == widths[c1] {
			c2++
		}
		s.fail(f.SetColWidth(s.name, s.colName(c1), s.colName(c2), widths[c1]))
		c1 = c2 + 1
	}
	s.rowHeights(widths, l)
	for _, m := range s.merges {
		s.fail(f.MergeCell(s.name, s.ref(m[0], m[1]), s.ref(m[2], m[3])))
	}
	// excelize leaves the used range at A1; readers that size their
	// reading by it would see an empty sheet.
	s.fail(f.SetSheetDimension(s.name, "A1:"+s.ref(max(s.used[0], 1), max(s.used[1], 1))))
	// Before the sheet properties: excelize's autofilter replaces them.
	if r := s.filter; r != nil {
		s.fail(f.AutoFilter(s.name, s.ref(r[0], r[1])+":"+s.ref(r[2], r[3]), nil))
	}
	if l.headRows > 0 {
		pane := "bottomLeft"
		if l.keepCols > 0 {
			pane = "bottomRight"
		}
		s.fail(f.SetPanes(s.name, &excelize.Panes{
			Freeze: true, XSplit: l.keepCols, YSplit: l.headRows,
			TopLeftCell: s.ref(l.keepCols+1, l.headRows+1), ActivePane: pane,
		}))
		s.fail(f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: s.name,
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", s.name, l.headRows),
		}))
	}
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	s.fail(f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}))
	fit := true
	s.fail(f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	left, right, top, bottom, hdr, ftr, centre := 0.4, 0.4, 0.5, 0.6, 0.3, 0.3, true
	s.fail(f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: &left, Right: &right, Top: &top, Bottom: &bottom, Header: &hdr, Footer: &ftr, Horizontally: &centre,
	}))
	s.fail(f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddFooter: "&L&8" + s.name + "&C&8第 &P 页,共 &N 页",
	}))
}

// rewrite is the second pass: it writes the worksheet excelize wrote,
// doc, to w with the sheet's rows in place of whatever is in its
// <sheetData> (nothing, or the empty cells excelize makes for merged
// ranges: the rows written have every cell, merged ones too).
func (s *sheet) rewrite(doc []byte, w io.Writer) error {
	i := bytes.Index(doc, []byte("<sheetData"))
	j := bytes.Index(doc, []byte("</sheetData>"))
	switch {
	case i >= 0 && bytes.HasPrefix(doc[i:], []byte("<sheetData/>")):
		j = i + len("<sheetData/>")
	case i >= 0 && j > i:
		j += len("</sheetData>")
	default:
		return fmt.Errorf("内部错误:工作表 %s 中找不到 sheetData", s.name)
	}
	s.w, s.writing = w, true
	s.out = append(append(s.out, doc[:i]...), "<sheetData>"...)
	s.fill(s)
	s.out = append(s.out, "</sheetData>"...)
	s.out = append(s.out, doc[j:]...)
	s.flush()
	return s.err
}

// sharedStrings is the workbook's shared string table, made by the first
// pass. excelize makes the table's part, its relationship and its content
// type once a sheet has a string (see book.build); rewrite then writes the
// part with these strings.
type sharedStrings struct {
	index map[string]int
	list  []string
	refs  int // string cells
}

// rewrite writes the table, ignoring the one excelize wrote.
func (t *sharedStrings) rewrite(_ []byte, w io.Writer) error {
	b := make([]byte, 0, 256<<10)
	b = append(b, xml.Header...)
	b = append(b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="`...)
	b = strconv.AppendInt(b, int64(t.refs), 10)
	b = append(b, `" uniqueCount="`...)
	b = strconv.AppendInt(b, int64(len(t.list)), 10)
	b = append(b, `">`...)
	for _, v := range t.list {
		b = append(b, `<si>`...)
		b = appendText(b, v)
		b = append(b, `</si>`...)
		if len(b) >= 256<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, `</sst>`...)
	_, err := w.Write(b)
	return err
}

// rowHeights works out the height of every row from those asked for and
// from an estimate of the lines of its wrapped text. Readers do not agree
// on growing such rows when a file opens (LibreOffice keeps the default
// height and the lines overlap), so the file says how tall they are. The
// estimate counts a Chinese character as two width units: in Excel's 等线
// it is nearer 1.85 and in LibreOffice's fallback fonts less, so a row is
// never too short, and it is no longer padded a line when its text just
// fits. With uniform, every body row (below the head rows) gets the
// tallest body row's height, so a table reads as a grid rather than a
// ragged list. No row is taller than Excel allows (409 points, 25 lines):
// the writers keep their lists short enough, and a longer text is cut off
// at the bottom of its cell rather than refused.
func (s *sheet) rowHeights(widths []float64, l layout) {
	s.rowHeight = map[int]float64{}
	for row, h := range s.heights {
		s.rowHeight[row] = min(h, maxRowHeight)
	}
	most := 1.0
	for row, ws := range s.wraps {
		n := 1.0
		for _, w := range ws {
			avail := -1.0 // a cell's padding
			for c := w.c1; c <= w.c2 && c < len(widths); c++ {
				avail += widths[c]
			}
			if w.small {
				avail *= 11.0 / 10
			}
			n = max(n, textLines(w.text, avail))
		}
		if n > 1 {
			s.rowHeight[row] = lineHeightOf(n)
		}
		if row > l.headRows {
			most = max(most, n)
		}
	}
	if l.uniform && most > 1 {
		s.bodyHeight = lineHeightOf(most)
	}
}

// lineHeightOf is the height of a row of n lines, at most Excel's limit.
func lineHeightOf(n float64) float64 {
	return min(lineHeight*n+4, maxRowHeight)
}

// textLines estimates how many lines text takes wrapped in a cell avail
// units wide: Chinese text breaks between any two characters, so each of
// its lines is just its width over the cell's.
func textLines(text string, avail float64) float64 {
	n := 0.0
	for line := range strings.SplitSeq(text, "\n") {
		n += max(1, math.Ceil(float64(textwidth.Of(line))/max(avail, 1)))
	}
	return n
}

// lineHeight is the height in points of a line of 11-point text in the
// CJK fonts readers fall back to, which are taller than Excel's default.
const lineHeight = 16

// appendText appends the <t> element of a shared string, as excelize
// writes a string (excelize v2.11.1, cell.go trimCellValue):
// at most 32,767 UTF-16 units, space preserved when the text starts or
// ends with white space, XML-escaped but for line breaks, and a literal
// "_x0041_" protected as "_x005F_x0041_" so that readers do not decode it
// as the character it names.
func appendText(b []byte, v string) []byte {
	if len(v) > excelize.TotalCellChars {
		n := 0
		for i, r := range v {
			if n += utf16.RuneLen(r); n > excelize.TotalCellChars {
				v = v[:i]
				break
			}
		}
	}
	b = append(b, `<t`...)
	if v != "" && (isXMLSpace(v[0]) || isXMLSpace(v[len(v)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	if plainText(v) {
		b = append(b, v...)
	} else {
		var buf bytes.Buffer
		_ = xml.EscapeText(&buf, []byte(v))
		esc := strings.ReplaceAll(buf.String(), "&#xA;", "\n")
		b = append(b, escapedCode.ReplaceAllString(esc, "_x005F$0")...)
	}
	return append(b, `</t>`...)
}

// escapedCode is a literal "_xHHHH_", which OOXML readers would decode.
var escapedCode = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// plainText reports whether v goes into XML as it is: valid UTF-8 without
// markup characters, control characters (but line breaks), the two
// non-characters XML forbids or anything like "_x0041_".
func plainText(v string) bool {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '<', c == '>', c == '&', c == '"', c == '\'', c < 0x20 && c != '\n':
			return false
		case c == '_' && i+1 < len(v) && v[i+1] == 'x':
			return false
		case c == 0xEF && i+2 < len(v) && v[i+1] == 0xBF && v[i+2] >= 0xBE: // U+FFFE, U+FFFF
			return false
		}
	}
	return utf8.ValidString(v)
}

// appendCellFloat appends v as excelize stores a float64 cell
// (excelize v2.11.1, cell.go formatCellFloat): the shortest decimal form,
// cut to Excel's 15 significant digits.
func appendCellFloat(b []byte, v float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(b[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for i := idx; i < decimal; i++ {
			str[i] = '0'
		}
		return b[:start+decimal]
	}
	return b
}
