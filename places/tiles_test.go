package places

import (
	"fmt"
	"slices"
	"testing"
)

// jinhua is the default unit list of the sample (docs: domain.md).
var jinhua = []string{"婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县", "金华开发区"}

// cells maps each unit to its cell and fails on a shared cell or a unit
// without a tile.
func cells(t *testing.T, m TileMap, units []string) map[string]Tile {
	t.Helper()
	byUnit, seen := map[string]Tile{}, map[[2]int]string{}
	for _, tile := range m.Tiles {
		if tile.Col < 0 || tile.Row < 0 || tile.Col >= m.Cols || tile.Row >= m.Rows {
			t.Errorf("%s at (%d,%d) outside the %dx%d map", tile.Unit, tile.Col, tile.Row, m.Cols, m.Rows)
		}
		if other, ok := seen[[2]int{tile.Col, tile.Row}]; ok {
			t.Errorf("%s and %s share cell (%d,%d)", other, tile.Unit, tile.Col, tile.Row)
		}
		seen[[2]int{tile.Col, tile.Row}] = tile.Unit
		byUnit[tile.Unit] = tile
	}
	for _, u := range units {
		if _, ok := byUnit[u]; !ok {
			t.Errorf("%s has no tile", u)
		}
	}
	return byUnit
}

// adjacent reports whether two tiles touch, diagonals included.
func adjacent(a, b Tile) bool {
	return max(abs(a.Col-b.Col), abs(a.Row-b.Row)) == 1
}

func abs(x int) int { return max(x, -x) }

// TestTilesJinhua checks the sample's map against the real map of Jinhua:
// 兰溪 north-west, 浦江 north, 义乌 north-east of the centre, 东阳 east,
// 磐安 east/south-east, 永康 south, 武义 south-west, 婺城 west, 金东 in the
// middle, and 金华开发区 next to 婺城 (the seat).
func TestTilesJinhua(t *testing.T) {
	needData(t)
	m, ok := Tiles(jinhua)
	if !ok {
		t.Fatal("no tile map for Jinhua")
	}
	t.Logf("%s, %d×%d:\n%s", m.Prefecture, m.Cols, m.Rows, m)
	if m.Prefecture != "金华市" || len(m.Tiles) != len(jinhua) {
		t.Fatalf("prefecture %q, %d tiles", m.Prefecture, len(m.Tiles))
	}
	c := cells(t, m, jinhua)
	for i, u := range jinhua {
		if m.Tiles[i].Unit != u {
			t.Errorf("tile %d is %s, want %s (units' order)", i, m.Tiles[i].Unit, u)
		}
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"义乌 east of 婺城", c["义乌市"].Col > c["婺城区"].Col},
		{"兰溪 in the west column", c["兰溪市"].Col == 0},
		{"兰溪 north of 婺城", c["兰溪市"].Row < c["婺城区"].Row},
		{"浦江 in the north row", c["浦江县"].Row == 0},
		{"浦江 west of 义乌", c["浦江县"].Col < c["义乌市"].Col},
		{"义乌 north of 永康", c["义乌市"].Row < c["永康市"].Row},
		{"东阳 east of 义乌", c["东阳市"].Col >= c["义乌市"].Col && c["东阳市"] != c["义乌市"]},
		{"磐安 in the east column", c["磐安县"].Col == m.Cols-1},
		{"磐安 not north of 东阳", c["磐安县"].Row >= c["东阳市"].Row},
		{"永康 in the south row", c["永康市"].Row == m.Rows-1},
		{"武义 south of 婺城", c["武义县"].Row > c["婺城区"].Row},
		{"武义 west of 永康", c["武义县"].Col < c["永康市"].Col},
		{"婺城 in the west column", c["婺城区"].Col == 0},
		{"金东 inside", c["金东区"].Col > 0 && c["金东区"].Col < m.Cols-1 && c["金东区"].Row > 0 && c["金东区"].Row < m.Rows-1},
		{"金华开发区 next to 婺城", adjacent(c["金华开发区"], c["婺城区"])},
		{"金华开发区 has no code", c["金华开发区"].Code == "" && c["婺城区"].Code == "330702"},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("%s: no\n%s", ch.what, m)
		}
	}
}

// TestTilesSameForAnyOrderAndForm: the map depends on the set of units, not
// on their order or on full versus short names.
func TestTilesSameForAnyOrderAndForm(t *testing.T) {
	needData(t)
	want, _ := Tiles(jinhua)
	reversed := slices.Clone(jinhua)
	slices.Reverse(reversed)
	short := []string{"婺城", "金东", "兰溪", "东阳", "义乌", "永康", "浦江", "武义", "磐安", "金华开发区"}
	tests := []struct {
		units []string
		same  func(i int) int // the index in jinhua of units[i]
	}{
		{reversed, func(i int) int { return len(jinhua) - 1 - i }},
		{short, func(i int) int { return i }},
	}
	for _, tt := range tests {
		m, ok := Tiles(tt.units)
		if !ok {
			t.Fatalf("Tiles(%v): no map", tt.units)
		}
		for i, u := range tt.units {
			got, w := m.Tiles[i], want.Tiles[tt.same(i)]
			if got.Col != w.Col || got.Row != w.Row {
				t.Errorf("%s at (%d,%d), want (%d,%d) as for %s", u, got.Col, got.Row, w.Col, w.Row, w.Unit)
			}
		}
	}
}

