package check

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"shaipin/data"
)

// jinhua are the ten units of the domain primer, in their usual order.
var jinhua = []string{"婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县", "金华开发区"}

// col is a test column: its figures as typed, "" for not reported.
type col struct {
	name, unit   string
	figs         string // space-separated; "-" for not reported
	lower, upper data.Limit
	unranked     bool
}

// period builds the period 2022-MM from cols: one sheet 城市更新, units in
// column A from row 3, indicator j in column B+j, as a wide table reads.
func period(t testing.TB, month int, cols ...col) *data.Period {
	t.Helper()
	p := &data.Period{Month: data.NewMonth(2022, month), File: fmt.Sprintf("2022-%02d.xlsx", month)}
	for j, c := range cols {
		figs := strings.Fields(c.figs)
		for len(p.Units) < len(figs) {
			p.Units = append(p.Units, unitName(len(p.Units)))
		}
		ind := &data.Indicator{Name: c.name, Group: "城市更新", Unit: c.unit, Direction: data.Higher, Weight: 1,
			Decimals: -1, Ranked: !c.unranked, Sheet: "城市更新", Lower: c.lower, Upper: c.upper}
		for k, s := range figs {
			if s == "-" {
				ind.Values = append(ind.Values, data.Value{})
				continue
			}
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("figure %q: %v", s, err)
			}
			dec := 0
			if i := strings.IndexByte(s, '.'); i >= 0 {
				dec = len(s) - i - 1
			}
			ind.Values = append(ind.Values, data.Value{OK: true, Number: x, Decimals: dec,
				Cell: fmt.Sprintf("城市更新!%c%d", 'B'+j, k+3)})
		}
		p.Indicators = append(p.Indicators, ind)
	}
	for _, ind := range p.Indicators {
		for len(ind.Values) < len(p.Units) {
			ind.Values = append(ind.Values, data.Value{})
		}
	}
	return p
}

func unitName(k int) string {
	if k < len(jinhua) {
		return jinhua[k]
	}
	return fmt.Sprintf("单位%d", k+1)
}

// kinds lists the findings as "kind@cell unit" for comparing.
func kinds(fs Findings) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%s%s", f.Kind, f.Cell, strings.Join(f.Units, ",")))
	}
	return out
}
