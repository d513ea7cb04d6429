package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"shaipin/data"
	"shaipin/rank"
)

// The report's palette. Red is honour (红旗) and yellow marks the laggards
// (黄旗), as at the meetings; never the Western green-good / red-bad scheme.
const (
	colorTop       = "#c0392b"
	colorBottom    = "#f1c40f"
	colorMiddle    = "#aab2bc"
	colorMissing   = "#eceff2"
	colorBand      = "#f6f7f9"
	colorText      = "#1f2328"
	colorSubtle    = "#6b7280"
	colorOnTop     = "#ffffff"
	colorOnBottom  = "#5c4400"
	colorOnMissing = "#8a929b"
)

// fontFamily is shared by the page CSS and the charts, so canvas text and
// HTML text match on Windows, macOS, Android and Linux desktops alike.
const fontFamily = `"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif`

// Chart widths (px) below which a chart's phone layout applies (ECharts
// media queries): the matrix needs it sooner than the unit charts, which
// sit in half-width cards on a desktop.
const (
	narrowMatrix = 520
	narrowUnit   = 420
)

// tierColor is the bar or cell colour of a tier.
func tierColor(t rank.Tier) string {
	switch t {
	case rank.Top:
		return colorTop
	case rank.Bottom:
		return colorBottom
	case rank.Middle:
		return colorMiddle
	}
	return colorMissing
}

// literal makes data safe to use as an ECharts label formatter: braces
// would otherwise be read as template variables ({a}, {b}) or rich-text
// markers. Labels are drawn on canvas, so no HTML escaping is involved.
func literal(s string) string {
	return strings.NewReplacer("{", "｛", "}", "｝").Replace(s)
}

// textWidth estimates the width in px of one line of label text at the
// given font size: CJK and full-width characters are about 1 em, others
// about 0.6 em. Used to reserve room for labels drawn past the bar ends.
func textWidth(s string, size int) int {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 || (r >= 0x2000 && r <= 0x206F) {
			w += float64(size)
		} else {
			w += 0.6 * float64(size)
		}
	}
	return int(math.Ceil(w))
}

// axisRoom is the grid margin (px) that category labels need: the widest
// label, capped at limit when the axis truncates them, plus ECharts' label
// margin. Explicit margins instead of containLabel keep the plot area exactly
// as tall as the rows it was sized for.
func axisRoom(labels []string, size, limit int) int {
	w := 0
	for _, l := range labels {
		w = max(w, textWidth(l, size))
	}
	if limit > 0 {
		w = min(w, limit)
	}
	return w + 10
}

// option is one chart's ECharts option as generic JSON, ready to be
// embedded in a JSON island.
type option = map[string]any

// toOption validates a go-echarts chart and turns its options into generic
// JSON, so that the few settings go-echarts does not model (axis ticks,
// tooltip confinement, media queries) can be added before embedding.
func toOption(c interface {
	Validate()
	JSON() map[string]interface{}
}) option {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		// The options are built here from plain strings and numbers.
		panic(fmt.Sprintf("charts: cannot encode chart options: %v", err))
	}
	var o option
	if err := json.Unmarshal(b, &o); err != nil {
		panic(fmt.Sprintf("charts: cannot decode chart options: %v", err))
	}
	// go-echarts adds its default palette and empty components; the report
	// colours every item itself.
	delete(o, "color")
	o["textStyle"] = map[string]any{"fontFamily": fontFamily}
	// Half ECharts' default entry animation: a chart reads as drawn
	// sooner, which matters most for the first one on a large page.
	o["animationDuration"] = 500
	tooltip, _ := o["tooltip"].(map[string]any)
	if tooltip != nil {
		// confine keeps tooltips inside the chart on a phone; pre-line lets
		// an item's name carry line breaks (ECharts escapes the text).
		tooltip["confine"] = true
		tooltip["extraCssText"] = "white-space:pre-line;max-width:300px;"
	}
	if tb, ok := o["toolbox"].(map[string]any); ok {
		if f, ok := tb["feature"].(map[string]any); ok {
			if s, ok := f["saveAsImage"].(map[string]any); ok {
				// Sharp enough for a slide.
				s["pixelRatio"] = 2
			}
		}
	}
	return o
}

