package out

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/textwidth"
)

// InputOptions control WriteInput.
type InputOptions struct {
	// Aliases gives each unit's other names, written to the 单位 sheet.
	Aliases map[string][]string
	// Form writes a fill-in form rather than a data workbook: a 填报说明
	// sheet first; value cells unlocked, checked by data validation and
	// left in the General format so what is typed shows as typed;
	// everything else locked by sheet protection without a password.
	Form bool
	// Unit, with Form, writes a per-unit form: the data sheets hold only
	// this unit's row and 参数 names it as 填报单位. The 单位 sheet still
	// lists every unit.
	Unit string
}

// Layout of the data sheets: a title row, then the header.
const (
	inTitleRow  = 1
	inHeaderRow = 2
	inUnitCol   = 1
	// inUnitHeader heads the unit column; the reader knows it.
	inUnitHeader = "县(市、区)"
)

// Colours of the input workbook. Yellow marks the laggards in the report,
// so it is not used for input cells: those are white, what is locked is grey.
const (
	inHeaderFill = "DDEBF7"
	inLockedFill = "F2F2F2"
	inGrid       = "BFBFBF"
	inMuted      = "595959"
	inFont       = "等线"
)

// WriteInput writes p as an input workbook (docs/input.md): one data sheet
// per Indicator.Sheet in order of appearance, with a title row, a header
// (two rows with merged group cells where a group differs from the sheet
// name) and one row per unit; and the 参数, 单位 and 指标说明 sheets. Read
// back, it gives p again. Values are numbers in a format showing the
// reported decimals; a value whose decimals end in 0 (84.0) is written as
// numeric text, as the reader counts decimals of numbers as Excel shows
// them in General format. The output is byte-for-byte deterministic.
func WriteInput(w io.Writer, p *data.Period, opts InputOptions) error {
	if opts.Unit != "" {
		if !opts.Form {
			return errors.New("InputOptions.Unit needs Form")
		}
		found := false
		for _, u := range p.Units {
			found = found || u == opts.Unit
		}
		if !found {
			return fmt.Errorf("单位「%s」不在单位表中", opts.Unit)
		}
	}
	b := &inBook{f: excelize.NewFile(), p: p, opts: opts, styles: map[inStyle]int{}}
	defer b.f.Close()
	b.build()
	if b.err != nil {
		return b.err
	}
	_, err := b.f.WriteTo(w)
	return err
}

// inBook is an input workbook being written.
type inBook struct {
	f      *excelize.File
	p      *data.Period
	opts   InputOptions
	err    error
	styles map[inStyle]int
	first  bool // the next sheet replaces excelize's Sheet1
}

func (b *inBook) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// inLayout is one data sheet to write.
type inLayout struct {
	name   string
	inds   []*data.Indicator
	twoRow bool
}

func (b *inBook) build() {
	b.first = true
	sheets, err := inLayouts(b.p)
	if err != nil {
		b.fail(err)
		return
	}
	if b.opts.Form {
		b.guide(sheets)
	}
	for _, l := range sheets {
		b.dataSheet(l)
	}
	b.params()
	b.units()
	b.meta()
	b.f.SetActiveSheet(0)
	title := b.p.Title
	if title == "" {
		title = b.p.Month.Label() + "晒拼指标"
	}
	b.fail(b.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "shaipin", Language: "zh-CN"}))
}

