// Package check questions figures that read cleanly but are probably
// wrong: a percentage typed as a fraction, a figure in 万元 in a column of
// 亿元, a value far from every other unit's, a column whose spread distorts
// min-max scores, an impossible value, a column copied from another one or
// from last month. Each finding is a warning at a cell, with its reason in
// Chinese; docs/checks.md states every rule, its threshold and why.
// Pure and deterministic; no I/O.
package check

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"shaipin/data"
)

// Kind says which check a finding comes from.
type Kind string

// The checks, in the order they run on a column: a cell questioned by one
// is not questioned again by the next.
const (
	Scale           Kind = "scale"            // about 100× or 10,000× off the column
	Impossible      Kind = "impossible"       // below 0, above 100 %, a fractional count, outside 下限/上限
	Outlier         Kind = "outlier"          // far from the median in robust standard deviations
	Skew            Kind = "skew"             // a column that distorts min-max scores (JRC/COINr)
	DuplicateColumn Kind = "duplicate-column" // identical to another indicator's column
	Stale           Kind = "stale"            // identical to the previous period's column
)

// Kinds lists every kind in the order the checks run.
var Kinds = []Kind{Scale, Impossible, Outlier, Skew, DuplicateColumn, Stale}

// Label is the kind's name for people, as the 数据核查 tables show it.
func (k Kind) Label() string {
	switch k {
	case Impossible:
		return "不可能的值"
	case Scale:
		return "数量级不符"
	case Outlier:
		return "明显偏离"
	case Skew:
		return "分布偏斜"
	case DuplicateColumn:
		return "重复列"
	case Stale:
		return "沿用上期"
	}
	return string(k)
}

// Options tune the checks. The zero value runs every check with the
// default thresholds, which are calibrated not to warn on ordinary data.
type Options struct {
	// Skip turns the listed checks off.
	Skip []Kind
	// OutlierZ, when above 0, replaces the outlier threshold (in robust
	// standard deviations) that otherwise depends on the number of values.
	OutlierZ float64
}

func (o Options) on(k Kind) bool { return !slices.Contains(o.Skip, k) }

// Dataset runs every check on every period of ds, the stale-copy check
// comparing each period with the one before it. Findings are sorted by
// position: file, sheet, cell.
func Dataset(ds *data.Dataset, opts Options) Findings {
	if ds == nil {
		return nil
	}
	prevs := make([]*data.Period, len(ds.Periods))
	for i := 1; i < len(ds.Periods); i++ {
		prevs[i] = ds.Periods[i-1]
	}
	return newRun(ds.Periods, opts).periods(ds.Periods, prevs)
}

// Period runs every check on one period; prev, when not nil, is the period
// before it, for the stale-copy check.
func Period(p, prev *data.Period, opts Options) Findings {
	if p == nil {
		return nil
	}
	return newRun([]*data.Period{prev, p}, opts).periods([]*data.Period{p}, []*data.Period{prev})
}

// run holds what the checks of one call share; it is only read.
type run struct {
	opts   Options
	sheets map[string][]string // file → its data sheets in order, for sorting
}

func newRun(ps []*data.Period, opts Options) *run {
	r := &run{opts: opts, sheets: map[string][]string{}}
	for _, p := range ps {
		if p == nil {
			continue
		}
		for _, ind := range p.Indicators {
			if s := r.sheets[p.File]; !slices.Contains(s, ind.Sheet) {
				r.sheets[p.File] = append(s, ind.Sheet)
			}
		}
	}
	return r
}

// periods checks each ranked indicator's column of each period, then
// each period's columns against each other and against the period before
// it (prevs[i], or nil), and returns the findings sorted. A period's
// columns are checked side by side (300 at national scale), each into its
// own list; joined in order, the lists sort as one list made in turn
// would. One period's columns are held at a time.
func (r *run) periods(ps, prevs []*data.Period) Findings {
	var out Findings
	for i, p := range ps {
		var cols []*column
		for _, ind := range p.Indicators {
			if ind.Ranked && len(ind.Values) == len(p.Units) {
				cols = append(cols, r.newColumn(p, ind))
			}
		}
		byColumn := make([]Findings, len(cols))
		parallel(len(cols), func(j int) { byColumn[j] = r.column(cols[j]) })
		for _, fs := range byColumn {
			out = append(out, fs...)
		}
		out = append(out, r.across(cols, prevs[i])...)
	}
	out.sort()
	return out
}

// across checks a period's columns against each other and against prev.
func (r *run) across(cols []*column, prev *data.Period) Findings {
	var out Findings
	if r.opts.on(DuplicateColumn) {
		out = append(out, duplicates(cols)...)
	}
	if prev != nil && r.opts.on(Stale) {
		out = append(out, stale(cols, prev)...)
	}
	return out
}

// parallel calls do(0) … do(n−1) on every core; each call writes only
// its own slot, so the result does not depend on scheduling.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}

// cellCheck questions some of a column's entries: it returns, for each
// questioned entry, its index in es and the reason.
type cellCheck func(c *column, es []entry, opts Options) []flag

type flag struct {
	i      int
	reason string
}

// column runs the per-cell checks in turn, each on the entries the
// previous ones left alone, then the skew check on what remains: a value
// already questioned should not also be blamed for the column's shape.
// Scale runs first: 6000 in a rate column is above 100 %, but "52.7
// typed into a percentage cell" says what to fix.
func (r *run) column(c *column) Findings {
	var out Findings
	rest := c.entries
	for _, step := range []struct {
		kind  Kind
		check cellCheck
	}{{Scale, scale}, {Impossible, impossible}, {Outlier, outliers}} {
		if !r.opts.on(step.kind) {
			continue
		}
		flags := step.check(c, rest, r.opts)
		if len(flags) == 0 {
			continue // the common case: nothing to copy
		}
		drop := make([]bool, len(rest))
		for _, f := range flags {
			out = append(out, c.at(step.kind, rest[f.i], f.reason))
			drop[f.i] = true
		}
		kept := make([]entry, 0, len(rest)-len(flags))
		for i, e := range rest {
			if !drop[i] {
				kept = append(kept, e)
			}
		}
		rest = kept
	}
	if r.opts.on(Skew) {
		if f := skew(c, rest); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// finite reports whether a value can be reasoned about.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
