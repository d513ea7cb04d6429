package out

import (
	"fmt"

	"shaipin/data"
	"shaipin/rank"
)

// writeHistory fills 历史: every unit's rank in every period, first on the
// overall board (all units, in 总榜 order), then indicator by indicator
// (units in this period's rank order), one row per unit, so that "how has
// 东阳 moved on 管控力量化指数 since January" is one filter away. It is
// written only when the result has history.
func (b *book) writeHistory(s *sheet) {
	res, h := b.res, b.res.History
	var c columns
	c.add("group", "分组")
	c.add("name", "指标")
	c.add("unit", "单位")
	for i, p := range h.Periods {
		c.add(p, periodHead(p, i == len(h.Periods)-1))
	}
	c.add("change", "变化")
	s.heading(c.last(), fmt.Sprintf("历史:各单位%s至%s各期的名次(1 为最好,— 为该期没有名次)和本期较上期的变化,先列总榜,再逐项列出指标;"+
		"某项指标各期均无名次的单位不列出。可用表头的筛选按钮只看某个单位。",
		data.PeriodLabel(h.Periods[0]), data.PeriodLabel(h.Periods[len(h.Periods)-1])))
	s.headers(3, c.heads...)

	row := 4
	block := func(group, name string, trends []rank.Trend) {
		for i, t := range trends {
			first := i == 0
			s.text(c.at["group"], row, group, styleKey{role: roleText, first: first})
			s.text(c.at["name"], row, name, styleKey{role: roleText, first: first})
			s.text(c.at["unit"], row, t.Unit, styleKey{role: roleText, first: first})
			for j, r := range t.Ranks {
				s.rankCell(c.at["unit"]+1+j, row, r, styleKey{role: roleCenter, first: first})
			}
			s.change(c.at["change"], row, lastChange(t.Ranks), styleKey{first: first})
			row++
		}
	}

	overall := map[string]rank.Trend{}
	for _, t := range h.Overall {
		overall[t.Unit] = t
	}
	var board []rank.Trend
	for _, r := range res.Overall {
		if t, ok := overall[r.Unit]; ok {
			board = append(board, t)
		}
	}
	block("总榜", "综合得分排名", board)

	order := map[string][]rank.Entry{}
	for _, ind := range res.Indicators {
		order[ind.Group+"/"+ind.Name] = ind.Entries
	}
	for _, ti := range h.Indicators {
		byUnit := map[string]rank.Trend{}
		for _, t := range ti.Units {
			if ranked(t) {
				byUnit[t.Unit] = t
			}
		}
		// This period's order: ranked units by rank, then the units
		// ranked only in earlier periods.
		var trends []rank.Trend
		for _, e := range order[ti.Group+"/"+ti.Name] {
			if t, ok := byUnit[e.Unit]; ok {
				trends = append(trends, t)
				delete(byUnit, e.Unit)
			}
		}
		for _, t := range ti.Units {
			if _, ok := byUnit[t.Unit]; ok {
				trends = append(trends, t)
			}
		}
		block(ti.Group, ti.Name, trends)
	}

	s.limit[c.at["name"]] = [2]float64{12, 36}
	for i := range h.Periods {
		s.limit[c.at["unit"]+1+i] = [2]float64{10, 16}
	}
	if row > 4 {
		b.fail(b.f.AutoFilter(s.name, s.cell(1, 3)+":"+s.cell(c.last(), row-1), nil))
	}
	s.finish(layout{lastCol: c.last(), headRows: 3, keepCols: c.at["unit"]})
}

// periodHead is a period's column header: "2022年3月", and "2022年4月(本期)"
// for the current one.
func periodHead(p string, current bool) string {
	if current {
		return data.PeriodLabel(p) + "(本期)"
	}
	return data.PeriodLabel(p)
}

// lastChange is the change into the last period (previous rank − last
// rank), as rank computes Entry.Change; nil unless both have a rank.
func lastChange(ranks []*int) *int {
	n := len(ranks)
	if n < 2 || ranks[n-2] == nil || ranks[n-1] == nil {
		return nil
	}
	return ptrTo(*ranks[n-2] - *ranks[n-1])
}

// ranked reports whether a trend has a rank in some period.
func ranked(t rank.Trend) bool {
	for _, r := range t.Ranks {
		if r != nil {
			return true
		}
	}
	return false
}