// newSheet adds a sheet, reusing the blank one excelize starts with.
func (b *inBook) newSheet(name string) {
	if b.first {
		b.first = false
		b.fail(b.f.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.f.NewSheet(name)
	b.fail(err)
}

// inLayouts groups the indicators by sheet, in order of first appearance.
// A sheet whose groups differ from its name gets a two-row header; the
// reader finds it by a merged group cell spanning several columns, so a
// sheet whose only differing groups have a single indicator each cannot
// be written that way: those indicators move to a sheet named after their
// group, which keeps their group.
func inLayouts(p *data.Period) ([]*inLayout, error) {
	if len(p.Indicators) == 0 {
		return nil, errors.New("没有指标,无法写出工作簿")
	}
	byName := map[string]*inLayout{}
	var order []*inLayout
	add := func(sheet string, ind *data.Indicator) {
		l := byName[sheet]
		if l == nil {
			l = &inLayout{name: sheet}
			byName[sheet] = l
			order = append(order, l)
		}
		l.inds = append(l.inds, ind)
	}
	for _, ind := range p.Indicators {
		sheet := ind.Sheet
		if sheet == "" {
			sheet = ind.Group
		}
		add(sheet, ind)
	}
	var out []*inLayout
	for _, l := range order {
		own := inStrip(l.name)
		multi, differs := false, false
		runs := inRuns(l.inds)
		for _, r := range runs {
			if r[0].Group != own {
				differs = true
				multi = multi || len(r) > 1
			}
		}
		if !differs || multi {
			l.twoRow = differs
			out = append(out, l)
			continue
		}
		// Split: indicators of the sheet's own group stay; the others go
		// to a sheet per group.
		var keep []*data.Indicator
		for _, ind := range l.inds {
			if ind.Group == own {
				keep = append(keep, ind)
			}
		}
		if len(keep) > 0 {
			out = append(out, &inLayout{name: l.name, inds: keep})
		}
		for _, r := range runs {
			if r[0].Group == own {
				continue
			}
			name := inSheetName(r[0].Group)
			if _, taken := byName[name]; taken || name != r[0].Group {
				return nil, fmt.Errorf("工作表「%s」中分组「%s」只有一项指标,无法写成两行表头", l.name, r[0].Group)
			}
			nl := &inLayout{name: name, inds: r}
			byName[name] = nl
			out = append(out, nl)
		}
	}
	for _, l := range out {
		if n := inSheetName(l.name); n != l.name {
			return nil, fmt.Errorf("工作表名「%s」不能用作 Excel 工作表名", l.name)
		}
		switch strings.TrimSpace(l.name) {
		case data.SheetParams, data.SheetUnits, data.SheetIndicators, data.SheetGuide:
			return nil, fmt.Errorf("数据表不能叫「%s」", l.name)
		}
	}
	return out, nil
}

// inRuns splits indicators into runs of the same group.
func inRuns(inds []*data.Indicator) [][]*data.Indicator {
	var runs [][]*data.Indicator
	for _, ind := range inds {
		if n := len(runs); n > 0 && runs[n-1][0].Group == ind.Group {
			runs[n-1] = append(runs[n-1], ind)
			continue
		}
		runs = append(runs, []*data.Indicator{ind})
	}
	return runs
}

// inSheetName makes a valid Excel sheet name: at most 31 characters,
// none of []:*?/\.
func inSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 31 {
		s = string([]rune(s)[:31])
	}
	return s
}

// inStrip removes white space as the reader does for group and unit names.
func inStrip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// formUnits are the units with a row in the data sheets.
func (b *inBook) formUnits() []string {
	if b.opts.Unit != "" {
		return []string{b.opts.Unit}
	}
	return b.p.Units
}

// dataSheet writes one table.
func (b *inBook) dataSheet(l *inLayout) {
	f, name := b.f, l.name
	b.newSheet(name)
	title := b.p.Month.Label() + " " + name
	if b.opts.Form {
		title += " 填报表"
		if b.opts.Unit != "" {
			title += "(" + b.opts.Unit + ")"
		}
	}
	b.text(name, 1, inTitleRow, title, b.style(inStyle{kind: inTitle}))
	b.fail(f.SetRowHeight(name, inTitleRow, 24))

	hdr := b.style(inStyle{kind: inHeader})
	nameRow := inHeaderRow
	if l.twoRow {
		nameRow = inHeaderRow + 1
	}
	last := inUnitCol + len(l.inds)
	b.text(name, inUnitCol, inHeaderRow, inUnitHeader, hdr)
	if l.twoRow {
		b.merge(name, inUnitCol, inHeaderRow, inUnitCol, nameRow, hdr)
	}
	col := inUnitCol + 1
	headerLines := 1
	for _, run := range inRuns(l.inds) {
		own := run[0].Group == inStrip(name)
		if l.twoRow && !own {
			b.text(name, col, inHeaderRow, run[0].Group, hdr)
			b.merge(name, col, inHeaderRow, col+len(run)-1, inHeaderRow, hdr)
		}
		for _, ind := range run {
			h, lines, width := inHeaderText(ind.Name, ind.Unit)
			b.fail(f.SetColWidth(name, inCol(col), inCol(col), width))
			headerLines = max(headerLines, lines)
			if l.twoRow && own {
				b.text(name, col, inHeaderRow, h, hdr)
				b.merge(name, col, inHeaderRow, col, nameRow, hdr)
			} else {
				b.text(name, col, nameRow, h, hdr)
			}
			col++
		}
	}
	b.fail(f.SetRowHeight(name, nameRow, float64(headerLines)*15+6))
	if l.twoRow {
		b.fail(f.SetRowHeight(name, inHeaderRow, 20))
	}
	unitWidth := 12.0
	for _, u := range b.p.Units {
		unitWidth = max(unitWidth, float64(textwidth.Of(u))+3)
	}
	b.fail(f.SetColWidth(name, inCol(inUnitCol), inCol(inUnitCol), unitWidth))

	first := nameRow + 1
	units := b.formUnits()
	unitIdx := map[string]int{}
	for k, u := range b.p.Units {
		unitIdx[u] = k
	}
	for r, u := range units {
		row := first + r
		b.text(name, inUnitCol, row, u, b.style(inStyle{kind: inUnitName}))
		b.fail(f.SetRowHeight(name, row, 18))
		for j, ind := range l.inds {
			b.value(name, inUnitCol+1+j, row, ind.Values[unitIdx[u]])
		}
	}
	lastRow := first + len(units) - 1
	if b.opts.Form {
		note := "注:只在白色格子里填数字;没有数据请留空(即未报送,不参与排名),不要填 0。百分比填 52.7 或 52.7%。"
		b.text(name, 1, lastRow+2, note, b.style(inStyle{kind: inNote}))
		for j, ind := range l.inds {
			c := inCol(inUnitCol + 1 + j)
			b.validate(name, fmt.Sprintf("%s%d:%s%d", c, first, c, lastRow), ind)
		}
		b.protect(name)
	}
	b.fail(f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: inUnitCol, YSplit: nameRow,
		TopLeftCell: inCell(inUnitCol+1, first), ActivePane: "bottomRight"}))
	b.printSetup(name, last > 6)
}

