package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
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

// streakUnit is how a streak is counted: in months when the periods follow
// each other month by month, else in periods.
func streakUnit(res *rank.Result) string {
	if hasHistory(res) && consecutiveMonths(res.History.Periods) {
		return "个月"
	}
	return "期"
}

// streakText is "连续 4 个月居前3位" for a top or bottom tier held at least
// two periods; "" otherwise.
func streakText(streak int, t rank.Tier, l tierLabels, unit string) string {
	if streak < 2 {
		return ""
	}
	switch t {
	case rank.Top:
		return fmt.Sprintf("连续 %d %s居%s", streak, unit, l.Top)
	case rank.Bottom:
		return fmt.Sprintf("连续 %d %s居%s", streak, unit, l.Bottom)
	}
	return ""
}

// scheduleText is a completion rate against 时序进度: "超时序进度 19.4 个百分
// 点", "落后时序进度 5.9 个百分点", "与时序进度持平"; "" when not compared.
func scheduleText(vs *float64) string {
	if vs == nil {
		return ""
	}
	v := data.Round(*vs, 1)
	switch {
	case v > 0:
		return "超时序进度 " + strconv.FormatFloat(v, 'f', -1, 64) + " 个百分点"
	case v < 0:
		return "落后时序进度 " + strconv.FormatFloat(-v, 'f', -1, 64) + " 个百分点"
	}
	return "与时序进度持平"
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
	if !hasHistory(res) {
		return nil, nil
	}
	h := res.History
	tv := &trendView{
		Span:   fmt.Sprintf("%s—%s,共 %d 期", h.Periods[0].Label(), h.Periods[len(h.Periods)-1].Label(), len(h.Periods)),
		Movers: movers(res),
	}
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

// profileHistory adds to a unit's profile what changed since the previous
// period and how long it has held its tiers: "与上期相比,5 项进位、2 项退
// 位;管控力量化指数连续 4 个月居前3位。"; "" without history. Only ranked
// entries count.
func profileHistory(res *rank.Result, entries []unitEntry, l tierLabels) string {
	if !hasHistory(res) {
		return ""
	}
	unit := streakUnit(res)
	up, down := 0, 0
	type held struct {
		name   string
		streak int
	}
	var tops, bottoms []held
	for _, ue := range entries {
		e := ue.entry
		if !ue.ind.Ranked || e.Rank == nil {
			continue
		}
		if e.Change != nil {
			switch {
			case *e.Change > 0:
				up++
			case *e.Change < 0:
				down++
			}
		}
		if e.Streak >= 2 {
			switch e.Tier {
			case rank.Top:
				tops = append(tops, held{ue.ind.Name, e.Streak})
			case rank.Bottom:
				bottoms = append(bottoms, held{ue.ind.Name, e.Streak})
			}
		}
	}
	var parts []string
	if up+down > 0 {
		var p []string
		if up > 0 {
			p = append(p, fmt.Sprintf("%d 项进位", up))
		}
		if down > 0 {
			p = append(p, fmt.Sprintf("%d 项退位", down))
		}
		parts = append(parts, "与上期相比,"+strings.Join(p, "、"))
	}
	// The longest streaks first; at most two lengths named, the rest
	// counted, so the sentence stays one sentence.
	say := func(hs []held, tier string) {
		if len(hs) == 0 {
			return
		}
		sort.SliceStable(hs, func(i, j int) bool { return hs[i].streak > hs[j].streak })
		var clauses []string
		named := 0
		for i := 0; i < len(hs) && len(clauses) < 2; {
			j := i
			var names []string
			for j < len(hs) && hs[j].streak == hs[i].streak {
				names = append(names, hs[j].name)
				j++
			}
			clauses = append(clauses, fmt.Sprintf("%s连续 %d %s居%s", listNames(names, 3), hs[i].streak, unit, tier))
			named = j
			i = j
		}
		s := strings.Join(clauses, ",")
		if rest := len(hs) - named; rest > 0 {
			s += fmt.Sprintf(",另有 %d 项连续 2 %s以上居%s", rest, unit, tier)
		}
		parts = append(parts, s)
	}
	say(tops, l.Top)
	say(bottoms, l.Bottom)
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ";") + "。"
}

// scheduleListLimit is how many completion rates a profile names one by
// one; beyond it the sentence counts them and names the extremes.
const scheduleListLimit = 4

// profileSchedule is the unit's completion rates against 时序进度:
// "对照时序进度 33.3%,年度投资完成率超时序进度 19.4 个百分点,…。"; with many
// such indicators, how many are ahead and behind and the largest gaps.
func profileSchedule(res *rank.Result, entries []unitEntry) string {
	type gap struct {
		name string
		v    float64
	}
	var gaps []gap
	share := ""
	for _, ue := range entries {
		vs := ue.entry.VsSchedule
		if vs == nil {
			continue
		}
		gaps = append(gaps, gap{ue.ind.Name, data.Round(*vs, 1)})
		if s, ok := scheduleOf(res, *ue.ind); ok && share == "" {
			share = strconv.FormatFloat(s, 'f', -1, 64) + "%"
		}
	}
	if len(gaps) == 0 {
		return ""
	}
	head := "对照时序进度"
	if share != "" {
		head = "对照时序进度 " + share
	}
	if len(gaps) <= scheduleListLimit {
		var parts []string
		for _, g := range gaps {
			v := g.v
			parts = append(parts, g.name+scheduleText(&v))
		}
		return head + "," + strings.Join(parts, ",") + "。"
	}
	var ahead, behind []gap
	for _, g := range gaps {
		switch {
		case g.v > 0:
			ahead = append(ahead, g)
		case g.v < 0:
			behind = append(behind, g)
		}
	}
	sort.SliceStable(ahead, func(i, j int) bool { return ahead[i].v > ahead[j].v })
	sort.SliceStable(behind, func(i, j int) bool { return behind[i].v < behind[j].v })
	most := func(gs []gap) string {
		var names []string
		for _, g := range gs[:min(3, len(gs))] {
			names = append(names, g.name+" "+strconv.FormatFloat(math.Abs(g.v), 'f', -1, 64))
		}
		return strings.Join(names, "、") + " 个百分点"
	}
	s := fmt.Sprintf("%s,%d 项中 %d 项超时序进度、%d 项落后", head, len(gaps), len(ahead), len(behind))
	if len(ahead) > 0 {
		s += ";超出最多:" + most(ahead)
	}
	if len(behind) > 0 {
		s += ";落后最多:" + most(behind)
	}
	return s + "。"
}
