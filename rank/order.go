package rank

import "sort"

// placement is where one item landed: its rank from the best end, its
// rank from the worst end (same tie rule), and the other members of its
// tie group.
type placement struct {
	rank, fromWorst int
	tied            []int
}

// place ranks items by key, larger first; equal keys tie. order gives the
// sorted item indices (ties in index order). It is the one ranking rule
// every indicator and the overall board share.
func place(keys []float64, mode TieMode) (order []int, pl []placement) {
	n := len(keys)
	order = make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] > keys[order[b]] })
	pl = make([]placement, n)
	var groups [][]int
	for i := 0; i < n; {
		j := i
		for j < n && keys[order[j]] == keys[order[i]] {
			j++
		}
		groups = append(groups, order[i:j])
		i = j
	}
	before := 0
	for g, members := range groups {
		after := n - before - len(members)
		rank, fromWorst := before+1, after+1
		if mode == Dense {
			rank, fromWorst = g+1, len(groups)-g
		}
		for _, m := range members {
			p := placement{rank: rank, fromWorst: fromWorst}
			for _, o := range members {
				if o != m {
					p.tied = append(p.tied, o)
				}
			}
			pl[m] = p
		}
		before += len(members)
	}
	return order, pl
}

// tierOf applies the tier rule: top if rank ≤ Top; otherwise bottom if the
// rank from the worst end is ≤ Bottom; otherwise middle.
func tierOf(p placement, o Options) Tier {
	switch {
	case o.Top > 0 && p.rank <= o.Top:
		return Top
	case o.Bottom > 0 && p.fromWorst <= o.Bottom:
		return Bottom
	}
	return Middle
}
