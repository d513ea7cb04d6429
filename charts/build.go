package charts

import (
	"math"
	"strings"

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
func tierColor(t rank.Tier) *itemStyle {
	return &itemStyle{Color: text.StyleOf(t).Color}
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
		Animation: true,
		// Half ECharts' default entry animation: a chart reads as drawn
		// sooner, which matters most for the first one on a large page.
		AnimationDuration: 500,
		TextStyle:         &textStyle{FontFamily: fontFamily},
		Title: &title{Text: heading, Subtext: subtitle, Left: "left", Top: "top",
			TextStyle:    &textStyle{FontSize: 15, FontWeight: "bold", Color: colorText},
			SubtextStyle: &textStyle{FontSize: 12, Color: colorSubtle},
		},
		Toolbox: &toolbox{Show: true, Right: px(0), Top: px(0), Feature: &feature{SaveAsImage: &saveAsImage{
			// Sharp enough for a slide.
			Show: true, Type: "png", Name: file, Title: "保存为图片", PixelRatio: 2,
		}}},
		// confine keeps tooltips inside the chart on a phone; pre-line lets
		// an item's name carry line breaks (ECharts escapes the text).
		Tooltip: &tooltip{Show: true, Trigger: "item", Formatter: "{b}", Confine: true,
			ExtraCSSText: "white-space:pre-line;max-width:300px;"},
		Legend: &legend{},
	}
}

// margins is a grid of the given margins in px.
func margins(left, right, top, bottom int) []grid {
	return []grid{{Left: px(left), Right: px(right), Top: px(top), Bottom: px(bottom)}}
}

// categoryAxis is the axis of a horizontal bar chart's rows, first at the
// top, with the given label size. Its lines and ticks are left out: the
// labels are enough and a quieter chart reads better in print.
func categoryAxis(names []string, size int) []axis {
	return []axis{{Type: "category", Inverse: true, Data: names,
		AxisLabel: &axisLabel{FontSize: size, Color: colorText, Interval: px(0)},
		AxisLine:  &shown{}, AxisTick: &shown{},
	}}
}

// valueAxis is the hidden value axis of a bar chart; max > 0 fixes its end.
func valueAxis(max float64) []axis {
	a := axis{Type: "value", Show: on(false)}
	if max > 0 {
		a.Max = number(max)
	}
	return []axis{a}
}

// bars is a bar series whose labels stand past the bars' ends; the items
// carry only their text, which keeps province-sized reports small.
func bars(name string, items []item, gap string, size int) series {
	return series{Type: "bar", Name: name, BarCategoryGap: gap, Data: items,
		Label: &label{Show: on(true), Position: "right", Color: colorText, FontSize: size}}
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
