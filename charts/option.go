package charts

import (
	"fmt"
	"reflect"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// The ECharts options of the report are typed, in go-echarts' vocabulary
// (github.com/go-echarts/go-echarts/v2/opts): the project requires
// go-echarts, and its types name each setting as ECharts' option reference
// does (https://echarts.apache.org/en/option.html). Titles, legends,
// grids, axes, text, item and line styles, tooltips, labels, mark lines,
// animation and data items (opts.BarData) are its types.
//
// go-echarts (v2.6.7, the latest) lacks some settings the report relies
// on: tooltip confine and extraCssText, the tooltip axis pointer's
// lineStyle, saveAsImage pixelRatio, a y axis' axisTick, rich text,
// emphasis.disabled, silent series and mark lines. Each is a field of ours
// beside the embedded go-echarts type it extends, which encoding/json
// writes as one object. Where the go-echarts field to extend is itself a
// go-echarts type (opts.Tooltip's AxisPointer), a field of ours with the
// same name replaces it: Go and encoding/json both pick the shallower one.
//
// Three types are ours outright:
//   - option, the top level with its media queries (which go-echarts does
//     not model): go-echarts' charts are made for its own page renderer
//     (JSON() returns a generic map with a default palette and null
//     defaults), and the report has its own page, Content Security Policy
//     and script (init.js);
//   - series: go-echarts' SingleSeries has no silent, and its label,
//     emphasis, markLine, tooltip and untyped data would all need
//     replacing; ours is made of go-echarts' field types;
//   - axisLabel: opts.AxisLabel writes null showMinLabel/showMaxLabel,
//     takes interval and lineHeight as strings, cannot write a width of 0
//     (which a phone layout resets to) and has no rich text.
//
// go-echarts writes positions and margins in px as strings ("84"), which
// ECharts reads as numbers. Every setting that must be written even when
// zero (a hidden axis' show, a width of 0) is a pointer or such a string;
// the rest are left out when zero, so that a phone layout (withMedia)
// holds only what it changes.

// option is one chart's ECharts option, or, with BaseOption and Media, a
// base option and its phone layout (see withMedia).
type option struct {
	opts.Animation
	TextStyle *opts.TextStyle `json:"textStyle,omitempty"`
	Title     *opts.Title     `json:"title,omitempty"`
	Toolbox   *toolbox        `json:"toolbox,omitempty"`
	Tooltip   *tooltip        `json:"tooltip,omitempty"`
	Legend    *opts.Legend    `json:"legend,omitempty"`
	Grid      []opts.Grid     `json:"grid,omitempty"`
	XAxis     []xAxis         `json:"xAxis,omitempty"`
	YAxis     []yAxis         `json:"yAxis,omitempty"`
	Series    []series        `json:"series,omitempty"`

	BaseOption *option `json:"baseOption,omitempty"`
	Media      []media `json:"media,omitempty"`
}

type toolbox struct {
	opts.Toolbox
	// Feature replaces opts.Toolbox's, whose saveAsImage has no pixelRatio.
	Feature *feature `json:"feature,omitempty"`
}

type feature struct {
	SaveAsImage *saveAsImage `json:"saveAsImage,omitempty"`
}

type saveAsImage struct {
	opts.ToolBoxFeatureSaveAsImage
	PixelRatio int `json:"pixelRatio,omitempty"`
}

type tooltip struct {
	opts.Tooltip
	// AxisPointer replaces opts.Tooltip's, which has no lineStyle.
	AxisPointer  *axisPointer `json:"axisPointer,omitempty"`
	Confine      bool         `json:"confine,omitempty"`
	ExtraCSSText string       `json:"extraCssText,omitempty"`
}

type axisPointer struct {
	opts.AxisPointer
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
}

type xAxis struct {
	opts.XAxis
	// AxisLabel replaces opts.XAxis's (see axisLabel).
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
}

type yAxis struct {
	opts.YAxis
	// AxisLabel replaces opts.YAxis's (see axisLabel).
	AxisLabel *axisLabel     `json:"axisLabel,omitempty"`
	AxisTick  *opts.AxisTick `json:"axisTick,omitempty"`
}

// axisLabel is an axis' labels (ours: see the top of this file).
type axisLabel struct {
	// Interval 0 shows every category label.
	Interval   *int                      `json:"interval,omitempty"`
	FontSize   int                       `json:"fontSize,omitempty"`
	Color      string                    `json:"color,omitempty"`
	Width      *int                      `json:"width,omitempty"`
	Overflow   string                    `json:"overflow,omitempty"`
	LineHeight int                       `json:"lineHeight,omitempty"`
	Rich       map[string]opts.TextStyle `json:"rich,omitempty"`
}

// series is one series (ours: see the top of this file).
type series struct {
	Type           string          `json:"type,omitempty"`
	Name           string          `json:"name,omitempty"`
	Stack          string          `json:"stack,omitempty"`
	BarCategoryGap string          `json:"barCategoryGap,omitempty"`
	Silent         bool            `json:"silent,omitempty"`
	ItemStyle      *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label          *label          `json:"label,omitempty"`
	Tooltip        *opts.Tooltip   `json:"tooltip,omitempty"`
	Emphasis       *emphasis       `json:"emphasis,omitempty"`
	MarkLine       *markLine       `json:"markLine,omitempty"`
	// Line series (the 名次区间 whiskers): the points' symbol and size
	// ([width, height] px), the line, and the drawing order.
	Symbol     string          `json:"symbol,omitempty"`
	SymbolSize []int           `json:"symbolSize,omitempty"`
	LineStyle  *opts.LineStyle `json:"lineStyle,omitempty"`
	Z          int             `json:"z,omitempty"`
	Data       []item          `json:"data,omitempty"`
}

// label is a series' labels; rich holds the styles of rich-text markers
// ("{s|…}") in its formatter.
type label struct {
	opts.Label
	Rich map[string]opts.TextStyle `json:"rich,omitempty"`
}

type emphasis struct {
	opts.Emphasis
	Disabled bool `json:"disabled,omitempty"`
}

// markLine is a reference line across a chart (时序进度): go-echarts'
// opts.MarkLines, with data typed (its own is []interface{}) and silent.
type markLine struct {
	opts.MarkLineStyle
	Silent bool                         `json:"silent,omitempty"`
	Data   []opts.MarkLineNameXAxisItem `json:"data,omitempty"`
}

// item is one bar or one heatmap cell: a data item's name (what its
// tooltip shows), value, itemStyle and label are the same in every ECharts
// series; go-echarts' HeatMapData is BarData without the styles. Its value
// is a number, a heatmap cell [x, y, rank], or empty (a gap row).
type item = opts.BarData

// empty is ECharts' empty value, a gap row.
const empty = "-"

// px points at a setting that must be written even when zero.
func px(n int) *int { return &n }

// media is one entry of an option's media queries.
type media struct {
	Query  *mediaQuery `json:"query,omitempty"`
	Option *option     `json:"option"`
}

type mediaQuery struct {
	MaxWidth int `json:"maxWidth"`
}

// withMedia wraps an option with ECharts media queries: narrow applies to
// charts narrower than maxWidth px. ECharts does not go back to the base
// option when a query stops matching (after printing, or turning a tablet)
// but to the media entry without a query, so that entry repeats the base
// values of everything narrow changes. Every setting narrow makes must
// therefore be made in the base option.
func withMedia(base, narrow *option, maxWidth int) *option {
	reset := mirror(reflect.ValueOf(base).Elem(), reflect.ValueOf(narrow).Elem(), "option").Interface().(option)
	return &option{
		BaseOption: base,
		Media: []media{
			{Option: &reset},
			{Query: &mediaQuery{MaxWidth: maxWidth}, Option: narrow},
		},
	}
}

// mirror returns base's values at the settings narrow makes. A setting
// narrow makes and base leaves out is a programming error.
func mirror(base, narrow reflect.Value, path string) reflect.Value {
	out := reflect.New(narrow.Type()).Elem()
	switch narrow.Kind() {
	case reflect.Pointer:
		if narrow.IsNil() {
			return out
		}
		if base.IsNil() {
			panic("charts: media option setting missing in base: " + path)
		}
		if narrow.Elem().Kind() != reflect.Struct {
			return base
		}
		out.Set(reflect.New(narrow.Elem().Type()))
		out.Elem().Set(mirror(base.Elem(), narrow.Elem(), path))
	case reflect.Struct:
		for i := range narrow.NumField() {
			if !narrow.Field(i).IsZero() {
				out.Field(i).Set(mirror(base.Field(i), narrow.Field(i), path+"."+narrow.Type().Field(i).Name))
			}
		}
	case reflect.Slice:
		if base.Len() < narrow.Len() {
			panic("charts: media option setting missing in base: " + path)
		}
		out.Set(reflect.MakeSlice(narrow.Type(), narrow.Len(), narrow.Len()))
		for i := range narrow.Len() {
			out.Index(i).Set(mirror(base.Index(i), narrow.Index(i), fmt.Sprintf("%s[%d]", path, i)))
		}
	default:
		// A value left out of the JSON when zero: base must have one.
		if base.IsZero() {
			panic("charts: media option setting missing in base: " + path)
		}
		return base
	}
	return out
}
