package data

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"shaipin/textwidth"
)

// params writes 参数: 期间, 标题, 数据来源, 数据性质 unless official, the
// ranking rules the period sets (Settings) and, for a per-unit form,
// 填报单位.
func (b *formBook) params() {
	rows := [][2]string{{paramPeriod, b.p.Month.String()}, {paramTitle, b.p.Title}, {paramSource, b.p.Source}}
	if b.p.Provenance != Official {
		rows = append(rows, [2]string{paramProvenance, b.p.Provenance.Label()})
	}
	rows = append(rows, b.p.Settings.rows()...)
	if b.opts.Unit != "" {
		rows = append(rows, [2]string{ParamFormUnit, b.opts.Unit})
	}
	b.pairSheet(SheetParams, [2]string{SheetParams, "值"}, rows, [2]float64{12, 70})
}

// units writes 单位: 名称 and 别名.
func (b *formBook) units() {
	rows := make([][2]string, len(b.p.Units))
	width := 12.0
	for i, u := range b.p.Units {
		rows[i] = [2]string{u, strings.Join(b.opts.Aliases[u], "、")}
		width = max(width, float64(textwidth.Of(u))+3)
	}
	b.pairSheet(SheetUnits, [2]string{colUnitName, colAliases}, rows, [2]float64{width, 40})
}

// pairSheet writes a reserved sheet of two columns: a header, then keys
// and their values.
func (b *formBook) pairSheet(s string, heads [2]string, rows [][2]string, widths [2]float64) {
	b.newSheet(s)
	hdr, key, val := b.style(cellStyle{kind: kindHeader}), b.style(cellStyle{kind: kindKey}), b.style(cellStyle{kind: kindPlain})
	b.text(s, 1, 1, heads[0], hdr)
	b.text(s, 2, 1, heads[1], hdr)
	for i, r := range rows {
		b.text(s, 1, i+2, r[0], key)
		b.text(s, 2, i+2, r[1], val)
	}
	b.fail(b.f.SetColWidth(s, "A", "A", widths[0]))
	b.fail(b.f.SetColWidth(s, "B", "B", widths[1]))
	b.printSetup(s, false)
	if b.opts.Form {
		b.protect(s)
	}
}

// meta writes 指标说明 with the metaColumns and, when some indicator has
// one, 目标值, 下限 and 上限.
func (b *formBook) meta() {
	const s = SheetIndicators
	b.newSheet(s)
	hdr, key, val := b.style(cellStyle{kind: kindHeader}), b.style(cellStyle{kind: kindKey}), b.style(cellStyle{kind: kindPlain})
	center := b.style(cellStyle{kind: kindCenter})
	widths := []float64{30, 16, 8, 8, 7, 7, 9, 9}
	heads := metaColumns
	limits := hasLimits(b.p)
	if limits {
		heads = append(heads[:len(heads):len(heads)], limitColumns...)
		widths = append(widths, 9, 9, 9)
	}
	for j, h := range heads {
		b.text(s, j+1, 1, h, hdr)
	}
	for i, ind := range b.p.Indicators {
		r := i + 2
		b.text(s, 1, r, ind.Name, key)
		b.text(s, 2, r, ind.Group, val)
		b.text(s, 3, r, ind.Unit, center)
		b.text(s, 4, r, directionWord(ind.Direction), center)
		b.number(s, 5, r, ind.Weight, center)
		if ind.Decimals >= 0 {
			b.number(s, 6, r, float64(ind.Decimals), center)
		} else {
			b.text(s, 6, r, "", center)
		}
		b.text(s, 7, r, yesNo(ind.Ranked), center)
		b.text(s, 8, r, yesNo(ind.Schedule), center)
		if limits {
			b.limits(s, r, 9, ind, center)
		}
		widths[0] = max(widths[0], float64(textwidth.Of(ind.Name))+2)
		widths[1] = max(widths[1], float64(textwidth.Of(ind.Group))+2)
	}
	for j, w := range widths {
		b.fail(b.f.SetColWidth(s, colName(j+1), colName(j+1), w))
	}
	b.fail(b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	b.printSetup(s, true)
	if b.opts.Form {
		b.protect(s)
	}
}

// hasLimits reports whether some indicator of p has a 目标值, 下限 or 上限.
func hasLimits(p *Period) bool {
	for _, ind := range p.Indicators {
		if ind.Target != nil || ind.Lower.Set || ind.Upper.Set {
			return true
		}
	}
	return false
}

// limits writes an indicator's 目标值, 下限 and 上限 from column col of
// row r: blank when not set, 不限 for an unbounded limit.
func (b *formBook) limits(s string, r, col int, ind *Indicator, style int) {
	if ind.Target != nil {
		b.number(s, col, r, *ind.Target, style)
	} else {
		b.text(s, col, r, "", style)
	}
	for j, l := range []Limit{ind.Lower, ind.Upper} {
		switch {
		case !l.Set:
			b.text(s, col+1+j, r, "", style)
		case math.IsInf(l.Value, 0):
			b.text(s, col+1+j, r, unboundedWord, style)
		default:
			b.number(s, col+1+j, r, l.Value, style)
		}
	}
}

// protect locks a sheet without a password; value cells are unlocked by
// their style. Column widths and row heights may still be changed.
func (b *formBook) protect(sheet string) {
	b.fail(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}

// printSetup prints a sheet on A4, one page wide.
func (b *formBook) printSetup(sheet string, landscape bool) {
	orient, size, one, zero, yes := "portrait", 9, 1, 0, true
	if landscape {
		orient = "landscape"
	}
	b.fail(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	b.fail(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
}
