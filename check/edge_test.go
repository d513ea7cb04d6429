package check

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"shaipin/data"
)

// TestNoPanic: odd input never panics and questions nothing it cannot
// reason about.
func TestNoPanic(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	p := period(t, 4,
		col{name: "空", unit: "%", figs: "- - -"},
		col{name: "一个", unit: "%", figs: "5"},
		col{name: "两个", unit: "个", figs: "5 -"},
		col{name: "相同", unit: "亿元", figs: "3.5 3.5 3.5 3.5 3.5 3.5 3.5 3.5 3.5 3.5"},
		col{name: "零", unit: "个", figs: "0 0 0 0 0 0 0 0 0 0"},
		col{name: "怪", unit: "分", figs: "1 2 3 4 5 6 7 8 9 10"})
	odd := p.Indicators[5]
	odd.Values[0].Number, odd.Values[1].Number, odd.Values[2].Number = nan, inf, -inf
	short := &data.Indicator{Name: "短", Ranked: true, Values: []data.Value{{OK: true, Number: 1}}}
	p.Indicators = append(p.Indicators, short)
	if fs := Dataset(&data.Dataset{Periods: []*data.Period{p, p}}, Options{}); len(fs) != 0 {
		t.Errorf("findings on odd input:\n%s", fs)
	}
	if Dataset(nil, Options{}) != nil || Period(nil, nil, Options{}) != nil {
		t.Error("nil input must give no findings")
	}
	if fs := Dataset(&data.Dataset{Periods: []*data.Period{{}}}, Options{}); len(fs) != 0 {
		t.Errorf("empty period: %v", fs)
	}
	for _, xs := range [][]float64{nil, {1}, {1, 2}, {nan, 1, 2, 3}, {1, 1, 1, 1}} {
		skewKurt(xs)
		median(xs)
		winsorise(xs)
	}
}

// TestOrderAndSummary: findings from two files and two sheets come out by
// file, sheet order and cell; the per-unit summary counts each unit's.
func TestOrderAndSummary(t *testing.T) {
	mar := period(t, 3, col{name: "完成率", unit: "%", figs: "46.9 34.34 0.527 25.1"})
	apr := period(t, 4,
		col{name: "签约项目数", unit: "个", figs: "4 6 6.5 4 -2"},
		col{name: "完成率", unit: "%", figs: "46.9 34.34 0.527 27.4"})
	// The second indicator sits on a sheet after the first's.
	apr.Indicators[1].Sheet = "专项债"
	for k := range apr.Indicators[1].Values {
		if v := &apr.Indicators[1].Values[k]; v.OK {
			v.Cell = strings.Replace(v.Cell, "城市更新!C", "专项债!A", 1)
		}
	}
	fs := Dataset(&data.Dataset{Periods: []*data.Period{mar, apr}}, Options{})
	want := []string{
		`2022-03.xlsx: 城市更新!B5: "0.527" 疑似把百分数填成了小数(52.7% 填成 0.527):其他单位的中位数为 34.34,该值约为其 1/65`,
		`2022-04.xlsx: 城市更新!B5: "6.5" 以「个」计的数量应为整数`,
		`2022-04.xlsx: 城市更新!B7: "-2" 以「个」计的数量不能为负数`,
		`2022-04.xlsx: 专项债!A5: "0.527" 疑似把百分数填成了小数(52.7% 填成 0.527):其他单位的中位数为 34.34,该值约为其 1/65`,
	}
	if got := fs.String(); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if got := fs.ErrorList().Error(); got != strings.Join(want, "\n") {
		t.Errorf("ErrorList prints\n%s", got)
	}
	var lines []string
	for _, c := range fs.PerUnit(jinhua) {
		lines = append(lines, c.String())
	}
	if want := []string{"兰溪市:3 条核查提示", "义乌市:1 条核查提示"}; !reflect.DeepEqual(lines, want) {
		t.Errorf("per unit %v, want %v", lines, want)
	}
	if got := Dataset(&data.Dataset{Periods: []*data.Period{mar, apr}}, Options{Skip: []Kind{Scale, Impossible}}); len(got) != 0 {
		t.Errorf("skipped checks ran: %v", got)
	}
}

func TestLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if l := k.Label(); l == string(k) || seen[l] {
			t.Errorf("kind %s label %q", k, l)
		}
		seen[k.Label()] = true
	}
}

// TestDuplicateAcrossGroups names the other column by group when the
// names are the same.
func TestDuplicateAcrossGroups(t *testing.T) {
	p := period(t, 4, col{name: "完成投资额", unit: "亿元", figs: "2.47 11.2 2.27"}, col{name: "完成投资额", unit: "亿元", figs: "2.47 11.2 2.27"})
	p.Indicators[1].Group = "未来社区"
	fs := Period(p, nil, Options{})
	if len(fs) != 1 || !strings.Contains(fs[0].Reason, "与指标「城市更新·完成投资额」(城市更新!B3:B5)各单位数值完全相同(3 个)") {
		t.Errorf("got %v", fs)
	}
}
