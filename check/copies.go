package check

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"shaipin/data"
)

// minCopied: a copy is claimed only over at least this many figures.
const minCopied = 3

// duplicates reports a column identical, unit by unit, to an earlier
// column of the same period: the same units reported, every figure equal.
func duplicates(cols []*column) Findings {
	var out Findings
	first := map[string]*column{}
	for _, c := range cols {
		if !telling(c.entries, true) {
			continue
		}
		sig := signature(c.entries)
		a, dup := first[sig]
		if !dup {
			first[sig] = c
			continue
		}
		out = append(out, c.whole(DuplicateColumn, nil, fmt.Sprintf(
			"与指标「%s」(%s)各单位数值完全相同(%d 个),疑似复制了错误的列",
			label(a.ind, c.ind), span(a.entries), len(c.entries))))
	}
	return out
}

// stale reports a column identical to the same indicator's column in prev:
// the same units reported, every figure unchanged.
func stale(cols []*column, prev *data.Period) Findings {
	before := map[string]*data.Indicator{}
	for _, ind := range prev.Indicators {
		before[ind.Key()] = ind
	}
	at := make(map[string]int, len(prev.Units)) // unit → position in prev
	for k, u := range prev.Units {
		at[u] = k
	}
	var out Findings
	for _, c := range cols {
		old := before[c.ind.Key()]
		if old == nil || len(old.Values) != len(prev.Units) || !telling(c.entries, false) || !unchanged(c, old, at) {
			continue
		}
		out = append(out, c.whole(Stale, nil, fmt.Sprintf(
			"与上期(%s)各单位数值完全相同(%d 个),疑似沿用了上期数据;如本期确无变化可忽略",
			prev.Month.Label(), len(c.entries))))
	}
	return out
}

// unchanged reports whether old, the column's indicator in the previous
// period (units at their positions at), has the same units reported with
// the same figures.
func unchanged(c *column, old *data.Indicator, at map[string]int) bool {
	reported := 0
	for _, v := range old.Values {
		if v.OK && finite(v.Number) {
			reported++
		}
	}
	if reported != len(c.entries) {
		return false
	}
	for _, e := range c.entries {
		k, ok := at[e.unit]
		if !ok || !old.Values[k].OK || old.Values[k].Number != e.x() {
			return false
		}
	}
	return true
}

// telling reports whether figures are enough to call two columns copies
// rather than a coincidence: at least 3, not all equal (a column of 100s
// is legitimately constant), and at least one with decimals — two columns
// of 17.81, 52.7… never agree by chance. Whole numbers can: within one
// period two counts of 5 or more units agree by chance only with at least
// 3 different figures (sameTime); across months, a count such as 承担
// 省级试点应用数 often stands still, so whole numbers never tell.
func telling(es []entry, sameTime bool) bool {
	if len(es) < minCopied {
		return false
	}
	var seen [3]float64 // the first different figures: 3 are all it takes
	distinct, fraction := 0, false
	for _, e := range es {
		fraction = fraction || e.x() != math.Trunc(e.x())
		if distinct < len(seen) && !slices.Contains(seen[:distinct], e.x()) {
			seen[distinct] = e.x()
			distinct++
		}
	}
	switch {
	case distinct < 2:
		return false
	case fraction:
		return true
	}
	return sameTime && len(es) >= 5 && distinct >= 3
}

// signature identifies a column's reported figures unit by unit.
func signature(es []entry) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(e.unit)
		b.WriteByte('=')
		b.WriteString(strconv.FormatFloat(e.x(), 'g', -1, 64))
		b.WriteByte(';')
	}
	return b.String()
}

// label names indicator a to a reader of b: by name, with its group when
// the names are the same.
func label(a, b *data.Indicator) string {
	if a.Name == b.Name {
		return a.Group + "·" + a.Name
	}
	return a.Name
}
