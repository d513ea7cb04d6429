package check

import (
	"fmt"
	"math"
	"strings"

	"shaipin/data"
)

// The unit mistakes the scale check looks for, and how far apart (largest
// over smallest) the other figures may be for a figure off by one to
// stand out.
//
// 100×: a percentage typed as a fraction (52.7 → 0.527) or into a cell
// formatted as a percentage (52.7 shown as 5270 %), a decimal point two
// places off. The others must agree within 4×: a column of ordinary
// spread that is wider (20 % ± 30 %) reaches near zero by chance, where
// 0.3 would read as 30 % typed as a fraction; and real columns of county
// amounts span 20× or more (需求金额 from 0.24 to 243.8 亿元 in the
// sample), where a figure 100× below the median may be true.
//
// 10,000×: 万元 for 亿元, 人 for 万人. No ordinary spread puts a figure
// 3,000× off, so the others may span up to 100× (amounts of 10 to 300 亿元).
var mistakes = []struct{ factor, span float64 }{{100, 4}, {10000, 100}}

const (
	// scaleCandidate: a figure at least this many times off the median
	// can be a mistake; closer, it is counted among the figures that agree.
	scaleCandidate = 30
	// minAgree: at least this many figures, and more than half of the
	// positive ones, must agree for the median to stand for the column.
	minAgree = 3
	// leeway: the figure undone by the mistake must land among the other
	// figures or beyond them by at most this factor (义乌's 68.5 亿元 is
	// 3.8× the next largest); a real 0.24 亿元 beside 10.4–243.8 would,
	// read as 万元, be 2,400 亿元: 10× the largest, not a mistake undone.
	leeway = 4
)

// scale questions a figure at least 30× off the column's median that,
// undone by one of the mistakes, would be an ordinary member of the
// column, when the other figures agree closely with each other. Only
// positive columns are checked: a ratio means nothing across zero.
func scale(c *column, es []entry, _ Options) []flag {
	var pos []float64
	for _, e := range es {
		if e.x() < 0 {
			return nil
		}
		if e.x() > 0 {
			pos = append(pos, e.x())
		}
	}
	m := median(pos)
	// The figures that agree, their range, and the most decimals any of
	// them was reported with (for the reason's median).
	agree := pos[:0] // pos is not used again
	lo, hi, prec := math.Inf(1), math.Inf(-1), 0
	for _, e := range es {
		if r := e.x() / m; r < scaleCandidate && r > 1.0/scaleCandidate {
			agree = append(agree, e.x())
			lo, hi, prec = min(lo, e.x()), max(hi, e.x()), max(prec, e.v.Decimals)
		}
	}
	if len(agree) < minAgree || 2*len(agree) <= len(pos) {
		return nil
	}
	mid := median(agree)
	var flags []flag
	for i, e := range es {
		if r := e.x() / m; e.x() <= 0 || (r < scaleCandidate && r > 1.0/scaleCandidate) {
			continue
		}
		if f := mistake(e.x(), mid, lo, hi); f > 0 {
			flags = append(flags, flag{i, scaleReason(c.ind, e, mid, prec, f)})
		}
	}
	return flags
}

// mistake returns the factor of the mistake that explains x among figures
// from lo to hi around mid: the one whose undoing lands x nearest mid when
// two would (1,000× off is either; the nearer wins); 0 when none does.
func mistake(x, mid, lo, hi float64) float64 {
	best, fit := 0.0, math.Inf(1)
	for _, mk := range mistakes {
		undone := x * mk.factor
		if x > mid {
			undone = x / mk.factor
		}
		if hi/lo > mk.span || undone < lo/leeway || undone > hi*leeway {
			continue
		}
		if d := math.Abs(math.Log(undone / mid)); d < fit {
			best, fit = mk.factor, d
		}
	}
	return best
}

// scaleReason names the likely mistake.
func scaleReason(ind *data.Indicator, e entry, m float64, prec int, factor float64) string {
	ratio := e.x() / m
	times := fmt.Sprintf("约为其 %.0f 倍", ratio)
	if ratio < 1 {
		times = fmt.Sprintf("约为其 1/%.0f", 1/ratio)
	}
	where := fmt.Sprintf("其他单位的中位数为 %s,该值%s", data.Fixed(m, prec), times)
	x := e.x()
	switch {
	case factor == 100 && ind.Unit == "%" && ratio < 1:
		pct := data.Fixed(x*100, max(e.v.Decimals-2, 0))
		return fmt.Sprintf("疑似把百分数填成了小数(%s%% 填成 %s):%s", pct, data.Fixed(x, e.v.Decimals), where)
	case factor == 100 && ind.Unit == "%":
		typed := data.Fixed(x/100, e.v.Decimals+2)
		return fmt.Sprintf("疑似在百分比格式的单元格里填了 %s(显示为 %s%%):%s", typed, data.Fixed(x, e.v.Decimals), where)
	case factor == 100:
		return fmt.Sprintf("数量级与其他单位不符,疑似小数点位置或计量单位有误:%s", where)
	}
	if other := swappedUnit(ind.Unit, ratio > 1); other != "" {
		return fmt.Sprintf("疑似单位为%s而非%s:%s", other, ind.Unit, where)
	}
	return fmt.Sprintf("数量级与其他单位不符,疑似计量单位有误(万与亿、元与万元都相差 10000 倍):%s", where)
}

// swappedUnit is the unit 10,000 times smaller (up) or larger than u that
// a figure was likely reported in: 亿元 → 万元 (up), 万人 → 人 (up),
// 万元 → 亿元 (down). "" when u has no such neighbour.
func swappedUnit(u string, up bool) string {
	switch {
	case up && strings.HasPrefix(u, "亿"):
		return "万" + strings.TrimPrefix(u, "亿")
	case up && strings.HasPrefix(u, "万") && len(u) > len("万"):
		return strings.TrimPrefix(u, "万")
	case !up && strings.HasPrefix(u, "万"):
		return "亿" + strings.TrimPrefix(u, "万")
	case !up && u != "" && (isCount(u) || u == "元"):
		return "万" + u
	}
	return ""
}
