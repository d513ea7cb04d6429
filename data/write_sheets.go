package data

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"shaipin/textwidth"
)

// formNote is the note under each table of a fill-in form.
const formNote = "注:只在白色格子里填数字;没有数据请留空(即未报送,不参与排名),不要填 0。百分比填 52.7 或 52.7%。"

// missingWord is what TypeText types for a missing value.
const missingWord = "未报送"

// dataSheet writes one table.
func (b *formBook) dataSheet(l *sheetLayout) {
	name := l.name
	b.newSheet(name)
	title := b.p.Month.Label() + " " + name
	if b.opts.Form {
		title += " 填报表"
		if b.opts.Unit != "" {
			title += "(" + b.opts.Unit + ")"
		}
	}
	b.text(name, 1, formTitleRow, title, b.style(cellStyle{kind: kindTitle}))
	b.fail(b.f.SetRowHeight(name, formTitleRow, 24))
	nameRow := b.header(l)
	first := nameRow + 1
	last := b.unitRows(l, first)
	end := b.extraRows(l, last)
	if b.opts.Form {
		b.text(name, 1, end+2, formNote, b.style(cellStyle{kind: kindNote}))
		for j, ind := range l.inds {
			c := colName(formUnitCol + 1 + j)
			b.validate(name, fmt.Sprintf("%s%d:%s%d", c, first, c, last), ind)
		}
		b.protect(name)
	}
	b.fail(b.f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: formUnitCol, YSplit: nameRow,
		TopLeftCell: cellRef(formUnitCol+1, first), ActivePane: "bottomRight"}))
	b.printSetup(name, formUnitCol+len(l.inds) > 6)
}

// header writes a table's header and sizes its columns; it returns the
// row of indicator names.
func (b *formBook) header(l *sheetLayout) int {
	name := l.name
	hdr := b.style(cellStyle{kind: kindHeader})
	nameRow := formHeaderRow
	if l.twoRow {
		nameRow = formHeaderRow + 1
	}
	b.text(name, formUnitCol, formHeaderRow, unitHeader, hdr)
	if l.twoRow {
		b.merge(name, formUnitCol, formHeaderRow, formUnitCol, nameRow, hdr)
	}
	col := formUnitCol + 1
	headerLines := 1
	for _, run := range groupRuns(l.inds) {
		own := run[0].Group == stripSpace(name)
		if l.twoRow && !own {
			b.text(name, col, formHeaderRow, run[0].Group, hdr)
			b.merge(name, col, formHeaderRow, col+len(run)-1, formHeaderRow, hdr)
		}
		for _, ind := range run {
			h, lines, width := headerText(ind.Name, ind.Unit)
			b.fail(b.f.SetColWidth(name, colName(col), colName(col), width))
			headerLines = max(headerLines, lines)
			if l.twoRow && own {
				b.text(name, col, formHeaderRow, h, hdr)
				b.merge(name, col, formHeaderRow, col, nameRow, hdr)
			} else {
				b.text(name, col, nameRow, h, hdr)
			}
			col++
		}
	}
	b.fail(b.f.SetRowHeight(name, nameRow, float64(headerLines)*15+6))
	if l.twoRow {
		b.fail(b.f.SetRowHeight(name, formHeaderRow, 20))
	}
	unitWidth := 12.0
	for _, u := range b.p.Units {
		unitWidth = max(unitWidth, float64(textwidth.Of(u))+3)
	}
	b.fail(b.f.SetColWidth(name, colName(formUnitCol), colName(formUnitCol), unitWidth))
	return nameRow
}

// unitRows writes a row per unit from row first; it returns the last.
func (b *formBook) unitRows(l *sheetLayout, first int) int {
	units := b.p.Units
	if b.opts.Unit != "" {
		units = []string{b.opts.Unit}
	}
	unitIdx := map[string]int{}
	for k, u := range b.p.Units {
		unitIdx[u] = k
	}
	for r, u := range units {
		row := first + r
		b.text(l.name, formUnitCol, row, u, b.style(cellStyle{kind: kindUnitName}))
		b.fail(b.f.SetRowHeight(l.name, row, 18))
		for j, ind := range l.inds {
			k := unitIdx[u]
			typing := TypeNumber
			if b.opts.Typing != nil {
				typing = b.opts.Typing(ind, k)
			}
			b.value(l.name, formUnitCol+1+j, row, ind, ind.Values[k], typing)
		}
	}
	return first + len(units) - 1
}

