package charts

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"shaipin/rank"
	"shaipin/text"
)

// The 名次区间 chart: how far each unit's place on the overall board moves
// over the robustness draws (rank.Robust). The board chart is a bar chart
// of scores, on a scale a rank interval does not share, so the intervals
// get their own chart below it, rows in the same order: per unit a
// whisker from the 5th to the 95th percentile rank with caps at both
// ends, a dot at this period's rank, and dashed lines at the tier
// boundaries. Drawn with line series, which the report's ECharts bundle
// already has, so that it needs no renderItem code and prints as any
// other chart.

// boardRows are the rows of a board chart: the scored units in board
// order, or with head > 0 the first head and the last tail of them with a
// nil gap row between; skip is how many the gap stands for.
func boardRows(res *rank.Result, head, tail int) (rows []*rank.Overall, skip int) {
	var scored []*rank.Overall
	for i := range res.Overall {
		if res.Overall[i].Score != nil {
			scored = append(scored, &res.Overall[i])
		}
	}
	skip = skipped(len(scored), head, tail)
	for i, ov := range scored {
		if skip > 0 && i >= head && i < head+skip {
			if i == head {
				rows = append(rows, nil)
			}
			continue
		}
		rows = append(rows, ov)
	}
	return rows, skip
}

// robustChart is the 名次区间 chart, or nil without robustness figures.
func robustChart(res *rank.Result, head, tail int) (o *option, height int) {
	rb := res.Robustness
	if rb == nil {
		return nil, 0
	}
	rows, skip := boardRows(res, head, tail)
	ranked := 0
	for _, ov := range res.Overall {
		if ov.Rank != nil {
			ranked = max(ranked, *ov.Rank)
		}
	}
	var names []string
	var dots []item
	labelW := 0
	o = newChart("总榜名次区间", fmt.Sprintf("%d 次抽样 · 线段:九成抽样的名次范围\n圆点:本期名次 · 虚线:档次分界", rb.Draws), "总榜名次区间-"+res.Month.String())
	for y, ov := range rows {
		if ov == nil {
			names = append(names, "⋯")
			continue
		}
		names = append(names, ov.Unit)
		if ov.Robust == nil {
			continue
		}
		tip := ov.Unit + ":" + text.Stability(*ov, res.Rules, rb.Draws)
		lbl := text.IntervalLabel(*ov)
		labelW = max(labelW, textWidth(lbl, 12))
		o.Series = append(o.Series, whisker(ov, y, tip, lbl))
		dots = append(dots, item{Name: tip, Value: []int{*ov.Rank, y},
			ItemStyle: &opts.ItemStyle{Color: text.StyleOf(ov.Tier).Line, BorderColor: "#ffffff", BorderWidth: 1.5}})
	}
	o.Series = append(o.Series, series{Type: types.ChartLine, Name: "本期名次", Data: dots, Symbol: "circle",
		SymbolSize: []int{11, 11}, Z: 4, LineStyle: &opts.LineStyle{Color: "transparent"}})
	o.Series[len(o.Series)-1].MarkLine = tierLines(res.Rules, ranked)
	// Two subtitle lines: ECharts' default line height runs them together.
	o.Title.SubtitleStyle.LineHeight = 17
	top := 82
	if skip > 0 {
		o.Title.Subtitle += fmt.Sprintf(" · 中间省略 %d 个单位", skip)
	}
	o.Grid = margins(axisRoom(names, 13, 0), labelW+16, top, 26)
	o.XAxis = []xAxis{{XAxis: opts.XAxis{Type: "value", Min: 1, Max: max(ranked, 2), MinInterval: 1,
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#eef0f3"}}},
		AxisLabel: &axisLabel{FontSize: 11, Color: colorSubtle}}}
	o.YAxis = categoryAxis(names, 13)
	return o, barHeight(len(names), top) + 22
}

// whisker is one unit's interval: a line from the 5th to the 95th
// percentile rank in row y, capped at both ends, labelled at its right
// end.
func whisker(ov *rank.Overall, y int, tip, lbl string) series {
	st := text.StyleOf(ov.Tier)
	s := ov.Robust
	end := item{Name: tip, Value: []int{s.P95, y},
		Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: literal(lbl), Color: colorText, FontSize: 12}}
	if s.Borderline {
		end.Label.FontWeight = "bold"
	}
	return series{Type: types.ChartLine, Name: ov.Unit, Data: []item{{Name: tip, Value: []int{s.P5, y}}, end},
		Symbol: "rect", SymbolSize: []int{2, 14}, Z: 3,
		ItemStyle: &opts.ItemStyle{Color: st.Line}, LineStyle: &opts.LineStyle{Color: st.Line, Width: 3}}
}

// tierLines are dashed lines between the tiers on a rank axis of n
// places: after the top tier and before the bottom one.
func tierLines(o rank.Options, n int) *markLine {
	l := text.TierLabels(o)
	var data []opts.MarkLineNameXAxisItem
	if o.Top > 0 && o.Top < n {
		data = append(data, opts.MarkLineNameXAxisItem{Name: l.Top, XAxis: float64(o.Top) + 0.5})
	}
	if o.Bottom > 0 && n-o.Bottom > o.Top {
		data = append(data, opts.MarkLineNameXAxisItem{Name: l.Bottom, XAxis: float64(n-o.Bottom) + 0.5})
	}
	if len(data) == 0 {
		return nil
	}
	return &markLine{
		// Unlabelled (the subtitle says what they are): labels at both
		// boundaries run together on a phone.
		MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(false)},
			LineStyle: &opts.LineStyle{Type: "dashed", Color: "#9aa3ad", Width: 1}},
		Silent: true, Data: data,
	}
}

// intervalCell is a unit's interval for a table cell ("1—6") and its
// sort key (the median), both empty without robustness figures.
func intervalCell(ov rank.Overall) (cell, key string) {
	if ov.Robust == nil {
		return "", ""
	}
	return text.Interval(*ov.Robust), strconv.Itoa(ov.Robust.Median)
}