// set assigns a value deep inside a generic option: keys separated by
// dots, numbers index arrays ("yAxis.0.axisTick"). Missing objects are
// created; a missing array element is a programming error.
func set(o option, path string, v any) {
	keys := strings.Split(path, ".")
	var cur any = o
	for i, k := range keys {
		last := i == len(keys)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				c[k] = v
				return
			}
			next, ok := c[k]
			if !ok || next == nil {
				next = map[string]any{}
				c[k] = next
			}
			cur = next
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(c) {
				panic("charts: bad option path " + path)
			}
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		default:
			panic("charts: bad option path " + path)
		}
	}
}

// withMedia wraps an option with ECharts media queries: narrow applies to
// charts narrower than maxWidth px. ECharts does not go back to the base
// option when a query stops matching (after printing, or turning a tablet)
// but to the media entry without a query, so that entry repeats the base
// values of everything narrow changes. Every key narrow sets must therefore
// be set in the base option.
func withMedia(base, narrow option, maxWidth int) option {
	return option{
		"baseOption": base,
		"media": []any{
			map[string]any{"option": mirror(base, narrow, "")},
			map[string]any{"query": map[string]any{"maxWidth": maxWidth}, "option": narrow},
		},
	}
}

// mirror returns base's values at the paths that narrow sets.
func mirror(base, narrow any, path string) any {
	switch n := narrow.(type) {
	case map[string]any:
		b, ok := base.(map[string]any)
		if !ok {
			panic("charts: media option path missing in base: " + path)
		}
		out := map[string]any{}
		for k, v := range n {
			bv, ok := b[k]
			if !ok {
				panic("charts: media option path missing in base: " + path + "." + k)
			}
			out[k] = mirror(bv, v, path+"."+k)
		}
		return out
	case []any:
		b, ok := base.([]any)
		if !ok || len(b) < len(n) {
			panic("charts: media option path missing in base: " + path)
		}
		out := make([]any, len(n))
		for i, v := range n {
			out[i] = mirror(b[i], v, fmt.Sprintf("%s.%d", path, i))
		}
		return out
	}
	return base
}

// common are the settings every chart shares: a title inside the chart so
// that a saved image stands on its own in a slide, the save-as-image button
// and an item tooltip that shows the item's name (its explanation).
func common(title, subtitle, file string) []ec.GlobalOpts {
	return []ec.GlobalOpts{
		ec.WithTitleOpts(opts.Title{
			Title: title, Subtitle: subtitle, Left: "left", Top: "top",
			TitleStyle:    &opts.TextStyle{FontSize: 15, FontWeight: "bold", Color: colorText},
			SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: colorSubtle},
		}),
		ec.WithToolboxOpts(opts.Toolbox{
			Show: opts.Bool(true), Right: "0", Top: "0",
			Feature: &opts.ToolBoxFeature{SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{
				Show: opts.Bool(true), Type: "png", Name: file, Title: "保存为图片",
			}},
		}),
		ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}"}),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		ec.WithAnimation(true),
	}
}

// valueLabels shows each bar's label past its end; the items carry only
// their text, which keeps province-sized reports small.
func valueLabels(size float32) ec.SeriesOpts {
	return ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: colorText, FontSize: size})
}

// hideAxisChrome removes the lines and ticks of a category axis: the labels
// are enough and a quieter chart reads better in print.
func hideAxisChrome(o option, axis string) {
	set(o, axis+".axisTick", map[string]any{"show": false})
	set(o, axis+".axisLine", map[string]any{"show": false})
}

// barHeight is the chart height for n horizontal bars below a header of
// top px.
func barHeight(n, top int) int {
	row := 30
	if n > 15 {
		row = 22 // province-sized lists stay scannable
	}
	return top + n*row + 4
}

