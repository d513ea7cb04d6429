package charts

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"shaipin/data"
	"shaipin/rank"
)

// A boundary map the office supplies (report --map FILE.geojson): the
// county outlines from the national standard-map service, which come with
// a map approval number (审图号) that must be printed with the map. The
// report embeds the outlines (coordinates rounded to geoDecimals) so that
// it stays one offline file, and names each outline by the unit it matched.

// Size limits of a boundary map: the file read, and the outlines embedded
// in the report after rounding.
const (
	MaxMapFile     = 32 << 20
	maxMapEmbedded = 3 << 20
)

// geoDecimals is the decimals kept of a coordinate: 1e-4 degrees is about
// 10 m, finer than a county map drawn a few hundred pixels wide can show.
const geoDecimals = 4

// nameKeys are the feature properties that may hold an area's name.
var nameKeys = []string{"name", "NAME", "Name", "名称"}

// approvalKey is the property that may hold the map approval number.
const approvalKey = "审图号"

// GeoMap is a boundary map: its areas' names and rounded outlines.
type GeoMap struct {
	// File is the file's base name, for messages.
	File string
	// Note is printed under the map: --map-note, or the file's 审图号.
	Note     string
	features []geoFeature
}

type geoFeature struct {
	Name     string
	Geometry json.RawMessage
}

// geoFile is the part of a GeoJSON FeatureCollection the report reads.
type geoFile struct {
	Type     string           `json:"type"`
	Features []geoFileFeature `json:"features"`
	// The approval number may stand beside the features, at the top level
	// or in (non-standard) collection properties.
	Approval   string         `json:"审图号"`
	Properties map[string]any `json:"properties"`
}

type geoFileFeature struct {
	Properties map[string]any `json:"properties"`
	Geometry   *geoGeometry   `json:"geometry"`
}

type geoGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// LoadMap reads a GeoJSON boundary map. note, when not empty, is printed
// under the map instead of the file's own 审图号.
func LoadMap(path, note string) (*GeoMap, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取地图文件: %w", err)
	}
	defer f.Close()
	return ReadMap(f, filepath.Base(path), note)
}

// ReadMap reads a GeoJSON FeatureCollection of Polygon and MultiPolygon
// areas from r, refusing more than MaxMapFile bytes.
func ReadMap(r io.Reader, name, note string) (*GeoMap, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxMapFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取地图文件: %w", name, err)
	}
	if len(b) > MaxMapFile {
		return nil, fmt.Errorf("%s: 地图文件超过 %d MB,请先用 mapshaper 等工具简化边界后再用 --map 指定", name, MaxMapFile>>20)
	}
	var gf geoFile
	if err := json.Unmarshal(b, &gf); err != nil {
		return nil, fmt.Errorf("%s: 不是有效的 GeoJSON: %w", name, err)
	}
	if gf.Type != "FeatureCollection" {
		return nil, fmt.Errorf("%s: GeoJSON 应为 FeatureCollection(各区县一个 Feature),而不是 %q", name, gf.Type)
	}
	m := &GeoMap{File: name, Note: strings.TrimSpace(note)}
	approval := strings.TrimSpace(gf.Approval)
	if approval == "" {
		approval = stringProp(gf.Properties, approvalKey)
	}
	var errs []error
	size := 0
	for i, f := range gf.Features {
		g, err := readFeature(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: 第 %d 个区域: %w", name, i+1, err))
			continue
		}
		if approval == "" {
			approval = stringProp(f.Properties, approvalKey)
		}
		size += len(g.Geometry) + len(g.Name)
		m.features = append(m.features, g)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(m.features) == 0 {
		return nil, fmt.Errorf("%s: 地图文件中没有区域", name)
	}
	if size > maxMapEmbedded {
		return nil, fmt.Errorf("%s: 边界在保留 %d 位小数后仍有 %.1f MB,超过报告可内嵌的 %d MB;请先用 mapshaper 等工具简化边界", name, geoDecimals, float64(size)/(1<<20), maxMapEmbedded>>20)
	}
	if m.Note == "" && approval != "" {
		m.Note = approval
		if !strings.Contains(approval, approvalKey) {
			m.Note = approvalKey + ":" + approval
		}
	}
	return m, nil
}

// readFeature reads one area: its name and its outline, rounded.
func readFeature(f geoFileFeature) (geoFeature, error) {
	name := ""
	for _, k := range nameKeys {
		if name = stringProp(f.Properties, k); name != "" {
			break
		}
	}
	if name == "" {
		return geoFeature{}, errors.New("没有名称(properties.name)")
	}
	if f.Geometry == nil {
		return geoFeature{}, fmt.Errorf("%s 没有边界(geometry)", name)
	}
	var rings [][][][2]float64
	switch f.Geometry.Type {
	case "Polygon":
		var poly [][][2]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &poly); err != nil {
			return geoFeature{}, fmt.Errorf("%s 的坐标无法读取: %w", name, err)
		}
		rings = [][][][2]float64{poly}
	case "MultiPolygon":
		if err := json.Unmarshal(f.Geometry.Coordinates, &rings); err != nil {
			return geoFeature{}, fmt.Errorf("%s 的坐标无法读取: %w", name, err)
		}
	default:
		return geoFeature{}, fmt.Errorf("%s 的边界类型 %q 不是 Polygon 或 MultiPolygon", name, f.Geometry.Type)
	}
	g, err := json.Marshal(geoGeometry{Type: "MultiPolygon", Coordinates: mustJSON(roundPolygons(rings))})
	if err != nil {
		return geoFeature{}, err
	}
	return geoFeature{Name: normalizeName(name), Geometry: g}, nil
}

