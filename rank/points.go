package rank

import "math"

// TargetCap is the most a unit can score on one indicator under 目标值法:
// 120 % of the target. Beyond it one runaway figure would outweigh several
// indicators; 120 still rewards doing better than the target.
const TargetCap = 1.2

// pointsOf computes every reporter's points (0–100, 目标值法 0–120) on one
// indicator into out, in the indicator's direction, and returns the lowest
// (what a missing value counts as under Last). Units that did not report
// are left alone. target is used by 目标值法 only and is > 0. Equal
// values get equal points; a single reporter or a column of equal values
// never divides by zero.
func pointsOf(c *column, m ScoreMethod, ties TieMode, target float64, out []float64) (lowest float64) {
	switch m {
	case RankPoints:
		rankPoints(c, ties, out)
	case ZScore:
		zPoints(c, out)
	case Target:
		targetPoints(c, target, out)
	default:
		floor, scale := 0.0, 100.0 // minmax: 0–100
		if m == Efficacy {
			floor, scale = 60, 40 // 功效系数法: 60–100
		}
		best, worst := c.span()
		for k, ok := range c.ok {
			if !ok {
				continue
			}
			s := floor + scale
			if best != worst {
				s = floor + (c.key(k)-worst)/(best-worst)*scale
			}
			out[k] = s
		}
	}
	lowest = math.Inf(1)
	for k, ok := range c.ok {
		if ok {
			lowest = min(lowest, out[k])
		}
	}
	return lowest
}

// rankPoints gives (n − rank) / (n − 1) × 100, rank by the tie rule.
func rankPoints(c *column, ties TieMode, out []float64) {
	idx := make([]int, 0, c.n)
	keys := make([]float64, 0, c.n)
	for k, ok := range c.ok {
		if ok {
			idx = append(idx, k)
			keys = append(keys, c.key(k))
		}
	}
	_, pl := place(keys, ties)
	n := len(keys)
	for i, k := range idx {
		s := 100.0
		if n > 1 {
			s = float64(n-pl[i].rank) / float64(n-1) * 100
		}
		out[k] = s
	}
}

// zPoints gives 50 + 10 × z, z = (x − mean) / standard deviation over the
// reporters (population form: the units are all there is), kept in 0–100.
func zPoints(c *column, out []float64) {
	var sum float64
	for k, ok := range c.ok {
		if ok {
			sum += c.key(k)
		}
	}
	mean := sum / float64(c.n)
	var ss float64
	for k, ok := range c.ok {
		if ok {
			d := c.key(k) - mean
			ss += d * d
		}
	}
	sd := math.Sqrt(ss / float64(c.n))
	if best, worst := c.span(); best == worst {
		sd = 0 // the mean of equal values may differ from them in the last bit
	}
	for k, ok := range c.ok {
		if !ok {
			continue
		}
		s := 50.0
		if sd > 0 {
			s = 50 + 10*(c.key(k)-mean)/sd
		}
		out[k] = min(max(s, 0), 100)
	}
}

// targetPoints gives value ÷ target × 100 (target ÷ value when lower is
// better), between 0 and TargetCap × 100. A lower-is-better value of 0 or
// less is as good as it gets.
func targetPoints(c *column, target float64, out []float64) {
	for k, ok := range c.ok {
		if !ok {
			continue
		}
		x := c.x[k]
		r := TargetCap
		switch {
		case c.sign > 0:
			r = x / target
		case x > 0:
			r = target / x
		}
		out[k] = min(max(r, 0), TargetCap) * 100
	}
}