// rankText is a rank as people say it: "第2", "并列第2".
func rankText(e rank.Entry) string {
	if e.Rank == nil {
		return "未报送"
	}
	s := "第" + strconv.Itoa(*e.Rank)
	if len(e.TiedWith) > 0 {
		s = "并列" + s
	}
	return s
}

// changeSuffix is a rank change since the previous period as a label
// suffix: " ↑2" (进位), " ↓1" (退位); nothing when unchanged or unknown, so
// that labels stay short.
func changeSuffix(change *int) string {
	if change == nil || *change == 0 {
		return ""
	}
	return " " + rank.ChangeLabel(change)
}

// rankedCount is how many units were ranked on an indicator.
func rankedCount(ind rank.Indicator) int {
	n := 0
	for _, e := range ind.Entries {
		if e.Rank != nil {
			n++
		}
	}
	return n
}

// scheduleShare is the 时序进度 of a period in percent (April: 33.3), or
// false when the period has no month.
func scheduleShare(period data.Month) (float64, bool) {
	if period.IsZero() {
		return 0, false
	}
	return data.Round(period.YearShare(), 1), true
}

// indicatorChart is one indicator's bar chart: units with a value, in rank
// order, coloured by tier, labelled with value, unit and rank. It returns
// the units that reported nothing, listed under the chart.
func indicatorChart(res *rank.Result, ind rank.Indicator, file string) (o option, height int, missing []string) {
	var names []string
	var items []opts.BarData
	labelW := 0
	maxValue := math.Inf(-1)
	l := newTierLabels(res.Rules)
	unit := streakUnit(res)
	schedLines := false
	for _, e := range ind.Entries {
		if e.Value == nil {
			missing = append(missing, e.Unit)
			continue
		}
		label := e.Display + ind.Unit
		if ind.Ranked && e.Rank != nil {
			label += "  " + rankText(e) + changeSuffix(e.Change)
		}
		labelW = max(labelW, textWidth(label, 12))
		formatter := literal(label)
		// 时序进度 on a second, smaller line: "超时序进度 19.4 个百分点".
		sched := scheduleText(e.VsSchedule)
		if sched != "" {
			schedLines = true
			labelW = max(labelW, textWidth(sched, 11))
			formatter += "\n{s|" + sched + "}"
		}
		maxValue = max(maxValue, *e.Value)
		why := e.Why
		if why == "" && !ind.Ranked {
			why = "本项指标不参与排名"
		}
		tip := e.Unit + ":" + e.Display + ind.Unit + "\n" + why
		if s := streakText(e.Streak, e.Tier, l, unit); s != "" && hasHistory(res) {
			tip += "\n" + s
		}
		if sched != "" {
			tip += "\n" + sched
		}
		items = append(items, opts.BarData{
			Name:      tip,
			Value:     data.Round(*e.Value, ind.Precision),
			ItemStyle: &opts.ItemStyle{Color: tierColor(e.Tier)},
			Label:     &opts.Label{Formatter: formatter},
		})
		names = append(names, e.Unit)
	}
	// Short enough for one line on a phone: the title component does not
	// wrap. Higher-is-better is the norm and goes unsaid.
	sub := []string{}
	if ind.Unit != "" {
		sub = append(sub, "单位:"+ind.Unit)
	}
	if ind.Direction == data.Lower {
		sub = append(sub, "越小越好")
	}
	if ind.Ranked {
		sub = append(sub, fmt.Sprintf("%d 个单位排名", rankedCount(ind)))
	} else {
		sub = append(sub, "仅展示,不排名")
	}
	share, hasShare := scheduleShare(res.Month)
	if ind.ScheduleTarget != nil {
		share, hasShare = data.Round(*ind.ScheduleTarget, 1), true
	}
	showSchedule := ind.Schedule && hasShare
	shareText := strconv.FormatFloat(share, 'f', -1, 64) + "%"
	top := 62
	if showSchedule {
		sub = append(sub, "虚线:时序进度 "+shareText)
		top += 18 // the line's label sits above the bars
	}
	height = barHeight(len(names), top)
	if schedLines {
		// Two label lines per bar.
		height = top + len(names)*36 + 4
	}
	if len(names) == 0 {
		height = 110
	}

	bar := ec.NewBar()
	bar.SetGlobalOptions(common(ind.Name, strings.Join(sub, " · "), file)...)
	bar.SetGlobalOptions(
		ec.WithGridOpts(opts.Grid{Left: strconv.Itoa(axisRoom(names, 13, 0)), Right: strconv.Itoa(labelW + 14), Top: strconv.Itoa(top), Bottom: "4"}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Show: opts.Bool(false)}),
		ec.WithYAxisOpts(opts.YAxis{
			Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{FontSize: 13, Color: colorText, Interval: "0"},
		}),
	)
	var sopts []ec.SeriesOpts
	sopts = append(sopts, ec.WithBarChartOpts(opts.BarChart{BarCategoryGap: "35%"}), valueLabels(12))
	if showSchedule {
		label := "时序进度 " + shareText
		sopts = append(sopts,
			ec.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: label, XAxis: share}),
			ec.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Formatter: label, Position: "start", Color: colorSubtle, FontSize: 11},
				LineStyle: &opts.LineStyle{Type: "dashed", Color: "#4b5563", Width: 1.2},
			}),
		)
	}
	bar.SetXAxis(names).AddSeries(ind.Name, items, sopts...)
	bar.XYReversal()
	o = toOption(bar)
	hideAxisChrome(o, "yAxis.0")
	if schedLines {
		set(o, "series.0.label.lineHeight", 15)
		set(o, "series.0.label.rich", map[string]any{"s": map[string]any{"fontSize": 11, "color": colorSubtle, "lineHeight": 15}})
	}
	if showSchedule {
		set(o, "series.0.markLine.silent", true)
		// The schedule line must stay in view even when every value is
		// below it.
		if share > maxValue {
			set(o, "xAxis.0.max", share)
		}
	}
	return o, height, missing
}

