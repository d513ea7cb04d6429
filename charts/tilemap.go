package charts

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"shaipin/data"
	"shaipin/places"
	"shaipin/rank"
	"shaipin/text"
)

// The 地图 section: the units on a map, coloured by the tiers of the board
// the reader picks (总榜, or any ranked indicator). By default a tile map:
// one equal square per unit, placed by the units' real relative positions
// (package places), drawn as HTML so that it prints sharply, reads on a
// phone and needs no map approval. With Options.Map it is the boundary map
// the office supplied (geomap.go), an ECharts map series.

// mapView is the 地图 section; nil when the units are on no known map and
// no boundary map was given.
type mapView struct {
	Tiles *tileGrid // the tile map, or nil
	Geo   *chartRef // the boundary map, or nil
	Note  string    // the boundary map's 审图号 line
	// GeoJSON is the boundary map's outlines, for its island.
	GeoJSON template.JS
	// Boards feed the picker; Board names the one shown at first.
	Boards []optGroup
	Board  string
	// JSON is the island the page's script recolours the map from.
	JSON template.JS
}

// tileGrid is a tile map laid out on a CSS grid.
type tileGrid struct {
	Cols, Rows int
	// Short says tiles are too narrow on a phone for full names.
	Short bool
	Tiles []tileCell
}

// tileCell is one unit's square. Col and Row count from 1, as CSS grid
// lines do.
type tileCell struct {
	Col, Row           int
	Unit, Short        string
	Class, Rank, Value string
	Title              string
	Anchor             string // the unit's profile, "" in the compact layout
}

// mapData is the map island: per board, each unit's tier letter (as in
// the packed data), the rank and value shown on its tile, and the tile's
// title. Units are in the order of the tiles (and of mapBoard's fields).
type mapData struct {
	Units  []string   `json:"units"`
	Boards []mapBoard `json:"boards"`
}

type mapBoard struct {
	Name   string   `json:"n"`
	Tiers  string   `json:"k"`
	Ranks  []string `json:"r"`
	Values []string `json:"v"`
	Titles []string `json:"t"`
}

// shortTileCols is the width of a tile map, in tiles, from which a phone
// shows short names (婺城 for 婺城区): five tiles across 347 px are 69 px.
const shortTileCols = 5

// newMapBoards is the boards a map can show: 总榜, then every ranked
// indicator, each unit's cell in the order of units.
func newMapBoards(res *rank.Result, units []string) ([]mapBoard, []optGroup) {
	at := make(map[string]int, len(units))
	for i, u := range units {
		at[u] = i
	}
	total := newMapBoard("总榜", len(units))
	for _, ov := range res.Overall {
		i, ok := at[ov.Unit]
		if !ok {
			continue
		}
		rk, score := "未参与", ""
		if ov.Rank != nil && ov.Score != nil {
			rk, score = text.Rank(rank.Entry{Rank: ov.Rank, Tie: ov.Tie}), data.Fixed(*ov.Score, 2)
		}
		total.set(i, text.StyleOf(ov.Tier).Code, rk, score, ov.Unit+":"+text.Overall(ov, res.Rules))
	}
	boards := []mapBoard{total}
	opts := []optGroup{{Label: "总榜", Items: []optItem{{Value: 0, Name: "总榜(综合得分)"}}}}
	groupAt := map[string]int{}
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		b := newMapBoard(ind.Name, len(units))
		for _, e := range ind.Entries {
			if i, ok := at[e.Unit]; ok {
				v := valueText(ind, e) + ind.Unit
				if e.Value == nil {
					v = ""
				}
				b.set(i, text.StyleOf(e.Tier).Code, text.Rank(e), v, e.Unit+" · "+ind.Name+":"+strings.TrimSpace(v+" "+text.Rank(e)))
			}
		}
		gi, ok := groupAt[ind.Group]
		if !ok {
			gi = len(opts)
			groupAt[ind.Group] = gi
			opts = append(opts, optGroup{Label: ind.Group})
		}
		opts[gi].Items = append(opts[gi].Items, optItem{Value: len(boards), Name: ind.Name})
		boards = append(boards, b)
	}
	return boards, opts
}

