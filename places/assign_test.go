package places

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAssign compares assign with trying every injection on small random
// matrices, square and wide, with ties (integer costs) and without.
func TestAssign(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(5)
		m := n + rng.IntN(3)
		cost := make([][]float64, n)
		for i := range cost {
			cost[i] = make([]float64, m)
			for j := range cost[i] {
				if trial%2 == 0 {
					cost[i][j] = float64(rng.IntN(4))
				} else {
					cost[i][j] = rng.Float64() * 10
				}
			}
		}
		got := assign(cost)
		used, total := map[int]bool{}, 0.0
		for i, j := range got {
			if used[j] {
				t.Fatalf("trial %d: column %d given twice: %v", trial, j, got)
			}
			used[j] = true
			total += cost[i][j]
		}
		if best := bruteForce(cost, 0, map[int]bool{}); math.Abs(total-best) > 1e-9 {
			t.Errorf("trial %d: cost %g, best %g (%v)", trial, total, best, cost)
		}
	}
	if got := assign(nil); got != nil {
		t.Errorf("assign(nil) = %v", got)
	}
}

// bruteForce is the least cost of giving rows i… distinct unused columns.
func bruteForce(cost [][]float64, i int, used map[int]bool) float64 {
	if i == len(cost) {
		return 0
	}
	best := math.Inf(1)
	for j := range cost[i] {
		if !used[j] {
			used[j] = true
			best = math.Min(best, cost[i][j]+bruteForce(cost, i+1, used))
			used[j] = false
		}
	}
	return best
}
