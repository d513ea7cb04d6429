package rank

import (
	"cmp"
	"slices"
)

// placement is where one item landed: its rank from the best end, its
// rank from the worst end (same tie rule), and its tie group as a span
// [lo, hi) of the sorted order.
type placement struct {
	rank, fromWorst int
	lo, hi          int
}

// tied reports whether the item shares its rank.
func (p placement) tied() bool { return p.hi-p.lo > 1 }

// place ranks items by key, larger first; equal keys tie. order gives the
// sorted item indices (ties in index order) and pl each item's placement.
// It is the one ranking rule every indicator and the overall board share.
func place(keys []float64, mode TieMode) (order []int, pl []placement) {
	n := len(keys)
	order = make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(keys[b], keys[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	pl = make([]placement, n)
	groups := 0
	for i := 0; i < n; {
		j := i
		for j < n && keys[order[j]] == keys[order[i]] {
			j++
		}
		groups++
		i = j
	}
	g := 0
	for i := 0; i < n; {
		j := i
		for j < n && keys[order[j]] == keys[order[i]] {
			j++
		}
		rank, fromWorst := i+1, n-j+1
		if mode == Dense {
			rank, fromWorst = g+1, groups-g
		}
		for k := i; k < j; k++ {
			pl[order[k]] = placement{rank: rank, fromWorst: fromWorst, lo: i, hi: j}
		}
		g++
		i = j
	}
	return order, pl
}

// tieGroup lists the members of a tie group by name, in rank order; nil
// when p is not shared. Its members share the one list (Entry.Tie).
func tieGroup(order []int, p placement, name func(int) string) []string {
	if !p.tied() {
		return nil
	}
	out := make([]string, 0, p.hi-p.lo)
	for _, o := range order[p.lo:p.hi] {
		out = append(out, name(o))
	}
	return out
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
