package out

import (
	"fmt"
	"io"
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
//
// It scales to the nation (2,844 units × 300 indicators: 850,000 rows on
// 分项排名, a 50 MB workbook) in about two seconds of CPU on two cores and
// 100 MB of memory above res (see sheet and sortedZip). Long lists of
// units are shortened to their first names and a count, and a sheet that
// would outgrow Excel's 1,048,576 rows or 16,384 columns is cut short with
// a note saying what was left out.
func Excel(w io.Writer, res *rank.Result, opts ExcelOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, res: res, opts: opts, styles: map[styleKey]int{}, strs: &sharedStrings{index: map[string]int{}}}
	b.build()
	if b.err != nil {
		return fmt.Errorf("生成 Excel 汇总表失败: %w", b.err)
	}
	// Each sheet's rows go where excelize writes the sheet's <sheetData>
	// (excelize writes worksheet N as xl/worksheets/sheetN.xml), and the
	// strings where it writes its shared string table.
	ids := map[string]int{}
	for id, name := range f.GetSheetMap() {
		ids[name] = id
	}
	parts := map[string]rewrite{"xl/sharedStrings.xml": b.strs.rewrite}
	for _, s := range b.sheets {
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", ids[s.name])] = s.rewrite
	}
	// The zip goes to w itself, not to the io.Writer excelize passes: that
	// is a buffer WriteTo fills with the whole workbook before copying it
	// to w (excelize v2.11.1, file.go WriteToBuffer), 50 MB at national
	// scale and twice that while it grows. It stays empty, and WriteTo
	// copies nothing.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(w, parts) })
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
	sheets []*sheet // in workbook order, for their second pass
	strs   *sharedStrings
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
	b.f.SetActiveSheet(0)
	b.writeBoard()
	b.writeItems()
	b.writeMatrix()
	b.writeTiers()
	if b.hasHistory() {
		b.writeHistory()
	}
	b.writeNotes()
	// One string set through excelize makes it write a shared string
	// table, with its relationship and content type; the table is then
	// replaced by b.strs, and the cell by 总榜's rows.
	b.fail(b.f.SetCellStr(sheetBoard, "A1", sheetBoard))
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
		Subject:  "晒拼指标排名 " + b.res.Month.Label(),
		Creator:  "shaipin",
		Language: "zh-CN",
	}
	if !b.opts.Generated.IsZero() {
		t := b.opts.Generated.UTC().Format(time.RFC3339)
		p.Created, p.Modified = t, t
	}
	b.fail(b.f.SetDocProps(p))
}

// shownValue is an indicator value as its cell shows it: "52.70%", "91.86".
func shownValue(ind rank.Indicator, v float64) string {
	s := data.Fixed(v, ind.Precision)
	if ind.Unit == "%" {
		s += "%"
	}
	return s
}
