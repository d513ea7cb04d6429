package main

import (
	"testing"
	"time"

	"shaipin/synth"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		walls []time.Duration
		rss   []float64
		want  time.Duration
		mb    float64
	}{
		{[]time.Duration{3, 1, 2}, []float64{10, 30, 20}, 2, 20},
		{[]time.Duration{4, 1, 3, 2}, []float64{1, 2, 3, 4}, 2, 2},
		{[]time.Duration{5}, []float64{7}, 5, 7},
	} {
		var s []sample
		for i, w := range c.walls {
			s = append(s, sample{wall: w, rssMB: c.rss[i]})
		}
		if m := median(s); m.wall != c.want || m.rssMB != c.mb {
			t.Errorf("median of %v, %v: %v, %v", c.walls, c.rss, m.wall, m.rssMB)
		}
	}
}

// TestTargets: the checks apply the targets at their edges.
func TestTargets(t *testing.T) {
	province := benchCase{name: "province-1", rssMB: 150, targets: true}
	for _, c := range []struct {
		floor, shaipin, peer time.Duration
		rss                  float64
		time, mem, speed     string
	}{
		{time.Second, 1350 * time.Millisecond, 14 * time.Second, 150, "✓ ≤ 1.35 s", "✓ ≤ 150 MB", "✓"},
		{time.Second, 1360 * time.Millisecond, 13 * time.Second, 151, "✗ 未达到 ≤ 1.35 s", "✗ 未达到 ≤ 150 MB", "✗ 未达到"},
	} {
		r := result{bc: province, floor: sample{wall: c.floor}, shaipin: sample{wall: c.shaipin, rssMB: c.rss},
			peer: sample{wall: c.peer}, peerRuns: 1}
		if got := r.floorCheck(); got != c.time {
			t.Errorf("floor check %q, want %q", got, c.time)
		}
		if got := r.rssCheck(); got != c.mem {
			t.Errorf("memory check %q, want %q", got, c.mem)
		}
		if got := r.peerCheck(); got != c.speed {
			t.Errorf("peer check %q, want %q", got, c.speed)
		}
	}
	city := result{bc: benchCase{name: "city"}}
	if city.floorCheck() != "(无目标)" || city.rssCheck() != "(无目标)" || city.peerCheck() != "—" {
		t.Error("the city case has no targets and no peer run")
	}
}

// TestReadFloor: the floor reads every sheet of the workbooks it is given
// and fails on what is not one.
func TestReadFloor(t *testing.T) {
	paths, err := synth.Generate(t.TempDir(), synth.Scale{Name: "t", Units: 5, Indicators: 6, Sheets: 2, Periods: 2}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := readFloor(paths); err != nil {
		t.Error(err)
	}
	if err := readFloor(append(paths, paths[0]+".missing")); err == nil {
		t.Error("a missing file was read")
	}
}
