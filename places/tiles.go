package places

import (
	"strings"
	"unicode/utf8"
)

// Tile is one unit's square on a tile map.
type Tile struct {
	Unit     string // the unit's name as given
	Col, Row int    // the cell; (0, 0) is the north-west corner
	// Code is the county's GB/T 2260 code; empty for a unit that is not a
	// county and was placed beside one (金华开发区).
	Code string
}

// TileMap is a map of one prefecture's units as equal squares on a grid.
type TileMap struct {
	Prefecture string // full name (金华市)
	Cols, Rows int
	Tiles      []Tile // one per unit, in the order the units were given
}

// maxExtras is how many units may be other than a county with a known point
// (a development zone, a county too new for the polygons) and still get a
// tile beside the unit they belong to.
const maxExtras = 2

// Tiles lays out units as a tile map when they are the county-level units of
// one prefecture (or municipality): at least three of them, all but at most
// two counties of it with a known point. Each county's square keeps its
// place west/east and north/south of the others as far as a grid allows (see
// layout). A unit that is not such a county is placed as if it stood at the
// county whose short name its name contains (义乌经开区 at 义乌), or, when it
// is a zone of the prefecture or its name starts with the prefecture's first
// character (金华开发区, 金开, 金义新区), at the seat district (the first
// county in GB/T 2260 order: 婺城区 for 金华), so its tile lands next to
// that county's. Any other unit means no map — so does a county whose point
// is unknown (临平区, created after the polygons were drawn) unless one of
// these rules places it. Names are matched in full or short form; aliases are
// the caller's business. The result depends only on the set of units, not on
// their order.
func Tiles(units []string) (TileMap, bool) {
	g := load()
	pref, counties := g.prefectureOf(units)
	if pref == "" {
		return TileMap{}, false
	}
	at := make([]int, len(units)) // the county whose point each unit takes
	for i, u := range units {
		at[i] = counties[i]
		if at[i] < 0 {
			a := g.anchor(u, pref, counties)
			if a < 0 {
				return TileMap{}, false
			}
			at[i] = counties[a]
		}
	}
	m := TileMap{Prefecture: pref, Tiles: g.layout(units, counties, at)}
	m.trim()
	return m, true
}

// prefectureOf finds the prefecture most units are counties of and, for
// each unit, its county there (an index into g.places) or -1. It returns ""
// when too few units are its counties.
func (g *gazetteer) prefectureOf(units []string) (string, []int) {
	count := map[string]int{}
	for _, u := range units {
		seen := map[string]bool{}
		for _, i := range g.byName[normalize(u)] {
			if p := g.places[i]; p.Level == County && p.Parent != "" && !seen[p.Parent] {
				seen[p.Parent] = true
				count[p.Parent]++
			}
		}
	}
	best := ""
	for pref, n := range count {
		if n > count[best] || n == count[best] && pref < best {
			best = pref
		}
	}
	counties, taken := make([]int, len(units)), map[int]bool{}
	extras := 0
	for k, u := range units {
		counties[k] = g.countyIn(best, u, taken)
		if counties[k] < 0 {
			extras++
		}
	}
	if len(units)-extras < 3 || extras > maxExtras {
		return "", nil
	}
	return best, counties
}

// countyIn returns the county of pref named unit that has a point and is not
// yet taken (marking it taken), or -1. A full name wins over a short one; a
// short name two counties share (临夏: 临夏市, 临夏县) matches neither.
func (g *gazetteer) countyIn(pref, unit string, taken map[int]bool) int {
	name := normalize(unit)
	var short []int
	for _, i := range g.byName[name] {
		p := g.places[i]
		if p.Level != County || p.Parent != pref || !p.HasPoint || taken[i] {
			continue
		}
		if p.Name == name {
			taken[i] = true
			return i
		}
		short = append(short, i)
	}
	if len(short) != 1 {
		return -1
	}
	taken[short[0]] = true
	return short[0]
}

// anchor returns the unit an extra unit's tile goes beside, or -1: the
// county whose short name (the longest) the extra's name contains, else the
// seat district when the extra belongs to the prefecture by name or as a zone.
// A province or prefecture (金华市, a total row) is never placed.
func (g *gazetteer) anchor(unit, pref string, counties []int) int {
	if g.isWiderArea(unit) {
		return -1
	}
	name, best, seat := normalize(unit), -1, -1
	for k, c := range counties {
		if c < 0 {
			continue
		}
		s := g.places[c].Short
		if strings.Contains(name, s) && (best < 0 || len(s) > len(g.places[counties[best]].Short)) {
			best = k
		}
		if seat < 0 || g.places[c].Code < g.places[counties[seat]].Code {
			seat = k
		}
	}
	switch {
	case best >= 0:
		return best
	case g.belongsTo(name, pref):
		return seat
	}
	return -1
}

// belongsTo reports whether a unit that is not a county belongs to the
// prefecture pref: it is one of its zones, or its name starts with the first
// character of the prefecture's short name, as the names and abbreviations of
// its development zones do (金华开发区, 金开, 金义新区).
func (g *gazetteer) belongsTo(name, pref string) bool {
	for _, i := range g.byName[name] {
		if p := g.places[i]; p.Level == Zone && p.Parent == pref {
			return true
		}
	}
	for _, i := range g.byName[pref] {
		if p := g.places[i]; p.Level == Prefecture || p.Level == Province {
			first, _ := utf8.DecodeRuneInString(p.Short)
			return strings.HasPrefix(name, string(first))
		}
	}
	return false
}