// overallChart is the 总榜 as a horizontal bar chart of composite scores.
// With head > 0 and more units than head+tail it shows only the first head
// and the last tail units, with a gap row between (compact layout).
func overallChart(res *rank.Result, head, tail int) (o option, height int) {
	var names []string
	var items []opts.BarData
	var scored []rank.Overall
	for _, ov := range res.Overall {
		if ov.Score != nil {
			scored = append(scored, ov)
		}
	}
	skip := 0
	if head > 0 && len(scored) > head+tail {
		skip = len(scored) - head - tail
	}
	sub := res.Month.Label() + " · 满分 100 · 按名次排列"
	if skip > 0 {
		sub = fmt.Sprintf("%s · 前 %d 位与后 %d 位,共 %d 个单位", res.Month.Label(), head, tail, len(scored))
	}
	for i, ov := range scored {
		if skip > 0 && i >= head && i < head+skip {
			if i == head {
				names = append(names, "⋯")
				items = append(items, opts.BarData{Name: fmt.Sprintf("中间省略 %d 个单位,见下方全部单位表", skip), Value: "-"})
			}
			continue
		}
		label := data.Fixed(*ov.Score, 2)
		if ov.Rank != nil && len(ov.TiedWith) > 0 {
			label += "  并列第" + strconv.Itoa(*ov.Rank)
		}
		label += changeSuffix(ov.Change)
		items = append(items, opts.BarData{
			Name:      ov.Unit + ":" + ov.Why,
			Value:     data.Round(*ov.Score, 2),
			ItemStyle: &opts.ItemStyle{Color: tierColor(ov.Tier)},
			Label:     &opts.Label{Formatter: literal(label)},
		})
		names = append(names, ov.Unit)
	}
	top := 62
	height = barHeight(len(names), top)
	bar := ec.NewBar()
	bar.SetGlobalOptions(common("总榜 · 综合得分", sub, "总榜-"+res.Month.String())...)
	bar.SetGlobalOptions(
		ec.WithGridOpts(opts.Grid{Left: strconv.Itoa(axisRoom(names, 13, 0)), Right: "90", Top: strconv.Itoa(top), Bottom: "4"}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Show: opts.Bool(false), Max: 100}),
		ec.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{FontSize: 13, Color: colorText, Interval: "0"}}),
	)
	bar.SetXAxis(names).AddSeries("综合得分", items, ec.WithBarChartOpts(opts.BarChart{BarCategoryGap: "35%"}), valueLabels(12))
	bar.XYReversal()
	o = toOption(bar)
	hideAxisChrome(o, "yAxis.0")
	return o, height
}

