package charts

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// The ECharts options of the report are typed structs of our own, one
// field per ECharts setting the report uses, named as in ECharts' option
// reference (https://echarts.apache.org/en/option.html). Not go-echarts:
//
//   - The report uses a small, fixed part of ECharts (horizontal bars, a
//     heatmap, two skeletons the page's script completes); it fits in the
//     two dozen small types below, which init.js reads as they are.
//   - go-echarts (v2.6.7, the latest) does not model a dozen of the settings
//     the report relies on: tooltip confine and extraCssText, saveAsImage
//     pixelRatio, a y axis' axisTick, rich text, emphasis.disabled, silent
//     series and mark lines, the top-level textStyle, animationDuration (a
//     field it never writes) and media queries. Using it fully would still
//     need a second way in for all of these, which is how the options came
//     to be patched by dotted paths in generic maps.
//   - Its charts are made for its own page renderer: JSON() returns a
//     generic map and adds a default palette and null defaults. The report
//     has its own page, Content Security Policy and script.
//
// Every setting that must be written even when zero (a hidden axis' show,
// grid margins, a width of 0 that the phone layout resets) is a pointer;
// the rest are left out when zero, so that a phone layout (withMedia)
// holds only what it changes.

// option is one chart's ECharts option, or, with BaseOption and Media, a
// base option and its phone layout (see withMedia).
type option struct {
	Animation         bool       `json:"animation,omitempty"`
	AnimationDuration int        `json:"animationDuration,omitempty"`
	TextStyle         *textStyle `json:"textStyle,omitempty"`
	Title             *title     `json:"title,omitempty"`
	Toolbox           *toolbox   `json:"toolbox,omitempty"`
	Tooltip           *tooltip   `json:"tooltip,omitempty"`
	Legend            *legend    `json:"legend,omitempty"`
	Grid              []grid     `json:"grid,omitempty"`
	XAxis             []axis     `json:"xAxis,omitempty"`
	YAxis             []axis     `json:"yAxis,omitempty"`
	Series            []series   `json:"series,omitempty"`

	BaseOption *option `json:"baseOption,omitempty"`
	Media      []media `json:"media,omitempty"`
}

// textStyle is a text's look; also a rich-text style.
type textStyle struct {
	FontFamily string `json:"fontFamily,omitempty"`
	FontSize   int    `json:"fontSize,omitempty"`
	FontWeight string `json:"fontWeight,omitempty"`
	Color      string `json:"color,omitempty"`
	LineHeight int    `json:"lineHeight,omitempty"`
}

type title struct {
	Text         string     `json:"text,omitempty"`
	Subtext      string     `json:"subtext,omitempty"`
	Left         string     `json:"left,omitempty"`
	Top          string     `json:"top,omitempty"`
	TextStyle    *textStyle `json:"textStyle,omitempty"`
	SubtextStyle *textStyle `json:"subtextStyle,omitempty"`
}

type toolbox struct {
	Show    bool     `json:"show,omitempty"`
	Right   *int     `json:"right,omitempty"`
	Top     *int     `json:"top,omitempty"`
	Feature *feature `json:"feature,omitempty"`
}

type feature struct {
	SaveAsImage *saveAsImage `json:"saveAsImage,omitempty"`
}

type saveAsImage struct {
	Show       bool   `json:"show,omitempty"`
	Type       string `json:"type,omitempty"`
	Name       string `json:"name,omitempty"`
	Title      string `json:"title,omitempty"`
	PixelRatio int    `json:"pixelRatio,omitempty"`
}

type tooltip struct {
	Show         bool         `json:"show,omitempty"`
	Trigger      string       `json:"trigger,omitempty"`
	Formatter    string       `json:"formatter,omitempty"`
	AxisPointer  *axisPointer `json:"axisPointer,omitempty"`
	Confine      bool         `json:"confine,omitempty"`
	ExtraCSSText string       `json:"extraCssText,omitempty"`
}

type axisPointer struct {
	Type      string     `json:"type,omitempty"`
	LineStyle *lineStyle `json:"lineStyle,omitempty"`
}

type lineStyle struct {
	Type  string  `json:"type,omitempty"`
	Color string  `json:"color,omitempty"`
	Width float64 `json:"width,omitempty"`
}

type legend struct {
	Show       bool     `json:"show"`
	Left       string   `json:"left,omitempty"`
	Top        int      `json:"top,omitempty"`
	ItemWidth  int      `json:"itemWidth,omitempty"`
	ItemHeight int      `json:"itemHeight,omitempty"`
	Data       []string `json:"data,omitempty"`
}

// grid is the plot area's margins in px. Explicit margins instead of
// containLabel keep the plot area exactly as tall as the rows it was sized
// for.
type grid struct {
	Left         *int `json:"left,omitempty"`
	Right        *int `json:"right,omitempty"`
	Top          *int `json:"top,omitempty"`
	Bottom       *int `json:"bottom,omitempty"`
	ContainLabel bool `json:"containLabel,omitempty"`
}

