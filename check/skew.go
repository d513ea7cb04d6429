package check

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"shaipin/data"
)

// The OECD/JRC Handbook on Constructing Composite Indicators treats an
// indicator whose distribution would distort min-max scores; COINr (the
// JRC's R package, check_SkewKurt) fails a column when both hold:
const (
	skewLimit = 2.0 // |skewness| ≥ 2
	kurtLimit = 3.5 // excess kurtosis ≥ 3.5
	// winMax: COINr winsorises at most 5 figures to bring a column back
	// within the limits; the figures it winsorises are the ones driving it.
	winMax = 5
	// minSkewValues: below 6 figures one figure apart always fails the
	// test (1 in 50 normal columns of 5).
	minSkewValues = 6
	// minRestDistinct: the figures not driving the column must take at
	// least 3 different values. When they are nearly all the same (counts
	// of 3, 3, 3, 3, 3 and a 4) every figure apart drives the test, and
	// min-max scores say no more than who differs.
	minRestDistinct = 3
)

// squeezeLimit is how narrow the band of the other units' min-max scores
// must be, as a share of the 0–100 scale, for a failing column to be
// reported: 0.04·(n−5), at most 0.2 (a fifth from 10 figures on). At 10
// figures COINr's test alone fails one normal column in 160: one figure
// 2.5 standard deviations out is enough. Requiring that the figures
// driving it also squeeze the others into a fifth of the scale leaves
// 1 in 30,000; fewer figures need a narrower band to stay below 1 in
// 10,000 (simulated, two million normal columns per n from 6 to 20).
// The band is what the meeting sees: one unit at 100, the rest within
// 0–20.
func squeezeLimit(n int) float64 { return min(0.2, 0.04*float64(n-5)) }

// skew reports a column that fails the JRC test, naming the units whose
// figures drive it and the band the others' min-max scores are squeezed
// into.
func skew(c *column, es []entry) *Finding {
	if len(es) < minSkewValues {
		return nil
	}
	xs := numbers(es)
	g1, g2, ok := skewKurt(xs)
	if !ok || !fails(g1, g2) {
		return nil
	}
	driver := winsorise(xs)
	lo, hi := math.Inf(1), math.Inf(-1)
	olo, ohi := math.Inf(1), math.Inf(-1)
	var units, named []string
	rest := map[float64]bool{}
	for i, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
		if driver[i] {
			units = append(units, es[i].unit)
			named = append(named, fmt.Sprintf("%s(%s)", es[i].unit, data.Fixed(x, es[i].v.Decimals)))
			continue
		}
		olo, ohi = min(olo, x), max(ohi, x)
		rest[x] = true
	}
	band := (ohi - olo) / (hi - lo)
	if len(rest) < minRestDistinct || band > squeezeLimit(len(xs)) {
		return nil
	}
	from, to := score(olo, lo, hi, c.ind.Direction), score(ohi, lo, hi, c.ind.Direction)
	if from > to {
		from, to = to, from
	}
	scores := fmt.Sprintf("挤在 %.0f—%.0f 分之间", from, to)
	if math.Round(from) == math.Round(to) {
		scores = fmt.Sprintf("都约为 %.0f 分", from)
	}
	reason := fmt.Sprintf("本列分布严重偏斜(偏度 %.2f、峰度 %.2f,达到 |偏度|≥2 且峰度≥3.5 的标准),主要由 %s 造成:"+
		"按最小-最大法计分,其余 %d 个单位的得分%s。请核实这些数值;如无误,可考虑按名次计分(--score rank)",
		g1, g2, strings.Join(named, "、"), len(xs)-len(units), scores)
	return c.whole(Skew, units, reason)
}

func fails(g1, g2 float64) bool { return math.Abs(g1) >= skewLimit && g2 >= kurtLimit }

// winsorise marks the figures COINr would winsorise: while the column
// fails, the most extreme figure on the side of the skew (all figures
// tied with it) takes the value of the next one; at most winMax figures.
func winsorise(xs []float64) []bool {
	w := append([]float64(nil), xs...)
	driver := make([]bool, len(xs))
	for n := 0; n < winMax; {
		g1, g2, ok := skewKurt(w)
		if !ok || !fails(g1, g2) {
			break
		}
		s := append([]float64(nil), w...)
		sort.Float64s(s)
		ext, next := s[len(s)-1], math.Inf(-1)
		if g1 < 0 {
			ext, next = s[0], math.Inf(1)
		}
		for _, x := range s {
			if x != ext && (g1 >= 0 && x > next || g1 < 0 && x < next) {
				next = x
			}
		}
		for i, x := range w {
			if x == ext {
				w[i] = next
				driver[i] = true
				n++
			}
		}
	}
	return driver
}

// score is x's min-max score, 0–100, on an indicator of the direction.
func score(x, lo, hi float64, d data.Direction) float64 {
	s := (x - lo) / (hi - lo) * 100
	if d == data.Lower {
		return 100 - s
	}
	return s
}
