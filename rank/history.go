package rank

import "shaipin/data"

// periodsUpTo returns the periods of ds up to and including p, oldest first.
func periodsUpTo(ds *data.Dataset, p *data.Period) []*data.Period {
	var out []*data.Period
	for _, q := range ds.Periods {
		out = append(out, q)
		if q == p {
			break
		}
	}
	return out
}

// place of a unit on one indicator (or the overall board) in one period.
type spot struct {
	rank int
	tier Tier
}

// spots indexes a result: indicator key → unit → spot; "" is the overall
// board.
func spots(r *Result) map[string]map[string]spot {
	m := map[string]map[string]spot{}
	for _, ind := range r.Indicators {
		u := map[string]spot{}
		for _, e := range ind.Entries {
			if e.Rank != nil {
				u[e.Unit] = spot{*e.Rank, e.Tier}
			}
		}
		m[ind.Group+"/"+ind.Name] = u
	}
	u := map[string]spot{}
	for _, o := range r.Overall {
		if o.Rank != nil {
			u[o.Unit] = spot{*o.Rank, o.Tier}
		}
	}
	m[""] = u
	return m
}

// addHistory annotates cur with the movement since the previous period,
// streaks, and the trends over all of past (oldest first, excluding cur).
// Comparisons are made only where both periods have a rank.
func addHistory(cur *Result, past []*Result) {
	if len(past) == 0 {
		return
	}
	prev := past[len(past)-1]
	cur.Previous = prev.Month
	all := make([]map[string]map[string]spot, 0, len(past)+1)
	for _, r := range past {
		all = append(all, spots(r))
	}
	all = append(all, spots(cur))
	addMoves(cur, all)
	addTallyChange(cur, prev)
	cur.History = trends(cur, past, all)
}

// addMoves fills the change and streak of every ranked entry and overall
// row; all holds the spots of every period, cur's last.
func addMoves(cur *Result, all []map[string]map[string]spot) {
	last := len(all) - 1
	move := func(key, unit string, rank *int, tier Tier) (*int, int) {
		if rank == nil {
			return nil, 0
		}
		var change *int
		if p, ok := all[last-1][key][unit]; ok {
			change = ptr(p.rank - *rank)
		}
		streak := 1
		for i := last - 1; i >= 0; i-- {
			if s, ok := all[i][key][unit]; !ok || s.tier != tier {
				break
			}
			streak++
		}
		return change, streak
	}
	for i := range cur.Indicators {
		ind := &cur.Indicators[i]
		key := ind.Group + "/" + ind.Name
		for j := range ind.Entries {
			e := &ind.Entries[j]
			e.Change, e.Streak = move(key, e.Unit, e.Rank, e.Tier)
		}
	}
	for i := range cur.Overall {
		o := &cur.Overall[i]
		o.Change, o.Streak = move("", o.Unit, o.Rank, o.Tier)
	}
}

// addTallyChange sets each tally's change since prev.
func addTallyChange(cur, prev *Result) {
	prevTally := map[string]Tally{}
	for _, t := range prev.Tally {
		prevTally[t.Unit] = t
	}
	for i := range cur.Tally {
		t := &cur.Tally[i]
		if p, ok := prevTally[t.Unit]; ok {
			t.Change = &TallyChange{Top: t.Top - p.Top, Middle: t.Middle - p.Middle, Bottom: t.Bottom - p.Bottom, Missing: t.Missing - p.Missing}
		}
	}
}

// trends collects every unit's rank in each period, on the overall board
// and on each ranked indicator of cur.
func trends(cur *Result, past []*Result, all []map[string]map[string]spot) *History {
	h := &History{}
	for _, r := range past {
		h.Periods = append(h.Periods, r.Month)
	}
	h.Periods = append(h.Periods, cur.Month)
	trend := func(key, unit string) Trend {
		t := Trend{Unit: unit, Ranks: make([]*int, len(all))}
		for i, m := range all {
			if s, ok := m[key][unit]; ok {
				t.Ranks[i] = ptr(s.rank)
			}
		}
		return t
	}
	for _, u := range cur.Units {
		h.Overall = append(h.Overall, trend("", u))
	}
	for _, ind := range cur.Indicators {
		if !ind.Ranked {
			continue
		}
		ti := TrendByIndic{Name: ind.Name, Group: ind.Group}
		for _, u := range cur.Units {
			ti.Units = append(ti.Units, trend(ind.Group+"/"+ind.Name, u))
		}
		h.Indicators = append(h.Indicators, ti)
	}
	return h
}

// scheduleTarget is 时序进度 for a period as shown: months elapsed / 12 ×
// 100, rounded to 2 decimals (April: 33.33, May: 41.67).
func scheduleTarget(period data.Month) (float64, bool) {
	if period.IsZero() {
		return 0, false
	}
	return data.Round(period.YearShare(), 2), true
}