// axis is an x or a y axis.
type axis struct {
	Type        string     `json:"type,omitempty"`
	Show        *bool      `json:"show,omitempty"`
	Position    string     `json:"position,omitempty"`
	Inverse     bool       `json:"inverse,omitempty"`
	Min         *float64   `json:"min,omitempty"`
	Max         *float64   `json:"max,omitempty"`
	MinInterval int        `json:"minInterval,omitempty"`
	Data        []string   `json:"data,omitempty"`
	AxisLabel   *axisLabel `json:"axisLabel,omitempty"`
	AxisLine    *shown     `json:"axisLine,omitempty"`
	AxisTick    *shown     `json:"axisTick,omitempty"`
	SplitArea   *shown     `json:"splitArea,omitempty"`
	SplitLine   *splitLine `json:"splitLine,omitempty"`
}

type axisLabel struct {
	// Interval 0 shows every category label.
	Interval   *int                 `json:"interval,omitempty"`
	FontSize   int                  `json:"fontSize,omitempty"`
	Color      string               `json:"color,omitempty"`
	Width      *int                 `json:"width,omitempty"`
	Overflow   string               `json:"overflow,omitempty"`
	LineHeight int                  `json:"lineHeight,omitempty"`
	Rich       map[string]textStyle `json:"rich,omitempty"`
}

// shown switches a part on or off.
type shown struct {
	Show bool `json:"show"`
}

type splitLine struct {
	Show      bool       `json:"show"`
	LineStyle *lineStyle `json:"lineStyle,omitempty"`
}

type series struct {
	Type           string     `json:"type,omitempty"`
	Name           string     `json:"name,omitempty"`
	Stack          string     `json:"stack,omitempty"`
	BarCategoryGap string     `json:"barCategoryGap,omitempty"`
	Silent         bool       `json:"silent,omitempty"`
	ItemStyle      *itemStyle `json:"itemStyle,omitempty"`
	Label          *label     `json:"label,omitempty"`
	Tooltip        *shown     `json:"tooltip,omitempty"`
	Emphasis       *emphasis  `json:"emphasis,omitempty"`
	MarkLine       *markLine  `json:"markLine,omitempty"`
	Data           []item     `json:"data,omitempty"`
}

type itemStyle struct {
	Color       string  `json:"color,omitempty"`
	BorderColor string  `json:"borderColor,omitempty"`
	BorderWidth float64 `json:"borderWidth,omitempty"`
}

type label struct {
	Show       *bool                `json:"show,omitempty"`
	Position   string               `json:"position,omitempty"`
	Color      string               `json:"color,omitempty"`
	FontSize   int                  `json:"fontSize,omitempty"`
	LineHeight int                  `json:"lineHeight,omitempty"`
	Formatter  string               `json:"formatter,omitempty"`
	Rich       map[string]textStyle `json:"rich,omitempty"`
}

type emphasis struct {
	Disabled  bool       `json:"disabled,omitempty"`
	ItemStyle *itemStyle `json:"itemStyle,omitempty"`
}

// markLine is a reference line across a chart (时序进度).
type markLine struct {
	Silent    bool           `json:"silent,omitempty"`
	Symbol    []string       `json:"symbol,omitempty"`
	Label     *label         `json:"label,omitempty"`
	LineStyle *lineStyle     `json:"lineStyle,omitempty"`
	Data      []markLineItem `json:"data,omitempty"`
}

type markLineItem struct {
	Name  string  `json:"name,omitempty"`
	XAxis float64 `json:"xAxis"`
}

// item is one bar or one heatmap cell. Name is what its tooltip shows.
type item struct {
	Name      string     `json:"name,omitempty"`
	Value     value      `json:"value"`
	ItemStyle *itemStyle `json:"itemStyle,omitempty"`
	Label     *label     `json:"label,omitempty"`
}

// value is an item's value: a number, a heatmap cell [x, y, rank], or
// nothing (a gap row).
type value struct {
	n    float64
	cell []int
	none bool
}

func num(n float64) value    { return value{n: n} }
func cell(x, y, n int) value { return value{cell: []int{x, y, n}} }
func gap() value             { return value{none: true} }

// MarshalJSON writes the value as ECharts reads it; "-" is its empty value.
func (v value) MarshalJSON() ([]byte, error) {
	switch {
	case v.none:
		return []byte(`"-"`), nil
	case v.cell != nil:
		return json.Marshal(v.cell)
	}
	return json.Marshal(v.n)
}

// px, on and number point at a setting that must be written even when
// zero or false.
func px(n int) *int             { return &n }
func on(b bool) *bool           { return &b }
func number(f float64) *float64 { return &f }

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