// value writes one value cell.
func (b *inBook) value(sheet string, col, row int, v data.Value) {
	ref := inCell(col, row)
	if !v.OK {
		b.fail(b.f.SetCellStyle(sheet, ref, ref, b.style(inStyle{kind: inValue, form: b.opts.Form, decimals: -1})))
		return
	}
	shortest := strconv.FormatFloat(v.Number, 'f', -1, 64)
	exact := strconv.FormatFloat(v.Number, 'f', v.Decimals, 64)
	st := inStyle{kind: inValue, form: b.opts.Form, decimals: v.Decimals}
	if b.opts.Form {
		st.decimals = -1
	}
	if len(exact) > len(shortest) {
		// 84.0: a number would read back as 84, so keep the text.
		st.text = true
		b.fail(b.f.SetCellStr(sheet, ref, exact))
	} else {
		b.fail(b.f.SetCellFloat(sheet, ref, v.Number, -1, 64))
	}
	b.fail(b.f.SetCellStyle(sheet, ref, ref, b.style(st)))
}

// validate sets data validation on one column of value cells.
func (b *inBook) validate(sheet, sqref string, ind *data.Indicator) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	unit := ""
	if ind.Unit != "" {
		unit = "(单位:" + ind.Unit + ")"
	}
	switch {
	case data.RateBounds(ind):
		b.fail(dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetInput(inClip(ind.Name, 32), "填百分数,如 52.7 或 52.7%,一般在 0—100 之间。没有数据请留空,不要填 0。")
		dv.SetError(excelize.DataValidationErrorStyleWarning, "请核对数值",
			inClip("「"+ind.Name+"」应是 0—100 之间的百分数(填 52.7 或 52.7%),不能带文字。确实超过 100(如超额完成)请点「是」保留。", 220))
	case ind.Unit == "%":
		b.fail(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetInput(inClip(ind.Name, 32), "填百分数,如 5.2、-3.1 或 5.2%。没有数据请留空,不要填 0。")
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填数字",
			inClip("「"+ind.Name+"」只能填数字(如 5.2 或 -3.1),不能带文字。没有数据请留空。", 220))
	default:
		b.fail(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetInput(inClip(ind.Name, 32), inClip("填数字,如 91.86"+unit+",不要带单位或文字。没有数据请留空,不要填 0。", 250))
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填数字",
			inClip("「"+ind.Name+"」只能填数字"+unit+",不能带单位或文字(如「亿元」「约」「近」)。没有数据请留空。", 220))
	}
	b.fail(b.f.AddDataValidation(sheet, dv))
}

