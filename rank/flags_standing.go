package rank

import "shaipin/data"

// flagEval holds what the flag rules look at: every unit's ranks in each
// period, on the overall board and on the current period's ranked
// indicators, built once per period and only when a rule needs them.
type flagEval struct {
	res     *Result
	months  []data.Month   // oldest first, the current one last
	at      map[string]int // unit → index in res.Units
	order   []int          // unit indices in board order
	boards  map[int]standing
	itemsAt map[int][]standing
	ranked  []int // indices of res.Indicators that are ranked
}

// standing is every unit's rank in one ranking, indexed like res.Units.
type standing struct {
	rank  []int // 0: not ranked
	worst []int // rank counted from the worst end, by the tie rule
	tied  []bool
}

func newFlagEval(res *Result) *flagEval {
	ev := &flagEval{res: res, at: make(map[string]int, len(res.Units)),
		boards: map[int]standing{}, itemsAt: map[int][]standing{}}
	for k, u := range res.Units {
		ev.at[u] = k
	}
	ev.months = []data.Month{res.Month}
	if res.History != nil && len(res.History.Periods) > 0 {
		ev.months = res.History.Periods
	}
	seen := make([]bool, len(res.Units))
	for _, ov := range res.Overall {
		if k, ok := ev.at[ov.Unit]; ok && !seen[k] {
			seen[k] = true
			ev.order = append(ev.order, k)
		}
	}
	for k := range res.Units {
		if !seen[k] {
			ev.order = append(ev.order, k)
		}
	}
	for i, ind := range res.Indicators {
		if ind.Ranked {
			ev.ranked = append(ev.ranked, i)
		}
	}
	return ev
}

// top is the size of the red tier: a unit in it is never in a 后N.
func (ev *flagEval) top() int { return ev.res.Rules.Top }

// current tells whether period p is the result's own.
func (ev *flagEval) current(p int) bool { return p == len(ev.months)-1 }

// board is the overall board of period p.
func (ev *flagEval) board(p int) standing {
	if s, ok := ev.boards[p]; ok {
		return s
	}
	rank := make([]int, len(ev.res.Units))
	if ev.current(p) {
		for _, ov := range ev.res.Overall {
			if ov.Rank != nil {
				rank[ev.at[ov.Unit]] = *ov.Rank
			}
		}
	} else {
		for k, t := range ev.res.History.Overall {
			rank[k] = deref(t.Ranks[p])
		}
	}
	s := newStanding(rank, ev.res.Rules.Ties == Dense)
	ev.boards[p] = s
	return s
}

// items are the rankings of period p on the current period's ranked
// indicators (in ev.ranked order).
func (ev *flagEval) items(p int) []standing {
	if s, ok := ev.itemsAt[p]; ok {
		return s
	}
	out := make([]standing, len(ev.ranked))
	for j, i := range ev.ranked {
		rank := make([]int, len(ev.res.Units))
		if ev.current(p) {
			for _, e := range ev.res.Indicators[i].Entries {
				if e.Rank != nil {
					rank[ev.at[e.Unit]] = *e.Rank
				}
			}
		} else {
			for k, t := range ev.res.History.Indicators[j].Units {
				rank[k] = deref(t.Ranks[p])
			}
		}
		out[j] = newStanding(rank, ev.res.Rules.Ties == Dense)
	}
	ev.itemsAt[p] = out
	return out
}

// itemNames are the current indicators on which unit k is in the tier of
// c, in indicator order.
func (ev *flagEval) itemNames(c data.FlagCond, k int) []string {
	var names []string
	for j, it := range ev.items(len(ev.months) - 1) {
		if it.in(k, c.Bottom, c.N, ev.top()) {
			names = append(names, ev.res.Indicators[ev.ranked[j]].Name)
		}
	}
	return names
}

// newStanding counts each rank from the worst end as place does: one
// more than the units (dense: the distinct ranks) below it.
func newStanding(rank []int, dense bool) standing {
	most := 0
	for _, r := range rank {
		most = max(most, r)
	}
	count := make([]int, most+2)
	for _, r := range rank {
		if r > 0 {
			count[r]++
		}
	}
	below := make([]int, most+2) // units (groups) ranked below each rank
	for r := most - 1; r >= 1; r-- {
		n := count[r+1]
		if dense && n > 0 {
			n = 1
		}
		below[r] = below[r+1] + n
	}
	s := standing{rank: rank, worst: make([]int, len(rank)), tied: make([]bool, len(rank))}
	for k, r := range rank {
		if r > 0 {
			s.worst[k], s.tied[k] = below[r]+1, count[r] > 1
		}
	}
	return s
}

// in tells whether unit k is in the top n (bottom: the bottom n, unless it
// is in the red tier of size top).
func (s standing) in(k int, bottom bool, n, top int) bool {
	r := s.rank[k]
	switch {
	case r == 0:
		return false
	case !bottom:
		return r <= n
	}
	return !(top > 0 && r <= top) && s.worst[k] <= n
}

// place is unit k's place as the evidence says it: "第 2 名", "并列第 9 名
// (倒数第 1 名)" for a bottom tier.
func (s standing) place(k int, bottom bool) string {
	tie := ""
	if s.tied[k] {
		tie = "并列"
	}
	p := tie + "第 " + itoa(s.rank[k]) + " 名"
	if bottom {
		p += "(倒数" + tie + "第 " + itoa(s.worst[k]) + " 名)"
	}
	return p
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