// newMapBoard is a board of n units, none ranked until set.
func newMapBoard(name string, n int) mapBoard {
	b := mapBoard{Name: name, Ranks: make([]string, n), Values: make([]string, n), Titles: make([]string, n)}
	tiers := make([]byte, n)
	for i := range tiers {
		tiers[i] = text.StyleOf(rank.None).Code
	}
	b.Tiers = string(tiers)
	for i := range b.Ranks {
		b.Ranks[i] = "未报送"
	}
	return b
}

// set writes unit i's cell.
func (b *mapBoard) set(i int, tier byte, rk, value, title string) {
	t := []byte(b.Tiers)
	t[i] = tier
	b.Tiers = string(t)
	b.Ranks[i], b.Values[i], b.Titles[i] = rk, value, title
}

// classOf is the CSS class of a tier letter.
func classOf(code byte) string {
	for _, t := range []rank.Tier{rank.Top, rank.Middle, rank.Bottom} {
		if st := text.StyleOf(t); st.Code == code {
			return st.Class
		}
	}
	return text.StyleOf(rank.None).Class
}

// newTileGrid draws the tile map m coloured by board. profiles maps
// units to their 单位画像 anchors.
func newTileGrid(m places.TileMap, board mapBoard, profiles map[string]string) *tileGrid {
	g := &tileGrid{Cols: m.Cols, Rows: m.Rows, Short: m.Cols >= shortTileCols}
	prefix := prefectureShort(m.Prefecture)
	for i, t := range m.Tiles {
		g.Tiles = append(g.Tiles, tileCell{
			Col: t.Col + 1, Row: t.Row + 1, Unit: t.Unit, Short: shortName(t, prefix),
			Class: classOf(board.Tiers[i]), Rank: board.Ranks[i], Value: board.Values[i], Title: board.Titles[i],
			Anchor: profiles[t.Unit],
		})
	}
	return g
}

// prefectureShort is the short name of a prefecture (金华 for 金华市).
func prefectureShort(pref string) string {
	for _, p := range places.Lookup(pref) {
		if p.Level == places.Prefecture || p.Level == places.Province {
			return p.Short
		}
	}
	return ""
}

// shortName is a tile's name when tiles are small: a county's short name
// (婺城), a unit placed beside one without the prefecture's name (开发区
// for 金华开发区), or the name itself.
func shortName(t places.Tile, prefix string) string {
	for _, p := range places.Lookup(t.Unit) {
		if p.Code == t.Code && t.Code != "" {
			return p.Short
		}
	}
	if rest, ok := strings.CutPrefix(t.Unit, prefix); ok && prefix != "" && utf8.RuneCountInString(rest) >= 2 {
		return rest
	}
	return t.Unit
}

// newMapView builds the 地图 section: the boundary map geo when given,
// else the tile map when the units are the county-level units of one known
// prefecture; nil otherwise. profiles maps units to their 单位画像 anchors.
func newMapView(res *rank.Result, b *builder, geo *GeoMap, profiles map[string]string) (*mapView, error) {
	units := res.Units
	var tiles places.TileMap
	if geo == nil {
		var ok bool
		if tiles, ok = places.Tiles(res.Units); !ok {
			return nil, nil
		}
		units = make([]string, len(tiles.Tiles))
		for i, t := range tiles.Tiles {
			units[i] = t.Unit
		}
	}
	boards, opts := newMapBoards(res, units)
	v := &mapView{Boards: opts, Board: boards[0].Name}
	if geo == nil {
		v.Tiles = newTileGrid(tiles, boards[0], profiles)
	} else {
		c, outlines, err := geo.chart(res, b, units)
		if err != nil {
			return nil, err
		}
		v.Geo, v.Note, v.GeoJSON = &c, geo.Note, outlines
	}
	js, err := json.Marshal(mapData{Units: units, Boards: boards})
	if err != nil {
		return nil, fmt.Errorf("地图数据编码失败: %w", err)
	}
	v.JSON = template.JS(js)
	return v, nil
}
