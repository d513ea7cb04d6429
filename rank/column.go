package rank

import "shaipin/data"

// column is one ranked indicator made ready for the composite: each
// unit's value at the precision the indicator is ranked at (so units tied
// on the indicator get the same points), and whether it reported one.
type column struct {
	pos  int // index in the period's indicators
	ind  *data.Indicator
	x    []float64 // per unit; 0 where not reported
	ok   []bool
	n    int     // units that reported
	sign float64 // +1 when higher is better, −1 when lower is
}

// columns returns the period's ranked indicators that some unit reported
// on: the indicators ranked this period, which the composite is made of.
func columns(p *data.Period) []column {
	var out []column
	for i, ind := range p.Indicators {
		if !ind.Ranked {
			continue
		}
		c := column{pos: i, ind: ind, x: make([]float64, len(p.Units)), ok: make([]bool, len(p.Units)), sign: 1}
		if ind.Direction == data.Lower {
			c.sign = -1
		}
		prec := ind.Precision()
		for k, v := range ind.Values {
			if !v.OK {
				continue
			}
			c.x[k], c.ok[k] = v.Number, true
			if v.Decimals > prec {
				c.x[k] = data.Round(v.Number, prec)
			}
			c.n++
		}
		if c.n > 0 {
			out = append(out, c)
		}
	}
	return out
}

// key is unit k's value oriented so that larger is better.
func (c *column) key(k int) float64 { return c.sign * c.x[k] }

// span returns the best and worst oriented values of the reporters.
func (c *column) span() (best, worst float64) {
	first := true
	for k, ok := range c.ok {
		if !ok {
			continue
		}
		y := c.key(k)
		if first {
			best, worst, first = y, y, false
			continue
		}
		best, worst = max(best, y), min(worst, y)
	}
	return best, worst
}
