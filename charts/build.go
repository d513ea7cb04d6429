package charts

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"shaipin/rank"
	"shaipin/text"
)

// The report's colours besides the tiers' (text.StyleOf).
const (
	colorBand   = "#f6f7f9"
	colorText   = "#1f2328"
	colorSubtle = "#6b7280"
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
func tierColor(t rank.Tier) *opts.ItemStyle {
	return &opts.ItemStyle{Color: text.StyleOf(t).Color}
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
// margin.
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

// newChart is the option every chart starts from: a title inside the chart
// so that a saved image stands on its own in a slide, the save-as-image
// button and an item tooltip that shows the item's name (its explanation).
func newChart(heading, subtitle, file string) *option {
	return &option{
		// Half ECharts' default entry animation: a chart reads as drawn
		// sooner, which matters most for the first one on a large page.
		Animation: opts.Animation{Animation: opts.Bool(true), AnimationDuration: 500},
		TextStyle: &opts.TextStyle{FontFamily: fontFamily},
		Title: &opts.Title{Title: heading, Subtitle: subtitle, Left: "left", Top: "top",
			TitleStyle:    &opts.TextStyle{FontSize: 15, FontWeight: "bold", Color: colorText},
			SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: colorSubtle},
		},
		Toolbox: &toolbox{Toolbox: opts.Toolbox{Show: opts.Bool(true), Right: "0", Top: "0"},
			Feature: &feature{SaveAsImage: &saveAsImage{
				ToolBoxFeatureSaveAsImage: opts.ToolBoxFeatureSaveAsImage{
					Show: opts.Bool(true), Type: "png", Name: file, Title: "保存为图片"},
				// Sharp enough for a slide.
				PixelRatio: 2,
			}}},
		// confine keeps tooltips inside the chart on a phone; pre-line lets
		// an item's name carry line breaks (ECharts escapes the text).
		Tooltip: &tooltip{Tooltip: opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}"},
			Confine: true, ExtraCSSText: "white-space:pre-line;max-width:300px;"},
		Legend: &opts.Legend{Show: opts.Bool(false)},
	}
}

// margins is a grid of the given margins in px.
func margins(left, right, top, bottom int) []opts.Grid {
	return []opts.Grid{{Left: strconv.Itoa(left), Right: strconv.Itoa(right), Top: strconv.Itoa(top), Bottom: strconv.Itoa(bottom)}}
}

// categoryAxis is the axis of a horizontal bar chart's rows, first at the
// top, with the given label size. Its lines and ticks are left out: the
// labels are enough and a quieter chart reads better in print.
func categoryAxis(names []string, size int) []yAxis {
	return []yAxis{{YAxis: opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: names,
		AxisLine: &opts.AxisLine{Show: opts.Bool(false)}},
		AxisLabel: &axisLabel{FontSize: size, Color: colorText, Interval: px(0)},
		AxisTick:  &opts.AxisTick{Show: opts.Bool(false)},
	}}
}

// valueAxis is the hidden value axis of a bar chart; max > 0 fixes its end.
func valueAxis(max float64) []xAxis {
	a := xAxis{XAxis: opts.XAxis{Type: "value", Show: opts.Bool(false)}}
	if max > 0 {
		a.Max = max
	}
	return []xAxis{a}
}

// bars is a bar series whose labels stand past the bars' ends; the items
// carry only their text, which keeps province-sized reports small.
func bars(name string, items []item, gap string, size int) series {
	return series{Type: types.ChartBar, Name: name, BarCategoryGap: gap, Data: items,
		Label: &label{Label: opts.Label{Show: opts.Bool(true), Position: "right", Color: colorText, FontSize: float32(size)}}}
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

// changeSuffix is a rank change since the previous period as a label
// suffix: " ↑2" (进位), " ↓1" (退位); nothing when unchanged or unknown, so
// that labels stay short.
func changeSuffix(change *int) string {
	if change == nil || *change == 0 {
		return ""
	}
	return " " + rank.ChangeLabel(change)
}