// extraRows writes the total and note rows under the unit rows that end
// at row last; it returns the table's last row.
func (b *formBook) extraRows(l *sheetLayout, last int) int {
	if t := b.opts.Total; t != nil {
		last++
		b.text(l.name, formUnitCol, last, t.Label, b.style(cellStyle{kind: kindUnitName}))
		b.fail(b.f.SetRowHeight(l.name, last, 18))
		for j, ind := range l.inds {
			b.value(l.name, formUnitCol+1+j, last, ind, t.Value(ind), TypeNumber)
		}
	}
	if b.opts.Note != "" {
		last++
		b.text(l.name, formUnitCol, last, b.opts.Note, b.style(cellStyle{kind: kindNote}))
	}
	return last
}

// value writes one value cell.
func (b *formBook) value(sheet string, col, row int, ind *Indicator, v Value, typing Typing) {
	ref := cellRef(col, row)
	st := cellStyle{kind: kindValue, form: b.opts.Form, decimals: -1}
	if !v.OK {
		if typing == TypeText {
			b.fail(b.f.SetCellStr(sheet, ref, missingWord))
		}
		b.fail(b.f.SetCellStyle(sheet, ref, ref, b.style(st)))
		return
	}
	shortest := strconv.FormatFloat(v.Number, 'f', -1, 64)
	exact := formatDecimals(v.Number, v.Decimals)
	if !b.opts.Form {
		st.decimals = v.Decimals
	}
	switch {
	case typing == TypeText:
		st.text, st.decimals = true, -1
		b.fail(b.f.SetCellStr(sheet, ref, typedText(exact, ind.Unit)))
	case len(exact) > len(shortest):
		// 84.0: a number would read back as 84, so keep the text.
		st.text = true
		b.fail(b.f.SetCellStr(sheet, ref, exact))
	case typing == TypePercent && ind.Unit == "%":
		st.percent, st.decimals = true, v.Decimals
		b.fail(b.f.SetCellFloat(sheet, ref, excelRound(v.Number/100), -1, 64))
	default:
		b.fail(b.f.SetCellFloat(sheet, ref, v.Number, -1, 64))
	}
	b.fail(b.f.SetCellStyle(sheet, ref, ref, b.style(st)))
}

// typedText is a figure with exactly its decimals as offices type it into
// a text cell: 52.7% for a percentage, 1,234.5 from a thousand up.
func typedText(exact, unit string) string {
	if unit == "%" {
		return exact + "%"
	}
	sign, digits := "", exact
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	whole, frac, _ := strings.Cut(digits, ".")
	if len(whole) <= 3 {
		return exact
	}
	var sb strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			sb.WriteByte(',')
		}
		sb.WriteRune(c)
	}
	if frac != "" {
		return sign + sb.String() + "." + frac
	}
	return sign + sb.String()
}

// validate sets data validation on one column of value cells.
func (b *formBook) validate(sheet, sqref string, ind *Indicator) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	unit := ""
	if ind.Unit != "" {
		unit = "(单位:" + ind.Unit + ")"
	}
	switch {
	case RateBounds(ind):
		b.fail(dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetInput(clip(ind.Name, 32), "填百分数,如 52.7 或 52.7%,一般在 0—100 之间。没有数据请留空,不要填 0。")
		dv.SetError(excelize.DataValidationErrorStyleWarning, "请核对数值",
			clip("「"+ind.Name+"」应是 0—100 之间的百分数(填 52.7 或 52.7%),不能带文字。确实超过 100(如超额完成)请点「是」保留。", 220))
	case ind.Unit == "%":
		b.fail(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetInput(clip(ind.Name, 32), "填百分数,如 5.2、-3.1 或 5.2%。没有数据请留空,不要填 0。")
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填数字",
			clip("「"+ind.Name+"」只能填数字(如 5.2 或 -3.1),不能带文字。没有数据请留空。", 220))
	default:
		b.fail(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetInput(clip(ind.Name, 32), clip("填数字,如 91.86"+unit+",不要带单位或文字。没有数据请留空,不要填 0。", 250))
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填数字",
			clip("「"+ind.Name+"」只能填数字"+unit+",不能带单位或文字(如「亿元」「约」「近」)。没有数据请留空。", 220))
	}
	b.fail(b.f.AddDataValidation(sheet, dv))
}
