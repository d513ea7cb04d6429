package charts

import "github.com/go-echarts/go-echarts/v2/opts"

// Skeletons are the frames of the charts the page's script (init.js)
// completes from the data island when they come into view, and again when
// the reader picks another indicator or unit: title, axes, grid, the save
// button; the script adds the series.

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

// bumpSkeleton is the frame of a bump chart: rank over the periods, rank 1
// at the top.
func bumpSkeleton(heading, file string, units int, many bool) (*option, int) {
	// No legend: the subtitle says what the colours mean, and the lines
	// themselves are named at their ends.
	o := newChart(heading, "", file)
	o.Grid = margins(40, 96, 78, 30)
	lines := &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#eef0f3"}}
	o.XAxis = []xAxis{{XAxis: opts.XAxis{Type: "value", Min: 0, MinInterval: 1,
		AxisTick: &opts.AxisTick{Show: opts.Bool(false)}, SplitLine: lines},
		AxisLabel: &axisLabel{FontSize: 12, Color: colorSubtle}}}
	o.YAxis = []yAxis{{YAxis: opts.YAxis{Type: "value", Inverse: opts.Bool(true), Min: 1, MinInterval: 1,
		AxisLine: &opts.AxisLine{Show: opts.Bool(false)}, SplitLine: lines},
		AxisLabel: &axisLabel{FontSize: 12, Color: colorSubtle}, AxisTick: &opts.AxisTick{Show: opts.Bool(false)}}}
	o.Tooltip.ExtraCSSText = "max-width:300px;"
	if !many {
		o.Tooltip.Trigger = "axis"
		o.Tooltip.AxisPointer = &axisPointer{AxisPointer: opts.AxisPointer{Type: "line"},
			LineStyle: &opts.LineStyle{Color: "#c9ced4"}}
	}
	narrow := &option{Grid: []opts.Grid{{Right: "74"}}}
	return withMedia(o, narrow, narrowUnit), bumpHeight(units)
}

// barsSkeleton is the frame of the compact layout's chart of one indicator,
// which the page's script fills with the indicator the reader picks: the
// top and bottom of the ranking, and the picked unit in its place.
func barsSkeleton(file string) (*option, int) {
	o := newChart("", "", file)
	o.Grid = margins(80, 120, 62, 4)
	o.XAxis = valueAxis(0)
	o.YAxis = categoryAxis(nil, 13)
	// The picked unit's name is rich text "{f|name}".
	o.YAxis[0].AxisLabel.Rich = map[string]opts.TextStyle{"f": {FontWeight: "bold", FontSize: 13, Color: colorText}}
	s := bars("", nil, "35%", 12)
	// Labels carry 时序进度 on a second line "{s|…}".
	s.Label.LineHeight = 15
	s.Label.Rich = map[string]opts.TextStyle{"s": {FontSize: 11, Color: colorSubtle, LineHeight: 15}}
	o.Series = []series{s}
	return o, barHeight(10, 62)
}
