package out

import (
	"fmt"
	"strings"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
)

// writeHistory fills 历史: every unit's rank in every period, first on the
// overall board (all units, in 总榜 order), then indicator by indicator
// (units in this period's rank order), one row per unit, so that "how has
// 东阳 moved on 管控力量化指数 since January" is one filter away. It is
// written only when the result has history.
func writeHistory(s *sheet) {
	h := s.res.History
	periods := h.Periods
	// Excel's columns: four are not periods. Only centuries of monthly
	// data would need more; then the latest periods are shown.
	skip := max(0, len(periods)-max(1, s.MaxCols()-4))
	periods = periods[skip:]
	var c columns
	c.add("group", "分组")
	c.add("name", "指标")
	c.add("unit", "单位")
	for i, p := range periods {
		c.add(p.String(), periodHead(p, i == len(periods)-1, s.res.Provenance[p]))
	}
	c.add("change", "变化")
	cols := historyColumns{c.at["group"], c.at["name"], c.at["unit"], c.at["change"]}
	unitCol := cols.unit
	blocks, total := historyBlocks(s.res)
	room := max(0, s.MaxRows()-s.headRow(periods)-1)

	s.Limit(c.at["name"], 12, 36)
	for i := range periods {
		s.Limit(unitCol+1+i, 10, 16)
	}
	head := s.heading(c.last(), historyNote(h, periods, total, room), periods...)
	s.headers(head, c.heads...)
	row := head + 1
fill:
	for k := range blocks {
		bl := &blocks[k]
		for i, t := range bl.trends {
			if row-head-1 == room {
				break fill
			}
			s.historyRow(cols, row, bl, t.Unit, t.Ranks[min(skip, len(t.Ranks)):], i == 0)
			row++
		}
	}
	if row > head+1 {
		s.AutoFilter(1, head, c.last(), row-1)
	}
	if total > room {
		s.overflow(row, c.last(), fmt.Sprintf("注:本表共 %d 行,超出 Excel 单表 %d 行的上限,以上只列出前 %d 行,其余 %d 行未列出;完整历史见同时生成的 JSON 文件。",
			total, s.MaxRows(), room, total-room))
	}
	s.SetLayout(xlsx.Layout{Cols: c.last(), TitleRows: head - 1, HeadRows: head, KeepCols: unitCol})
}

// historyNote is the note under 历史's title, for the periods shown.
func historyNote(h *rank.History, periods []data.Month, total, room int) string {
	note := fmt.Sprintf("历史:各单位%s至%s各期的名次(1 为最好,— 为该期没有名次)和本期较上期的变化,先列总榜,再逐项列出指标;"+
		"某项指标各期均无名次的单位不列出。可用表头的筛选按钮只看某个单位。",
		periods[0].Label(), periods[len(periods)-1].Label())
	if len(periods) < len(h.Periods) {
		note += fmt.Sprintf("共 %d 期,超出 Excel 单表列数上限,只列出最近 %d 期。", len(h.Periods), len(periods))
	}
	if total > room {
		note += fmt.Sprintf("本表共 %d 行,超出 Excel 单表上限,只列出前 %d 行(见表末说明)。", total, room)
	}
	return note
}

// historyRow writes a unit's ranks in a block of 历史, and the change into
// the last period; first marks the block's first row, ruled off from the
// block above.
func (s *sheet) historyRow(c historyColumns, row int, bl *historyBlock, unit string, ranks []*int, first bool) {
	s.Text(c.group, row, bl.group, styleKey{role: roleText, first: first})
	s.Text(c.name, row, bl.name, styleKey{role: roleText, first: first})
	s.Text(c.unit, row, unit, styleKey{role: roleText, first: first})
	for j, r := range ranks {
		s.rankCell(c.unit+1+j, row, r, styleKey{role: roleCenter, first: first})
	}
	s.change(c.change, row, lastChange(ranks), styleKey{first: first})
}

// historyColumns are 历史's columns but the periods', which follow unit.
type historyColumns struct{ group, name, unit, change int }

// historyBlock is a block of 历史's rows: the overall board's or an
// indicator's units, in this period's order.
type historyBlock struct {
	group, name string
	trends      []rank.Trend
}

// historyBlocks are 历史's blocks, the overall board first, and how many
// rows they make.
func historyBlocks(res *rank.Result) ([]historyBlock, int) {
	h := res.History
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
	blocks := []historyBlock{{"总榜", "综合得分排名", board}}
	order := map[string][]rank.Entry{}
	for _, ind := range res.Indicators {
		order[ind.Group+"/"+ind.Name] = ind.Entries
	}
	total := len(board)
	for _, ti := range h.Indicators {
		trends := trendsInOrder(ti.Units, order[ti.Group+"/"+ti.Name])
		blocks = append(blocks, historyBlock{ti.Group, ti.Name, trends})
		total += len(trends)
	}
	return blocks, total
}

// trendsInOrder are the units with a rank in some period, in this
// period's order: ranked units by rank, then the units ranked only in
// earlier periods.
func trendsInOrder(units []rank.Trend, entries []rank.Entry) []rank.Trend {
	byUnit := map[string]rank.Trend{}
	for _, t := range units {
		if ranked(t) {
			byUnit[t.Unit] = t
		}
	}
	var trends []rank.Trend
	for _, e := range entries {
		if t, ok := byUnit[e.Unit]; ok {
			trends = append(trends, t)
			delete(byUnit, e.Unit)
		}
	}
	for _, t := range units {
		if _, ok := byUnit[t.Unit]; ok {
			trends = append(trends, t)
		}
	}
	return trends
}

// periodHead is a period's column header: "2022年3月", "2022年4月(本期)" for
// the current one, and the nature of figures that are not official:
// "2022年1月(模拟)".
func periodHead(p data.Month, current bool, prov data.Provenance) string {
	var marks []string
	if current {
		marks = append(marks, "本期")
	}
	if prov != data.Official {
		marks = append(marks, prov.Label())
	}
	if len(marks) == 0 {
		return p.Label()
	}
	return p.Label() + "(" + strings.Join(marks, ",") + ")"
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