// tallyChart is the 档次统计 as stacked bars: per unit, how many indicators
// fell in each tier and how many it did not report.
// With head > 0 it shows only the first head and the last tail units, as
// overallChart does.
func tallyChart(res *rank.Result, labels tierLabels, head, tail int) (o option, height int) {
	var names []string
	var top, mid, bot, miss []opts.BarData
	item := func(n int, color, text string) opts.BarData {
		d := opts.BarData{Value: n, ItemStyle: &opts.ItemStyle{Color: color}}
		// A zero-width segment would still draw its "0".
		d.Label = &opts.Label{Show: opts.Bool(n > 0), Color: text, FontSize: 12}
		return d
	}
	skip := 0
	if head > 0 && len(res.Tally) > head+tail {
		skip = len(res.Tally) - head - tail
	}
	sub := "各单位指标落在各档次的项数 · 按总榜名次排列"
	if skip > 0 {
		sub = fmt.Sprintf("各档次项数 · 总榜前 %d 位与后 %d 位", head, tail)
	}
	for i, t := range res.Tally {
		if skip > 0 && i >= head && i < head+skip {
			if i == head {
				names = append(names, "⋯")
				gap := opts.BarData{Value: "-"}
				top, mid, bot, miss = append(top, gap), append(mid, gap), append(bot, gap), append(miss, gap)
			}
			continue
		}
		names = append(names, t.Unit)
		top = append(top, item(t.Top, colorTop, colorOnTop))
		mid = append(mid, item(t.Middle, colorMiddle, colorText))
		bot = append(bot, item(t.Bottom, colorBottom, colorOnBottom))
		miss = append(miss, item(t.Missing, colorMissing, colorOnMissing))
	}
	gridTop := 86
	height = barHeight(len(names), gridTop)
	bar := ec.NewBar()
	bar.SetGlobalOptions(common("档次统计", sub, "档次统计-"+res.Month.String())...)
	bar.SetGlobalOptions(
		ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Left: "left", Top: "50", ItemWidth: 14, ItemHeight: 10,
			Data: []string{labels.Top, labels.Middle, labels.Bottom, labels.Missing}}),
		// Room on the right for the count of a thin last segment.
		ec.WithGridOpts(opts.Grid{Left: strconv.Itoa(axisRoom(names, 13, 0)), Right: "22", Top: strconv.Itoa(gridTop), Bottom: "4"}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Show: opts.Bool(false)}),
		ec.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{FontSize: 13, Color: colorText, Interval: "0"}}),
	)
	bar.SetXAxis(names)
	for _, s := range []struct {
		name  string
		data  []opts.BarData
		color string
	}{{labels.Top, top, colorTop}, {labels.Middle, mid, colorMiddle}, {labels.Bottom, bot, colorBottom}, {labels.Missing, miss, colorMissing}} {
		bar.AddSeries(s.name, s.data,
			ec.WithBarChartOpts(opts.BarChart{Stack: "tally", BarCategoryGap: "35%"}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: s.color}),
			ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "inside"}),
		)
	}
	bar.XYReversal()
	o = toOption(bar)
	hideAxisChrome(o, "yAxis.0")
	// The legend swatch of 未报送 needs an edge to show on white.
	set(o, "series.3.itemStyle.borderColor", "#d5d9de")
	set(o, "series.3.itemStyle.borderWidth", 0.5)
	return o, height
}

