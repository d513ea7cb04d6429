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

	Summary  string
	Overall  []overallRow
	Unscored []string
	Board    chartRef
	Tally    []tallyRow
	Tallies  chartRef
	Matrix   chartRef
	Groups   []groupView
	Profiles []profileView

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
		PeriodLabel: data.PeriodLabel(res.Period),
		Source:      res.Source,
		Units:       len(res.Units),
		Indicators:  len(res.Indicators),
		Labels:      l,
		Init:        template.JS(initJS),
	}
	if res.Previous != "" {
		p.Previous = data.PeriodLabel(res.Previous)
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

	var b builder
	var err error

	// 总榜
	p.Summary = boardSummary(res, l)
	for _, ov := range res.Overall {
		row := overallRow{Unit: ov.Unit, Rank: "—", Score: "—", Tier: ov.Tier.Label(o), TierClass: tierClass(ov.Tier), Counted: ov.Counted, Why: ov.Why, RankValue: 1 << 20}
		if ov.Tier == rank.Top || ov.Tier == rank.Bottom {
			row.Tier += "位"
		}
		if ov.Rank != nil {
			row.Rank = strconv.Itoa(*ov.Rank)
			row.RankValue = *ov.Rank
			if len(ov.TiedWith) > 0 {
				row.Rank = "并列 " + row.Rank
			}
		}
		row.Change = rank.ChangeLabel(ov.Change)
		switch {
		case ov.Change == nil:
		case *ov.Change > 0:
			row.ChangeClass = "up"
		case *ov.Change < 0:
			row.ChangeClass = "down"
		}
		if ov.Score != nil {
			row.Score = fixed(*ov.Score, 2)
		} else {
			p.Unscored = append(p.Unscored, ov.Unit)
		}
		p.Overall = append(p.Overall, row)
	}
	bo, bh := overallChart(res)
	if p.Board, err = b.chart(bo, bh, "总榜综合得分横向柱状图,按名次排列"); err != nil {
		return nil, err
	}

	// 档次统计
	for i, t := range res.Tally {
		p.Tally = append(p.Tally, tallyRow{Unit: t.Unit, Order: i + 1, Top: t.Top, Middle: t.Middle, Bottom: t.Bottom,
			Missing: t.Missing, N: t.Top + t.Middle + t.Bottom, Line: tallyLine(t, l)})
	}
	to, th := tallyChart(res, l)
	if p.Tallies, err = b.chart(to, th, "各单位档次统计堆叠柱状图"); err != nil {
		return nil, err
	}

	// 排名矩阵: units in overall order, then any unit missing from it.
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
	mo, mh := matrixChart(res, l, order)
	if p.Matrix, err = b.chart(mo, mh, "排名矩阵热力图:各单位在各项指标上的名次"); err != nil {
		return nil, err
	}

	p.Nav = []navItem{{"overall", "总榜"}, {"tally", "档次统计"}, {"matrix", "排名矩阵"}}
	for gi, g := range res.Groups() {
		gv := groupView{ID: fmt.Sprintf("group-%d", gi+1), Name: g}
		for _, ind := range res.Indicators {
			if ind.Group != g {
				continue
			}
			ico, ih, missing := indicatorChart(res, ind, ind.Name+"-"+res.Period)
			c, err := b.chart(ico, ih, ind.Name+"排名柱状图")
			if err != nil {
				return nil, err
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
			Sentences: profile(res, ov, l),
		}
		if uo, uh, ok := unitChart(res, ov.Unit, ov.Unit+"各指标名次-"+res.Period); ok {
			c, err := b.chart(uo, uh, ov.Unit+"各指标名次柱状图")
			if err != nil {
				return nil, err
			}
			pv.Chart = &c
		}
		p.Profiles = append(p.Profiles, pv)
	}
	return p, nil
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