func TestTilesPlacement(t *testing.T) {
	needData(t)
	counties := jinhua[:9]
	tests := []struct {
		name   string
		units  []string
		beside map[string]string // extra unit → the county its tile must touch
	}{
		{"counties only", counties, nil},
		{"zone named for a county", append(slices.Clone(counties), "义乌经济技术开发区"), map[string]string{"义乌经济技术开发区": "义乌市"}},
		{"two zones named for the city", append(slices.Clone(counties), "金华开发区", "金义新区"),
			map[string]string{"金华开发区": "婺城区", "金义新区": "婺城区"}},
		{"three counties", []string{"婺城区", "义乌市", "磐安县"}, nil},
		{"a municipality's districts", []string{"东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区"}, nil},
		{"a short name two counties share (临夏市, 临夏县) is placed, not matched", []string{"临夏", "永靖县", "广河县", "和政县"},
			map[string]string{"临夏": "永靖县"}},
		{"a statistical zone of the prefecture", []string{"越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县", "绍兴高新技术产业开发区"}, nil},
	}
	for _, tt := range tests {
		m, ok := Tiles(tt.units)
		if !ok {
			t.Errorf("%s: no map for %v", tt.name, tt.units)
			continue
		}
		c := cells(t, m, tt.units)
		for extra, county := range tt.beside {
			if c[extra].Code != "" {
				t.Errorf("%s: %s has code %s", tt.name, extra, c[extra].Code)
			}
			if !adjacent(c[extra], c[county]) {
				t.Errorf("%s: %s not next to %s\n%s", tt.name, extra, county, m)
			}
		}
	}
}

func TestTilesNone(t *testing.T) {
	needData(t)
	var synthetic []string
	for i := 1; i <= 90; i++ {
		synthetic = append(synthetic, fmt.Sprintf("单位%04d", i))
	}
	tests := []struct {
		name  string
		units []string
	}{
		{"synthetic province", synthetic},
		{"no units", nil},
		{"two counties", []string{"婺城区", "金东区"}},
		{"counties of several prefectures", []string{"婺城区", "上城区", "越城区", "鹿城区", "吴兴区"}},
		{"a total row", append(slices.Clone(jinhua[:9]), "全市合计")},
		{"three units beside", append(slices.Clone(jinhua[:9]), "金华开发区", "金义新区", "金开")},
		{"a prefecture's own name", append(slices.Clone(jinhua[:9]), "浙江省")},
		{"a county of another prefecture", append(slices.Clone(jinhua[:9]), "诸暨市")},
		{"the prefecture's total row", append(slices.Clone(jinhua[:9]), "金华市")},
		{"the prefecture's total row, short", append(slices.Clone(jinhua[:9]), "金华")},
	}
	for _, tt := range tests {
		if m, ok := Tiles(tt.units); ok {
			t.Errorf("%s: a map for %v\n%s", tt.name, tt.units, m)
		}
	}
}

// TestTilesEveryPrefecture lays out the counties of every prefecture and
// municipality: each gets a map without shared cells, and the maps keep the
// west/east and north/south order of nearly every pair of counties.
func TestTilesEveryPrefecture(t *testing.T) {
	needData(t)
	g := load()
	byPref := map[string][]Place{}
	for _, p := range g.places {
		if p.Level == County && p.Parent != "" && p.HasPoint {
			byPref[p.Parent] = append(byPref[p.Parent], p)
		}
	}
	maps, pairs, inverted, far := 0, 0, 0, 0
	for pref, counties := range byPref {
		if len(counties) < 3 {
			continue
		}
		units := make([]string, len(counties))
		for i, p := range counties {
			units[i] = p.Name
		}
		m, ok := Tiles(units)
		if !ok || m.Prefecture != pref {
			t.Errorf("%s: map %v for %q", pref, ok, m.Prefecture)
			continue
		}
		maps++
		cells(t, m, units)
		for i, a := range counties {
			for j, b := range counties {
				ta, tb := m.Tiles[i], m.Tiles[j]
				for _, d := range []struct {
					deg  float64 // how far a lies east (north) of b
					back bool    // its tile lies west (south) of b's
				}{{a.Lng - b.Lng, ta.Col < tb.Col}, {a.Lat - b.Lat, ta.Row > tb.Row}} {
					if d.deg <= 0 {
						continue
					}
					pairs++
					if d.back {
						inverted++
						if d.deg > 0.2 {
							far++
						}
					}
				}
			}
		}
	}
	t.Logf("%d maps, %d ordered pairs: %d (%.2f%%) inverted, %d (%.2f%%) by more than 0.2°",
		maps, pairs, inverted, 100*float64(inverted)/float64(pairs), far, 100*float64(far)/float64(pairs))
	if maps < 300 {
		t.Errorf("only %d prefectures got a map", maps)
	}
	if float64(inverted) > 0.015*float64(pairs) || float64(far) > 0.003*float64(pairs) {
		t.Errorf("too many inverted pairs")
	}
}
