package charts

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// unitChart is the compact chart of one unit's ranks: one bar per indicator
// it was ranked on, longer for a better rank relative to how many units
// were ranked, coloured by tier, labelled "第2/6".
func unitChart(res *rank.Result, unit, file string) (o *option, height int, ok bool) {
	var names []string
	var items []item
	labelW := 0
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		n := rankedCount(ind)
		for _, e := range ind.Entries {
			if e.Unit != unit || e.Rank == nil {
				continue
			}
			tag := fmt.Sprintf("%s/%d", text.Rank(e), n)
			labelW = max(labelW, textWidth(tag, 11))
			items = append(items, item{
				Name:      ind.Name + ":" + valueText(ind, e) + ind.Unit + "\n" + e.Why,
				Value:     data.Round(float64(n-*e.Rank+1)/float64(n)*100, 1),
				ItemStyle: tierColor(e.Tier),
				Label:     &opts.Label{Formatter: literal(tag)},
			})
			names = append(names, ind.Name)
		}
	}
	if len(items) == 0 {
		return nil, 0, false
	}
	top := 58
	o = newChart(unit+" · 各指标名次", "条越长名次越靠前 · 标签为名次/参与排名单位数", file)
	// Room for the longest label: "并列第4(倒数并列第3)/9" is twice "第2/6".
	o.Grid = margins(axisRoom(names, 12, 200), max(78, labelW+10), top, 4)
	o.XAxis = valueAxis(100)
	o.YAxis = categoryAxis(names, 12)
	// Long names (1平方公里以上片区改造完成投资额) wrap onto a second line
	// rather than lose their end: each row has room for two.
	o.YAxis[0].AxisLabel.Width, o.YAxis[0].AxisLabel.Overflow, o.YAxis[0].AxisLabel.LineHeight = px(200), "break", 13
	o.Series = []series{bars("名次", items, "30%", 11)}
	narrow := &option{
		YAxis: []yAxis{{AxisLabel: &axisLabel{Width: px(140), FontSize: 11}}},
		Grid:  []opts.Grid{{Left: strconv.Itoa(axisRoom(names, 11, 140))}},
	}
	return withMedia(o, narrow, narrowUnit), top + len(items)*unitChartRow + 12, true
}

// unitChartRow is the height (px) of a row of a unit's chart: two lines of its
// indicator's name.
const unitChartRow = 28

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
