package out

import (
	"fmt"
	"io"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/rank"
)

// ExcelOptions control the Excel summary.
type ExcelOptions struct {
	// Generated is shown on the 说明 sheet and stored as the workbook's
	// created and modified time, so that the same result and the same
	// Generated give the same bytes. The zero time leaves both out.
	Generated time.Time
}

// The sheets, in workbook order.
const (
	sheetBoard  = "总榜"
	sheetItems  = "分项排名"
	sheetMatrix = "排名矩阵"
	sheetTiers  = "前三后三"
	sheetNotes  = "说明"
)

// Excel writes the meeting's Excel summary: 总榜 with a native bar chart of
// the composite scores, 分项排名, 排名矩阵, 前三后三 and 说明. Values are
// stored as numbers in number formats taken from each indicator's unit and
// precision; names are always stored as text, never as formulas. The
// workbook goes to w in one piece (the caller makes the file atomic), and
// the same res and opts always give the same bytes.
func Excel(w io.Writer, res *rank.Result, opts ExcelOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, res: res, opts: opts, styles: map[styleKey]int{}}
	b.build()
	if b.err != nil {
		return fmt.Errorf("生成 Excel 汇总表失败: %w", b.err)
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w) })
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("写入 Excel 汇总表失败: %w", err)
	}
	return nil
}

// book is the workbook being built. The first excelize error is kept in
// err (as bufio.Writer does) and Excel reports it at the end, so the sheet
// code reads as a list of cells rather than a list of error checks.
type book struct {
	f      *excelize.File
	res    *rank.Result
	opts   ExcelOptions
	styles map[styleKey]int
	err    error
}

func (b *book) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) build() {
	b.fail(b.f.SetDefaultFont(fontName))
	b.fail(b.f.SetSheetName("Sheet1", sheetBoard))
	for _, name := range []string{sheetItems, sheetMatrix, sheetTiers, sheetNotes} {
		_, err := b.f.NewSheet(name)
		b.fail(err)
	}
	b.writeBoard(b.sheet(sheetBoard))
	b.writeItems(b.sheet(sheetItems))
	b.writeMatrix(b.sheet(sheetMatrix))
	b.writeTiers(b.sheet(sheetTiers))
	b.writeNotes(b.sheet(sheetNotes))
	b.f.SetActiveSheet(0)
	b.docProps()
}

// docProps fixes every document property; excelize's defaults are fixed
// too, but created/modified would otherwise say nothing useful.
func (b *book) docProps() {
	p := &excelize.DocProperties{
		Title:    b.res.Title,
		Subject:  "晒拼指标排名 " + data.PeriodLabel(b.res.Period),
		Creator:  "shaipin",
		Language: "zh-CN",
	}
	if !b.opts.Generated.IsZero() {
		t := b.opts.Generated.UTC().Format(time.RFC3339)
		p.Created, p.Modified = t, t
	}
	b.fail(b.f.SetDocProps(p))
}

// sheet is one worksheet being filled in.
type sheet struct {
	b    *book
	name string
	// width is the widest content seen in each column (1-based), and
	// limit an optional [min, max] for it.
	width map[int]float64
	limit map[int][2]float64
	// wraps are the wrapped-text cells of each row, for its height.
	wraps map[int][]wrapped
	// used is the bottom-right corner of the cells written.
	used [2]int
}

// wrapped is a wrapped-text cell spanning columns c1..c2.
type wrapped struct {
	c1, c2 int
	text   string
}

func (b *book) sheet(name string) *sheet {
	return &sheet{b: b, name: name, width: map[int]float64{}, limit: map[int][2]float64{}, wraps: map[int][]wrapped{}}
}

func (s *sheet) cell(col, row int) string {
	s.used = [2]int{max(s.used[0], col), max(s.used[1], row)}
	c, err := excelize.CoordinatesToCellName(col, row)
	s.b.fail(err)
	return c
}

func (s *sheet) measure(col int, shown string) {
	s.width[col] = max(s.width[col], colWidth(shown))
}

// text writes a string cell. SetCellStr keeps it a string whatever it
// starts with, so a unit named "=HYPERLINK(…)" stays text.
func (s *sheet) text(col, row int, v string, k styleKey) {
	c := s.cell(col, row)
	s.b.fail(s.b.f.SetCellStr(s.name, c, v))
	s.b.fail(s.b.f.SetCellStyle(s.name, c, c, s.b.style(k)))
	switch k.role {
	case roleTitle, roleSubtitle, roleNote, roleGroup, roleVertical:
		// merged or stacked: their width is not the column's
	case roleWrap:
		s.measure(col, v)
		s.wraps[row] = append(s.wraps[row], wrapped{col, col, v})
	default:
		s.measure(col, v)
	}
}

// number writes a numeric cell; shown is how it reads once formatted, for
// the column width.
func (s *sheet) number(col, row int, v float64, shown string, k styleKey) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		// Excel has no such numbers and would "repair" the file.
		s.text(col, row, "—", styleKey{role: roleCenter})
		return
	}
	c := s.cell(col, row)
	s.b.fail(s.b.f.SetCellFloat(s.name, c, v, -1, 64))
	s.b.fail(s.b.f.SetCellStyle(s.name, c, c, s.b.style(k)))
	s.measure(col, shown)
}

