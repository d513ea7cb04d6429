package out

import (
	"fmt"
	"io"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
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
	sheetBoard   = "总榜"
	sheetItems   = "分项排名"
	sheetMatrix  = "排名矩阵"
	sheetTiers   = "前三后三"
	sheetHistory = "历史" // only with more than one period
	sheetNotes   = "说明"
)

// Excel writes the meeting's Excel summary: 总榜 with a native bar chart of
// the composite scores, 分项排名, 排名矩阵, 前三后三, 历史 (when res has
// earlier periods: ranks per period) and 说明. With an earlier period, 总榜
// and 分项排名 also show each rank's change (↑2 red, ↓1 amber) and streak. Values are
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
	names := []string{sheetItems, sheetMatrix, sheetTiers}
	if b.hasHistory() {
		names = append(names, sheetHistory)
	}
	for _, name := range append(names, sheetNotes) {
		_, err := b.f.NewSheet(name)
		b.fail(err)
	}
	b.writeBoard(b.sheet(sheetBoard))
	b.writeItems(b.sheet(sheetItems))
	b.writeMatrix(b.sheet(sheetMatrix))
	b.writeTiers(b.sheet(sheetTiers))
	if b.hasHistory() {
		b.writeHistory(b.sheet(sheetHistory))
	}
	b.writeNotes(b.sheet(sheetNotes))
	b.f.SetActiveSheet(0)
	b.docProps()
}

// hasHistory reports whether there are earlier periods to show on 历史.
func (b *book) hasHistory() bool {
	return b.res.History != nil && len(b.res.History.Periods) > 0
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
	// small is set for the 10-point note under the title, whose
	// characters are narrower than the 11-point cells the widths are for.
	small bool
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
		s.wraps[row] = append(s.wraps[row], wrapped{c1: col, c2: col, text: v})

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

// blank styles an empty cell, so a row's borders and fills stay whole
// where there is nothing to show.
func (s *sheet) blank(col, row int, k styleKey) {
	c := s.cell(col, row)
	s.b.fail(s.b.f.SetCellStyle(s.name, c, c, s.b.style(k)))
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
	s.number(col, row, float64(*c), rank.ChangeLabel(c), k)
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
	s.number(col, row, *v, "+"+strconv.FormatFloat(math.Abs(*v), 'f', 1, 64), k)
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
	// The note grows with the history and 时序进度 legends; when it needs
	// a second line, finish makes the row tall enough for it.
	s.wraps[2] = append(s.wraps[2], wrapped{c1: 1, c2: lastCol, text: note, small: true})
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
	// uniform gives every row below the head rows the same height: that
	// of the row with the most wrapped lines.
	uniform bool
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
	s.rowHeights(widths, l)
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
// so the file says how tall they are. The estimate counts a Chinese
// character as two width units: in Excel's 等线 it is nearer 1.85 and in
// LibreOffice's fallback fonts less, so a row is never too short, and it
// is no longer padded a line when its text just fits. With uniform, every
// body row (below the head rows) gets the tallest body row's height, so a
// table reads as a grid rather than a ragged list.
func (s *sheet) rowHeights(widths map[int]float64, l layout) {
	lines := map[int]float64{}
	for row, ws := range s.wraps {
		n := 1.0
		for _, w := range ws {
			avail := -1.0 // a cell's padding
			for c := w.c1; c <= w.c2; c++ {
				avail += widths[c]
			}
			if w.small {
				avail *= 11.0 / 10
			}
			n = max(n, textLines(w.text, avail))
		}
		lines[row] = n
	}
	if l.uniform {
		most := 1.0
		for row, n := range lines {
			if row > l.headRows {
				most = max(most, n)
			}
		}
		for row := l.headRows + 1; row <= s.used[1]; row++ {
			lines[row] = most
		}
	}
	for _, row := range slices.Sorted(maps.Keys(lines)) {
		if n := lines[row]; n > 1 {
			s.b.fail(s.b.f.SetRowHeight(s.name, row, lineHeight*n+4))
		}
	}
}

// textLines estimates how many lines text takes wrapped in a cell avail
// units wide: Chinese text breaks between any two characters, so each of
// its lines is just its width over the cell's.
func textLines(text string, avail float64) float64 {
	n := 0.0
	for _, line := range strings.Split(text, "\n") {
		n += max(1, math.Ceil(float64(displayWidth(line))/max(avail, 1)))
	}
	return n
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
