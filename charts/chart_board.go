package charts

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// The charts of the overall board: the 总榜 scores and the 档次统计 tallies.

// skipped is how many rows between the first head and the last tail of n
// a compact chart leaves out; 0 with head 0, or when all rows fit.
func skipped(n, head, tail int) int {
	if head > 0 && n > head+tail {
		return n - head - tail
	}
	return 0
}

// overallChart is the 总榜 as a horizontal bar chart of composite scores.
// With head > 0 and more units than head+tail it shows only the first head
// and the last tail units, with a gap row between (compact layout).
func overallChart(res *rank.Result, head, tail int) (o *option, height int) {
	rows, skip := boardRows(res, head, tail)
	sub := res.Month.Label() + " · 满分 100 · 按名次排列"
	if skip > 0 {
		sub = fmt.Sprintf("%s · 前 %d 位与后 %d 位,共 %d 个单位", res.Month.Label(), head, tail, len(rows)-1+skip)
	}
	var names []string
	var items []item
	labelW := 0
	for _, ov := range rows {
		if ov == nil {
			names = append(names, "⋯")
			items = append(items, item{Name: fmt.Sprintf("中间省略 %d 个单位,见下方全部单位表", skip), Value: empty})
			continue
		}
		tag := boardTag(*ov)
		labelW = max(labelW, textWidth(tag, 12))
		tip := ov.Unit + ":" + ov.Why
		if s := text.Stability(*ov, res.Rules, robustDraws(res)); s != "" {
			tip += "\n" + s
		}
		items = append(items, item{
			Name:      tip,
			Value:     data.Round(*ov.Score, 2),
			ItemStyle: tierColor(ov.Tier),
			Label:     &opts.Label{Formatter: literal(tag)},
		})
		names = append(names, ov.Unit)
	}
	top := 62
	o = newChart("总榜 · 综合得分", sub, "总榜-"+res.Month.String())
	o.Grid = margins(axisRoom(names, boardFont, 0), max(90, labelW+14), top, 4)
	o.XAxis = valueAxis(100)
	o.YAxis = categoryAxis(names, boardFont)
	o.Series = []series{bars("综合得分", items, "35%", boardFont)}
	return o, barHeight(len(names), top)
}

// boardTag is a unit's bar label on the 总榜: score, place when tied or
// placed from the worst end, change, and 边缘 for a borderline flag:
// "45.18  并列第6(倒数并列第3) ↓1 边缘".
func boardTag(ov rank.Overall) string {
	tag := data.Fixed(*ov.Score, 2)
	if ov.Rank != nil && (len(ov.Tie) > 0 || ov.ReverseRank != nil) {
		tag += "  " + text.Place(*ov.Rank, len(ov.Tie) > 0, ov.ReverseRank)
	}
	tag += changeSuffix(ov.Change)
	if text.BorderlineMark(ov) != "" {
		tag += " " + text.BorderlineWord
	}
	return tag
}

// robustDraws is the number of robustness draws, 0 without them.
func robustDraws(res *rank.Result) int {
	if res.Robustness == nil {
		return 0
	}
	return res.Robustness.Draws
}

// boardFont is the 总榜 chart's text size: legible on a projector.
const boardFont = 14

// tallyChart is the 档次统计 as stacked bars: per unit, how many indicators
// fell in each tier and how many it did not report.
// With head > 0 it shows only the first head and the last tail units, as
// overallChart does.
func tallyChart(res *rank.Result, head, tail int) (o *option, height int) {
	tiers := []rank.Tier{rank.Top, rank.Middle, rank.Bottom, rank.None}
	segments := make([][]item, len(tiers))
	segment := func(tier rank.Tier, n int) item {
		st := text.StyleOf(tier)
		// A zero-width segment would still draw its "0".
		return item{Value: n, ItemStyle: &opts.ItemStyle{Color: st.Color},
			Label: &opts.Label{Show: opts.Bool(n > 0), Color: st.OnColor, FontSize: 12}}
	}
	skip := skipped(len(res.Tally), head, tail)
	sub := "各单位指标落在各档次的项数 · 按总榜名次排列"
	if skip > 0 {
		sub = fmt.Sprintf("各档次项数 · 总榜前 %d 位与后 %d 位", head, tail)
	}
	var names []string
	for i, t := range res.Tally {
		if skip > 0 && i >= head && i < head+skip {
			if i == head {
				names = append(names, "⋯")
				for k := range segments {
					segments[k] = append(segments[k], item{Value: empty})
				}
			}
			continue
		}
		names = append(names, t.Unit)
		for k, n := range []int{t.Top, t.Middle, t.Bottom, t.Missing} {
			segments[k] = append(segments[k], segment(tiers[k], n))
		}
	}
	gridTop := 86
	l := text.TierLabels(res.Rules)
	o = newChart("档次统计", sub, "档次统计-"+res.Month.String())
	// One tooltip per row lists its segments (ECharts' own formatter).
	o.Tooltip.Trigger, o.Tooltip.Formatter = "axis", ""
	o.Tooltip.AxisPointer = &axisPointer{AxisPointer: opts.AxisPointer{Type: "shadow"}}
	o.Legend = tierLegend(l, 50)
	// Room on the right for the count of a thin last segment.
	o.Grid = margins(axisRoom(names, 13, 0), 22, gridTop, 4)
	o.XAxis = valueAxis(0)
	o.YAxis = categoryAxis(names, 13)
	for k, name := range []string{l.Top, l.Middle, l.Bottom, l.Missing} {
		o.Series = append(o.Series, series{Type: types.ChartBar, Name: name, Stack: "tally", BarCategoryGap: "35%",
			ItemStyle: &opts.ItemStyle{Color: text.StyleOf(tiers[k]).Color},
			Label:     &label{Label: opts.Label{Show: opts.Bool(true), Position: "inside"}},
			Data:      segments[k],
		})
	}
	// The legend swatch of 未报送 needs an edge to show on white.
	o.Series[3].ItemStyle.BorderColor, o.Series[3].ItemStyle.BorderWidth = "#d5d9de", 0.5
	return o, barHeight(len(names), gridTop)
}

// tierLegend is the legend of the four tiers, below the title at top px.
func tierLegend(l text.Labels, top int) *opts.Legend {
	return &opts.Legend{Show: opts.Bool(true), Left: "left", Top: strconv.Itoa(top), ItemWidth: 14, ItemHeight: 10,
		Data: []string{l.Top, l.Middle, l.Bottom, l.Missing}}
}
