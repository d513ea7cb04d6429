package rank

import "shaipin/data"

// ledger holds, for every period of a history, where each unit of the
// current period stood on each of its indicators and on the board: all
// that movements, streaks and trends need, a few bytes per unit and
// indicator, in place of every earlier period's whole result.
type ledger struct {
	units  map[string]int // the current period's unit → its position
	cols   map[string]int // the current period's indicator key → its position
	n      int            // units
	board  int            // the board's column, after the indicators'
	months []data.Month
	spots  [][]spot // per period, oldest first: column × n + unit
}

// spot is where a unit stood in one column in one period; rank 0: none.
type spot struct {
	rank int32
	tier tierCode
}

// tierCode is a Tier in a byte.
type tierCode uint8

func codeOf(t Tier) tierCode {
	switch t {
	case Top:
		return 1
	case Middle:
		return 2
	case Bottom:
		return 3
	}
	return 0
}

// newLedger makes the ledger of cur's units and columns for periods
// periods, the current one last.
func newLedger(cur *Result, periods int) *ledger {
	l := &ledger{units: map[string]int{}, cols: map[string]int{}, n: len(cur.Units), board: len(cur.Indicators),
		months: make([]data.Month, periods), spots: make([][]spot, periods)}
	for k, u := range cur.Units {
		l.units[u] = k
	}
	for i, ind := range cur.Indicators {
		l.cols[ind.Group+"/"+ind.Name] = i
	}
	return l
}

// fill records r as period i. Periods may be filled side by side.
func (l *ledger) fill(i int, r *Result) {
	s := make([]spot, (l.board+1)*l.n)
	put := func(col int, unit string, rank *int, t Tier) {
		if k, ok := l.units[unit]; ok && rank != nil {
			s[col*l.n+k] = spot{int32(*rank), codeOf(t)}
		}
	}
	for _, ind := range r.Indicators {
		if col, ok := l.cols[ind.Group+"/"+ind.Name]; ok {
			for _, e := range ind.Entries {
				put(col, e.Unit, e.Rank, e.Tier)
			}
		}
	}
	for _, o := range r.Overall {
		put(l.board, o.Unit, o.Rank, o.Tier)
	}
	l.months[i], l.spots[i] = r.Month, s
}

// move is the change since the previous period (nil when either has no
// rank) and the streak in tier, ending with the current period, of unit
// k in column col ranked rank.
func (l *ledger) move(col, k int, rank *int, t Tier) (*int, int) {
	if rank == nil {
		return nil, 0
	}
	last, at, code := len(l.spots)-1, col*l.n+k, codeOf(t)
	var change *int
	if p := l.spots[last-1][at]; p.rank > 0 {
		change = ptr(int(p.rank) - *rank)
	}
	streak := 1
	for i := last - 1; i >= 0; i-- {
		if s := l.spots[i][at]; s.rank == 0 || s.tier != code {
			break
		}
		streak++
	}
	return change, streak
}

// addMoves fills the change and streak of every ranked entry and board
// row of cur, the ledger's last period.
func (l *ledger) addMoves(cur *Result) {
	for i := range cur.Indicators {
		for j := range cur.Indicators[i].Entries {
			e := &cur.Indicators[i].Entries[j]
			e.Change, e.Streak = l.move(i, l.units[e.Unit], e.Rank, e.Tier)
		}
	}
	for i := range cur.Overall {
		o := &cur.Overall[i]
		o.Change, o.Streak = l.move(l.board, l.units[o.Unit], o.Rank, o.Tier)
	}
}

// trends collects every unit's rank in each period, on the board and on
// each ranked indicator of cur. The ranks of all trends share one array.
func (l *ledger) trends(cur *Result) *History {
	h := &History{Periods: l.months}
	ranks := make([]int, 0, (l.board+1)*l.n*len(l.spots))
	trend := func(col, k int) Trend {
		t := Trend{Unit: cur.Units[k], Ranks: make([]*int, len(l.spots))}
		for i, s := range l.spots {
			if r := s[col*l.n+k].rank; r > 0 {
				ranks = append(ranks, int(r))
				t.Ranks[i] = &ranks[len(ranks)-1]
			}
		}
		return t
	}
	for k := range cur.Units {
		h.Overall = append(h.Overall, trend(l.board, k))
	}
	for i, ind := range cur.Indicators {
		if !ind.Ranked {
			continue
		}
		ti := TrendByIndic{Name: ind.Name, Group: ind.Group}
		for k := range cur.Units {
			ti.Units = append(ti.Units, trend(i, k))
		}
		h.Indicators = append(h.Indicators, ti)
	}
	return h
}
