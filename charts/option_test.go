package charts

import (
	"encoding/json"
	"testing"
)

func TestValueJSON(t *testing.T) {
	for _, c := range []struct {
		v    value
		want string
	}{
		{num(91.86), `91.86`}, {num(10), `10`}, {cell(3, 0, 2), `[3,0,2]`}, {gap(), `"-"`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil || string(b) != c.want {
			t.Errorf("%s (%v), want %s", b, err, c.want)
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
	base.Series = []series{{Type: "heatmap"}, {Type: "heatmap", Label: &label{Show: on(true), FontSize: 12, Formatter: "未报送"}}}
	narrow := &option{
		Grid:   []grid{{Top: px(92)}},
		YAxis:  []axis{{AxisLabel: &axisLabel{Width: px(92), FontSize: 10}}},
		Series: []series{{}, {Label: &label{Formatter: "—"}}},
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
		`{"option":{"grid":[{"top":84}],"yAxis":[{"axisLabel":{"fontSize":12,"width":0}}],"series":[{},{"label":{"formatter":"未报送"}}]}}`,
		`{"query":{"maxWidth":520},"option":{"grid":[{"top":92}],"yAxis":[{"axisLabel":{"fontSize":10,"width":92}}],"series":[{},{"label":{"formatter":"—"}}]}}`,
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
		"pointer": {Grid: []grid{{Left: px(10)}}},
		"value":   {YAxis: []axis{{AxisLabel: &axisLabel{Overflow: "break"}}}},
		"slice":   {Series: []series{{}, {}}},
	} {
		base := newChart("", "", "f")
		base.Grid = []grid{{Top: px(1)}}
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
