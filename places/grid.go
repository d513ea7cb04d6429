package places

import (
	"math"
	"sort"
	"strings"

	"shaipin/textwidth"
)

// layout gives each unit its tile: the unit takes the point of county at[i]
// (its own, or the one it goes beside). Units are taken in code order,
// a county before the units beside it, so the result does not depend on the
// units' order. The points are scaled onto a grid shaped like the area they
// cover (gridSize) and each unit gets a different cell with the least total
// squared displacement (assign). This is the point-set matching of Eppstein,
// van Kreveld, Speckmann and Staals, "Improved grid map layout by point set
// matching" (2013): squared distances make the matching keep west/east and
// north/south order wherever the grid has room for it.
func (g *gazetteer) layout(units []string, counties, at []int) []Tile {
	idx := make([]int, len(units))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if ci, cj := g.places[at[i]].Code, g.places[at[j]].Code; ci != cj {
			return ci < cj
		}
		if (counties[i] < 0) != (counties[j] < 0) {
			return counties[i] >= 0
		}
		return units[i] < units[j]
	})
	pts := make([]Place, len(idx))
	for k, i := range idx {
		pts[k] = g.places[at[i]]
	}
	tiles := make([]Tile, len(units))
	for k, c := range gridCells(pts) {
		i := idx[k]
		tiles[i] = Tile{Unit: units[i], Col: c[0], Row: c[1]}
		if counties[i] >= 0 {
			tiles[i].Code = pts[k].Code
		}
	}
	return tiles
}

// gridCells assigns each point a distinct (col, row) cell, row 0 north.
func gridCells(pts []Place) [][2]int {
	lat0 := 0.0
	for _, p := range pts {
		lat0 += p.Lat / float64(len(pts))
	}
	// Equirectangular: a degree of longitude is cos(lat) of a degree of latitude.
	kx := math.Cos(lat0 * math.Pi / 180)
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		x0, x1 = math.Min(x0, p.Lng*kx), math.Max(x1, p.Lng*kx)
		y0, y1 = math.Min(y0, p.Lat), math.Max(y1, p.Lat)
	}
	cols, rows := gridSize(len(pts), x1-x0, y1-y0)
	cost := make([][]float64, len(pts))
	for k, p := range pts {
		gx := onto(p.Lng*kx-x0, x1-x0, cols)
		gy := onto(y1-p.Lat, y1-y0, rows)
		cost[k] = make([]float64, cols*rows)
		for c := range cost[k] {
			dx, dy := gx-float64(c%cols), gy-float64(c/cols)
			cost[k][c] = dx*dx + dy*dy
		}
	}
	cells := make([][2]int, len(pts))
	for k, c := range assign(cost) {
		cells[k] = [2]int{c % cols, c / cols}
	}
	return cells
}

// onto scales an offset within a span onto cell coordinates 0…cells-1; a
// zero span (all points in one line) maps to the middle.
func onto(offset, span float64, cells int) float64 {
	if span <= 0 {
		return float64(cells-1) / 2
	}
	return offset / span * float64(cells-1)
}

// gridSize chooses about √n columns and rows in the proportions of the area
// (w wide, h high, capped at 4:1), with a fifth more cells than points so
// the matching has room to keep positions. (Over all 330 prefectures: a
// fifth fills 73% of the cells and inverts 1.1% of west/east and north/south
// pairs; no spare cells, 89% and 1.7%; a third, 66% and 0.9%.)
func gridSize(n int, w, h float64) (cols, rows int) {
	aspect := 1.0
	switch {
	case w > 0 && h > 0:
		aspect = math.Min(4, math.Max(0.25, w/h))
	case w > 0:
		aspect = 4
	case h > 0:
		aspect = 0.25
	}
	cols = max(1, int(math.Round(math.Sqrt(float64(n)*aspect))))
	rows = max(1, int(math.Round(math.Sqrt(float64(n)/aspect))))
	off := func(c, r int) float64 { return math.Abs(math.Log(float64(c) / float64(r) / aspect)) }
	for cols*rows < n+(n+4)/5 {
		if off(cols+1, rows) <= off(cols, rows+1) {
			cols++
		} else {
			rows++
		}
	}
	return cols, rows
}

// trim moves the tiles so that the map starts at (0, 0) and sets its size
// to the occupied rows and columns.
func (m *TileMap) trim() {
	c0, r0, c1, r1 := math.MaxInt, math.MaxInt, math.MinInt, math.MinInt
	for _, t := range m.Tiles {
		c0, r0, c1, r1 = min(c0, t.Col), min(r0, t.Row), max(c1, t.Col), max(r1, t.Row)
	}
	for i := range m.Tiles {
		m.Tiles[i].Col -= c0
		m.Tiles[i].Row -= r0
	}
	m.Cols, m.Rows = c1-c0+1, r1-r0+1
}

// String draws the map as text, one line per row and · for an empty cell,
// for logs and tests.
func (m TileMap) String() string {
	grid := make([][]string, m.Rows)
	for r := range grid {
		grid[r] = make([]string, m.Cols)
	}
	w := 2
	for _, t := range m.Tiles {
		grid[t.Row][t.Col] = t.Unit
		w = max(w, textwidth.Of(t.Unit))
	}
	var b strings.Builder
	for _, row := range grid {
		var line strings.Builder
		for _, cell := range row {
			if cell == "" {
				cell = "·"
			}
			line.WriteString(cell + strings.Repeat(" ", w+1-textwidth.Of(cell)))
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}
