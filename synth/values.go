package synth

import (
	"fmt"
	"math/rand"
	"strings"

	"shaipin/data"
)

// Shares of cells that are not plain numbers, as offices send them.
const (
	blankShare  = 0.015 // missing, left blank
	unsentShare = 0.015 // missing, typed 未报送
	textShare   = 0.02  // of reported figures: typed as text (52.7%, 1,234.5)
)

// note is the row under every table.
const note = "注:1.数据由各地报送,未报送的单位不参与排名;2.本表为合成数据,仅用于性能测试。"

// book is one period's workbook: the period and how each cell is typed.
type book struct {
	p      *data.Period
	typing map[*data.Indicator][]data.Typing
}

// book draws the figures of period m. A unit's strength is the same every
// month, so ranks move a little from month to month, not at random.
func (g *generator) book(m int) *book {
	r := rand.New(rand.NewSource(g.seed*1000 + int64(m)))
	when := data.NewMonth(2021+m/12, m%12+1)
	p := &data.Period{Month: when, Units: g.units,
		Title:  fmt.Sprintf("%s%s晒拼指标排名(合成数据)", g.area(), when.Label()),
		Source: fmt.Sprintf("合成数据:shaipin synth %s 按种子 %d 生成,不是真实数据", Version, g.seed)}
	b := &book{p: p, typing: map[*data.Indicator][]data.Typing{}}
	for _, pl := range g.plans {
		ind := pl.indicator(len(g.units))
		types := make([]data.Typing, len(g.units))
		for k := range g.units {
			switch x := r.Float64(); {
			case x < blankShare:
			case x < blankShare+unsentShare:
				types[k] = data.TypeText
			default:
				ind.Values[k] = pl.m.value(g.strength[k], r.Float64())
				if r.Float64() < textShare {
					types[k] = data.TypeText
				}
			}
		}
		p.Indicators = append(p.Indicators, ind)
		b.typing[ind] = types
	}
	return b
}

// options types the cells as drawn and adds the total and note rows.
func (b *book) options(total string) data.FormOptions {
	return data.FormOptions{
		Typing: func(ind *data.Indicator, k int) data.Typing { return b.typing[ind][k] },
		Total:  &data.TotalRow{Label: total, Value: totalOf},
		Note:   note,
	}
}

// value is a unit's figure: mostly its strength, partly this month's luck;
// on a lower-is-better measure the strong units have the low figures.
func (m measure) value(strength, luck float64) data.Value {
	q := 0.6*strength + 0.4*luck
	if m.lower {
		q = 1 - q
	}
	return figure(m.lo+(m.hi-m.lo)*q, m.decimals)
}

// totalOf is the total row's figure: the mean of rates and scores, the sum
// of amounts and counts.
func totalOf(ind *data.Indicator) data.Value {
	sum, n := 0.0, 0
	for _, v := range ind.Values {
		if v.OK {
			sum += v.Number
			n++
		}
	}
	if n == 0 {
		return data.Value{}
	}
	if ind.Unit == "%" || ind.Unit == "分" {
		sum /= float64(n)
	}
	return figure(sum, ind.Decimals)
}

// figure is v rounded to d decimals, with the decimals Excel's General
// format shows for it (52.70 shows as 52.7), which is what reads back.
func figure(v float64, d int) data.Value {
	n := data.Round(v, d)
	s := data.Fixed(n, d)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	dec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec = len(s) - i - 1
	}
	return data.Value{OK: true, Number: n, Decimals: dec}
}
