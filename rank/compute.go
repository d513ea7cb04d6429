package rank

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"shaipin/data"
)

// ErrNoData is returned when there is nothing to rank.
var ErrNoData = errors.New("没有可排名的数据")

// Compute ranks the current period of ds: opts.Period, or the latest.
func Compute(ds *data.Dataset, opts Options) (*Result, error) {
	if ds == nil || len(ds.Periods) == 0 {
		return nil, ErrNoData
	}
	p := ds.Latest()
	if !opts.Period.IsZero() {
		if p = ds.Find(opts.Period); p == nil {
			var have []string
			for _, q := range ds.Periods {
				have = append(have, q.Month.String())
			}
			return nil, fmt.Errorf("没有期间 %s 的数据(已有:%s)", opts.Period, strings.Join(have, "、"))
		}
	}
	// Every period is ranked by the current period's rules, so that
	// movements compare like with like.
	opts = opts.Resolve(p)
	cur, err := computePeriod(p, opts, false)
	if err != nil {
		return nil, err
	}
	upTo := periodsUpTo(ds, p)
	if err := addHistory(cur, upTo[:len(upTo)-1], opts); err != nil {
		return nil, err
	}
	for _, q := range upTo {
		if q.Provenance != data.Official {
			if cur.Provenance == nil {
				cur.Provenance = map[data.Month]data.Provenance{}
			}
			cur.Provenance[q.Month] = q.Provenance
		}
	}
	if err := addFlags(cur); err != nil {
		return nil, err
	}
	return cur, nil
}

// ComputePeriod ranks one period.
func ComputePeriod(p *data.Period, opts Options) (*Result, error) {
	res, err := computePeriod(p, opts.Resolve(p), false)
	if err != nil {
		return nil, err
	}
	return res, addFlags(res)
}

// computePeriod ranks one period under resolved options. lite leaves out the texts (display
// values, ties, explanations) that only the current period shows: earlier
// periods are ranked for their movement alone, 24 of them at province scale.
func computePeriod(p *data.Period, opts Options, lite bool) (*Result, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	res := &Result{
		Month: p.Month, Title: p.Title, Source: p.Source,
		Rules: opts, Units: append([]string{}, p.Units...),
		Indicators: make([]Indicator, 0, len(p.Indicators)),
	}
	res.Indicators = rankAll(p, opts, lite)
	tallies := countTiers(res)
	board, err := overall(p, res, tallies, opts, lite)
	if err != nil {
		return nil, err
	}
	res.Overall = board
	res.Tally = boardOrder(tallies, board)
	return res, nil
}

// rankAll ranks every indicator, spread over the cores: indicators are
// independent, each result has its fixed slot, so the output does not
// depend on scheduling. Each worker has its own explanation cache.
func rankAll(p *data.Period, opts Options, lite bool) []Indicator {
	out := make([]Indicator, len(p.Indicators))
	workers := min(runtime.GOMAXPROCS(0), len(p.Indicators))
	if len(p.Units)*len(p.Indicators) < 20000 {
		workers = 1 // not worth a goroutine
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var why *whyCache
			if !lite {
				why = &whyCache{m: map[whyKey]string{}}
			}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(p.Indicators) {
					return
				}
				ind := p.Indicators[i]
				out[i] = rankIndicator(ind, p.Units, opts, why)
				if ind.Schedule {
					addSchedule(&out[i], p.Month)
				}
			}
		})
	}
	wg.Wait()
	return out
}

// addSchedule compares each value with 时序进度: value − target in
// percentage points, 2 decimals, from the figures as shown — the value at
// the indicator's precision and the target at 2 decimals — so that the
// subtraction checks by hand. (From the exact share, 41.666…, a value with
// 3 decimals could differ by 0.01: 59.343 − 41.67 = 17.673 → 17.67, but
// 59.343 − 41.6667 = 17.6763 → 17.68.)
func addSchedule(ind *Indicator, period data.Month) {
	target, ok := scheduleTarget(period)
	if !ok {
		return
	}
	ind.ScheduleTarget = ptr(target)
	prec := max(ind.Precision, 2)
	for i := range ind.Entries {
		if v := ind.Entries[i].Value; v != nil {
			// The exact difference has prec decimals: the inner rounding
			// only removes binary noise, the outer one is the real one.
			d := data.Round(data.Round(*v, ind.Precision)-target, prec)
			ind.Entries[i].VsSchedule = ptr(data.Round(d, 2))
		}
	}
}

// rankIndicator ranks the units that have a value, in the indicator's
// direction, comparing values at its precision.
func rankIndicator(ind *data.Indicator, units []string, o Options, why *whyCache) Indicator {
	prec := ind.Precision()
	out := Indicator{
		Name: ind.Name, Group: ind.Group, Unit: ind.Unit, Direction: ind.Direction,
		Weight: ind.Weight, Ranked: ind.Ranked, Precision: prec, Schedule: ind.Schedule,
		Entries: make([]Entry, 0, len(units)),
	}
	idx := make([]int, 0, len(units)) // unit indices with a value
	keys := make([]float64, 0, len(units))
	for k, v := range ind.Values {
		if !v.OK {
			continue
		}
		key := v.Number
		if v.Decimals > prec {
			key = data.Round(v.Number, prec)
		}
		if ind.Direction == data.Lower {
			key = -key
		}
		idx = append(idx, k)
		keys = append(keys, key)
	}
	order, pl := place(keys, o.Ties)
	// One backing array for the pointers of all entries: one allocation
	// per indicator instead of two per entry.
	nums := make([]float64, len(order))
	ranks := make([]int, len(order))
	var tie []string // the tie group being placed, shared by its members
	for pos, i := range order {
		k := idx[i]
		v := ind.Values[k]
		nums[pos] = v.Number
		e := Entry{Unit: units[k], Value: &nums[pos], Tier: None}
		if why != nil {
			e.Display, e.Cell = data.Fixed(v.Number, prec), v.Cell
		}
		if !ind.Ranked {
			e.Why = "该指标不参与排名"
			out.Entries = append(out.Entries, e)
			continue
		}
		p := pl[i]
		ranks[pos] = p.rank
		e.Rank = &ranks[pos]
		e.Tier = tierOf(p, o)
		e.ReverseRank = reverseRank(p, e.Tier, len(order), o)
		e.Streak = 1
		if why != nil {
			if pos == p.lo {
				tie = tieGroup(order, p, func(j int) string { return units[idx[j]] })
			}
			e.Tie = tie
			e.Why = why.entry(e, p, prec, len(order), o)
		}
		out.Entries = append(out.Entries, e)
	}
	for k, v := range ind.Values {
		if !v.OK {
			out.Entries = append(out.Entries, Entry{Unit: units[k], Tier: None, Display: "—", Why: "未报送,不参与排名"})
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }
