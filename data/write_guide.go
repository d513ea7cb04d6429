package data

import (
	"fmt"
	"math"
	"strings"

	"shaipin/textwidth"
)

// guideWidth is the width of the 填报说明 sheet's one column.
const guideWidth = 72.0

// guideSteps are the numbered instructions of 填报说明; file is the name
// the filled form should be saved as.
func guideSteps(file string) []string {
	return []string{
		"只在各数据表的白色格子里填数字。表头、单位名称和「参数」「单位」「指标说明」三张表已锁定(工作表保护,没有密码),请不要改动。",
		"直接填数字,如 91.86;不要带单位或文字(如「亿元」「分」「约」「近」)。负数照填,如 -3.1。",
		"百分比指标(表头带 %)填 52.7 或 52.7%,两种写法都表示 52.7%;不要填成 0.527。",
		"按统计口径保留小数,不要自行四舍五入。",
		"没有数据就留空:留空即「未报送」,不参与排名,报表上显示为「—」;不要填 0、「无」或「—」。",
		"不要增删行列、不要修改工作表名称和表头;不要把数据粘贴到别的表里再交回。",
		"填好后保存为 .xlsx(不要另存为 .xls 或 .csv),文件名建议「" + file + "」,按时交回。同一单位交回两份且数字不同时,汇总会报告冲突。",
	}
}

// guide writes 填报说明, the first sheet of a form.
func (b *formBook) guide(sheets []*sheetLayout) {
	const s = SheetGuide
	b.newSheet(s)
	b.fail(b.f.SetColWidth(s, "A", "A", guideWidth))
	who := "各县(市、区),每个单位填写自己的一行"
	file := b.p.Month.String() + "-单位名称.xlsx"
	if b.opts.Unit != "" {
		who = b.opts.Unit
		file = b.p.Month.String() + "-" + b.opts.Unit + ".xlsx"
	}
	row := 1
	line := func(text string, k cellKind) {
		b.guideLine(row, text, k)
		row++
	}
	line(b.p.Month.Label()+"晒拼指标填报说明", kindGuideTitle)
	line("填报单位:"+who, kindGuideText)
	if b.p.Title != "" {
		line("用于:"+b.p.Title, kindGuideText)
	}
	line("", kindGuideText)
	line("怎么填", kindGuideHead)
	for i, t := range guideSteps(file) {
		line(fmt.Sprintf("%d. %s", i+1, t), kindGuideText)
	}
	line("", kindGuideText)
	line("各表指标(括号内为计量单位)", kindGuideHead)
	for _, l := range sheets {
		line("「"+l.name+"」:"+guideIndicators(l.inds), kindGuideText)
	}
	if b.p.Source != "" {
		line("", kindGuideText)
		line("数据来源:"+b.p.Source, kindGuideMuted)
	}
	line("", kindGuideText)
	line("本表由 shaipin 生成。汇总(市里用):shaipin merge 交回的文件… -o "+b.p.Month.String()+"-汇总.xlsx", kindGuideMuted)
	b.protect(s)
	b.printSetup(s, false)
}

// guideLine writes one line of 填报说明, tall enough for its wrapped text.
func (b *formBook) guideLine(row int, text string, k cellKind) {
	const s = SheetGuide
	b.text(s, 1, row, text, b.style(cellStyle{kind: k}))
	lines := math.Ceil(float64(textwidth.Of(text)) / guideWidth)
	h := 18.0
	switch k {
	case kindGuideTitle:
		h = 30
	case kindGuideHead:
		h = 22
	}
	b.fail(b.f.SetRowHeight(s, row, max(h, lines*16+4)))
}

// guideIndicators lists a sheet's indicators with their units and, for
// lower-is-better ones, a mark.
func guideIndicators(inds []*Indicator) string {
	var names []string
	for _, ind := range inds {
		n := ind.Name
		if ind.Unit != "" {
			n += "(" + ind.Unit + ")"
		}
		if ind.Direction == Lower {
			n += "[越小越好]"
		}
		names = append(names, n)
	}
	return strings.Join(names, "、")
}
