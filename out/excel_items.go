package out

import (
	"fmt"

	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
)

// writeItems fills 分项排名: one row per (indicator, unit), in rank order
// within each indicator, units without a figure last, with an autofilter
// so staff can cut it by group, indicator or unit. With an earlier period
// the rank's 变化 and the 连续期数 in the tier follow; indicators judged
// against 时序进度 add 较时序进度, in percentage points. Columns with
// nothing to show are left out rather than left empty. Printed, an
// indicator that fits on a page is kept on one.
func writeItems(s *sheet) {
	res := s.res
	c := newItemColumns(res)
	total := 0
	for _, ind := range res.Indicators {
		total += len(ind.Entries)
	}
	labels := tierLabels(res.Rules)

	// The longest group and indicator names shrink into their columns
	// rather than shrink the printed page.
	s.Limit(c.group, 8, 12)
	s.Limit(c.name, 12, 30)
	s.Limit(c.why, remarkWidth[0], remarkWidth[1])
	periods := shownPeriods(res, true)
	// Rows after the header hold entries; the last row, if needed, says
	// how many did not fit.
	room := max(0, s.MaxRows()-s.headRow(periods)-1)
	head := s.heading(c.last()-1, itemsNote(res, total, room), periods...)
	s.headers(head, c.heads...)
	row := head + 1
fill:
	for k := range res.Indicators {
		ind := &res.Indicators[k]
		format := numFormat(ind.Unit, ind.Precision)
		first := row
		for i := range ind.Entries {
			if row-head-1 == room {
				break fill
			}
			e := &ind.Entries[i]
			s.itemRow(&c, row, ind, e, format, labels.of(ind, e), i == 0)
			row++
		}
		s.Keep(first, row-1)
	}
	if row > head+1 {
		s.AutoFilter(1, head, c.last(), row-1)
	}
	if total > room {
		s.overflow(row, c.last()-1, fmt.Sprintf("注:本表共 %d 行,超出 Excel 单表 %d 行的上限,以上只列出前 %d 行,其余 %d 行未列出;"+
			"各单位的全部名次见“排名矩阵”,全部数值见同时生成的 JSON 文件。", total, s.MaxRows(), room, total-room))
	}
	s.SetLayout(xlsx.Layout{Cols: c.last(), TitleRows: head - 1, HeadRows: head, KeepCols: c.who,
		PrintCols: c.last() - 1, RowHeight: rowPoints})
}

// rowPoints is the height of a table row of one line of 11-point text,
// the sheet's default, which LibreOffice also gives a row of Chinese text;
// it is set on the rows of the sheets whose pages are planned.
const rowPoints = 15

// itemColumns are 分项排名's columns, looked up once for the 850,000 rows
// of a national sheet; a column not shown is 0.
type itemColumns struct {
	columns
	group, name, unit, who, value, rank, tier, why int
	change, streak, schedule                       int
	target                                         *float64 // 时序进度, when some indicator is judged against it
}

func newItemColumns(res *rank.Result) itemColumns {
	hist := !res.Previous.IsZero()
	var c itemColumns
	c.target = scheduleTarget(res)
	for _, h := range []string{"分组", "指标", "单位(计量)", "单位名称", "数值", "排名"} {
		c.add(h, h)
	}
	if hist {
		c.add("change", "变化")
	}
	c.add("tier", "档次")
	if hist {
		c.add("streak", "连续\n期数")
	}
	if c.target != nil {
		c.add("schedule", "较时序进度(百分点)")
	}
	c.add("why", "说明")
	c.group, c.name, c.unit, c.who, c.value, c.rank = c.at["分组"], c.at["指标"], c.at["单位(计量)"], c.at["单位名称"], c.at["数值"], c.at["排名"]
	c.tier, c.why, c.change, c.streak, c.schedule = c.at["tier"], c.at["why"], c.at["change"], c.at["streak"], c.at["schedule"]
	return c
}

