package rank

import (
	"fmt"
	"strings"

	"shaipin/data"
)

// coverageSlack absorbs rounding in sums of weights: 16 of 32 equal
// weights is 50 %, not a hair below.
const coverageSlack = 1e-9

// overall builds the overall board: the composite score (or the tally) of
// every unit with enough coverage, ranked by the same tie and tier rules
// as an indicator, comparing scores at 2 decimals; then the units not
// ranked, in unit order. tallies are the units' tier counts, in unit order.
func overall(p *data.Period, res *Result, tallies []Tally, o Options, lite bool) ([]Overall, error) {
	sc, err := newScorer(p, o)
	if err != nil {
		return nil, err
	}
	sc.describe(res)
	value := make([]float64, sc.units)
	has := make([]bool, sc.units)
	if o.Board == TallyBoard {
		for k, t := range tallies {
			value[k], has[k] = float64(t.Top-t.Bottom), sc.counted[k] > 0
		}
	} else {
		var pt *points
		if o.Score != TOPSIS {
			pt = sc.points(o.Score)
		}
		sc.scores(pt, o.Score, sc.w, o.Missing, value, make([]float64, sc.units), has)
	}
	rows := make([]Overall, sc.units)
	var idx []int
	var keys []float64
	for k, u := range p.Units {
		r := &rows[k]
		*r = Overall{Unit: u, Tier: None, Counted: sc.counted[k], Coverage: data.Round(sc.cover[k], 4)}
		switch {
		case !has[k]:
			r.Why = "没有任何参与排名指标的数值,不计综合得分"
		case sc.cover[k]+coverageSlack < *o.MinCoverage:
			r.Why = sc.coverageWhy(k, o)
		default:
			r.Score = ptr(data.Round(value[k], 2))
			key := *r.Score
			if o.Board == TallyBoard {
				// net count first, then the top count: both whole numbers
				key = key*float64(len(sc.cols)+1) + float64(tallies[k].Top)
			}
			idx = append(idx, k)
			keys = append(keys, key)
		}
	}
	return sc.rankBoard(p.Units, rows, idx, keys, tallies, o, lite), nil
}

// rankBoard places the eligible units (idx, keys) and returns the board:
// ranked rows first, then the others in unit order.
func (sc *scorer) rankBoard(units []string, rows []Overall, idx []int, keys []float64, tallies []Tally, o Options, lite bool) []Overall {
	order, pl := place(keys, o.Ties)
	out := make([]Overall, 0, len(rows))
	var tie []string // the tie group being placed, shared by its members
	for pos, i := range order {
		k := idx[i]
		r := rows[k]
		pp := pl[i]
		r.Rank = ptr(pp.rank)
		r.Tier = tierOf(pp, o)
		r.ReverseRank = reverseRank(pp, r.Tier, len(order), o)
		r.Streak = 1
		if !lite {
			if pos == pp.lo {
				tie = tieGroup(order, pp, func(j int) string { return units[idx[j]] })
			}
			r.Tie = tie
			r.Why = sc.overallWhy(r, tallies[k], len(order), o)
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

// describe records on the indicators the weights used and, under 目标值法,
// the targets.
func (sc *scorer) describe(res *Result) {
	sh := shares(sc.w)
	for i, c := range sc.cols {
		ind := &res.Indicators[c.pos]
		ind.WeightUsed = sh[i]
		if sc.target != nil {
			ind.Target, ind.TargetSource = ptr(sc.target[i]), sc.source[i]
		}
	}
}

// coverageWhy says why a unit is left off the board.
func (sc *scorer) coverageWhy(k int, o Options) string {
	n := len(sc.cols)
	share := ""
	if data.Round(sc.cover[k], 4) != data.Round(float64(sc.counted[k])/float64(n), 4) {
		share = ",按权重计 " + data.Fixed(sc.cover[k]*100, 1) + "%"
	}
	return fmt.Sprintf("计分指标不足(%d/%d%s,低于最低覆盖率 %s),不参与总榜排名",
		sc.counted[k], n, share, percent(*o.MinCoverage))
}

// overallWhy says in Chinese how a ranked unit got its place.
func (sc *scorer) overallWhy(r Overall, t Tally, n int, o Options) string {
	var b strings.Builder
	if o.Board == TallyBoard {
		fmt.Fprintf(&b, "前%d位 %d 项、后%d位 %d 项(相抵 %s 项),", o.Top, t.Top, o.Bottom, t.Bottom, signed(t.Top-t.Bottom))
	} else {
		fmt.Fprintf(&b, "综合得分 %s(按 %d 项指标", data.Fixed(*r.Score, 2), r.Counted)
		if miss := len(sc.cols) - r.Counted; miss > 0 && o.Missing != Skip {
			fill := "按该项最低分计"
			switch {
			case o.Score == TOPSIS:
				fill = "按该项最差值计" // TOPSIS has no points
			case o.Missing == Zero:
				fill = "按 0 分计"
			}
			fmt.Fprintf(&b, ",另 %d 项未报送%s", miss, fill)
		}
		b.WriteString("),")
	}
	b.WriteString(placeWhy(r.Rank, r.ReverseRank, r.Tie, r.Unit, n))
	switch r.Tier {
	case Top:
		fmt.Fprintf(&b, ",居前%d", o.Top)
	case Bottom:
		if r.ReverseRank != nil {
			fmt.Fprintf(&b, ",并列组伸入后%d,整组", o.Bottom)
		} else {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "居后%d", o.Bottom)
	default:
		b.WriteString(",居中间")
	}
	return b.String()
}

// placeWhy is "10 个单位中第 1 名(与X并列)", or with a reverse rank
// "9 个单位中并列第4(倒数并列第3)(与X、Y并列)"; tie is self's tie group.
func placeWhy(rank, reverse *int, tie []string, self string, n int) string {
	b := appendPlace(nil, n, *rank, reverse)
	if len(tie) > 0 {
		b = append(b, "(与"...)
		b = appendOthers(b, tie, self)
		b = append(b, "并列)"...)
	}
	return string(b)
}

func signed(n int) string {
	if n > 0 {
		return "+" + itoa(n)
	}
	return itoa(n)
}

// reverseRank is the rank from the worst end when it, not the rank, puts
// the unit in the bottom tier: a competition-ranked tie group that starts
// above the last N positions but reaches into them. (Dense ranks count
// tie groups, so a bottom rank is always among the last N; and the top
// tier is always decided by the rank itself.)
func reverseRank(p placement, t Tier, n int, o Options) *int {
	if t != Bottom || o.Ties != Competition || p.lo >= n-o.Bottom {
		return nil
	}
	return ptr(p.fromWorst)
}
