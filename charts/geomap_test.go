package charts

import (
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"shaipin/places"
	"shaipin/text"
)

// squares is the test boundary map: four squares named for sample units
// (婺城区, 金东, 兰溪市 under NAME, 义乌) and one for no unit (测试区).
func squares(t *testing.T, note string) *GeoMap {
	t.Helper()
	m, err := LoadMap(filepath.Join("testdata", "squares.geojson"), note)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReadMap(t *testing.T) {
	m := squares(t, "")
	if m.Note != "审图号:测试S(2024)001号" {
		t.Errorf("审图号 %q,应取自文件", m.Note)
	}
	if got := squares(t, "  审图号:浙S(2022)00号 ").Note; got != "审图号:浙S(2022)00号" {
		t.Errorf("--map-note 应优先: %q", got)
	}
	var names []string
	for _, f := range m.features {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "婺城区,金东,兰溪市,义乌,测试区" {
		t.Errorf("区域名称 %s", got)
	}
	// Rounded to 4 decimals, the repeated corner dropped, a Polygon
	// written as a MultiPolygon.
	if got := string(m.features[0].Geometry); got != `{"type":"MultiPolygon","coordinates":[[[[119.5,29],[119.6,29],[119.6,29.1],[119.5,29.1],[119.5,29]]]]}` {
		t.Errorf("婺城区边界 %s", got)
	}
}

func TestReadMapErrors(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"not json", `{`, "不是有效的 GeoJSON"},
		{"not a collection", `{"type":"Feature"}`, "应为 FeatureCollection"},
		{"empty", `{"type":"FeatureCollection","features":[]}`, "没有区域"},
		{"every problem", `{"type":"FeatureCollection","features":[
			{"properties":{},"geometry":{"type":"Polygon","coordinates":[]}},
			{"properties":{"name":"甲"},"geometry":{"type":"Point","coordinates":[1,2]}},
			{"properties":{"name":"乙"}}]}`, "第 1 个区域: 没有名称"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadMap(strings.NewReader(tc.file), "map.geojson", "")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "map.geojson: ") {
				t.Errorf("错误 %v,应含 %q", err, tc.want)
			}
			if tc.name == "every problem" && (!strings.Contains(err.Error(), `甲 的边界类型 "Point"`) || !strings.Contains(err.Error(), "乙 没有边界")) {
				t.Errorf("应列出每个区域的问题: %v", err)
			}
		})
	}
	// A file over the limit is refused before it is parsed.
	big := io.MultiReader(strings.NewReader(`{"type":"FeatureCollection","features":[`), &spaces{n: MaxMapFile})
	if _, err := ReadMap(big, "big.geojson", ""); err == nil || !strings.Contains(err.Error(), "超过 32 MB") {
		t.Errorf("超大文件: %v", err)
	}
}

// spaces reads n spaces.
type spaces struct{ n int }

func (s *spaces) Read(p []byte) (int, error) {
	if s.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), s.n)
	for i := range k {
		p[i] = ' '
	}
	s.n -= k
	return k, nil
}

func TestMapMatch(t *testing.T) {
	m := squares(t, "")
	units := sampleResult(t).Units
	if got := strings.Join(m.match(units), ","); got != "婺城区,金东区,兰溪市,义乌市," {
		t.Errorf("区域对应单位 %s", got)
	}
	// One warning names every area and every unit left over.
	ws := m.Warnings(units)
	if len(ws) != 1 {
		t.Fatalf("应只有一条警告: %v", ws)
	}
	for _, want := range []string{"1 个区域没有对应的单位(不着色):测试区", "6 个单位在地图上没有区域:", "金华开发区"} {
		if !strings.Contains(ws[0].Error(), want) {
			t.Errorf("警告 %q 缺少 %q", ws[0], want)
		}
	}
	// A short name two units share matches neither; no note is a warning.
	m.Note = ""
	m.features = m.features[:1]
	m.features[0].Name = "临夏"
	if got := m.match([]string{"临夏市", "临夏县"}); got[0] != "" {
		t.Errorf("临夏 不应对应 %q", got[0])
	}
	ws = m.Warnings([]string{"临夏市", "临夏县"})
	if len(ws) != 2 || !strings.Contains(errors.Join(ws...).Error(), "没有审图号") {
		t.Errorf("缺少审图号应有警告: %v", ws)
	}
}

// The page with a boundary map embeds the outlines, each matched area
// named by its unit, and prints the note under the map.
func TestMapInPage(t *testing.T) {
	res := sampleResult(t)
	var buf strings.Builder
	if err := Write(&buf, res, Options{Generated: fixedTime, Map: squares(t, "")}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{`data-build="geo" data-source="map-board"`, `<script type="application/json" id="map-geo">`,
		`<p class="map-note">审图号:测试S(2024)001号</p>`, `<select id="map-board"`} {
		if !strings.Contains(html, want) {
			t.Errorf("报告缺少 %q", want)
		}
	}
	if strings.Contains(html, `id="tile-map"`) {
		t.Error("有边界地图时不应再画方格地图")
	}
	i := strings.Index(html, `id="map-geo">`)
	var fc struct {
		Features []struct{ Properties map[string]string }
	}
	if err := json.NewDecoder(strings.NewReader(html[i+len(`id="map-geo">`):])).Decode(&fc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range fc.Features {
		names = append(names, f.Properties["name"])
	}
	if got := strings.Join(names, ","); got != "婺城区,金东区,兰溪市,义乌市,测试区" {
		t.Errorf("内嵌地图的区域名称 %s", got)
	}
}

// The sample gets a tile map of its ten units; a province of made-up
// names gets none.
func TestTileMapInPage(t *testing.T) {
	if !places.Available() {
		t.Skip("地名数据未内嵌(未运行 make assets)")
	}
	res := sampleResult(t)
	html := render(t, res)
	if n := strings.Count(html, `class="tile `); n != 10 {
		t.Errorf("方格地图有 %d 格,应为 10 格", n)
	}
	for _, want := range []string{`id="tile-map"`, `<a href="#map">地图</a>`, `<option value="0">总榜(综合得分)</option>`,
		`<span class="full">金华开发区</span><span class="short">开发区</span>`, `<span class="full">婺城区</span><span class="short">婺城</span>`} {
		if !strings.Contains(html, want) {
			t.Errorf("报告缺少 %q", want)
		}
	}
	if html := render(t, provinceResult(t, 90, 20, 1)); strings.Contains(html, `id="map"`) {
		t.Error("虚构单位的省级报告不应有地图")
	}
	// The boards: 总榜, then every ranked indicator, each unit's tier in the
	// order of the units given.
	boards, opts := newMapBoards(res, res.Units)
	at := map[string]int{}
	for i, u := range res.Units {
		at[u] = i
	}
	for _, ov := range res.Overall {
		if got, want := boards[0].Tiers[at[ov.Unit]], text.StyleOf(ov.Tier).Code; got != want {
			t.Errorf("%s 的总榜档次 %c,应为 %c", ov.Unit, got, want)
		}
	}
	ranked := 0
	for _, ind := range res.Indicators {
		if ind.Ranked {
			ranked++
		}
	}
	if boards[0].Name != "总榜" || len(boards) != 1+ranked || len(opts) != 1+len(res.Groups()) {
		t.Errorf("榜单 %d 个(%d 组),应为总榜加 %d 项参与排名的指标", len(boards), len(opts), ranked)
	}
}
