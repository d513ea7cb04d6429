package rank

import "math"

// weightsOf returns each column's weight under the method. Given weights
// are 指标说明's as they are (their scale does not matter: the composite
// is a weighted mean); equal and entropy weights sum to 1. An indicator
// given weight 0 stays out of the composite under every method.
func weightsOf(cols []column, m WeightMethod) []float64 {
	w := make([]float64, len(cols))
	for i, c := range cols {
		w[i] = c.ind.Weight
	}
	switch m {
	case EqualWeights:
		return equalOver(w)
	case EntropyWeights:
		return entropy(cols, w)
	}
	return w
}

// equalOver gives every positive weight the same share.
func equalOver(w []float64) []float64 {
	n := 0
	for _, x := range w {
		if x > 0 {
			n++
		}
	}
	out := make([]float64, len(w))
	for i, x := range w {
		if x > 0 {
			out[i] = 1 / float64(n)
		}
	}
	return out
}

// entropy computes 熵权法 weights: on each indicator the reporters'
// values, scaled to 0–1 in its direction (best 1, worst 0), become shares
// p = y ÷ Σy; the entropy e = −Σ p·ln p ÷ ln n (0·ln 0 = 0) is 1 when the
// units do not differ and lower the more they do; the weight is
// (1 − e) ÷ Σ(1 − e). An indicator with one reporter or equal values has
// e = 1, weight 0. When no indicator differs the weights are equal.
func entropy(cols []column, given []float64) []float64 {
	d := make([]float64, len(cols))
	total := 0.0
	for i := range cols {
		if given[i] > 0 {
			d[i] = 1 - entropyOf(&cols[i])
			total += d[i]
		}
	}
	if total == 0 {
		return equalOver(given)
	}
	for i := range d {
		d[i] /= total
	}
	return d
}

// entropyOf is one indicator's entropy e, 0–1.
func entropyOf(c *column) float64 {
	best, worst := c.span()
	if c.n < 2 || best == worst {
		return 1
	}
	sum := 0.0
	for k, ok := range c.ok {
		if ok {
			sum += (c.key(k) - worst) / (best - worst)
		}
	}
	h := 0.0
	for k, ok := range c.ok {
		if !ok {
			continue
		}
		if p := (c.key(k) - worst) / (best - worst) / sum; p > 0 {
			h -= p * math.Log(p)
		}
	}
	// rounding can put e a hair above 1
	return min(h/math.Log(float64(c.n)), 1)
}

// shares scales weights to sum to 1 (all 0 stays 0).
func shares(w []float64) []float64 {
	total := 0.0
	for _, x := range w {
		total += x
	}
	out := make([]float64, len(w))
	if total > 0 {
		for i, x := range w {
			out[i] = x / total
		}
	}
	return out
}
