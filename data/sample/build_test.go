package sample_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/data/sample"
)

// sheetNames maps a group to its data sheet; groups are the sheet names
// except where a merged header row names the group (城市更新4321).
var sheetNames = map[string]string{"城市更新4321": "城市更新"}

// percentGroup's % figures are stored as Excel stores a typed 85.71%: a
// fraction in a percentage format, so the demo exercises that reading.
const percentGroup = "七张问题清单"

// workbook builds April's input workbook from figures.tsv, in the shape a
// city office produces: a data sheet per group with a title row and a note
// row; 城市更新 with a two-row header and a merged group cell; percentages
// in 七张问题清单 %-formatted numeric cells; 参数, 单位 with aliases and
// 指标说明.
func workbook() ([]byte, error) {
	figs, err := sample.Figures()
	if err != nil {
		return nil, err
	}
	return build(figs, 4)
}

// build writes the workbook of 2022年1—month月 from figures.
func build(figs []sample.Figure, month int) ([]byte, error) {
	p, err := period(figs, month)
	if err != nil {
		return nil, err
	}
	aliases := map[string][]string{}
	for _, u := range sample.Units {
		aliases[u.Name] = data.SplitAliases(u.Aliases)
	}
	typing := func(ind *data.Indicator, _ int) data.Typing {
		if ind.Group == percentGroup {
			return data.TypePercent
		}
		return data.TypeNumber
	}
	var buf bytes.Buffer
	err = data.WriteForm(&buf, p, data.FormOptions{Aliases: aliases, Typing: typing, Note: "注:空白表示公开报道未给出该数字。"})
	return buf.Bytes(), err
}

// The sample's 参数 rules. Its figures are what the speeches happened to
// quote, so a blank is a figure the public report did not give, not a
// return the unit failed to make: the composite skips it rather than
// counting it last. Six of the ten units have fewer than 16 of the 32
// indicators; at the default coverage of 50 % only four would be ranked,
// at 40 % eight are, and 义乌市 (11 of 32) and 浦江县 (5 of 32) are listed
// after the board instead of topping it on a handful of figures.
var settings = data.Settings{MinCoverage: new(0.4), Missing: "skip"}

// blanks says so in every month's 数据来源, which the report shows.
const blanks = "空白是公开报道未给出该数字,不是未报送:该项不参与排名,综合得分跳过空白(缺失处理:跳过);" +
	"6 个单位报道的指标不足 32 项的一半,示例最低覆盖率设为 40%(正式使用默认 50%)"

// period makes the period of 2022年1—month月 from figures: groups and
// their indicators in order of first appearance, every indicator
// higher-is-better with weight 1, the annual completion rates compared with
// the share of the year elapsed.
func period(figs []sample.Figure, month int) (*data.Period, error) {
	p := &data.Period{Month: data.NewMonth(2022, month), Settings: settings, Provenance: data.Published}
	if month == 4 {
		p.Title = "金华市2022年1—4月晒拼指标排名(示例数据)"
		p.Source = "示例数据:根据金华市2022年第一次扛旗争先大晒拼活动县(市、区)交流发言摘登等公开报道整理。" + blanks
	} else {
		p.Title = fmt.Sprintf("金华市2022年%s晒拼指标排名(模拟数据,仅供演示)", monthSpan(month))
		p.Source = "模拟数据:由 2022年1—4月公开数字按月份比例推算并加入确定性的随机扰动,仅用于演示月度变化,不是真实数据。" + blanks
		p.Provenance = data.Simulated
	}
	unitPos := map[string]int{}
	for k, u := range sample.Units {
		p.Units = append(p.Units, u.Name)
		unitPos[u.Name] = k
	}
	var groups []string
	byGroup := map[string][]*data.Indicator{}
	byName := map[string]*data.Indicator{}
	for _, f := range figs {
		ind := byName[f.Indicator]
		if ind == nil {
			ind = indicator(f, len(p.Units))
			byName[f.Indicator] = ind
			if byGroup[f.Group] == nil {
				groups = append(groups, f.Group)
			}
			byGroup[f.Group] = append(byGroup[f.Group], ind)
		}
		v, err := figureValue(f.Value)
		if err != nil {
			return nil, fmt.Errorf("figures.tsv: %s %s: %w", f.Indicator, f.Unit, err)
		}
		ind.Values[unitPos[f.Unit]] = v
	}
	for _, g := range groups {
		p.Indicators = append(p.Indicators, byGroup[g]...)
	}
	return p, nil
}

// indicator is a figure's indicator with no values yet.
func indicator(f sample.Figure, units int) *data.Indicator {
	sheet := f.Group
	if s, ok := sheetNames[f.Group]; ok {
		sheet = s
	}
	return &data.Indicator{Name: f.Indicator, Group: f.Group, Unit: f.Measure, Direction: data.Higher, Weight: 1,
		Decimals: -1, Ranked: true, Schedule: strings.Contains(f.Indicator, "年度投资完成率"), Sheet: sheet,
		Values: make([]data.Value, units)}
}

// figureValue reads a figure as printed, keeping its decimals (84.0 has one).
func figureValue(s string) (data.Value, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return data.Value{}, fmt.Errorf("%q 不是数字", s)
	}
	dec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec = len(s) - i - 1
	}
	return data.Value{OK: true, Number: f, Decimals: dec}, nil
}
