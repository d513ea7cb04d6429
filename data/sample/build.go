package sample

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Units are Jinhua's ten county-level units with the aliases documents use.
var Units = []struct{ Name, Aliases string }{
	{"婺城区", "婺城"},
	{"金东区", "金义新区、新区、金东"},
	{"兰溪市", "兰溪"},
	{"东阳市", "东阳"},
	{"义乌市", "义乌"},
	{"永康市", "永康"},
	{"浦江县", "浦江"},
	{"武义县", "武义"},
	{"磐安县", "磐安"},
	{"金华开发区", "开发区、金华经济技术开发区、金开"},
}

// Figure is one row of figures.tsv.
type Figure struct {
	Group, Indicator, Measure, Unit, Value string
	StatedRank                             int // 0: none stated
	Quote                                  string
}

// Figures parses figures.tsv.
func Figures() ([]Figure, error) {
	var out []Figure
	for i, line := range strings.Split(strings.TrimSpace(FiguresTSV), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("figures.tsv:%d: want 7 fields, have %d", i+1, len(f))
		}
		fig := Figure{Group: f[0], Indicator: f[1], Measure: f[2], Unit: f[3], Value: f[4], Quote: f[6]}
		if f[5] != "" {
			n, err := strconv.Atoi(f[5])
			if err != nil {
				return nil, fmt.Errorf("figures.tsv:%d: stated_rank %q", i+1, f[5])
			}
			fig.StatedRank = n
		}
		out = append(out, fig)
	}
	return out, nil
}

type indicatorCol struct{ name, measure string }

// sheetNames maps a group to its data sheet; groups are the sheet names
// except where a merged header row names the group (城市更新4321).
var sheetNames = map[string]string{"城市更新4321": "城市更新"}

// Workbook builds the sample input workbook from figures.tsv, in the shape
// a city office produces: a 参数 sheet, a 单位 sheet with aliases, a 指标说明
// sheet, and one data sheet per group with a title row; 城市更新 has a
// two-row header with a merged group cell; percentages in 七张问题清单 are
// %-formatted numeric cells.
func Workbook() (*excelize.File, error) {
	figs, err := Figures()
	if err != nil {
		return nil, err
	}
	return build(figs, 4)
}

// build writes the workbook of 2022年1—month月 from figures.
func build(figs []Figure, month int) (*excelize.File, error) {
	var err error
	var groups []string
	cols := map[string][]indicatorCol{}
	vals := map[string]map[string]string{} // indicator → unit → value
	for _, f := range figs {
		if _, ok := cols[f.Group]; !ok {
			groups = append(groups, f.Group)
		}
		if vals[f.Indicator] == nil {
			vals[f.Indicator] = map[string]string{}
			cols[f.Group] = append(cols[f.Group], indicatorCol{f.Indicator, f.Measure})
		}
		vals[f.Indicator][f.Unit] = f.Value
	}
	x := excelize.NewFile()
	set := func(sheet, ref string, v any) {
		if err == nil {
			err = x.SetCellValue(sheet, ref, v)
		}
	}
	x.SetSheetName("Sheet1", "参数")
	set("参数", "A1", "参数")
	set("参数", "B1", "值")
	set("参数", "A2", "期间")
	set("参数", "B2", fmt.Sprintf("2022-%02d", month))
	set("参数", "A3", "标题")
	set("参数", "A4", "数据来源")
	if month == 4 {
		set("参数", "B3", "金华市2022年1—4月晒拼指标排名(示例数据)")
		set("参数", "B4", "示例数据:根据金华市2022年第一次扛旗争先大晒拼活动县(市、区)交流发言摘登等公开报道整理;空白表示公开报道未给出该数字,按未报送处理")
	} else {
		set("参数", "B3", fmt.Sprintf("金华市2022年%s晒拼指标排名(模拟数据,仅供演示)", monthSpan(month)))
		set("参数", "B4", "模拟数据:由 2022年1—4月公开数字按月份比例推算并加入确定性的随机扰动,仅用于演示月度变化,不是真实数据")
	}

	x.NewSheet("单位")
	set("单位", "A1", "名称")
	set("单位", "B1", "别名")
	for i, u := range Units {
		set("单位", cellName(1, i+2), u.Name)
		set("单位", cellName(2, i+2), u.Aliases)
	}

	x.NewSheet("指标说明")
	for j, h := range []string{"指标", "分组", "单位", "方向", "权重", "小数位", "参与排名", "时序进度"} {
		set("指标说明", cellName(j+1, 1), h)
	}
	row := 2
	for _, g := range groups {
		for _, c := range cols[g] {
			set("指标说明", cellName(1, row), c.name)
			set("指标说明", cellName(2, row), g)
			set("指标说明", cellName(3, row), c.measure)
			set("指标说明", cellName(4, row), "正向")
			set("指标说明", cellName(5, row), 1)
			schedule := "否"
			if strings.Contains(c.name, "年度投资完成率") {
				schedule = "是"
			}
			set("指标说明", cellName(8, row), schedule)
			row++
		}
	}

	pct, err2 := x.NewStyle(&excelize.Style{CustomNumFmt: strPtr("0.0#%")})
	if err2 != nil {
		return nil, err2
	}
	for _, g := range groups {
		sheet := g
		if s, ok := sheetNames[g]; ok {
			sheet = s
		}
		x.NewSheet(sheet)
		set(sheet, "A1", "金华市2022年"+monthSpan(month)+g+"指标")
		hr := 2
		if sheet != g {
			// Two-row header: the group in a merged cell over the indicators.
			set(sheet, "A2", "县(市、区)")
			if err == nil {
				err = x.MergeCell(sheet, "A2", "A3")
			}
			set(sheet, "B2", g)
			if err == nil {
				err = x.MergeCell(sheet, "B2", cellName(len(cols[g])+1, 2))
			}
			hr = 3
		} else {
			set(sheet, "A2", "地区")
		}
		for j, c := range cols[g] {
			h := c.name
			if c.measure != "" {
				h += "(" + c.measure + ")"
			}
			set(sheet, cellName(j+2, hr), h)
		}
		for i, u := range Units {
			r := hr + 1 + i
			set(sheet, cellName(1, r), u.Name)
			for j, c := range cols[g] {
				v, ok := vals[c.name][u.Name]
				if !ok {
					continue
				}
				f, perr := strconv.ParseFloat(v, 64)
				if perr != nil {
					return nil, fmt.Errorf("figures.tsv: %s %s: %q", c.name, u.Name, v)
				}
				ref := cellName(j+2, r)
				if g == "七张问题清单" && c.measure == "%" {
					// Stored as Excel stores a typed "85.71%": a fraction with a % format.
					f, _ = strconv.ParseFloat(strconv.FormatFloat(f/100, 'g', 15, 64), 64)
					if err == nil {
						err = x.SetCellStyle(sheet, ref, ref, pct)
					}
				}
				if strings.Contains(v, ".") && strings.HasSuffix(v, "0") {
					// Keep a trailing zero as printed (84.0): numeric text.
					set(sheet, ref, v)
					continue
				}
				set(sheet, ref, f)
			}
		}
		set(sheet, cellName(1, hr+len(Units)+1), "注:空白表示公开报道未给出该数字。")
	}
	if err != nil {
		return nil, err
	}
	x.SetActiveSheet(3)
	return x, nil
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func strPtr(s string) *string { return &s }