// matrixChart is the 排名矩阵: a heatmap of ranks, units across (in overall
// order), indicators down, grouped by family under a shaded header row.
func matrixChart(res *rank.Result, labels tierLabels, units []string) (o option, height int) {
	col := map[string]int{}
	for i, u := range units {
		col[u] = i
	}
	var rows []string
	type cell = opts.HeatMapData
	var bands, top, mid, bot, miss []cell
	for _, g := range res.Groups() {
		header := true
		for _, ind := range res.Indicators {
			// The matrix shows ranks: indicators shown for information only
			// have none.
			if ind.Group != g || !ind.Ranked {
				continue
			}
			if header {
				header = false
				y := len(rows)
				rows = append(rows, "{g|"+literal(g)+"}")
				for x := range units {
					bands = append(bands, cell{Value: []any{x, y, 0}})
				}
			}
			y := len(rows)
			rows = append(rows, literal(ind.Name))
			for _, e := range ind.Entries {
				x, ok := col[e.Unit]
				if !ok {
					continue
				}
				name := e.Unit + " · " + ind.Name + "\n"
				if e.Value == nil || e.Rank == nil {
					miss = append(miss, cell{Name: name + "未报送,不参与排名", Value: []any{x, y, 0}})
					continue
				}
				name += e.Display + ind.Unit
				if e.Why != "" {
					name += "," + e.Why
				}
				c := cell{Name: name, Value: []any{x, y, *e.Rank}}
				switch e.Tier {
				case rank.Top:
					top = append(top, c)
				case rank.Bottom:
					bot = append(bot, c)
				default:
					mid = append(mid, c)
				}
			}
		}
	}
	gridTop := 84
	rowH := 26
	if len(units) > 20 {
		rowH = 20
	}
	height = gridTop + 40 + len(rows)*rowH + 8

	hm := ec.NewHeatMap()
	hm.SetGlobalOptions(common("排名矩阵", "格中数字为名次 · 单位按总榜名次排列", "排名矩阵-"+res.Month.String())...)
	hm.SetGlobalOptions(
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Left: "left", Top: "48", ItemWidth: 14, ItemHeight: 10,
			Data: []string{labels.Top, labels.Middle, labels.Bottom, labels.Missing}}),
		ec.WithGridOpts(opts.Grid{Left: "0", Right: "4", Top: strconv.Itoa(gridTop), Bottom: "4", ContainLabel: opts.Bool(true)}),
		ec.WithXAxisOpts(opts.XAxis{Type: "category", Position: "top", Data: units,
			AxisLabel: &opts.AxisLabel{Interval: "0", FontSize: 12, Color: colorText},
			SplitArea: &opts.SplitArea{Show: opts.Bool(false)}}),
		ec.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: rows,
			AxisLabel: &opts.AxisLabel{Interval: "0", FontSize: 12, Color: colorText, Width: 210, Overflow: "truncate"}}),
	)
	cellStyle := func(color string) ec.SeriesOpts {
		return ec.WithItemStyleOpts(opts.ItemStyle{Color: color, BorderColor: "#ffffff", BorderWidth: 2})
	}
	hm.AddSeries("分组", bands, cellStyle(colorBand))
	hm.AddSeries(labels.Top, top, cellStyle(colorTop), ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: colorOnTop, FontSize: 12}))
	hm.AddSeries(labels.Middle, mid, cellStyle(colorMiddle), ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: colorText, FontSize: 12}))
	hm.AddSeries(labels.Bottom, bot, cellStyle(colorBottom), ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: colorOnBottom, FontSize: 12}))
	hm.AddSeries(labels.Missing, miss, cellStyle(colorMissing), ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: colorOnMissing, FontSize: 11, Formatter: "未报送"}))
	o = toOption(hm)
	hideAxisChrome(o, "xAxis.0")
	hideAxisChrome(o, "yAxis.0")
	// The header bands are decoration: no tooltip, no hover.
	set(o, "series.0.silent", true)
	set(o, "series.0.tooltip", map[string]any{"show": false})
	set(o, "series.0.emphasis", map[string]any{"disabled": true})
	for i := 1; i <= 4; i++ {
		set(o, fmt.Sprintf("series.%d.emphasis", i), map[string]any{"itemStyle": map[string]any{"borderColor": colorText, "borderWidth": 2}})
	}
	base := o
	narrow := option{
		// On a phone the unit names stand one character per line, the
		// indicator names wrap, and 未报送 shrinks to a dash (see the key).
		"xAxis": []any{map[string]any{"axisLabel": map[string]any{"width": 12, "overflow": "break", "fontSize": 11, "lineHeight": 12}}},
		"yAxis": []any{map[string]any{"axisLabel": map[string]any{"width": 92, "overflow": "break", "fontSize": 10, "lineHeight": 11}}},
		"series": []any{map[string]any{}, map[string]any{"label": map[string]any{"fontSize": 11}},
			map[string]any{"label": map[string]any{"fontSize": 11}}, map[string]any{"label": map[string]any{"fontSize": 11}},
			map[string]any{"label": map[string]any{"formatter": "—"}}},
	}
	set(base, "xAxis.0.axisLabel.width", 0)
	set(base, "xAxis.0.axisLabel.overflow", "none")
	set(base, "xAxis.0.axisLabel.lineHeight", 14)
	set(base, "yAxis.0.axisLabel.lineHeight", 14)
	// Group header rows: the category text is "{g|name}", ECharts rich text.
	// Names are passed through literal so that only these braces count.
	set(base, "yAxis.0.axisLabel.rich", map[string]any{"g": map[string]any{"fontWeight": "bold", "fontSize": 13, "color": colorText}})
	narrow["grid"] = []any{map[string]any{"top": gridTop + 8}}
	set(base, "grid.0.top", gridTop)
	height += 48 // room for the stacked unit names on a phone
	return withMedia(base, narrow, narrowMatrix), height
}

