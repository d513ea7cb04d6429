package places

import "math"

// assign returns, for each row of cost (n rows, m ≥ n columns), the column
// it is given so that the total cost is least and no column is given twice:
// the Hungarian method with potentials, O(n²·m). Ties go to the lower
// column, so the result is deterministic.
func assign(cost [][]float64) []int {
	if len(cost) == 0 {
		return nil
	}
	h := hungarian{cost: cost, u: make([]float64, len(cost)+1), v: make([]float64, len(cost[0])+1),
		row: make([]int, len(cost[0])+1), way: make([]int, len(cost[0])+1)}
	for i := 1; i <= len(cost); i++ {
		h.augment(i)
	}
	out := make([]int, len(cost))
	for j := 1; j < len(h.row); j++ {
		if h.row[j] != 0 {
			out[h.row[j]-1] = j - 1
		}
	}
	return out
}

// hungarian is the state of assign; rows and columns count from 1, column 0
// is the search's virtual root.
type hungarian struct {
	cost [][]float64
	u, v []float64 // row and column potentials
	row  []int     // row[j]: the row holding column j, 0 if free
	way  []int     // way[j]: the previous column on the path to j
}

// augment adds row i to the matching along a shortest augmenting path.
func (h *hungarian) augment(i int) {
	m := len(h.row) - 1
	minv := make([]float64, m+1)
	for j := range minv {
		minv[j] = math.Inf(1)
	}
	used := make([]bool, m+1)
	h.row[0] = i
	j0 := 0
	for h.row[j0] != 0 {
		used[j0] = true
		i0, delta, j1 := h.row[j0], math.Inf(1), 0
		for j := 1; j <= m; j++ {
			if used[j] {
				continue
			}
			if c := h.cost[i0-1][j-1] - h.u[i0] - h.v[j]; c < minv[j] {
				minv[j], h.way[j] = c, j0
			}
			if minv[j] < delta {
				delta, j1 = minv[j], j
			}
		}
		for j := 0; j <= m; j++ {
			if used[j] {
				h.u[h.row[j]] += delta
				h.v[j] -= delta
			} else {
				minv[j] -= delta
			}
		}
		j0 = j1
	}
	for j0 != 0 {
		j1 := h.way[j0]
		h.row[j0] = h.row[j1]
		j0 = j1
	}
}
