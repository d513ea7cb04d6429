package synth

import (
	"fmt"
	"math/rand"

	"shaipin/data"
)

// measure is a kind of figure offices report, with the unit, precision and
// range that go with it.
type measure struct {
	suffix   string // appended to a subject: 工业 + 投资完成率
	unit     string
	decimals int
	lo, hi   float64
	lower    bool // lower is better
	schedule bool // compared with the share of the year elapsed
}

// measures: counts (个) and some areas are whole numbers, so at national
// scale dozens of units share each value; four of twenty are
// lower-is-better.
var measures = []measure{
	{suffix: "投资完成率", unit: "%", decimals: 2, lo: 20, hi: 110, schedule: true},
	{suffix: "增加值增速", unit: "%", decimals: 1, lo: -8, hi: 18},
	{suffix: "任务完成率", unit: "%", decimals: 1, lo: 40, hi: 100},
	{suffix: "问题整改率", unit: "%", decimals: 2, lo: 60, hi: 100},
	{suffix: "营收同比增长", unit: "%", decimals: 1, lo: -15, hi: 30},
	{suffix: "问题发生率", unit: "%", decimals: 2, lo: 0, hi: 12, lower: true},
	{suffix: "考核得分", unit: "分", decimals: 2, lo: 70, hi: 98},
	{suffix: "量化指数", unit: "分", decimals: 2, lo: 80, hi: 96},
	{suffix: "完成投资额", unit: "亿元", decimals: 2, lo: 0.5, hi: 120},
	{suffix: "营业收入", unit: "亿元", decimals: 2, lo: 5, hi: 900},
	{suffix: "签约项目数", unit: "个", decimals: 0, lo: 0, hi: 60},
	{suffix: "落地项目数", unit: "个", decimals: 0, lo: 0, hi: 40},
	{suffix: "投诉件数", unit: "个", decimals: 0, lo: 0, hi: 80, lower: true},
	{suffix: "整治用地面积", unit: "亩", decimals: 1, lo: 0, hi: 3000},
	{suffix: "批而未供土地面积", unit: "亩", decimals: 0, lo: 0, hi: 2000, lower: true},
	{suffix: "服务人次", unit: "万人", decimals: 2, lo: 0.5, hi: 150},
	{suffix: "新增就业人数", unit: "万人", decimals: 2, lo: 0.1, hi: 12},
	{suffix: "财政投入", unit: "万元", decimals: 0, lo: 500, hi: 90000},
	{suffix: "欠薪金额", unit: "万元", decimals: 1, lo: 0, hi: 3000, lower: true},
	{suffix: "税收收入", unit: "万元", decimals: 0, lo: 1000, hi: 500000},
}

// subjects are the fields an indicator is about; with measures they make
// 600 distinct names.
var subjects = []string{"工业", "服务业", "农业农村", "数字经济", "城市更新", "未来社区", "交通", "水利", "能源", "生态环境",
	"文化旅游", "教育", "卫生健康", "民生实事", "招商引资", "外贸", "科技创新", "人才", "社会治理", "安全生产",
	"营商环境", "乡村振兴", "共同富裕", "山区海岛", "开发区", "专项债", "重大项目", "小微企业", "消费", "住房保障"}

// sheetNames name the data sheets, in order; a sheet with a two-row header
// splits its indicators between two groups named after it.
var sheetNames = []string{"主要经济指标", "七张问题清单", "城市更新", "数字化改革", "先进制造业", "营商环境", "共同富裕", "生态环境"}

// weights are drawn for 指标说明's 权重; most indicators weigh 1.
var weights = []float64{1, 1, 1, 1, 1, 1.5, 2, 0.5, 3}

// plan is one indicator of every period.
type plan struct {
	name, group, sheet string
	m                  measure
	weight             float64
}

// plans lays out the scale's indicators over its sheets: distinct names
// (subject × measure, shuffled); every second sheet of four or more
// indicators has a two-row header, its first half in one group and its
// second in another.
func plans(s Scale, r *rand.Rand) ([]plan, error) {
	if s.Indicators < 1 || s.Sheets < 1 || s.Units < 1 || s.Periods < 1 {
		return nil, fmt.Errorf("synth: scale %+v is empty", s)
	}
	if s.Indicators > len(subjects)*len(measures) {
		return nil, fmt.Errorf("synth: at most %d indicators, not %d", len(subjects)*len(measures), s.Indicators)
	}
	combos := r.Perm(len(subjects) * len(measures))[:s.Indicators]
	perSheet := (s.Indicators + s.Sheets - 1) / s.Sheets
	out := make([]plan, len(combos))
	for i, c := range combos {
		m := measures[c%len(measures)]
		sh, at := i/perSheet, i%perSheet
		count := min(perSheet, s.Indicators-sh*perSheet)
		sheet := sheetName(sh)
		group := sheet
		if sh%2 == 1 && count >= 4 {
			group += []string{"进度", "质效"}[min(at/(count/2), 1)]
		}
		out[i] = plan{name: subjects[c/len(measures)] + m.suffix, group: group, sheet: sheet, m: m,
			weight: weights[r.Intn(len(weights))]}
	}
	return out, nil
}

// sheetName names data sheet i; past the list, by number.
func sheetName(i int) string {
	if i < len(sheetNames) {
		return sheetNames[i]
	}
	return fmt.Sprintf("晒拼指标%d", i+1)
}

// indicator is the plan's indicator with room for the units' values.
func (p plan) indicator(units int) *data.Indicator {
	dir := data.Higher
	if p.m.lower {
		dir = data.Lower
	}
	return &data.Indicator{Name: p.name, Group: p.group, Unit: p.m.unit, Direction: dir, Weight: p.weight,
		Decimals: p.m.decimals, Ranked: true, Schedule: p.m.schedule, Sheet: p.sheet, Values: make([]data.Value, units)}
}