// unitChart is the compact chart of one unit's ranks: one bar per indicator
// it was ranked on, longer for a better rank relative to how many units
// were ranked, coloured by tier, labelled "第2/6".
func unitChart(res *rank.Result, unit, file string) (o option, height int, ok bool) {
	var names []string
	var items []opts.BarData
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		n := rankedCount(ind)
		for _, e := range ind.Entries {
			if e.Unit != unit || e.Rank == nil {
				continue
			}
			r := *e.Rank
			label := fmt.Sprintf("%s/%d", rankText(e), n)
			items = append(items, opts.BarData{
				Name:      ind.Name + ":" + e.Display + ind.Unit + "\n" + e.Why,
				Value:     data.Round(float64(n-r+1)/float64(n)*100, 1),
				ItemStyle: &opts.ItemStyle{Color: tierColor(e.Tier)},
				Label:     &opts.Label{Formatter: literal(label)},
			})
			names = append(names, ind.Name)
		}
	}
	if len(items) == 0 {
		return nil, 0, false
	}
	top := 58
	rowH := 20
	height = top + len(items)*rowH + 12
	bar := ec.NewBar()
	bar.SetGlobalOptions(common(unit+" · 各指标名次", "条越长名次越靠前 · 标签为名次/参与排名单位数", file)...)
	bar.SetGlobalOptions(
		ec.WithGridOpts(opts.Grid{Left: strconv.Itoa(axisRoom(names, 12, 200)), Right: "78", Top: strconv.Itoa(top), Bottom: "4"}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Show: opts.Bool(false), Max: 100}),
		ec.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{FontSize: 12, Color: colorText, Interval: "0", Width: 200, Overflow: "truncate"}}),
	)
	bar.SetXAxis(names).AddSeries("名次", items, ec.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}), valueLabels(11))
	bar.XYReversal()
	o = toOption(bar)
	hideAxisChrome(o, "yAxis.0")
	narrow := option{
		"yAxis": []any{map[string]any{"axisLabel": map[string]any{"width": 120, "fontSize": 11}}},
		"grid":  []any{map[string]any{"left": axisRoom(names, 11, 120)}},
	}
	return withMedia(o, narrow, narrowUnit), height, true
}

// tierLabels are the legend names of the tiers, e.g. 前3位 / 中间 / 后3位.
type tierLabels struct{ Top, Middle, Bottom, Missing string }