func (s *sheet) integer(col, row, n int, k styleKey) {
	c := s.cell(col, row)
	s.b.fail(s.b.f.SetCellInt(s.name, c, int64(n)))
	s.b.fail(s.b.f.SetCellStyle(s.name, c, c, s.b.style(k)))
	s.measure(col, strconv.Itoa(n))
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

// merge merges a range and styles all of it, so borders and fills cover
// the whole merged area in every reader.
func (s *sheet) merge(c1, r1, c2, r2 int, k styleKey) {
	if c1 == c2 && r1 == r2 {
		return
	}
	a, z := s.cell(c1, r1), s.cell(c2, r2)
	s.b.fail(s.b.f.MergeCell(s.name, a, z))
	s.b.fail(s.b.f.SetCellStyle(s.name, a, z, s.b.style(k)))
}

// heading writes the merged title row and the merged note row under it,
// across columns 1..lastCol.
func (s *sheet) heading(lastCol int, note string) {
	s.text(1, 1, s.b.res.Title, styleKey{role: roleTitle})
	s.merge(1, 1, lastCol, 1, styleKey{role: roleTitle})
	s.b.fail(s.b.f.SetRowHeight(s.name, 1, 30))
	s.text(1, 2, note, styleKey{role: roleSubtitle})
	s.merge(1, 2, lastCol, 2, styleKey{role: roleSubtitle})
	s.b.fail(s.b.f.SetRowHeight(s.name, 2, 18))
}

// headers writes a header row starting in column 1.
func (s *sheet) headers(row int, names ...string) {
	for i, n := range names {
		s.text(i+1, row, n, styleKey{role: roleHeader})
	}
	s.b.fail(s.b.f.SetRowHeight(s.name, row, 22))
}

// layout says how a finished sheet is shown and printed.
type layout struct {
	lastCol int // widths are set for columns 1..lastCol
	// headRows are the title and header rows: frozen on screen and
	// repeated at the top of every printed page.
	headRows int
	// keepCols are the columns frozen on the left, through the unit column.
	keepCols int
}

// finish sets column widths, the heights of rows with wrapped text,
// frozen panes and the print setup: A4 landscape, one page wide (as many
// pages tall as needed), head rows repeated, page numbers in the footer.
func (s *sheet) finish(l layout) {
	f := s.b.f
	widths := map[int]float64{}
	for col := 1; col <= l.lastCol; col++ {
		w := max(s.width[col], 6)
		if lim, ok := s.limit[col]; ok {
			w = min(max(w, lim[0]), lim[1])
		}
		widths[col] = w
		name, err := excelize.ColumnNumberToName(col)
		s.b.fail(err)
		s.b.fail(f.SetColWidth(s.name, name, name, w))
	}
	s.rowHeights(widths)
	// excelize leaves the used range at A1; readers that size their reading
	// by it would see an empty sheet.
	s.b.fail(f.SetSheetDimension(s.name, "A1:"+s.cell(max(s.used[0], 1), max(s.used[1], 1))))
	if l.headRows > 0 {
		pane := "bottomLeft"
		if l.keepCols > 0 {
			pane = "bottomRight"
		}
		s.b.fail(f.SetPanes(s.name, &excelize.Panes{
			Freeze: true, XSplit: l.keepCols, YSplit: l.headRows,
			TopLeftCell: s.cell(l.keepCols+1, l.headRows+1), ActivePane: pane,
		}))
		s.b.fail(f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: s.name,
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", s.name, l.headRows),
		}))
	}
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	s.b.fail(f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}))
	fit := true
	s.b.fail(f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	left, right, top, bottom, hdr, ftr, centre := 0.4, 0.4, 0.5, 0.6, 0.3, 0.3, true
	s.b.fail(f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: &left, Right: &right, Top: &top, Bottom: &bottom, Header: &hdr, Footer: &ftr, Horizontally: &centre,
	}))
	s.b.fail(f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddFooter: "&L&8" + s.name + "&C&8第 &P 页,共 &N 页",
	}))
}

// rowHeights sets the height of every row with wrapped text from an
// estimate of its lines. Readers do not agree on growing such rows when a
// file opens (LibreOffice keeps the default height and the lines overlap),
// so the file says how tall they are; the estimate errs on the tall side.
func (s *sheet) rowHeights(widths map[int]float64) {
	for _, row := range slices.Sorted(maps.Keys(s.wraps)) {
		lines := 1.0
		for _, w := range s.wraps[row] {
			avail := -1.0 // a cell's padding
			for c := w.c1; c <= w.c2; c++ {
				avail += widths[c]
			}
			lines = max(lines, math.Ceil((colWidth(w.text)-2)/max(avail, 1)))
		}
		if lines > 1 {
			s.b.fail(s.b.f.SetRowHeight(s.name, row, lineHeight*lines+4))
		}
	}
}

// lineHeight is the height in points of a line of 11-point text in the
// CJK fonts readers fall back to, which are taller than Excel's default.
const lineHeight = 16

// fixed writes v with d decimals, rounding half away from zero on v's
// shortest decimal form, as Excel shows it and as the ranking compared it.
func fixed(v float64, d int) string {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64))
	if !ok {
		return strconv.FormatFloat(v, 'f', d, 64)
	}
	return r.FloatString(d)
}

// shownValue is an indicator value as its cell shows it: "52.70%", "91.86".
func shownValue(ind rank.Indicator, v float64) string {
	s := fixed(v, ind.Precision)
	if ind.Unit == "%" {
		s += "%"
	}
	return s
}
