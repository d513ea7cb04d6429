package rank

// countTiers counts each unit's tiers over the ranked indicators, in unit
// order.
func countTiers(res *Result) []Tally {
	out := make([]Tally, len(res.Units))
	at := make(map[string]int, len(res.Units))
	for k, u := range res.Units {
		out[k].Unit = u
		at[u] = k
	}
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		for _, e := range ind.Entries {
			t := &out[at[e.Unit]]
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
	return out
}

// boardOrder puts the tallies (in unit order) in the order of the overall
// board.
func boardOrder(tallies []Tally, board []Overall) []Tally {
	at := make(map[string]int, len(tallies))
	for k, t := range tallies {
		at[t.Unit] = k
	}
	out := make([]Tally, 0, len(board))
	for _, r := range board {
		out = append(out, tallies[at[r.Unit]])
	}
	return out
}
