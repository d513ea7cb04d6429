package charts

import (
	"encoding/json"
	"testing"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// A data item keeps a value of 0 (a tally's empty tier), and writes the
// other kinds of values as ECharts reads them.
func TestItemJSON(t *testing.T) {
	for _, c := range []struct {
		v    item
		want string
	}{
		{item{Value: 91.86}, `{"value":91.86}`},
		{item{Value: 0, Label: &opts.Label{Show: opts.Bool(false)}}, `{"value":0,"label":{"show":false}}`},
		{item{Name: "甲", Value: []int{3, 0, 2}}, `{"name":"甲","value":[3,0,2]}`},
		{item{Value: empty}, `{"value":"-"}`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil || string(b) != c.want {
			t.Errorf("%s (%v), want %s", b, err, c.want)
		}
	}
}

// A setting go-echarts lacks is written beside the go-echarts settings of
// the same object, and a field of ours replaces the go-echarts field of
// the same name.
func TestExtensionJSON(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{tooltip{Tooltip: opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}, Confine: true,
			AxisPointer: &axisPointer{AxisPointer: opts.AxisPointer{Type: "line"}, LineStyle: &opts.LineStyle{Color: "#c9ced4"}}},
			`{"show":true,"trigger":"axis","axisPointer":{"type":"line","lineStyle":{"color":"#c9ced4"}},"confine":true}`},
		{newChart("", "", "f").Toolbox,
			`{"show":true,"top":"0","right":"0","feature":{"saveAsImage":{"show":true,"type":"png","name":"f","title":"保存为图片","pixelRatio":2}}}`},
		{categoryAxis([]string{"甲"}, 12)[0],
			`{"type":"category","inverse":true,"data":["甲"],"axisLine":{"show":false},"axisLabel":{"interval":0,"fontSize":12,"color":"#1f2328"},"axisTick":{"show":false}}`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil || string(b) != c.want {
			t.Errorf("%s (%v), want\n%s", b, err, c.want)
		}
	}
}

// The media entry without a query repeats the base values of exactly what
// the phone layout changes, so that ECharts can go back to them.
func TestWithMedia(t *testing.T) {
	base := newChart("标题", "", "file")
	base.Grid = margins(0, 4, 84, 4)
	base.YAxis = categoryAxis([]string{"甲"}, 12)
	base.YAxis[0].AxisLabel.Width = px(0)
	base.Series = []series{{Type: "heatmap"},
		{Type: "heatmap", Label: &label{Label: opts.Label{Show: opts.Bool(true), FontSize: 12, Formatter: "未报送"}}}}
	narrow := &option{
		Grid:   []opts.Grid{{Top: "92"}},
		YAxis:  []yAxis{{AxisLabel: &axisLabel{Width: px(92), FontSize: 10}}},
		Series: []series{{}, {Label: &label{Label: opts.Label{Formatter: "—"}}}},
	}
	b, err := json.Marshal(withMedia(base, narrow, 520))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Media []json.RawMessage `json:"media"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`{"option":{"grid":[{"top":"84"}],"yAxis":[{"axisLabel":{"fontSize":12,"width":0}}],"series":[{},{"label":{"formatter":"未报送"}}]}}`,
		`{"query":{"maxWidth":520},"option":{"grid":[{"top":"92"}],"yAxis":[{"axisLabel":{"fontSize":10,"width":92}}],"series":[{},{"label":{"formatter":"—"}}]}}`,
	}
	for i, w := range want {
		if string(got.Media[i]) != w {
			t.Errorf("media %d:\n%s\nwant\n%s", i, got.Media[i], w)
		}
	}
}

// A phone layout may only change what the base option sets.
func TestWithMediaMissingInBase(t *testing.T) {
	for name, narrow := range map[string]*option{
		"pointer": {YAxis: []yAxis{{AxisLabel: &axisLabel{Width: px(10)}}}},
		"value":   {Grid: []opts.Grid{{Left: "10"}}},
		"slice":   {Series: []series{{}, {}}},
	} {
		base := newChart("", "", "f")
		base.Grid = []opts.Grid{{Top: "1"}}
		base.YAxis = categoryAxis(nil, 12)
		base.Series = []series{{Type: "bar"}}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			withMedia(base, narrow, 400)
		}()
	}
}
