package out

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
)

// ExcelOptions control the Excel summary.
type ExcelOptions struct {
	// Generated is shown on the 说明 sheet and stored as the workbook's
	// created and modified time, so that the same result and the same
	// Generated give the same bytes. The zero time leaves both out.
	Generated time.Time
	// MaxRows and MaxCols are the rows and columns a sheet may have;
	// zero means Excel's (1,048,576 and 16,384). A table that would not
	// fit is cut short with a note saying what was left out.
	MaxRows, MaxCols int
}

// summarySheets are the sheets of the Excel summary, in workbook order:
// each sheet's name, the writer that fills it and, for a sheet that is
// not always there, whether the result has anything to show on it.
var summarySheets = []struct {
	name  string
	write func(s *sheet)
	when  func(res *rank.Result) bool
}{
	{"总榜", writeBoard, nil},
	{"分项排名", writeItems, nil},
	{"排名矩阵", writeMatrix, nil},
	{"前三后三", writeTiers, nil},
	{"红黄旗", writeFlags, nil},
	{"数据核查", writeChecks, nil},
	{"历史", writeHistory, hasHistory},
	{"说明", writeNotes, nil},
}

// Excel writes the meeting's Excel summary: 总榜 with a native bar chart of
// the composite scores, 分项排名, 排名矩阵, 前三后三, 数据核查 (the figures the
// plausibility checks questioned), 历史 (when res has earlier periods: ranks
// per period) and 说明. With an earlier period, 总榜 and 分项排名 also show
// each rank's change (↑2 red, ↓1 amber) and streak. Every sheet that shows
// a period whose figures are not final (模拟, 初步, 公开报道) says so under
// its title. The words are package text's, as in the HTML report.
//
// Printed (A4 landscape), each sheet is laid out for its size: tables
// fitted to a page across at 90 % or more, their remark columns left to
// the screen; 排名矩阵, when wider than a page, paged by group with its rank
// and unit columns repeated; an indicator of 分项排名 kept on one page when
// it fits; 总榜's chart as tall as its bars and on a page of its own, in
// several charts for more bars than a page holds. Values are stored as
// numbers in number formats taken from each indicator's unit and
// precision; names are always stored as text, never as formulas. The
// workbook goes to w in one piece (the caller makes the file atomic), and
// the same res and opts always give the same bytes.
//
// It scales to the nation (2,844 units × 300 indicators: 850,000 rows on
// 分项排名, a 50 MB workbook) in about two seconds of CPU on two cores and
// 100 MB of memory above res (see package xlsx). Long lists of units are
// shortened to their first names and a count, and a sheet that would
// outgrow Excel's rows or columns is cut short with a note saying what was
// left out.
func Excel(w io.Writer, res *rank.Result, opts ExcelOptions) error {
	x := xlsx.New[styleKey](xlsx.Options{
		Font: fontName, MaxRows: opts.MaxRows, MaxCols: opts.MaxCols,
		Footer: pageFooter, Props: docProps(res, opts),
	})
	defer x.Close()
	for _, sh := range summarySheets {
		if sh.when == nil || sh.when(res) {
			x.Sheet(sh.name, func(s *xlsx.Sheet[styleKey]) {
				sh.write(&sheet{Sheet: s, res: res, opts: opts})
			})
		}
	}
	if err := x.Build(); err != nil {
		return fmt.Errorf("生成 Excel 汇总表失败: %w", err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("写入 Excel 汇总表失败: %w", err)
	}
	return nil
}

// sheet is a sheet of the summary being filled, with the result it shows.
type sheet struct {
	*xlsx.Sheet[styleKey]
	res  *rank.Result
	opts ExcelOptions
}

// hasHistory reports whether there are earlier periods to show on 历史.
func hasHistory(res *rank.Result) bool {
	return res.History != nil && len(res.History.Periods) > 0
}

// pageFooter is a printed page's footer: the sheet on the left, the page
// in the middle.
func pageFooter(sheet string) string {
	return "&L&8" + sheet + "&C&8第 &P 页,共 &N 页"
}

// docProps fixes every document property; excelize's defaults are fixed
// too, but created/modified would otherwise say nothing useful.
func docProps(res *rank.Result, opts ExcelOptions) *excelize.DocProperties {
	p := &excelize.DocProperties{
		Title:    res.Title,
		Subject:  "晒拼指标排名 " + res.Month.Label(),
		Creator:  "shaipin",
		Language: "zh-CN",
	}
	if !opts.Generated.IsZero() {
		t := opts.Generated.UTC().Format(time.RFC3339)
		p.Created, p.Modified = t, t
	}
	return p
}

// shownValue is an indicator value as its cell shows it: "52.70%", "91.86".
func shownValue(ind rank.Indicator, v float64) string {
	s := data.Fixed(v, ind.Precision)
	if ind.Unit == "%" {
		s += "%"
	}
	return s
}
