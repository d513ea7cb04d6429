package check

import (
	"math"
	"sort"
)

// median of xs, which it does not modify; NaN when xs is empty.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// mad is the median absolute deviation of xs from m.
func mad(xs []float64, m float64) float64 {
	d := make([]float64, len(xs))
	for i, x := range xs {
		d[i] = math.Abs(x - m)
	}
	return median(d)
}

// meanAD is the mean absolute deviation of xs from m.
func meanAD(xs []float64, m float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += math.Abs(x - m)
	}
	return sum / float64(len(xs))
}

// skewKurt returns skewness and excess kurtosis as COINr computes them
// (its skew and kurt, taken from e1071 type 2; the same as Excel's SKEW
// and KURT), so the JRC thresholds mean what they mean there:
//
//	G1 = √n·Σd³ / (Σd²)^1.5 · √(n(n−1)) / (n−2)
//	G2 = ((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3)),  r = n·Σd⁴ / (Σd²)²
//
// with d = x − mean. ok is false below 4 values or without spread.
func skewKurt(xs []float64) (skew, kurt float64, ok bool) {
	n := float64(len(xs))
	if len(xs) < 4 {
		return 0, 0, false
	}
	mean, lo, hi := 0.0, xs[0], xs[0]
	for _, x := range xs {
		mean += x
		lo, hi = min(lo, x), max(hi, x)
	}
	if lo == hi {
		return 0, 0, false // no spread (and no rounding noise taken for one)
	}
	mean /= n
	var s2, s3, s4 float64
	for _, x := range xs {
		d := x - mean
		s2 += d * d
		s3 += d * d * d
		s4 += d * d * d * d
	}
	if !finite(s4) {
		return 0, 0, false
	}
	skew = math.Sqrt(n) * s3 / math.Pow(s2, 1.5) * math.Sqrt(n*(n-1)) / (n - 2)
	r := n * s4 / (s2 * s2)
	kurt = ((n+1)*(r-3) + 6) * (n - 1) / ((n - 2) * (n - 3))
	return skew, kurt, true
}
