package rank

import (
	"fmt"
	"strings"

	"shaipin/data"
)

// overall computes the composite score of every unit and ranks it by the
// same tie and tier rules as an indicator, comparing scores at 2 decimals.
func overall(p *data.Period, res *Result, o Options, lite bool) []Overall {
	n := len(p.Units)
	sum := make([]float64, n)
	wsum := make([]float64, n)
	counted := make([]int, n)
	unitIdx := map[string]int{}
	for k, u := range p.Units {
		unitIdx[u] = k
	}
	for i, ind := range p.Indicators {
		if !ind.Ranked {
			continue
		}
		scores := indicatorScores(ind, res.Indicators[i], unitIdx, o)
		for k, s := range scores {
			if s == nil {
				continue
			}
			sum[k] += ind.Weight * *s
			wsum[k] += ind.Weight
			counted[k]++
		}
	}
	var idx []int
	var keys []float64
	rows := make([]Overall, n)
	for k, u := range p.Units {
		rows[k] = Overall{Unit: u, Tier: None, Counted: counted[k], Why: "没有任何参与排名指标的数值,不计综合得分"}
		if counted[k] == 0 || wsum[k] == 0 {
			continue
		}
		s := data.Round(sum[k]/wsum[k], 2)
		rows[k].Score = ptr(s)
		idx = append(idx, k)
		keys = append(keys, s)
	}
	order, pl := place(keys, o.Ties)
	out := make([]Overall, 0, n)
	for _, i := range order {
		k := idx[i]
		r := rows[k]
		pp := pl[i]
		r.Rank = ptr(pp.rank)
		r.Tier = tierOf(pp, o)
		r.Streak = 1
		if !lite {
			r.TiedWith = tiedNames(order, pp, i, func(j int) string { return p.Units[idx[j]] })
			r.Why = overallWhy(r, pp, len(order), o)
		}
		out = append(out, r)
	}
	for k := range rows {
		if rows[k].Score == nil {
			out = append(out, rows[k])
		}
	}
	return out
}

// indicatorScores gives each unit's 0–100 points on one indicator (nil when
// it has no value): minmax on the values as reported, or points by rank.
func indicatorScores(ind *data.Indicator, ranked Indicator, unitIdx map[string]int, o Options) []*float64 {
	scores := make([]*float64, len(ind.Values))
	if o.Score == RankPoints {
		n := 0
		for _, e := range ranked.Entries {
			if e.Rank != nil {
				n++
			}
		}
		for _, e := range ranked.Entries {
			if e.Rank == nil {
				continue
			}
			s := 100.0
			if n > 1 {
				s = float64(n-*e.Rank) / float64(n-1) * 100
			}
			scores[unitIdx[e.Unit]] = ptr(s)
		}
		return scores
	}
	first := true
	var best, worst float64
	for _, v := range ind.Values {
		if !v.OK {
			continue
		}
		if first {
			best, worst, first = v.Number, v.Number, false
			continue
		}
		if better(v.Number, best, ind.Direction) {
			best = v.Number
		}
		if better(worst, v.Number, ind.Direction) {
			worst = v.Number
		}
	}
	for k, v := range ind.Values {
		if !v.OK {
			continue
		}
		s := 100.0
		if best != worst {
			s = (v.Number - worst) / (best - worst) * 100
		}
		scores[k] = ptr(s)
	}
	return scores
}

func better(a, b float64, d data.Direction) bool {
	if d == data.Lower {
		return a < b
	}
	return a > b
}

func overallWhy(r Overall, p placement, n int, o Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "综合得分 %s(按 %d 项指标),%d 个单位中第 %d 名", data.Fixed(*r.Score, 2), r.Counted, n, p.rank)
	if len(r.TiedWith) > 0 {
		fmt.Fprintf(&b, "(与%s并列)", strings.Join(r.TiedWith, "、"))
	}
	switch r.Tier {
	case Top:
		fmt.Fprintf(&b, ",居前%d", o.Top)
	case Bottom:
		fmt.Fprintf(&b, ",居后%d", o.Bottom)
	default:
		b.WriteString(",居中间")
	}
	return b.String()
}

// tally counts each unit's tiers over the ranked indicators, in the order
// of the overall board.
func tally(res *Result) []Tally {
	byUnit := map[string]*Tally{}
	for _, u := range res.Units {
		byUnit[u] = &Tally{Unit: u}
	}
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		for _, e := range ind.Entries {
			t := byUnit[e.Unit]
			switch e.Tier {
			case Top:
				t.Top++
			case Middle:
				t.Middle++
			case Bottom:
				t.Bottom++
			default:
				t.Missing++
			}
		}
	}
	out := make([]Tally, 0, len(res.Overall))
	for _, r := range res.Overall {
		out = append(out, *byUnit[r.Unit])
	}
	return out
}
