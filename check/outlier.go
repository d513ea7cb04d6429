package check

import (
	"fmt"
	"math"

	"shaipin/data"
)

const (
	// madScale turns the median absolute deviation into an estimate of the
	// standard deviation of normal data: 1 / Φ⁻¹(3/4).
	madScale = 1.4826
	// meanADScale does the same for the mean absolute deviation from the
	// median: √(π/2).
	meanADScale = 1.2533
	// minOutlierValues: with fewer figures the MAD of a column is too
	// unstable to measure distance by (of 5 normal figures, 1 in 9 has one
	// 5 MADs out).
	minOutlierValues = 8
)

// outlierThreshold is the distance, in robust standard deviations, beyond
// which a figure is questioned among n figures: 5.5 + 250/n (30.5 at 10
// units, 8.3 at 90, 5.6 at 2,844). A fixed 5 would question one column in
// 28 of ten normal figures, because the MAD of ten figures is often small
// by chance; simulating a million normal columns for each n, the largest
// distance exceeds 5 + 250/n in fewer than 1 in 10,000 (its 99.99th
// percentile: 27 at n=8, 20 at n=10, 13 at n=15, 7.9 at n=30, 5.9 at
// n=90). The extra 0.5 holds the rate there at national scale, where
// 2,844 figures give a normal column 2,844 chances to reach 5 by chance.
func outlierThreshold(n int) float64 { return 5.5 + 250/float64(n) }

// outliers questions figures far from the column's median in robust
// standard deviations: 1.4826 × MAD, or 1.2533 × the mean absolute
// deviation when that is larger. The MAD alone collapses when most units
// report the same figure — six 整改率 of 100 and one of 67.6 would put
// 67.6 fifty MADs out — and the mean deviation does not; a single wrong
// figure raises it by only 1/n of its distance, so among many units it
// still stands out. Distances are measured on the scale the column's
// figures spread evenly on (see measureOf).
func outliers(c *column, es []entry, opts Options) []flag {
	if len(es) < minOutlierValues {
		return nil
	}
	xs := numbers(es)
	on := measureOf(c.ind.Unit, xs)
	for i, x := range xs {
		xs[i] = on.apply(x)
	}
	m := median(xs)
	s := max(madScale*mad(xs, m), meanADScale*meanAD(xs, m))
	if !(s > 0) {
		return nil
	}
	limit := outlierThreshold(len(xs))
	if opts.OutlierZ > 0 {
		limit = opts.OutlierZ
	}
	var flags []flag
	for i, x := range xs {
		if z := math.Abs(x-m) / s; z > limit {
			reason := fmt.Sprintf("明显偏离其他单位:本列中位数 %s,%s该值偏离中位数 %.1f 个稳健标准差(%d 个数值时阈值为 %.1f),请核实",
				data.Fixed(on.undo(m), c.ind.Precision()), on.label(), z, len(xs), limit)
			flags = append(flags, flag{i, reason})
		}
	}
	return flags
}

// measure is the scale a column's distances are measured on.
type measure int

const (
	linear measure = iota
	// root: counts (个, 宗, 人) spread like Poisson counts, whose variance
	// grows with the mean; on Anscombe's square-root scale, √(x + 3/8),
	// they spread evenly, so among 2,844 counties a 0 where most have 10
	// is not far out.
	root
	// logarithmic: money and areas spread by factors (a large county's
	// investment is ten times a small one's); on a log scale that is
	// ordinary spread.
	logarithmic
)

// measureOf picks the measure for a column of the unit: root for counts
// and log for other sizes, when the figures allow it.
func measureOf(unit string, xs []float64) measure {
	on := linear
	switch {
	case isCount(base(unit)):
		on = root
	case isSize(unit):
		on = logarithmic
	}
	for _, x := range xs {
		if x < 0 || (x == 0 && on == logarithmic) {
			return linear
		}
	}
	return on
}

func (on measure) apply(x float64) float64 {
	switch on {
	case root:
		return math.Sqrt(x + 0.375)
	case logarithmic:
		return math.Log10(x)
	}
	return x
}

func (on measure) undo(y float64) float64 {
	switch on {
	case root:
		return y*y - 0.375
	case logarithmic:
		return math.Pow(10, y)
	}
	return y
}

// label names the measure in a reason: "按对数计,".
func (on measure) label() string {
	switch on {
	case root:
		return "按平方根计,"
	case logarithmic:
		return "按对数计,"
	}
	return ""
}
