package charts

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"shaipin/rank"
	"shaipin/text"
)

// matrixCells are the 排名矩阵's rows and cells: a shaded header row per
// indicator family, then one row per ranked indicator, its cells split by
// tier so that each tier is one series (and one legend entry).
type matrixCells struct {
	rows []string
	// heads are the rows as text: a family's name (head) or an indicator's.
	heads []matrixHead
	bands []item
	// tiers holds the cells of the top, middle, bottom and unranked tier.
	tiers [4][]item
}

// matrixHead is one row of the matrix as text.
type matrixHead struct {
	Name  string
	Group bool
}

// newMatrixCells lays out the matrix: units across (columns in the order
// of units), indicators down, grouped by family.
func newMatrixCells(res *rank.Result, units []string) matrixCells {
	col := map[string]int{}
	for i, u := range units {
		col[u] = i
	}
	var m matrixCells
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
				y := len(m.rows)
				// Group header rows are ECharts rich text ("{g|name}"); names
				// pass through literal so that only these braces count.
				m.rows = append(m.rows, "{g|"+literal(g)+"}")
				m.heads = append(m.heads, matrixHead{Name: g, Group: true})
				for x := range units {
					m.bands = append(m.bands, item{Value: []int{x, y, 0}})
				}
			}
			m.rows = append(m.rows, literal(ind.Name))
			m.heads = append(m.heads, matrixHead{Name: ind.Name})
			m.addRow(ind, col, len(m.rows)-1)
		}
	}
	return m
}

// addRow adds one indicator's cells in row y.
func (m *matrixCells) addRow(ind rank.Indicator, col map[string]int, y int) {
	for _, e := range ind.Entries {
		x, ok := col[e.Unit]
		if !ok {
			continue
		}
		name := e.Unit + " · " + ind.Name + "\n"
		if e.Value == nil || e.Rank == nil {
			m.tiers[3] = append(m.tiers[3], item{Name: name + "未报送,不参与排名", Value: []int{x, y, 0}})
			continue
		}
		name += valueText(ind, e) + ind.Unit
		if e.Why != "" {
			name += "," + e.Why
		}
		k := 1
		switch e.Tier {
		case rank.Top:
			k = 0
		case rank.Bottom:
			k = 2
		}
		m.tiers[k] = append(m.tiers[k], item{Name: name, Value: []int{x, y, *e.Rank}})
	}
}

// matrixChart is the 排名矩阵: a heatmap of ranks, units across (in overall
// order), indicators down, grouped by family under a shaded header row.
func matrixChart(res *rank.Result, units []string, m matrixCells) (o *option, height int) {
	gridTop := 84
	rowH := 26
	if len(units) > 20 {
		rowH = 20
	}
	// Room for the rows and, on a phone, for unit names stacked one
	// character per line.
	height = gridTop + 40 + len(m.rows)*rowH + 8 + 48

	l := text.TierLabels(res.Rules)
	o = newChart("排名矩阵", "格中数字为名次 · 单位按总榜名次排列", "排名矩阵-"+res.Month.String())
	o.Legend = tierLegend(l, 48)
	o.Grid = []opts.Grid{{Left: "0", Right: "4", Top: strconv.Itoa(gridTop), Bottom: "4", ContainLabel: opts.Bool(true)}}
	o.XAxis = []xAxis{{XAxis: opts.XAxis{Type: "category", Position: "top", Data: units,
		AxisLine: &opts.AxisLine{Show: opts.Bool(false)}, AxisTick: &opts.AxisTick{Show: opts.Bool(false)},
		SplitArea: &opts.SplitArea{Show: opts.Bool(false)}},
		AxisLabel: &axisLabel{Interval: px(0), FontSize: 12, Color: colorText, Width: px(0), Overflow: "none", LineHeight: 14},
	}}
	o.YAxis = []yAxis{{YAxis: opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: m.rows,
		AxisLine: &opts.AxisLine{Show: opts.Bool(false)}},
		AxisLabel: &axisLabel{Interval: px(0), FontSize: 12, Color: colorText, Width: px(210), Overflow: "truncate", LineHeight: 14,
			Rich: map[string]opts.TextStyle{"g": {FontWeight: "bold", FontSize: 13, Color: colorText}}},
		AxisTick: &opts.AxisTick{Show: opts.Bool(false)},
	}}
	// The header bands are decoration: no tooltip, no hover.
	o.Series = []series{{Type: types.ChartHeatMap, Name: "分组", Data: m.bands, Silent: true,
		ItemStyle: &opts.ItemStyle{Color: colorBand, BorderColor: "#ffffff", BorderWidth: 2},
		Tooltip:   &opts.Tooltip{Show: opts.Bool(false)}, Emphasis: &emphasis{Disabled: true},
	}}
	for k, t := range []rank.Tier{rank.Top, rank.Middle, rank.Bottom, rank.None} {
		st := text.StyleOf(t)
		s := series{Type: types.ChartHeatMap, Name: []string{l.Top, l.Middle, l.Bottom, l.Missing}[k], Data: m.tiers[k],
			ItemStyle: &opts.ItemStyle{Color: st.Color, BorderColor: "#ffffff", BorderWidth: 2},
			Label:     &label{Label: opts.Label{Show: opts.Bool(true), Color: st.OnColor, FontSize: 12}},
			Emphasis:  &emphasis{Emphasis: opts.Emphasis{ItemStyle: &opts.ItemStyle{BorderColor: colorText, BorderWidth: 2}}},
		}
		if t == rank.None {
			s.Label.FontSize, s.Label.Formatter = 11, "未报送"
		}
		o.Series = append(o.Series, s)
	}
	return withMedia(o, matrixNarrow(gridTop), narrowMatrix), height
}

// matrixNarrow is the matrix on a phone: the unit names stand one
// character per line, the indicator names wrap, and 未报送 shrinks to a
// dash (see the key).
func matrixNarrow(gridTop int) *option {
	small := series{Label: &label{Label: opts.Label{FontSize: 11}}}
	return &option{
		Grid:   []opts.Grid{{Top: strconv.Itoa(gridTop + 8)}},
		XAxis:  []xAxis{{AxisLabel: &axisLabel{Width: px(12), Overflow: "break", FontSize: 11, LineHeight: 12}}},
		YAxis:  []yAxis{{AxisLabel: &axisLabel{Width: px(92), Overflow: "break", FontSize: 10, LineHeight: 11}}},
		Series: []series{{}, small, small, small, {Label: &label{Label: opts.Label{Formatter: "—"}}}},
	}
}