// itemsNote is the note under 分项排名's title.
func itemsNote(res *rank.Result, total, room int) string {
	note := "分项排名:每项指标按名次排列,未报送的单位列在最后;可用表头的筛选按钮按分组、指标或单位筛选。" + tierLegend(res.Rules)
	if !res.Previous.IsZero() {
		note += fmt.Sprintf("变化与%s相比:↑进位、↓退位、—持平;连续期数为连续处于当前档次的期数(含本期)。", res.Previous.Label())
	}
	if target := scheduleTarget(res); target != nil {
		note += "较时序进度 = 完成率 − 时序进度 " + text.Percent(*target) + ",单位为百分点,红色为超过、深黄色为落后。"
	}
	if total > room {
		note += fmt.Sprintf("本表共 %d 行,超出 Excel 单表上限,只列出前 %d 行(见表末说明)。", total, room)
	}
	return note
}

// itemRow writes an entry's row; first marks the indicator's first row,
// ruled off from the indicator above.
func (s *sheet) itemRow(c *itemColumns, row int, ind *rank.Indicator, e *rank.Entry, format, tier string, first bool) {
	s.Text(c.group, row, ind.Group, styleKey{role: roleShrink, first: first})
	s.Text(c.name, row, ind.Name, styleKey{role: roleShrink, first: first})
	s.Text(c.unit, row, ind.Unit, styleKey{role: roleCenter, first: first})
	s.Text(c.who, row, e.Unit, styleKey{role: roleText, tier: e.Tier, first: first})
	if e.Value != nil {
		s.number(c.value, row, *e.Value, styleKey{role: roleNumber, numFmt: format, tier: e.Tier, first: first},
			func() string { return shownValue(*ind, *e.Value) })
	} else {
		s.Text(c.value, row, "—", styleKey{role: roleCenter, first: first})
	}
	if e.ReverseRank != nil {
		// Its bottom tier comes from the other end: both ranks, on two
		// lines, so that "4" on a yellow cell explains itself.
		s.Text(c.rank, row, text.Place(*e.Rank, len(e.Tie) > 0, nil)+"\n("+text.FromWorst(*e.ReverseRank, len(e.Tie) > 0)+")", styleKey{role: roleCenterWrap, tier: e.Tier, first: first})
	} else {
		s.rankCell(c.rank, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier, first: first})
	}
	s.Text(c.tier, row, tier, styleKey{role: roleCenter, tier: e.Tier, first: first})
	if c.change > 0 {
		s.change(c.change, row, e.Change, styleKey{tier: e.Tier, first: first})
		s.streak(c.streak, row, e.Streak, styleKey{first: first})
	}
	if c.target != nil {
		s.signed(c.schedule, row, e.VsSchedule, pointsFormat, 1, styleKey{first: first})
	}
	s.Text(c.why, row, e.Why, styleKey{role: roleRemark, first: first})
}

// scheduleTarget is the period's 时序进度 (33.3 for April) when some
// indicator is judged against it, else nil.
func scheduleTarget(res *rank.Result) *float64 {
	for _, ind := range res.Indicators {
		if ind.ScheduleTarget != nil {
			return ind.ScheduleTarget
		}
	}
	return nil
}

// tierNames are the labels of 档次, made once: 分项排名 labels every entry.
type tierNames map[rank.Tier]string

// of names an entry's tier, saying why when it has none.
func (t tierNames) of(ind *rank.Indicator, e *rank.Entry) string {
	switch {
	case e.Value == nil:
		return "未报送"
	case !ind.Ranked:
		return "不参与排名"
	}
	return t[e.Tier]
}

// tierLabels are the tiers' names ("前3位", "中间", "后3位", "未报送").
func tierLabels(o rank.Options) tierNames {
	t := tierNames{}
	for _, tier := range []rank.Tier{rank.None, rank.Top, rank.Middle, rank.Bottom} {
		t[tier] = text.StyleOf(tier).Name(o)
	}
	return t
}