// protect locks a sheet without a password; value cells are unlocked by
// their style. Column widths and row heights may still be changed.
func (b *inBook) protect(sheet string) {
	b.fail(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}

// printSetup prints a sheet on A4, one page wide.
func (b *inBook) printSetup(sheet string, landscape bool) {
	orient, size, one, zero, yes := "portrait", 9, 1, 0, true
	if landscape {
		orient = "landscape"
	}
	b.fail(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	b.fail(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
}

// params writes 参数: 期间, 标题, 数据来源 and, for a per-unit form, 填报单位.
func (b *inBook) params() {
	const s = data.SheetParams
	b.newSheet(s)
	hdr, key, val := b.style(inStyle{kind: inHeader}), b.style(inStyle{kind: inKey}), b.style(inStyle{kind: inPlain})
	rows := [][2]string{{"期间", b.p.Month.String()}, {"标题", b.p.Title}, {"数据来源", b.p.Source}}
	if b.opts.Unit != "" {
		rows = append(rows, [2]string{data.ParamFormUnit, b.opts.Unit})
	}
	b.text(s, 1, 1, "参数", hdr)
	b.text(s, 2, 1, "值", hdr)
	for i, r := range rows {
		b.text(s, 1, i+2, r[0], key)
		b.text(s, 2, i+2, r[1], val)
	}
	b.fail(b.f.SetColWidth(s, "A", "A", 12))
	b.fail(b.f.SetColWidth(s, "B", "B", 70))
	b.printSetup(s, false)
	if b.opts.Form {
		b.protect(s)
	}
}

// units writes 单位: 名称 and 别名.
func (b *inBook) units() {
	const s = data.SheetUnits
	b.newSheet(s)
	hdr, key, val := b.style(inStyle{kind: inHeader}), b.style(inStyle{kind: inKey}), b.style(inStyle{kind: inPlain})
	b.text(s, 1, 1, "名称", hdr)
	b.text(s, 2, 1, "别名", hdr)
	width := 12.0
	for i, u := range b.p.Units {
		b.text(s, 1, i+2, u, key)
		b.text(s, 2, i+2, strings.Join(b.opts.Aliases[u], "、"), val)
		width = max(width, float64(textwidth.Of(u))+3)
	}
	b.fail(b.f.SetColWidth(s, "A", "A", width))
	b.fail(b.f.SetColWidth(s, "B", "B", 40))
	b.printSetup(s, false)
	if b.opts.Form {
		b.protect(s)
	}
}

// meta writes 指标说明 with every column the reader knows.
func (b *inBook) meta() {
	const s = data.SheetIndicators
	b.newSheet(s)
	hdr, key, val := b.style(inStyle{kind: inHeader}), b.style(inStyle{kind: inKey}), b.style(inStyle{kind: inPlain})
	center := b.style(inStyle{kind: inCenter})
	heads := []string{"指标", "分组", "单位", "方向", "权重", "小数位", "参与排名", "时序进度"}
	widths := []float64{30, 16, 8, 8, 7, 7, 9, 9}
	for j, h := range heads {
		b.text(s, j+1, 1, h, hdr)
	}
	for i, ind := range b.p.Indicators {
		r := i + 2
		dir := "正向"
		if ind.Direction == data.Lower {
			dir = "逆向"
		}
		b.text(s, 1, r, ind.Name, key)
		b.text(s, 2, r, ind.Group, val)
		b.text(s, 3, r, ind.Unit, center)
		b.text(s, 4, r, dir, center)
		b.number(s, 5, r, ind.Weight, center)
		if ind.Decimals >= 0 {
			b.number(s, 6, r, float64(ind.Decimals), center)
		} else {
			b.text(s, 6, r, "", center)
		}
		b.text(s, 7, r, inYesNo(ind.Ranked), center)
		b.text(s, 8, r, inYesNo(ind.Schedule), center)
		widths[0] = max(widths[0], float64(textwidth.Of(ind.Name))+2)
		widths[1] = max(widths[1], float64(textwidth.Of(ind.Group))+2)
	}
	for j, w := range widths {
		b.fail(b.f.SetColWidth(s, inCol(j+1), inCol(j+1), w))
	}
	b.fail(b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	b.printSetup(s, true)
	if b.opts.Form {
		b.protect(s)
	}
}

// guide writes 填报说明, the first sheet of a form.
func (b *inBook) guide(sheets []*inLayout) {
	const s = data.SheetGuide
	b.newSheet(s)
	const width = 72.0
	b.fail(b.f.SetColWidth(s, "A", "A", width))
	period := b.p.Month.Label()
	who := "各县(市、区),每个单位填写自己的一行"
	file := b.p.Month.String() + "-单位名称.xlsx"
	if b.opts.Unit != "" {
		who = b.opts.Unit
		file = b.p.Month.String() + "-" + b.opts.Unit + ".xlsx"
	}
	row := 1
	line := func(text string, k inKind) {
		b.text(s, 1, row, text, b.style(inStyle{kind: k}))
		lines := math.Ceil(float64(textwidth.Of(text)) / width)
		h := 18.0
		switch k {
		case inGuideTitle:
			h = 30
		case inGuideHead:
			h = 22
		}
		b.fail(b.f.SetRowHeight(s, row, max(h, lines*16+4)))
		row++
	}
	line(period+"晒拼指标填报说明", inGuideTitle)
	line("填报单位:"+who, inGuideText)
	if b.p.Title != "" {
		line("用于:"+b.p.Title, inGuideText)
	}
	line("", inGuideText)
	line("怎么填", inGuideHead)
	steps := []string{
		"只在各数据表的白色格子里填数字。表头、单位名称和「参数」「单位」「指标说明」三张表已锁定(工作表保护,没有密码),请不要改动。",
		"直接填数字,如 91.86;不要带单位或文字(如「亿元」「分」「约」「近」)。负数照填,如 -3.1。",
		"百分比指标(表头带 %)填 52.7 或 52.7%,两种写法都表示 52.7%;不要填成 0.527。",
		"按统计口径保留小数,不要自行四舍五入。",
		"没有数据就留空:留空即「未报送」,不参与排名,报表上显示为「—」;不要填 0、「无」或「—」。",
		"不要增删行列、不要修改工作表名称和表头;不要把数据粘贴到别的表里再交回。",
		"填好后保存为 .xlsx(不要另存为 .xls 或 .csv),文件名建议「" + file + "」,按时交回。同一单位交回两份且数字不同时,汇总会报告冲突。",
	}
	for i, t := range steps {
		line(fmt.Sprintf("%d. %s", i+1, t), inGuideText)
	}
	line("", inGuideText)
	line("各表指标(括号内为计量单位)", inGuideHead)
	for _, l := range sheets {
		var names []string
		for _, ind := range l.inds {
			n := ind.Name
			if ind.Unit != "" {
				n += "(" + ind.Unit + ")"
			}
			if ind.Direction == data.Lower {
				n += "[越小越好]"
			}
			names = append(names, n)
		}
		line("「"+l.name+"」:"+strings.Join(names, "、"), inGuideText)
	}
	if b.p.Source != "" {
		line("", inGuideText)
		line("数据来源:"+b.p.Source, inGuideMuted)
	}
	line("", inGuideText)
	line("本表由 shaipin 生成。汇总(市里用):shaipin merge 交回的文件… -o "+b.p.Month.String()+"-汇总.xlsx", inGuideMuted)
	b.protect(s)
	b.printSetup(s, false)
}

// text writes a string cell with a style.
func (b *inBook) text(sheet string, col, row int, v string, style int) {
	ref := inCell(col, row)
	if v != "" {
		b.fail(b.f.SetCellStr(sheet, ref, v))
	}
	b.fail(b.f.SetCellStyle(sheet, ref, ref, style))
}

// number writes a numeric cell with a style.
func (b *inBook) number(sheet string, col, row int, v float64, style int) {
	ref := inCell(col, row)
	b.fail(b.f.SetCellFloat(sheet, ref, v, -1, 64))
	b.fail(b.f.SetCellStyle(sheet, ref, ref, style))
}

// merge merges a range and styles every cell of it, so borders are drawn.
func (b *inBook) merge(sheet string, c1, r1, c2, r2, style int) {
	from, to := inCell(c1, r1), inCell(c2, r2)
	if from != to {
		b.fail(b.f.MergeCell(sheet, from, to))
	}
	b.fail(b.f.SetCellStyle(sheet, from, to, style))
}

// inKind is what a cell is for.
type inKind int

const (
	inTitle inKind = iota
	inHeader
	inUnitName
	inValue
	inNote
	inKey
	inPlain
	inCenter
	inGuideTitle
	inGuideHead
	inGuideText
	inGuideMuted
)

// inStyle identifies a cell style of the input workbook.
type inStyle struct {
	kind     inKind
	form     bool // a form's value cell: unlocked, General format
	decimals int  // value cells: decimals shown; -1 General
	text     bool // a value kept as text, right-aligned like a number
}

// style returns the style id for a key, creating it on first use.
func (b *inBook) style(k inStyle) int {
	if id, ok := b.styles[k]; ok {
		return id
	}
	id, err := b.f.NewStyle(inNewStyle(k))
	b.fail(err)
	b.styles[k] = id
	return id
}

func inNewStyle(k inStyle) *excelize.Style {
	grid := []excelize.Border{
		{Type: "left", Color: inGrid, Style: 1}, {Type: "right", Color: inGrid, Style: 1},
		{Type: "top", Color: inGrid, Style: 1}, {Type: "bottom", Color: inGrid, Style: 1},
	}
	font := &excelize.Font{Family: inFont, Size: 11}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	st := &excelize.Style{Font: font}
	switch k.kind {
	case inTitle:
		font.Bold, font.Size = true, 14
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case inHeader:
		font.Bold = true
		st.Border, st.Fill = grid, fill(inHeaderFill)
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case inUnitName, inKey:
		st.Border, st.Fill = grid, fill(inLockedFill)
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case inValue:
		st.Border = grid
		st.Alignment = &excelize.Alignment{Vertical: "center"}
		if k.text {
			st.Alignment.Horizontal = "right"
		}
		if k.decimals >= 0 {
			code := "0"
			if k.decimals > 0 {
				code += "." + strings.Repeat("0", k.decimals)
			}
			st.CustomNumFmt = &code
		}
		if k.form {
			st.Protection = &excelize.Protection{Locked: false}
		}
	case inNote, inGuideMuted:
		font.Color = inMuted
		font.Size = 10
		if k.kind == inGuideMuted {
			st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
		}
	case inPlain:
		st.Border = grid
		st.Alignment = &excelize.Alignment{Vertical: "center", WrapText: true}
	case inCenter:
		st.Border = grid
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center"}
	case inGuideTitle:
		font.Bold, font.Size = true, 16
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case inGuideHead:
		font.Bold, font.Size = true, 12
		st.Alignment = &excelize.Alignment{Vertical: "bottom"}
	case inGuideText:
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	}
	return st
}

func inCol(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

func inCell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// inHeaderText lays out an indicator header: the name in balanced lines
// of at most about eight wide characters, the unit on a line of its own.
// The reader drops line breaks in headers. It returns the text, its number
// of lines and the column width that holds it.
func inHeaderText(name, unit string) (string, int, float64) {
	runes := []rune(name)
	k := max(1, int(math.Ceil(float64(textwidth.Of(name))/16)))
	per := max(1, (len(runes)+k-1)/k)
	var lines []string
	for i := 0; i < len(runes); i += per {
		lines = append(lines, string(runes[i:min(i+per, len(runes))]))
	}
	if unit != "" {
		lines = append(lines, "("+unit+")")
	}
	widest := 0.0
	for _, l := range lines {
		widest = max(widest, float64(textwidth.Of(l)))
	}
	return strings.Join(lines, "\n"), len(lines), max(10, widest*0.9+3)
}

// inClip shortens s to at most n characters (Excel's limits on validation
// messages).
func inClip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func inYesNo(v bool) string {
	if v {
		return "是"
	}
	return "否"
}
