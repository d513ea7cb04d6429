package rank

import (
	"errors"
	"fmt"
	"strings"

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
	if opts.Period != "" {
		key, err := data.ParsePeriod(opts.Period)
		if err != nil {
			return nil, fmt.Errorf("--period %q: %w", opts.Period, err)
		}
		if p = ds.Find(key); p == nil {
			var have []string
			for _, q := range ds.Periods {
				have = append(have, q.Period)
			}
			return nil, fmt.Errorf("没有期间 %s 的数据(已有:%s)", key, strings.Join(have, "、"))
		}
	}
	return ComputePeriod(p, opts)
}

// ComputePeriod ranks one period.
func ComputePeriod(p *data.Period, opts Options) (*Result, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	res := &Result{
		Period: p.Period, Title: p.Title, Source: p.Source,
		Rules: opts, Units: append([]string{}, p.Units...),
		Indicators: make([]Indicator, 0, len(p.Indicators)),
	}
	weights := 0.0
	for _, ind := range p.Indicators {
		res.Indicators = append(res.Indicators, rankIndicator(ind, p.Units, opts))
		if ind.Ranked {
			weights += ind.Weight
		}
	}
	if weights == 0 && len(res.Indicators) > 0 && anyRanked(p) {
		return nil, fmt.Errorf("%w", data.ErrZeroWeights)
	}
	res.Overall = overall(p, res, opts)
	res.Tally = tally(res)
	return res, nil
}

func anyRanked(p *data.Period) bool {
	for _, ind := range p.Indicators {
		if ind.Ranked {
			return true
		}
	}
	return false
}

// rankIndicator ranks the units that have a value, in the indicator's
// direction, comparing values at its precision.
func rankIndicator(ind *data.Indicator, units []string, o Options) Indicator {
	prec := ind.Precision()
	out := Indicator{
		Name: ind.Name, Group: ind.Group, Unit: ind.Unit, Direction: ind.Direction,
		Weight: ind.Weight, Ranked: ind.Ranked, Precision: prec, Schedule: ind.Schedule,
		Entries: make([]Entry, 0, len(units)),
	}
	var idx []int // unit indices with a value
	var keys []float64
	for k, v := range ind.Values {
		if !v.OK {
			continue
		}
		key := roundHalfUp(v.Number, prec)
		if ind.Direction == data.Lower {
			key = -key
		}
		idx = append(idx, k)
		keys = append(keys, key)
	}
	order, pl := place(keys, o.Ties)
	for _, i := range order {
		k := idx[i]
		v := ind.Values[k]
		e := Entry{Unit: units[k], Value: ptr(v.Number), Tier: None, Display: display(v, ind.Decimals), Cell: v.Cell}
		if !ind.Ranked {
			e.Why = "该指标不参与排名"
			out.Entries = append(out.Entries, e)
			continue
		}
		p := pl[i]
		e.Rank = ptr(p.rank)
		e.Tier = tierOf(p, o)
		for _, t := range p.tied {
			e.TiedWith = append(e.TiedWith, units[idx[t]])
		}
		e.Why = entryWhy(e, p, prec, len(order), o)
		out.Entries = append(out.Entries, e)
	}
	for k, v := range ind.Values {
		if !v.OK {
			out.Entries = append(out.Entries, Entry{Unit: units[k], Tier: None, Display: "—", Why: "未报送,不参与排名"})
		}
	}
	return out
}

// display writes a value with the decimals it was reported with, or
// rounded to 小数位 when the indicator sets it.
func display(v data.Value, decimals int) string {
	if decimals >= 0 {
		return roundString(v.Number, decimals)
	}
	return roundString(v.Number, v.Decimals)
}

// entryWhy says in Chinese why an entry has its rank and tier.
func entryWhy(e Entry, p placement, prec, n int, o Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d 个单位中第 %d 名", n, p.rank)
	if len(e.TiedWith) > 0 {
		fmt.Fprintf(&b, "(与%s并列:按 %d 位小数比较数值相同)", strings.Join(e.TiedWith, "、"), prec)
	}
	switch e.Tier {
	case Top:
		fmt.Fprintf(&b, ",居前%d", o.Top)
	case Bottom:
		fmt.Fprintf(&b, ",倒数第 %d,居后%d", p.fromWorst, o.Bottom)
	default:
		b.WriteString(",居中间")
	}
	return b.String()
}

func ptr[T any](v T) *T { return &v }
