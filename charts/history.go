package charts

import (
	"sort"
	"strconv"

	"shaipin/rank"
	"shaipin/text"
)

// The 趋势 section: who moved most since the previous period, and every
// unit's rank over the periods, as bump charts built on demand from the
// data island (one chart for the overall board, one for the indicator
// the reader picks, instead of one chart per indicator).

// trendView is the 趋势 section; nil with a single period.
type trendView struct {
	Span      string // "2022年1月—2022年4月,共 4 期"
	Overall   chartRef
	Indicator chartRef
	Options   []optGroup
	Movers    []moverList
}

// optGroup is an indicator family in a <select>.
type optGroup struct {
	Label string
	Items []optItem
}

// optItem is one indicator in a <select>: Value indexes the island.
type optItem struct {
	Value int
	Name  string
}

// moverList is one 进位最多 / 退位最多 list.
type moverList struct {
	Title, Note string
	Class       string // up or down
	Rows        []moverRow
	Empty       string
}

// moverRow is one line of a mover list.
type moverRow struct {
	Unit, What, Change, From, To string
}

// moverLimit is how many rows a mover list shows.
func moverLimit(units int) int {
	if units <= 12 {
		return 5
	}
	return 10
}

// movers builds the 进位最多 / 退位最多 lists: on the overall board and
// across all indicators (single moves of one unit on one indicator).
func movers(res *rank.Result) []moverList {
	limit := moverLimit(len(res.Units))
	type move struct {
		unit, what string
		change     int
		rank       int
		order      int // indicator order, for stable ties
	}
	var board, items []move
	for _, ov := range res.Overall {
		if ov.Change != nil && ov.Rank != nil && *ov.Change != 0 {
			board = append(board, move{unit: ov.Unit, change: *ov.Change, rank: *ov.Rank})
		}
	}
	for i, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		for _, e := range ind.Entries {
			if e.Change != nil && e.Rank != nil && *e.Change != 0 {
				items = append(items, move{unit: e.Unit, what: ind.Name, change: *e.Change, rank: *e.Rank, order: i})
			}
		}
	}
	pick := func(ms []move, up bool) []moverRow {
		var sel []move
		for _, m := range ms {
			if (m.change > 0) == up {
				sel = append(sel, m)
			}
		}
		sort.SliceStable(sel, func(i, j int) bool {
			a, b := sel[i], sel[j]
			if a.change != b.change {
				if up {
					return a.change > b.change
				}
				return a.change < b.change
			}
			if a.rank != b.rank {
				return a.rank < b.rank
			}
			return a.order < b.order
		})
		var rows []moverRow
		for _, m := range sel[:min(limit, len(sel))] {
			c := m.change
			rows = append(rows, moverRow{Unit: m.unit, What: m.what, Change: rank.ChangeLabel(&c),
				From: "第" + strconv.Itoa(m.rank+m.change), To: "第" + strconv.Itoa(m.rank)})
		}
		return rows
	}
	return []moverList{
		{Title: "总榜进位最多", Class: "up", Rows: pick(board, true), Empty: "总榜没有单位进位。"},
		{Title: "总榜退位最多", Class: "down", Rows: pick(board, false), Empty: "总榜没有单位退位。"},
		{Title: "分项进位最多", Note: "单项指标上名次上升最多", Class: "up", Rows: pick(items, true), Empty: "各项指标均没有进位。"},
		{Title: "分项退位最多", Note: "单项指标上名次下降最多", Class: "down", Rows: pick(items, false), Empty: "各项指标均没有退位。"},
	}
}

// newTrendView builds the 趋势 section, or nil without history. index
// maps the island's indicators to res.Indicators.
func newTrendView(res *rank.Result, b *builder, index []int) (*trendView, error) {
	if !text.HasHistory(res) {
		return nil, nil
	}
	h := res.History
	tv := &trendView{Span: text.Span(h.Periods), Movers: movers(res)}
	hasTrend := map[string]bool{}
	for _, ti := range h.Indicators {
		hasTrend[ti.Group+"/"+ti.Name] = true
	}
	groupAt := map[string]int{}
	for v, i := range index {
		ind := res.Indicators[i]
		if !ind.Ranked || !hasTrend[ind.Group+"/"+ind.Name] {
			continue
		}
		gi, ok := groupAt[ind.Group]
		if !ok {
			gi = len(tv.Options)
			groupAt[ind.Group] = gi
			tv.Options = append(tv.Options, optGroup{Label: ind.Group})
		}
		tv.Options[gi].Items = append(tv.Options[gi].Items, optItem{Value: v, Name: ind.Name})
	}
	many := len(res.Units) > bumpFew
	var err error
	o, hgt := bumpSkeleton("总榜名次走势", "总榜-名次走势", len(res.Units), many)
	if tv.Overall, err = b.chart(o, hgt, "总榜名次走势图:各单位每期的总榜名次"); err != nil {
		return nil, err
	}
	tv.Overall.Build, tv.Overall.Source = "bump", "overall"
	if len(tv.Options) > 0 {
		o, hgt = bumpSkeleton("分项名次走势", "分项-名次走势", len(res.Units), many)
		if tv.Indicator, err = b.chart(o, hgt, "所选指标的名次走势图"); err != nil {
			return nil, err
		}
		tv.Indicator.Build, tv.Indicator.Source = "bump", "trend-indicator"
	}
	return tv, nil
}
