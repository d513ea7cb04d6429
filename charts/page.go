// Package charts renders the leaderboard as one self-contained, offline
// HTML page: ECharts options in go-echarts' types (option.go) in our own
// html/template page, with ECharts inlined. The words come from package text.
//
// Safety: chart options are JSON (json.Marshal escapes <, > and &) in
// <script type="application/json"> islands that a small inline script
// parses; names never reach markup or code unescaped. A Content Security
// Policy allows only the page's own two scripts (by hash) and no network
// at all, so the page works and stays inert offline.
package charts

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// Options control the page.
type Options struct {
	// Generated is shown in the header. The same result and the same
	// Generated give a byte-identical page.
	Generated time.Time
	// Layout chooses between the full page and the compact one; the zero
	// value picks by size.
	Layout Layout
	// Map is the boundary map the office supplied (LoadMap), drawn instead
	// of the tile map; nil draws the tile map when the units are the
	// county-level units of one known prefecture.
	Map *GeoMap
}

// Layout is how much of the leaderboard the page draws up front.
type Layout int

// The layouts.
const (
	// LayoutAuto is LayoutFull up to CompactUnits units and
	// CompactIndicators indicators, LayoutCompact beyond.
	LayoutAuto Layout = iota
	// LayoutFull draws every chart: a bar chart per indicator, the rank
	// matrix, a profile with a chart per unit. Right for a city.
	LayoutFull
	// LayoutCompact is for a province or the nation: the board and tally
	// as one searchable, sortable table, the top and bottom of every
	// indicator as lists, and charts only for the indicator the reader
	// picks, built on demand from the packed data island.
	LayoutCompact
)

// Above these sizes the page switches to the compact layout: a bar chart
// of 40 units is still readable, and 120 indicators are as many charts as a
// page should start.
const (
	CompactUnits      = 40
	CompactIndicators = 120
)

// compact tells which layout res gets.
func (o Options) compact(res *rank.Result) bool {
	switch o.Layout {
	case LayoutFull:
		return false
	case LayoutCompact:
		return true
	}
	return len(res.Units) > CompactUnits || len(res.Indicators) > CompactIndicators
}

//go:embed page.html.tmpl
var pageSource string