// mustJSON encodes a value that always encodes (numbers in slices).
func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// stringProp is a string property, trimmed; "" when absent or not text.
func stringProp(p map[string]any, key string) string {
	s, _ := p[key].(string)
	return strings.TrimSpace(s)
}

// roundPolygons rounds every coordinate to geoDecimals and drops the points
// that rounding made repeat; a ring left with fewer than four points (a
// sliver) is dropped, a polygon without its outer ring too.
func roundPolygons(polys [][][][2]float64) [][][][2]float64 {
	var out [][][][2]float64
	for _, poly := range polys {
		var rings [][][2]float64
		for i, ring := range poly {
			var r [][2]float64
			for _, pt := range ring {
				q := [2]float64{data.Round(pt[0], geoDecimals), data.Round(pt[1], geoDecimals)}
				if len(r) == 0 || r[len(r)-1] != q {
					r = append(r, q)
				}
			}
			if len(r) < 4 {
				if i == 0 {
					break
				}
				continue
			}
			rings = append(rings, r)
		}
		if len(rings) > 0 {
			out = append(out, rings)
		}
	}
	return out
}

// normalizeName drops spaces, which tables use to pad names (婺  城).
func normalizeName(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// adminSuffixes end the names of county-level areas, longest first.
var adminSuffixes = []string{"自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗"}

// shortKey is a name without its administrative suffix (婺城区, 婺城 → 婺城),
// unless that would leave a single character (和县).
func shortKey(name string) string {
	name = normalizeName(name)
	for _, s := range adminSuffixes {
		if rest, ok := strings.CutSuffix(name, s); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return name
}

// match names each area by its unit: the unit of the same name, else the
// one of the same short name when that is unambiguous on both sides. It
// returns the unit of each area ("" when none).
func (m *GeoMap) match(units []string) []string {
	out := make([]string, len(m.features))
	taken := map[string]bool{}
	exact := map[string]string{}
	for _, u := range units {
		exact[normalizeName(u)] = u
	}
	for i, f := range m.features {
		if u, ok := exact[f.Name]; ok && !taken[u] {
			out[i], taken[u] = u, true
		}
	}
	unitsByKey, areasByKey := map[string][]string{}, map[string][]int{}
	for _, u := range units {
		if !taken[u] {
			unitsByKey[shortKey(u)] = append(unitsByKey[shortKey(u)], u)
		}
	}
	for i, f := range m.features {
		if out[i] == "" {
			areasByKey[shortKey(f.Name)] = append(areasByKey[shortKey(f.Name)], i)
		}
	}
	for k, areas := range areasByKey {
		if us := unitsByKey[k]; len(us) == 1 && len(areas) == 1 {
			out[areas[0]] = us[0]
		}
	}
	return out
}

// Warnings are what the office should know before forwarding the map: one
// warning listing the areas no unit matched and the units no area matched,
// and one when the map has no approval number to print.
func (m *GeoMap) Warnings(units []string) []error {
	var out []error
	if err := m.unmatched(units); err != nil {
		out = append(out, err)
	}
	if m.Note == "" {
		out = append(out, fmt.Errorf("地图 %s 没有审图号:公开使用的地图须注明审图号,请用 --map-note \"审图号:…\" 写在地图下方", m.File))
	}
	return out
}

// unmatched is the one warning about a map and the units: the areas no
// unit matched and the units no area matched (they are left uncoloured);
// nil when every area and every unit found its match.
func (m *GeoMap) unmatched(units []string) error {
	matched := m.match(units)
	var areas, missing []string
	has := map[string]bool{}
	for i, u := range matched {
		if u == "" {
			areas = append(areas, m.features[i].Name)
		}
		has[u] = true
	}
	for _, u := range units {
		if !has[u] {
			missing = append(missing, u)
		}
	}
	if len(areas) == 0 && len(missing) == 0 {
		return nil
	}
	sort.Strings(areas)
	var parts []string
	if len(areas) > 0 {
		parts = append(parts, fmt.Sprintf("%d 个区域没有对应的单位(不着色):%s", len(areas), strings.Join(areas, "、")))
	}
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%d 个单位在地图上没有区域:%s", len(missing), strings.Join(missing, "、")))
	}
	return fmt.Errorf("地图 %s: %s;区域按名称或简称(去掉区、县、市)与单位对应", m.File, strings.Join(parts, ";"))
}

// geoJSON is the map as embedded in the report: each matched area named by
// its unit, its other properties left out.
func (m *GeoMap) geoJSON(units []string) ([]byte, error) {
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   json.RawMessage   `json:"geometry"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection"}
	for i, u := range m.match(units) {
		name := u
		if name == "" {
			name = m.features[i].Name
		}
		fc.Features = append(fc.Features, feature{Type: "Feature", Properties: map[string]string{"name": name}, Geometry: m.features[i].Geometry})
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return nil, fmt.Errorf("地图数据编码失败: %w", err)
	}
	return b, nil
}

// chart is the boundary map's skeleton and the outlines it draws: the
// page's script registers them and colours the areas by the board picked
// (init.js buildGeo).
func (m *GeoMap) chart(res *rank.Result, b *builder, units []string) (chartRef, template.JS, error) {
	geo, err := m.geoJSON(units)
	if err != nil {
		return chartRef{}, "", err
	}
	o := newChart("", "", "地图-"+res.Month.String())
	o.Series = []series{{Type: types.ChartMap, Name: "地图",
		Label:     &label{Label: opts.Label{Show: opts.Bool(true), FontSize: 12, Color: colorText}},
		ItemStyle: &opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 1},
	}}
	c, err := b.chart(o, 420, "地图:各单位按所选榜单的档次着色")
	if err != nil {
		return chartRef{}, "", err
	}
	c.Build, c.Source = "geo", "map-board"
	return c, template.JS(geo), nil
}
