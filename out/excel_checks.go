package out

import (
	"fmt"
	"slices"
	"strings"

	"shaipin/check"
	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/text"
)

// writeChecks fills 数据核查: every figure the plausibility checks
// questioned (package check), in the order the checks sorted them (by
// file, sheet and cell), with where to find it and what to verify, so the
// meeting sees what was questioned before it reads the ranks. The sheet is
// always there: an empty one says that nothing was found.
func writeChecks(s *sheet) {
	fs := s.res.Checks
	heads := []string{"类别", "期间", "单位", "分组", "指标", "位置", "数值", "说明"}
	last := len(heads)
	for col, w := range checkWidths {
		if w[1] > 0 {
			s.Limit(col, w[0], w[1])
		}
	}
	note := "数据核查:自动核查发现的可疑数值(数量级不符、不可能的值、明显偏离、分布偏斜、重复列、沿用上期),按文件、工作表、单元格排列。" +
		"核查提示不改变排名,请向报送单位核实。"
	head := s.heading(last, note, findingPeriods(s.res.Month, fs)...)
	s.headers(head, heads...)
	row := head + 1
	if len(fs) == 0 {
		s.Text(1, row, "未发现需要核查的数据", styleKey{role: roleText})
		s.Merge(1, row, last, row, styleKey{role: roleText})
		row++
	}
	shown := fs[:min(len(fs), max(0, s.MaxRows()-row))] // and a row for the note
	for _, f := range shown {
		s.findingRow(row, f)
		row++
	}
	if len(shown) < len(fs) {
		s.overflow(row, last, fmt.Sprintf("注:共 %d 条核查提示,超出 Excel 单表 %d 行的上限,其余 %d 条未列出;完整列表见同时生成的 JSON 文件。",
			len(fs), s.MaxRows(), len(fs)-len(shown)))
	}
	if len(shown) > 0 {
		s.AutoFilter(1, head, last, head+len(shown))
	}
	s.SetLayout(xlsx.Layout{Cols: last, TitleRows: head - 1, HeadRows: head, KeepCols: 1})
}

// checkWidths are the [min, max] widths of 数据核查's columns: the long
// ones wrap, so that the table prints on a landscape page at 90 % or more.
var checkWidths = [][2]float64{1: {8, 10}, 2: {8, 12}, 3: {8, 12}, 4: {8, 10}, 5: {10, 18}, 6: {10, 18}, 7: {6, 10}, 8: {20, 34}}

// findingRow writes a finding's row of 数据核查.
func (s *sheet) findingRow(row int, f *check.Finding) {
	where := f.File
	if f.Sheet != "" {
		where += ": " + f.Sheet + "!" + f.Cell
	}
	value := f.Value
	if value == "" {
		value = "整列"
	}
	units := strings.Join(text.UnitList(f.Units, listMax), "、")
	if units == "" {
		units = "—"
	}
	for col, v := range []string{f.Kind.Label(), f.Period.Label(), units, f.Group, f.Indicator, where, value, f.Reason} {
		k := styleKey{role: roleWrap}
		if col == 1 || col == 6 {
			k.role = roleCenter
		}
		s.Text(col+1, row, v, k)
	}
}

// findingPeriods are the periods the findings are in, oldest first; the
// current one when there are none.
func findingPeriods(current data.Month, fs check.Findings) []data.Month {
	var ps []data.Month
	for _, f := range fs {
		if !f.Period.IsZero() && !slices.Contains(ps, f.Period) {
			ps = append(ps, f.Period)
		}
	}
	if len(ps) == 0 {
		return []data.Month{current}
	}
	slices.Sort(ps)
	return ps
}
