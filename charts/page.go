// Package charts renders the leaderboard as one self-contained, offline
// HTML page: go-echarts builds the chart options, our own html/template
// page holds them with ECharts inlined.
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
)

// Options control the page.
type Options struct {
	// Generated is shown in the header. The same result and the same
	// Generated give a byte-identical page.
	Generated time.Time
	// Layout chooses between the full page and the compact one; the zero
	// value picks by size.
	Layout Layout
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
	Rules       []rule
	RulesBrief  string
	Labels      tierLabels
	Nav         []navItem
	Compact     bool

	Summary  string
	Overall  []overallRow
	Unscored []string
	Board    chartRef
	Tally    []tallyRow
	Tallies  chartRef
	Matrix   chartRef
	Groups   []groupView
	Profiles []profileView
	Trend    *trendView

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

	CSP     string
	ECharts template.JS // the inlined bundle, or "" to load CDN
	CDN     string
	Init    template.JS
}

type rule struct{ Term, Text string }

type navItem struct{ ID, Label string }

type overallRow struct {
	Rank, Unit, Score, Tier, TierClass string
	Change, ChangeClass                string
	RankValue                          int
	Counted                            int
	Why                                string
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
	Index                              int // in the data island
	Rank, Unit, Score, Tier, TierClass string
	Change, ChangeClass                string
	RankValue, ChangeValue             int
	ScoreValue                         string
	Top, Middle, Bottom, Missing       int
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

// briefRow is one unit in a top or bottom list.
type briefRow struct{ Rank, Unit, Value string }

// builder numbers charts in page order so that ids are stable.
type builder struct{ n int }

func (b *builder) chart(o option, height int, label string) (chartRef, error) {
	b.n++
	js, err := json.Marshal(o)
	if err != nil {
		return chartRef{}, fmt.Errorf("图表数据编码失败: %w", err)
	}
	return chartRef{ID: fmt.Sprintf("chart-%03d", b.n), Height: height, Label: label, JSON: template.JS(js)}, nil
}

func tierClass(t rank.Tier) string {
	switch t {
	case rank.Top:
		return "top"
	case rank.Bottom:
		return "bottom"
	case rank.Middle:
		return "middle"
	}
	return "none"
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
	l := newTierLabels(res.Rules)
	p := &pageData{
		Title:       res.Title,
		PeriodLabel: res.Month.Label(),
		Source:      res.Source,
		Units:       len(res.Units),
		Indicators:  len(res.Indicators),
		Labels:      l,
		Init:        template.JS(initJS),
		Compact:     opts.compact(res),
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
	for _, ind := range res.Indicators {
		if ind.Ranked {
			p.Ranked++
		}
	}
	o := res.Rules
	p.RulesBrief = rulesBrief(o, l)
	p.Rules = []rule{
		{"档次", fmt.Sprintf("每项指标在参与排名的单位中,名次居前 %d 位为%s(红色,红旗),居后 %d 位为%s(黄色,黄旗),其余为中间(灰色)。", o.Top, l.Top, o.Bottom, l.Bottom)},
		{"未报送", "没有数据的单位不参与该项排名,也不计入前、后档次;显示为“未报送”,不按 0 处理。"},
		{"并列", o.TieLabel() + "。"},
		{"综合得分", o.ScoreLabel() + "。"},
	}
	if hasHistory(res) {
		p.Rules = append(p.Rules, rule{"变化", "名次后的 ↑N / ↓N 为较上期进位或退位 N 名;“连续 N " + streakUnit(res) + "”为到本期为止连续处于同一档次的期数。"})
	}

	// Content Security Policy: only these two scripts may run, and nothing
	// may be fetched. Without the embedded bundle the CDN script is the one
	// allowed exception.
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

	p.Summary = boardSummary(res, l)
	p.UnitNames = unitOrder(res)
	p.PickerSelect = len(res.Units) <= 100
	byUnit := unitIndex(res)
	var b builder
	var err error
	if p.Compact {
		err = p.compactParts(res, l, &b, byUnit)
	} else {
		err = p.fullParts(res, l, &b, byUnit)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// fullParts fills the full layout: every chart drawn.
func (p *pageData) fullParts(res *rank.Result, l tierLabels, b *builder, byUnit map[string][]unitEntry) error {
	o := res.Rules
	var err error
	// 总榜
	for _, ov := range res.Overall {
		row := overallRow{Unit: ov.Unit, Score: "—", TierClass: tierClass(ov.Tier), Counted: ov.Counted, Why: ov.Why}
		row.Tier, row.Rank, row.RankValue = boardLabels(ov, o)
		row.Change = rank.ChangeLabel(ov.Change)
		row.ChangeClass = changeClass(ov.Change)
		if ov.Score != nil {
			row.Score = data.Fixed(*ov.Score, 2)
		} else {
			p.Unscored = append(p.Unscored, ov.Unit)
		}
		p.Overall = append(p.Overall, row)
	}
	bo, bh := overallChart(res, 0, 0)
	if p.Board, err = b.chart(bo, bh, "总榜综合得分横向柱状图,按名次排列"); err != nil {
		return err
	}

	// 档次统计
	for i, t := range res.Tally {
		p.Tally = append(p.Tally, tallyRow{Unit: t.Unit, Order: i + 1, Top: t.Top, Middle: t.Middle, Bottom: t.Bottom,
			Missing: t.Missing, N: t.Top + t.Middle + t.Bottom, Line: tallyLine(t, l)})
	}
	to, th := tallyChart(res, l, 0, 0)
	if p.Tallies, err = b.chart(to, th, "各单位档次统计堆叠柱状图"); err != nil {
		return err
	}

	// 排名矩阵: units in overall order, then any unit missing from it.
	mo, mh := matrixChart(res, l, p.UnitNames)
	if p.Matrix, err = b.chart(mo, mh, "排名矩阵热力图:各单位在各项指标上的名次"); err != nil {
		return err
	}
	p.Nav = []navItem{{"overall", "总榜"}, {"tally", "档次统计"}, {"matrix", "排名矩阵"}}

	// 趋势: the island holds only the history.
	if hasHistory(res) {
		js, index, err := buildPacked(res, l, false, nil)
		if err != nil {
			return err
		}
		p.Data = template.JS(js)
		if p.Trend, err = newTrendView(res, b, index); err != nil {
			return err
		}
		p.Nav = append(p.Nav, navItem{"trend", "趋势"})
	}

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
		p.Nav = append(p.Nav, navItem{gv.ID, g})
	}
	p.Nav = append(p.Nav, navItem{"units", "单位画像"})

	// 单位画像, in overall order.
	for i, ov := range res.Overall {
		pv := profileView{
			ID: fmt.Sprintf("unit-%d", i+1), Unit: ov.Unit, TierClass: tierClass(ov.Tier),
			Badge: overallText(ov, o), Line: tallyLine(res.TallyOf(ov.Unit), l),
			Sentences: profile(res, ov, l, byUnit[ov.Unit]),
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
func (p *pageData) compactParts(res *rank.Result, l tierLabels, b *builder, byUnit map[string][]unitEntry) error {
	o := res.Rules
	var err error
	unitIdx := make(map[string]int, len(res.Units))
	for i, u := range res.Units {
		unitIdx[u] = i
	}
	tallies := make(map[string]rank.Tally, len(res.Tally))
	for _, t := range res.Tally {
		tallies[t.Unit] = t
	}
	// 总榜 and 档次统计 as one table of every unit, and each unit's profile
	// for the lookup, in the island's unit order.
	profiles := make([][]string, len(res.Units))
	for _, ov := range res.Overall {
		t := tallies[ov.Unit]
		row := unitRow{Index: unitIdx[ov.Unit], Unit: ov.Unit, Score: "—", ScoreValue: "-1",
			TierClass: tierClass(ov.Tier), ChangeValue: -1 << 20,
			Top: t.Top, Middle: t.Middle, Bottom: t.Bottom, Missing: t.Missing}
		row.Tier, row.Rank, row.RankValue = boardLabels(ov, o)
		row.Change = rank.ChangeLabel(ov.Change)
		row.ChangeClass = changeClass(ov.Change)
		if ov.Change != nil {
			row.ChangeValue = *ov.Change
		}
		if ov.Score != nil {
			row.Score = data.Fixed(*ov.Score, 2)
			row.ScoreValue = row.Score
		} else {
			p.Unscored = append(p.Unscored, ov.Unit)
		}
		p.Rows = append(p.Rows, row)
		profiles[row.Index] = append([]string{overallText(ov, o), tallyLine(t, l)}, profile(res, ov, l, byUnit[ov.Unit])...)
	}
	bo, bh := overallChart(res, compactLimit, compactLimit)
	if p.Board, err = b.chart(bo, bh, "总榜综合得分横向柱状图:前后各若干名"); err != nil {
		return err
	}
	to, th := tallyChart(res, l, compactLimit, compactLimit)
	if p.Tallies, err = b.chart(to, th, "档次统计堆叠柱状图:总榜前后各若干名"); err != nil {
		return err
	}
	p.Nav = []navItem{{"overall", "总榜"}, {"all-units", "全部单位"}}

	js, index, err := buildPacked(res, l, true, profiles)
	if err != nil {
		return err
	}
	p.Data = template.JS(js)
	if p.Trend, err = newTrendView(res, b, index); err != nil {
		return err
	}
	if p.Trend != nil {
		p.Nav = append(p.Nav, navItem{"trend", "趋势"})
	}

	// 分项指标: the picker, one chart, then every indicator's top and
	// bottom.
	eo, eh := barsSkeleton("分项指标-" + res.Month.String())
	if p.Explorer, err = b.chart(eo, eh, "所选指标的排名柱状图"); err != nil {
		return err
	}
	p.Explorer.Build, p.Explorer.Source = "bars", "explore-indicator"
	p.Nav = append(p.Nav, navItem{"explore", "分项指标"})
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
	return nil
}

// brief is one indicator's top and bottom tiers for the compact lists.
func brief(ind rank.Indicator, v int, l tierLabels) indicatorBrief {
	ib := indicatorBrief{Value: v, Name: ind.Name}
	var note []string
	if ind.Unit != "" {
		note = append(note, "单位:"+ind.Unit)
	}
	if ind.Direction == data.Lower {
		note = append(note, "越小越好")
	}
	ranked, missing := 0, 0
	var tops, bottoms []rank.Entry
	for _, e := range ind.Entries {
		switch {
		case e.Value == nil:
			missing++
		case e.Rank != nil:
			ranked++
			switch e.Tier {
			case rank.Top:
				tops = append(tops, e)
			case rank.Bottom:
				bottoms = append(bottoms, e)
			}
		}
	}
	if ind.Ranked {
		note = append(note, fmt.Sprintf("%d 个单位排名", ranked))
	} else {
		note = append(note, "仅展示,不排名")
	}
	if missing > 0 {
		note = append(note, fmt.Sprintf("%d 个未报送", missing))
	}
	ib.Note = strings.Join(note, " · ")
	row := func(e rank.Entry) briefRow {
		return briefRow{Rank: strconv.Itoa(*e.Rank), Unit: e.Unit, Value: e.Display}
	}
	var more []string
	for i, e := range tops {
		if i < briefLimit {
			ib.Top = append(ib.Top, row(e))
		}
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

// rulesBrief is the one-line summary of the rules shown even when the
// details are folded away on a phone.
func rulesBrief(o rank.Options, l tierLabels) string {
	ties := "美式(1、2、2、4)"
	if o.Ties == rank.Dense {
		ties = "中国式(1、2、2、3)"
	}
	score := "极差标准化"
	if o.Score == rank.RankPoints {
		score = "名次得分"
	}
	return l.Top + "为红旗、" + l.Bottom + "为黄旗;并列按" + ties + ";综合得分按" + score + "。"
}

// boardLabels gives an overall row's tier label ("前3位"), rank text
// ("并列 2", "—") and sort key (unranked last), shared by both layouts.
func boardLabels(ov rank.Overall, o rank.Options) (tier, rankText string, rankValue int) {
	tier, rankText, rankValue = ov.Tier.Label(o), "—", 1<<20
	if ov.Tier == rank.Top || ov.Tier == rank.Bottom {
		tier += "位"
	}
	if ov.Rank != nil {
		rankText, rankValue = strconv.Itoa(*ov.Rank), *ov.Rank
		if len(ov.TiedWith) > 0 {
			rankText = "并列 " + rankText
		}
	}
	return tier, rankText, rankValue
}