//go:embed init.js
var initJS string

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// Write renders the report page for res.
func Write(w io.Writer, res *rank.Result, opts Options) error {
	p, err := newPage(res, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	// The page is mostly the bundle and the data island: one allocation
	// instead of doubling up to several MB.
	buf.Grow(len(p.ECharts) + len(p.Data) + 300*len(p.Rows) + 400*len(p.Lists) + 1<<18)
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("生成 HTML 报告失败: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// chartRef is one chart on the page: its container and its options island.
type chartRef struct {
	ID     string
	Height int
	Label  string // accessible description of the chart
	JSON   template.JS
	// Build names the builder in init.js that completes a skeleton option
	// from the data island ("bump", "bars"); Source is the board it shows:
	// "overall", or the id of the <select> that picks the indicator.
	Build, Source string
}

// pageData is everything the template shows.
type pageData struct {
	Title       string
	PeriodLabel string
	Previous    string // the period changes are measured from, for people
	Source      string
	Generated   string
	Units       int
	Indicators  int
	Ranked      int
	Rules       []text.Rule
	RulesBrief  string
	Labels      text.Labels
	// Tiers colour the page's badges and swatches as the charts.
	Tiers   tierColors
	Nav     []navItem
	Compact bool

	Summary  string
	Flags    *flagsView
	Overall  []overallRow
	Unscored []unrankedRow
	Board    chartRef
	Tally    []tallyRow
	Tallies  chartRef
	Matrix   chartRef
	// MatrixTable is the 排名矩阵 as printed (matrix_table.go).
	MatrixTable *matrixTable
	Map         *mapView
	Groups      []groupView
	Profiles    []profileView
	Trend       *trendView

	// Compact layout.
	Rows     []unitRow
	Explorer chartRef
	Explore  []optGroup
	Lists    []groupList

	// UnitNames feed the unit pickers; PickerSelect uses a <select> (few
	// units) instead of a search box with suggestions.
	UnitNames    []string
	PickerSelect bool
	// Data is the packed data island ("" when no chart needs it).
	Data template.JS

	verdictView

	CSP     string
	ECharts template.JS // the inlined bundle, or "" to load CDN
	CDN     string
	Init    template.JS
}

// tierColors are the tiers' colours for the page's CSS.
type tierColors struct{ Top, Middle, Bottom, OnBottom, Missing string }

func newTierColors() tierColors {
	bottom := text.StyleOf(rank.Bottom)
	return tierColors{Top: text.StyleOf(rank.Top).Color, Middle: text.StyleOf(rank.Middle).Color,
		Bottom: bottom.Color, OnBottom: bottom.OnColor, Missing: text.StyleOf(rank.None).Color}
}

// navItem is a section in the page's sticky table of contents.
type navItem struct{ ID, Label string }

// Adding a section to the page (as 数据核查 or 红黄旗 would be added):
//
//  1. build its view in a function of its own and call it from fullParts
//     and/or compactParts where the section stands in the page's order,
//     then p.nav(id, 目录名) there: the table of contents lists sections
//     in the order nav is called, which must be the order of the page;
//  2. in page.html.tmpl write <section id="id"><h2>标题<small>说明</small>
//     </h2>…</section> at the same place, guarded by {{with .YourView}};
//     a sentence meant only for the screen ("点击表头可排序") gets
//     class="hint", which print leaves out; a table's header cells carry
//     their text in data-label (see "sortable" in the template) when they
//     hold buttons, since print repeats header rows without buttons;
//  3. a note about the whole report (data provenance, a caveat) that
//     should not push the 总榜 off a phone's first screen goes into the
//     masthead's fold (<details class="about">) as a <p>; a warning every
//     reader must see goes above it, as a <p class="banner">.
//
// init.js needs no change: the table of contents highlights the section
// in view by its id, and charts start as they come into view.

// nav adds a section to the table of contents.
func (p *pageData) nav(id, label string) { p.Nav = append(p.Nav, navItem{id, label}) }

// boardCells are a unit's cells on the overall board, in both layouts.
type boardCells struct {
	Rank, Unit, Score, Tier, TierClass string
	Change, ChangeClass                string
	RankValue                          int // sort key, unranked last
	// Reverse is the rank from the worst end when it placed the unit
	// ("倒数并列第3"); Edge marks a borderline flag (边缘); Interval is the
	// robustness rank interval ("1—6") and IntervalKey its sort key.
	Reverse, Interval, IntervalKey string
	Edge                           bool
	Ranked                         bool // on the board (else Why says why not)
}

// newBoardCells writes a unit's place on the overall board: rank ("并列 2",
// "—"), score, tier ("前3位", "—" when not ranked) and change.
func newBoardCells(ov rank.Overall, o rank.Options) boardCells {
	c := boardCells{Rank: "—", Unit: ov.Unit, Score: "—", Tier: "—", TierClass: text.StyleOf(ov.Tier).Class,
		Change: rank.ChangeLabel(ov.Change), ChangeClass: changeClass(ov.Change), RankValue: 1 << 20}
	if ov.Tier == rank.Top || ov.Tier == rank.Middle || ov.Tier == rank.Bottom {
		c.Tier = text.StyleOf(ov.Tier).Name(o)
	}
	if ov.Rank != nil {
		c.Rank, c.RankValue = strconv.Itoa(*ov.Rank), *ov.Rank
		if len(ov.Tie) > 0 {
			c.Rank = "并列 " + c.Rank
		}
	}
	if ov.Score != nil {
		c.Score = data.Fixed(*ov.Score, 2)
		c.Ranked = ov.Rank != nil
	}
	if ov.ReverseRank != nil {
		c.Reverse = text.FromWorst(*ov.ReverseRank, len(ov.Tie) > 0)
	}
	c.Edge = text.BorderlineMark(ov) != ""
	c.Interval, c.IntervalKey = intervalCell(ov)
	return c
}

// overallRow is one unit in the full layout's 总榜 table.
type overallRow struct {
	boardCells
	Counted int
	Why     string
}

type tallyRow struct {
	Unit                                   string
	Order, Top, Middle, Bottom, Missing, N int
	Line                                   string
}

type groupView struct {
	ID, Name   string
	Count      int
	Indicators []indicatorCard
}

type indicatorCard struct {
	Name    string
	Chart   chartRef
	Missing string
}

type profileView struct {
	ID, Unit, Badge, TierClass, Line string
	Sentences                        []string
	Chart                            *chartRef
}

// unitRow is one unit in the compact layout's table: board and tally.
type unitRow struct {
	boardCells
	Index                        int // in the data island
	ChangeValue                  int
	ScoreValue                   string
	Top, Middle, Bottom, Missing int
}

// groupList is one family's indicators in the compact layout: the top and
// bottom of each.
type groupList struct {
	ID, Name string
	Items    []indicatorBrief
}

// indicatorBrief is one indicator's top and bottom tier as short lists.
type indicatorBrief struct {
	Value       int // index in the data island, for the chart picker
	Name, Note  string
	Top, Bottom []briefRow
	More        string // "前3位另有 2 个单位(并列)"
}

// briefRow is one unit in a top or bottom list; Reverse is its rank from
// the worst end when that placed it ("倒数并列第3").
type briefRow struct{ Rank, Unit, Value, Reverse string }

// builder numbers charts in page order so that ids are stable.
type builder struct{ n int }

func (b *builder) chart(o *option, height int, label string) (chartRef, error) {
	b.n++
	js, err := json.Marshal(o)
	if err != nil {
		return chartRef{}, fmt.Errorf("图表数据编码失败: %w", err)
	}
	return chartRef{ID: fmt.Sprintf("chart-%03d", b.n), Height: height, Label: label, JSON: template.JS(js)}, nil
}

// changeClass is the CSS class of a rank change: up (进位, red) or down.
func changeClass(c *int) string {
	switch {
	case c == nil:
	case *c > 0:
		return "up"
	case *c < 0:
		return "down"
	}
	return ""
}

// unitOrder is the units in overall order, then any unit missing from it.
func unitOrder(res *rank.Result) []string {
	var order []string
	seen := map[string]bool{}
	for _, ov := range res.Overall {
		if !seen[ov.Unit] {
			seen[ov.Unit] = true
			order = append(order, ov.Unit)
		}
	}
	for _, u := range res.Units {
		if !seen[u] {
			seen[u] = true
			order = append(order, u)
		}
	}
	return order
}

func newPage(res *rank.Result, opts Options) (*pageData, error) {
	if err := checkScript("图表初始化脚本", initJS); err != nil {
		return nil, err
	}
	if err := checkScript("ECharts", echartsJS); err != nil {
		return nil, err
	}
	p := &pageData{
		Title:       res.Title,
		PeriodLabel: res.Month.Label(),
		Source:      res.Source,
		Units:       len(res.Units),
		Indicators:  len(res.Indicators),
		Labels:      text.TierLabels(res.Rules),
		Tiers:       newTierColors(),
		Init:        template.JS(initJS),
		Compact:     opts.compact(res),
		Rules:       text.Rules(res),
		RulesBrief:  text.RulesBrief(res.Rules),
		Summary:     text.Summary(res),
		Flags:       newFlagsView(res),
		UnitNames:   unitOrder(res),
	}
	if !res.Previous.IsZero() {
		p.Previous = res.Previous.Label()
	}
	if p.Title == "" {
		p.Title = p.PeriodLabel + "晒拼指标排名"
	}
	if !opts.Generated.IsZero() {
		p.Generated = opts.Generated.Format("2006年1月2日 15:04")
	}
	p.Ranked = res.RankedCount()
	p.setScripts()
	p.PickerSelect = len(res.Units) <= 100
	byUnit := text.ByUnit(res)
	var b builder
	var err error
	if p.Compact {
		err = p.compactParts(res, &b, byUnit, opts.Map)
	} else {
		err = p.fullParts(res, &b, byUnit, opts.Map)
	}
	if err != nil {
		return nil, err
	}
	p.verdictParts(res)
	return p, nil
}

// setScripts inlines the ECharts bundle, or names the CDN without it, and
// sets the Content Security Policy: only these two scripts may run, and
// nothing may be fetched. Without the embedded bundle the CDN script is
// the one allowed exception.
func (p *pageData) setScripts() {
	scripts := []string{cspHash(initJS)}
	if Offline() {
		p.ECharts = template.JS(echartsJS)
		scripts = append(scripts, cspHash(echartsJS))
	} else {
		p.CDN = cdnURL
		scripts = append(scripts, cdnURL)
	}
	p.CSP = "default-src 'none'; script-src " + strings.Join(scripts, " ") +
		"; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
}

// fullParts fills the full layout: every chart drawn.
func (p *pageData) fullParts(res *rank.Result, b *builder, byUnit map[string][]text.Item, geo *GeoMap) error {
	if err := p.overallParts(res, b); err != nil {
		return err
	}
	if err := p.mapParts(res, b, geo, profileAnchors(res)); err != nil {
		return err
	}
	if err := p.tallyParts(res, b); err != nil {
		return err
	}
	// 趋势: the island holds only the history.
	if text.HasHistory(res) {
		js, index, err := buildPacked(res, false, nil)
		if err != nil {
			return err
		}
		p.Data = template.JS(js)
		if p.Trend, err = newTrendView(res, b, index); err != nil {
			return err
		}
		p.nav("trend", "趋势")
	}
	if err := p.groupParts(res, b); err != nil {
		return err
	}
	p.nav("units", "单位画像")
	return p.profileParts(res, b, byUnit)
}

// overallParts fills the full layout's 总榜.
func (p *pageData) overallParts(res *rank.Result, b *builder) error {
	p.nav("overall", "总榜")
	for _, ov := range res.Overall {
		p.Overall = append(p.Overall, overallRow{boardCells: newBoardCells(ov, res.Rules), Counted: ov.Counted, Why: ov.Why})
		if ov.Score == nil {
			p.Unscored = append(p.Unscored, unrankedRow{ov.Unit, ov.Why})
		}
	}
	var err error
	bo, bh := overallChart(res, 0, 0)
	if p.Board, err = b.chart(bo, bh, "总榜综合得分横向柱状图,按名次排列"); err != nil {
		return err
	}
	return p.robustParts(res, b, 0, 0)
}

// mapParts fills the 地图 section when there is a map to draw. anchors
// link each unit's tile to its 单位画像.
func (p *pageData) mapParts(res *rank.Result, b *builder, geo *GeoMap, anchors map[string]string) error {
	var err error
	if p.Map, err = newMapView(res, b, geo, anchors); err != nil || p.Map == nil {
		return err
	}
	p.nav("map", "地图")
	return nil
}

// profileAnchors are the ids of the units' 单位画像 (profileParts).
func profileAnchors(res *rank.Result) map[string]string {
	out := make(map[string]string, len(res.Overall))
	for i, ov := range res.Overall {
		out[ov.Unit] = fmt.Sprintf("unit-%d", i+1)
	}
	return out
}

// tallyParts fills the full layout's 档次统计 and 排名矩阵.
func (p *pageData) tallyParts(res *rank.Result, b *builder) error {
	p.nav("tally", "档次统计")
	for i, t := range res.Tally {
		p.Tally = append(p.Tally, tallyRow{Unit: t.Unit, Order: i + 1, Top: t.Top, Middle: t.Middle, Bottom: t.Bottom,
			Missing: t.Missing, N: t.Top + t.Middle + t.Bottom, Line: text.Tally(t, res.Rules)})
	}
	var err error
	to, th := tallyChart(res, 0, 0)
	if p.Tallies, err = b.chart(to, th, "各单位档次统计堆叠柱状图"); err != nil {
		return err
	}
	// 排名矩阵: units in overall order, then any unit missing from it.
	p.nav("matrix", "排名矩阵")
	cells := newMatrixCells(res, p.UnitNames)
	p.MatrixTable = newMatrixTable(cells, p.UnitNames)
	mo, mh := matrixChart(res, p.UnitNames, cells)
	p.Matrix, err = b.chart(mo, mh, "排名矩阵热力图:各单位在各项指标上的名次")
	return err
}

// groupParts fills the full layout's chart of every indicator, by family.
func (p *pageData) groupParts(res *rank.Result, b *builder) error {
	for gi, g := range res.Groups() {
		gv := groupView{ID: fmt.Sprintf("group-%d", gi+1), Name: g}
		for _, ind := range res.Indicators {
			if ind.Group != g {
				continue
			}
			ico, ih, missing := indicatorChart(res, ind, ind.Name+"-"+res.Month.String())
			c, err := b.chart(ico, ih, ind.Name+"排名柱状图")
			if err != nil {
				return err
			}
			gv.Indicators = append(gv.Indicators, indicatorCard{Name: ind.Name, Chart: c, Missing: strings.Join(missing, "、")})
		}
		gv.Count = len(gv.Indicators)
		p.Groups = append(p.Groups, gv)
		p.nav(gv.ID, g)
	}
	return nil
}

// profileParts fills the full layout's 单位画像, in overall order.
func (p *pageData) profileParts(res *rank.Result, b *builder, byUnit map[string][]text.Item) error {
	for i, ov := range res.Overall {
		pv := profileView{
			ID: fmt.Sprintf("unit-%d", i+1), Unit: ov.Unit, TierClass: text.StyleOf(ov.Tier).Class,
			Badge: text.Overall(ov, res.Rules), Line: text.Tally(res.TallyOf(ov.Unit), res.Rules),
			Sentences: text.Profile(res, ov, byUnit[ov.Unit]),
		}
		if uo, uh, ok := unitChart(res, ov.Unit, ov.Unit+"各指标名次-"+res.Month.String()); ok {
			c, err := b.chart(uo, uh, ov.Unit+"各指标名次柱状图")
			if err != nil {
				return err
			}
			pv.Chart = &c
		}
		p.Profiles = append(p.Profiles, pv)
	}
	return nil
}

// compactLimit is how many units each end of the compact layout's overall
// chart shows.
const compactLimit = 10

// briefLimit is how many units a top or bottom list names before it
// counts the rest (ties can make a tier long).
const briefLimit = 5

// compactParts fills the compact layout: no chart per indicator or unit.
func (p *pageData) compactParts(res *rank.Result, b *builder, byUnit map[string][]text.Item, geo *GeoMap) error {
	profiles := p.unitRows(res, byUnit)
	p.nav("overall", "总榜")
	var err error
	bo, bh := overallChart(res, compactLimit, compactLimit)
	if p.Board, err = b.chart(bo, bh, "总榜综合得分横向柱状图:前后各若干名"); err != nil {
		return err
	}
	if err := p.robustParts(res, b, compactLimit, compactLimit); err != nil {
		return err
	}
	to, th := tallyChart(res, compactLimit, compactLimit)
	if p.Tallies, err = b.chart(to, th, "档次统计堆叠柱状图:总榜前后各若干名"); err != nil {
		return err
	}
	if err := p.mapParts(res, b, geo, nil); err != nil {
		return err
	}
	p.nav("all-units", "全部单位")

	js, index, err := buildPacked(res, true, profiles)
	if err != nil {
		return err
	}
	p.Data = template.JS(js)
	if p.Trend, err = newTrendView(res, b, index); err != nil {
		return err
	}
	if p.Trend != nil {
		p.nav("trend", "趋势")
	}

	// 分项指标: the picker, one chart, then every indicator's top and
	// bottom.
	eo, eh := barsSkeleton("分项指标-" + res.Month.String())
	if p.Explorer, err = b.chart(eo, eh, "所选指标的排名柱状图"); err != nil {
		return err
	}
	p.Explorer.Build, p.Explorer.Source = "bars", "explore-indicator"
	p.nav("explore", "分项指标")
	p.indicatorLists(res, index)
	return nil
}

// unitRows fills the compact layout's one table of every unit (总榜 and
// 档次统计) and returns each unit's profile for the lookup, in the island's
// unit order.
func (p *pageData) unitRows(res *rank.Result, byUnit map[string][]text.Item) [][]string {
	unitIdx := make(map[string]int, len(res.Units))
	for i, u := range res.Units {
		unitIdx[u] = i
	}
	tallies := make(map[string]rank.Tally, len(res.Tally))
	for _, t := range res.Tally {
		tallies[t.Unit] = t
	}
	profiles := make([][]string, len(res.Units))
	for _, ov := range res.Overall {
		t := tallies[ov.Unit]
		row := unitRow{boardCells: newBoardCells(ov, res.Rules), Index: unitIdx[ov.Unit], ScoreValue: "-1",
			ChangeValue: -1 << 20, Top: t.Top, Middle: t.Middle, Bottom: t.Bottom, Missing: t.Missing}
		if ov.Change != nil {
			row.ChangeValue = *ov.Change
		}
		if ov.Score != nil {
			row.ScoreValue = row.Score
		} else {
			p.Unscored = append(p.Unscored, unrankedRow{ov.Unit, ov.Why})
		}
		p.Rows = append(p.Rows, row)
		profiles[row.Index] = append([]string{text.Overall(ov, res.Rules), text.Tally(t, res.Rules)}, text.Profile(res, ov, byUnit[ov.Unit])...)
	}
	return profiles
}

// indicatorLists fills the compact layout's indicator picker and the top
// and bottom of every indicator, by family. index maps the island's
// indicators to res.Indicators.
func (p *pageData) indicatorLists(res *rank.Result, index []int) {
	l := text.TierLabels(res.Rules)
	groupAt := map[string]int{}
	for v, i := range index {
		ind := res.Indicators[i]
		gi, ok := groupAt[ind.Group]
		if !ok {
			gi = len(p.Lists)
			groupAt[ind.Group] = gi
			p.Lists = append(p.Lists, groupList{ID: fmt.Sprintf("group-%d", gi+1), Name: ind.Group})
			p.Explore = append(p.Explore, optGroup{Label: ind.Group})
		}
		p.Explore[gi].Items = append(p.Explore[gi].Items, optItem{Value: v, Name: ind.Name})
		p.Lists[gi].Items = append(p.Lists[gi].Items, brief(ind, v, l))
	}
}

// brief is one indicator's top and bottom tiers for the compact lists.
func brief(ind rank.Indicator, v int, l text.Labels) indicatorBrief {
	ib := indicatorBrief{Value: v, Name: ind.Name}
	missing := 0
	var tops, bottoms []rank.Entry
	for _, e := range ind.Entries {
		switch {
		case e.Value == nil:
			missing++
		case e.Rank != nil && e.Tier == rank.Top:
			tops = append(tops, e)
		case e.Rank != nil && e.Tier == rank.Bottom:
			bottoms = append(bottoms, e)
		}
	}
	note := text.IndicatorNote(ind)
	if missing > 0 {
		note = append(note, fmt.Sprintf("%d 个未报送", missing))
	}
	ib.Note = strings.Join(note, " · ")
	row := func(e rank.Entry) briefRow {
		r := briefRow{Rank: strconv.Itoa(*e.Rank), Unit: e.Unit, Value: valueText(ind, e)}
		if e.ReverseRank != nil {
			r.Reverse = text.FromWorst(*e.ReverseRank, len(e.Tie) > 0)
		}
		return r
	}
	var more []string
	for _, e := range tops[:min(briefLimit, len(tops))] {
		ib.Top = append(ib.Top, row(e))
	}
	if n := len(tops) - briefLimit; n > 0 {
		more = append(more, fmt.Sprintf("%s另有 %d 个单位(并列)", l.Top, n))
	}
	// The bottom list ends with the last place, as it is read out.
	from := max(0, len(bottoms)-briefLimit)
	for _, e := range bottoms[from:] {
		ib.Bottom = append(ib.Bottom, row(e))
	}
	if from > 0 {
		more = append(more, fmt.Sprintf("%s另有 %d 个单位(并列)", l.Bottom, from))
	}
	ib.More = strings.Join(more, ";")
	return ib
}