func newTierLabels(o rank.Options) tierLabels {
	return tierLabels{
		Top:     rank.Top.Label(o) + "位",
		Middle:  rank.Middle.Label(o),
		Bottom:  rank.Bottom.Label(o) + "位",
		Missing: "未报送",
	}
}

// bumpFew is the most units a bump chart draws as individual, labelled
// lines; beyond it the field is one faint background and only the top and
// bottom tiers and the unit the reader picks stand out.
const bumpFew = 12

// bumpHeight is the height of a bump chart of n units.
func bumpHeight(n int) int {
	if n > bumpFew {
		return 520
	}
	return 96 + max(n, 3)*30
}

// bumpSkeleton is the frame of a bump chart (rank over the periods, rank 1
// at the top): title, axes, grid and the save button. The page's script
// adds the lines from the data island when the chart comes into view, and
// again when the reader picks another indicator or unit.
func bumpSkeleton(title, file string, units int, many bool) (option, int) {
	line := ec.NewLine()
	line.SetGlobalOptions(common(title, "", file)...)
	line.SetGlobalOptions(
		ec.WithGridOpts(opts.Grid{Left: "40", Right: "96", Top: "78", Bottom: "30"}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0,
			AxisLabel: &opts.AxisLabel{FontSize: 12, Color: colorSubtle},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#eef0f3"}}}),
		ec.WithYAxisOpts(opts.YAxis{Type: "value", Inverse: opts.Bool(true), Min: 1,
			AxisLabel: &opts.AxisLabel{FontSize: 12, Color: colorSubtle},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#eef0f3"}}}),
	)
	o := toOption(line)
	set(o, "xAxis.0.minInterval", 1)
	set(o, "xAxis.0.axisTick", map[string]any{"show": false})
	set(o, "yAxis.0.minInterval", 1)
	set(o, "yAxis.0.axisLine", map[string]any{"show": false})
	set(o, "yAxis.0.axisTick", map[string]any{"show": false})
	// The legend under the title says what the colours mean; the lines
	// themselves are named at their ends.
	set(o, "legend", map[string]any{"show": false})
	o["series"] = []any{}
	if many {
		set(o, "tooltip.trigger", "item")
	} else {
		set(o, "tooltip.trigger", "axis")
		set(o, "tooltip.axisPointer", map[string]any{"type": "line", "lineStyle": map[string]any{"color": "#c9ced4"}})
	}
	set(o, "tooltip.extraCssText", "max-width:300px;")
	narrow := option{"grid": []any{map[string]any{"right": 74}}}
	return withMedia(o, narrow, narrowUnit), bumpHeight(units)
}

// barsSkeleton is the frame of the compact layout's chart of one indicator,
// which the page's script fills with the indicator the reader picks: the
// top and bottom of the ranking, and the picked unit in its place.
func barsSkeleton(file string) (option, int) {
	bar := ec.NewBar()
	bar.SetGlobalOptions(common("", "", file)...)
	bar.SetGlobalOptions(
		ec.WithGridOpts(opts.Grid{Left: "80", Right: "120", Top: "62", Bottom: "4"}),
		ec.WithXAxisOpts(opts.XAxis{Type: "value", Show: opts.Bool(false)}),
		ec.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{FontSize: 13, Color: colorText, Interval: "0"}}),
	)
	bar.AddSeries("", []opts.BarData{}, ec.WithBarChartOpts(opts.BarChart{BarCategoryGap: "35%"}), valueLabels(12))
	bar.XYReversal()
	o := toOption(bar)
	hideAxisChrome(o, "yAxis.0")
	set(o, "series.0.label.lineHeight", 15)
	set(o, "series.0.label.rich", map[string]any{"s": map[string]any{"fontSize": 11, "color": colorSubtle, "lineHeight": 15}})
	set(o, "yAxis.0.axisLabel.rich", map[string]any{"f": map[string]any{"fontWeight": "bold", "fontSize": 13, "color": colorText}})
	return o, barHeight(10, 62)
}
