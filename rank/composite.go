package rank

import (
	"fmt"
	"math"

	"shaipin/data"
)

// scorer is a period made ready for composite scores: its columns, the
// weights used and, under 目标值法, each indicator's target. The points of
// a method do not depend on the weights, so the robustness draws compute
// them once and only re-weight.
type scorer struct {
	units   int
	cols    []column
	w       []float64 // weights used, per column
	target  []float64 // 目标值法: the target of each column (> 0)
	source  []string  // 目标值法: where the target came from
	ties    TieMode
	counted []int     // per unit: ranked indicators reported
	cover   []float64 // per unit: share of the weight reported
}

// Where a 目标值法 target comes from.
const (
	fromTarget   = "目标值"
	fromSchedule = "时序进度"
	fromBest     = "最优值"
	noTarget     = "无法计算(目标不大于 0),不计入综合得分"
)

// newScorer prepares the composite of p under o (resolved).
func newScorer(p *data.Period, o Options) (*scorer, error) {
	sc := &scorer{units: len(p.Units), cols: columns(p), ties: o.Ties}
	sc.w = weightsOf(sc.cols, o.Weights)
	if o.Score == Target {
		sc.targets(p.Month)
	}
	total := 0.0
	for _, x := range sc.w {
		total += x
	}
	if total == 0 && len(sc.cols) > 0 {
		if o.Score == Target {
			return nil, fmt.Errorf("%w:目标值法没有可计分的指标(目标值须大于 0)", ErrOptions)
		}
		return nil, data.ErrZeroWeights
	}
	sc.counted = make([]int, sc.units)
	sc.cover = make([]float64, sc.units)
	for i, c := range sc.cols {
		for k, ok := range c.ok {
			if ok {
				sc.counted[k]++
				sc.cover[k] += sc.w[i] / total
			}
		}
	}
	return sc, nil
}

// targets finds each column's target: 目标值; else, for an indicator
// compared with 时序进度, the 时序进度 as shown (41.67 for May); else the
// best value reported. A column whose target is not above 0 cannot be
// scored by a ratio and gets weight 0.
func (sc *scorer) targets(month data.Month) {
	sc.target = make([]float64, len(sc.cols))
	sc.source = make([]string, len(sc.cols))
	share, hasShare := scheduleTarget(month)
	for i := range sc.cols {
		c := &sc.cols[i]
		var t float64
		var src string
		switch {
		case c.ind.Target != nil:
			t, src = *c.ind.Target, fromTarget
		case c.ind.Schedule && hasShare:
			t, src = share, fromSchedule
		default:
			best, _ := c.span()
			t, src = c.sign*best, fromBest
		}
		if t <= 0 {
			sc.w[i], src = 0, noTarget
		}
		sc.target[i], sc.source[i] = t, src
	}
}

// points holds one method's points on every column, [column][unit], and
// each column's lowest points.
type points struct {
	s      [][]float64
	lowest []float64
}

// points computes a method's points (not TOPSIS: it does not add up).
func (sc *scorer) points(m ScoreMethod) *points {
	pt := &points{s: make([][]float64, len(sc.cols)), lowest: make([]float64, len(sc.cols))}
	for i := range sc.cols {
		t := 0.0
		if sc.target != nil {
			t = sc.target[i]
		}
		pt.s[i] = make([]float64, sc.units)
		if m == Target && t <= 0 {
			continue // weight 0: never counted
		}
		pt.lowest[i] = pointsOf(&sc.cols[i], m, sc.ties, t, pt.s[i])
	}
	return pt
}

// scores computes every unit's composite under the method and policy with
// weights w into score; has[k] is false for a unit with no weight counted.
func (sc *scorer) scores(pt *points, m ScoreMethod, w []float64, policy MissingPolicy, score, wsum []float64, has []bool) {
	if m == TOPSIS {
		sc.topsis(w, policy, score, wsum)
	} else {
		sc.weightedMean(pt, w, policy, score, wsum)
	}
	for k := range has {
		has[k] = sc.counted[k] > 0 && wsum[k] > 0
	}
}

// weightedMean is Σ w·points ÷ Σ w over the indicators that count for the
// unit: those it reported, and under Last or Zero also the others, at the
// indicator's lowest points or at 0.
func (sc *scorer) weightedMean(pt *points, w []float64, policy MissingPolicy, sum, wsum []float64) {
	clear(sum)
	clear(wsum)
	for i := range sc.cols {
		wi, s, ok := w[i], pt.s[i], sc.cols[i].ok
		fill := 0.0
		if policy == Last {
			fill = pt.lowest[i]
		}
		for k := range sum {
			switch {
			case ok[k]:
				sum[k] += wi * s[k]
				wsum[k] += wi
			case policy != Skip:
				sum[k] += wi * fill
				wsum[k] += wi
			}
		}
	}
	for k := range sum {
		if wsum[k] > 0 {
			sum[k] /= wsum[k]
		}
	}
}

// topsis scores closeness to the ideal × 100. Each column is divided by
// the root of its reporters' sum of squares and multiplied by its weight;
// the ideal takes each column's best, the anti-ideal its worst; a unit's
// score is D⁻ ÷ (D⁺ + D⁻), D the Euclidean distances. A missing value is
// left out (Skip) or placed at the worst (Last and Zero: TOPSIS has no
// points, so 0 points means the worst). When D⁺ + D⁻ is 0 (nothing
// differs) the score is 100. wsum receives the weight counted.
func (sc *scorer) topsis(w []float64, policy MissingPolicy, score, wsum []float64) {
	plus := make([]float64, sc.units)
	minus := make([]float64, sc.units)
	clear(wsum)
	for i := range sc.cols {
		c := &sc.cols[i]
		norm := 0.0
		for k, ok := range c.ok {
			if ok {
				norm += c.x[k] * c.x[k]
			}
		}
		norm = math.Sqrt(norm)
		v := func(k int) float64 {
			if norm == 0 {
				return 0
			}
			return w[i] * c.key(k) / norm
		}
		best, worst := math.Inf(-1), math.Inf(1)
		for k, ok := range c.ok {
			if ok {
				best, worst = max(best, v(k)), min(worst, v(k))
			}
		}
		for k, ok := range c.ok {
			vk := worst
			switch {
			case ok:
				vk = v(k)
			case policy == Skip:
				continue
			}
			plus[k] += (vk - best) * (vk - best)
			minus[k] += (vk - worst) * (vk - worst)
			wsum[k] += w[i]
		}
	}
	for k := range score {
		dp, dm := math.Sqrt(plus[k]), math.Sqrt(minus[k])
		score[k] = 100
		if dp+dm > 0 {
			score[k] = dm / (dp + dm) * 100
		}
	}
}
