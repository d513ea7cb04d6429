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
func (b *book) writeHistory() {
	res, h := b.res, b.res.History
	periods := h.Periods
	// Excel's 16,384 columns: four are not periods. Only centuries of
	// monthly data would need more; then the latest periods are shown.
	skip := max(0, len(periods)-max(1, sheetCols-4))
	periods = periods[skip:]
	var c columns
	c.add("group", "分组")
	c.add("name", "指标")
	c.add("unit", "单位")
	for i, p := range periods {
		c.add(p.String(), periodHead(p, i == len(periods)-1))
	}
	c.add("change", "变化")
	groupCol, nameCol, unitCol, changeCol := c.at["group"], c.at["name"], c.at["unit"], c.at["change"]

	type block struct {
		group, name string
		trends      []rank.Trend
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
	blocks := []block{{"总榜", "综合得分排名", board}}
	order := map[string][]rank.Entry{}
	for _, ind := range res.Indicators {
		order[ind.Group+"/"+ind.Name] = ind.Entries
	}
	total := len(board)
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
		blocks = append(blocks, block{ti.Group, ti.Name, trends})
		total += len(trends)
	}

	note := fmt.Sprintf("历史:各单位%s至%s各期的名次(1 为最好,— 为该期没有名次)和本期较上期的变化,先列总榜,再逐项列出指标;"+
		"某项指标各期均无名次的单位不列出。可用表头的筛选按钮只看某个单位。",
		periods[0].Label(), periods[len(periods)-1].Label())
	if skip > 0 {
		note += fmt.Sprintf("共 %d 期,超出 Excel 单表列数上限,只列出最近 %d 期。", len(h.Periods), len(periods))
	}
	room := max(0, sheetRows-4)
	if total > room {
		note += fmt.Sprintf("本表共 %d 行,超出 Excel 单表上限,只列出前 %d 行(见表末说明)。", total, room)
	}

	b.write(sheetHistory, func(s *sheet) {
		s.limit[nameCol] = [2]float64{12, 36}
		for i := range periods {
			s.limit[unitCol+1+i] = [2]float64{10, 16}
		}
		s.heading(c.last(), note)
		s.headers(3, c.heads...)
		row := 4
	fill:
		for _, bl := range blocks {
			for i, t := range bl.trends {
				if row-4 == room {
					break fill
				}
				first := i == 0
				s.text(groupCol, row, bl.group, styleKey{role: roleText, first: first})
				s.text(nameCol, row, bl.name, styleKey{role: roleText, first: first})
				s.text(unitCol, row, t.Unit, styleKey{role: roleText, first: first})
				ranks := t.Ranks[min(skip, len(t.Ranks)):]
				for j, r := range ranks {
					s.rankCell(unitCol+1+j, row, r, styleKey{role: roleCenter, first: first})
				}
				s.change(changeCol, row, lastChange(ranks), styleKey{first: first})
				row++
			}
		}
		if row > 4 {
			s.autoFilter(1, 3, c.last(), row-1)
		}
		if total > room {
			s.overflow(row, c.last(), fmt.Sprintf("注:本表共 %d 行,超出 Excel 单表 %d 行的上限,以上只列出前 %d 行,其余 %d 行未列出;完整历史见同时生成的 JSON 文件。",
				total, sheetRows, room, total-room))
		}
		s.finish(layout{lastCol: c.last(), headRows: 3, keepCols: unitCol})
	})
}

// periodHead is a period's column header: "2022年3月", and "2022年4月(本期)"
// for the current one.
func periodHead(p data.Month, current bool) string {
	if current {
		return p.Label() + "(本期)"
	}
	return p.Label()
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
