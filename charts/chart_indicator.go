package charts

import (
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// indicatorBars is one indicator's bars: the units with a value, in rank
// order, and what sizing the chart needs to know about their labels.
type indicatorBars struct {
	names   []string
	items   []item
	values  []float64 // the bars' values, rounded as shown
	missing []string  // units that reported nothing, listed under the chart
	labelW  int       // widest value label, px
	most    float64   // the largest value
	// twoLines is set when labels carry 时序进度 on a second line.
	twoLines bool
}

// newIndicatorBars labels each bar with value, unit and rank, and gives it
// a tooltip with the rank's explanation, streak and 时序进度.
func newIndicatorBars(res *rank.Result, ind rank.Indicator) indicatorBars {
	b := indicatorBars{most: math.Inf(-1)}
	unit := text.StreakUnit(res)
	for _, e := range ind.Entries {
		if e.Value == nil {
			b.missing = append(b.missing, e.Unit)
			continue
		}
		value := valueText(ind, e)
		tag := value + ind.Unit
		if ind.Ranked && e.Rank != nil {
			tag += "  " + text.Rank(e) + changeSuffix(e.Change)
		}
		b.labelW = max(b.labelW, textWidth(tag, 12))
		formatter := literal(tag)
		why := e.Why
		if why == "" && !ind.Ranked {
			why = "本项指标不参与排名"
		}
		tip := e.Unit + ":" + value + ind.Unit + "\n" + why
		if s := text.Streak(e.Streak, e.Tier, res.Rules, unit); s != "" && text.HasHistory(res) {
			tip += "\n" + s
		}
		// 时序进度 on a second, smaller line: "超时序进度 19.4 个百分点".
		if sched := text.Schedule(e.VsSchedule); sched != "" {
			b.twoLines = true
			b.labelW = max(b.labelW, textWidth(sched, 11))
			formatter += "\n{s|" + sched + "}"
			tip += "\n" + sched
		}
		b.most = max(b.most, *e.Value)
		b.values = append(b.values, data.Round(*e.Value, ind.Precision))
		b.items = append(b.items, item{
			Name:      tip,
			Value:     b.values[len(b.values)-1],
			ItemStyle: tierColor(e.Tier),
			Label:     &opts.Label{Formatter: formatter},
		})
		b.names = append(b.names, e.Unit)
	}
	return b
}

// indicatorChart is one indicator's bar chart: units with a value, in rank
// order, coloured by tier, labelled with value, unit and rank, and a
// dashed line at 时序进度 for completion rates. It returns the units that
// reported nothing, listed under the chart.
func indicatorChart(res *rank.Result, ind rank.Indicator, file string) (o *option, height int, missing []string) {
	b := newIndicatorBars(res, ind)
	// Short enough for one line on a phone: the title component does not
	// wrap.
	sub := text.IndicatorNote(ind)
	share, showSchedule := text.ScheduleShare(res, ind)
	top := 62
	if showSchedule {
		sub = append(sub, "虚线:"+text.ScheduleLine(share))
		top += 18 // the line's label sits above the bars
	}
	height = barHeight(len(b.names), top)
	if b.twoLines {
		height = top + len(b.names)*36 + 4
	}
	if len(b.names) == 0 {
		height = 110
	}

	o = newChart(ind.Name, strings.Join(sub, " · "), file)
	o.Grid = margins(axisRoom(b.names, 13, 0), b.labelW+14, top, 4)
	o.XAxis = valueAxis(0)
	o.YAxis = categoryAxis(b.names, 13)
	s := bars(ind.Name, b.items, "35%", 12)
	if b.twoLines {
		s.Label.LineHeight = 15
		s.Label.Rich = map[string]opts.TextStyle{"s": {FontSize: 11, Color: colorSubtle, LineHeight: 15}}
	}
	o.Series = []series{s}
	if showSchedule {
		o.Series[0].MarkLine = scheduleLine(share)
		o.Series[0].Stack = "value"
		o.Series = append(o.Series, scheduleGaps(&b, share, s.Label))
		// The schedule line must stay in view even when every value is
		// below it.
		if share > b.most {
			o.XAxis[0].Max = share
		}
	}
	return o, height, b.missing
}

// scheduleGaps is the invisible second segment of every bar that stops
// short of 时序进度 (share): the bar's label moves to its end, past the
// dashed line, which would otherwise run through the label. lbl is the
// bars' label style.
func scheduleGaps(b *indicatorBars, share float64, lbl *label) series {
	gaps := make([]item, len(b.items))
	for i, v := range b.values {
		gaps[i] = item{Value: empty}
		if v >= 0 && v < share {
			gaps[i] = item{Value: data.Round(share-v, 4), Label: b.items[i].Label}
			b.items[i].Label = &opts.Label{Show: opts.Bool(false)}
		}
	}
	return series{Type: types.ChartBar, Name: "时序进度", Stack: "value", Silent: true, Data: gaps, Label: lbl,
		ItemStyle: &opts.ItemStyle{Color: "transparent"}, Tooltip: &opts.Tooltip{Show: opts.Bool(false)},
		Emphasis: &emphasis{Disabled: true}}
}

// scheduleLine is the dashed line at 时序进度 (share, in %), labelled above
// the bars.
func scheduleLine(share float64) *markLine {
	name := text.ScheduleLine(share)
	return &markLine{
		MarkLineStyle: opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: name, Position: "start", Color: colorSubtle, FontSize: 11},
			LineStyle: &opts.LineStyle{Type: "dashed", Color: "#4b5563", Width: 1.2},
		},
		Silent: true,
		Data:   []opts.MarkLineNameXAxisItem{{Name: name, XAxis: share}},
	}
}

// valueText is an entry's value as every output shows it (rank's Display:
// at the indicator's precision, "66.66", "90.80"; "—" when the unit did
// not report).
func valueText(_ rank.Indicator, e rank.Entry) string { return e.Display }
